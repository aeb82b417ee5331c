// Every script in examples/ runs against one mock ThoughtSpot: its main() with a shared mock, each request
// checked by Prism (strict), its result checked; README.md lists each; one runs standalone through tsx.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type MockThoughtSpot, startMockThoughtSpot } from "thoughtspot-rest-api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Example, ExampleContext } from "../../examples/support/run.js";

const root = join(import.meta.dirname, "../..");
const dir = join(root, "examples");
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "demo.ts")
  .sort();

/** What each example's result must show, on the mock's example data (mock/). */
const expectations: Record<string, (result: never) => void> = {
  "list-users-groups-objects.ts": (r: { users: number; members: number; counts: Record<string, number> }) => {
    expect(r.users).toBeGreaterThan(10); // more than one page of the walk
    expect(r.members).toBeGreaterThan(0);
    expect(r.members).toBeLessThan(r.users);
    expect(r.counts.Liveboards).toBeGreaterThan(0);
  },
  "users-groups-create-update.ts": (r: { created: string[]; groups: string[] }) => {
    expect(r.created).toEqual(["group store-managers", "user lena.fischer"]);
    expect(r.groups).toEqual(expect.arrayContaining(["store-managers", "analysts"]));
  },
  "user-group-sync.ts": (r: { create: string[]; regroup: string[]; deactivate: string[] }) => {
    expect(r.create).toEqual(["mia.jensen"]);
    expect(r.regroup.length).toBeGreaterThan(0);
    expect(r.deactivate).not.toContain("tsadmin");
  },
  "tml-export-to-folder.ts": (r: { files: string[] }) => {
    expect(r.files.some((f) => f.endsWith(".liveboard.tml"))).toBe(true);
    expect(r.files.length).toBeGreaterThan(1);
  },
  "tml-deploy.ts": (r: { first: Record<string, number>; second: Record<string, number>; mapped: number }) => {
    expect(r.first.created).toBeGreaterThan(1);
    expect(r.first).toMatchObject({ updated: 0, unchanged: 0, failed: 0 });
    expect(r.second).toEqual({ created: 0, updated: 0, unchanged: r.first.created, failed: 0 });
    expect(r.mapped).toBe(r.first.created);
  },
  "content-by-owner.ts": (r: Record<string, number>) => expect(Object.keys(r).length).toBeGreaterThan(1),
  "transfer-ownership.ts": (r: { moved: string[]; left: string[] }) => {
    expect(r.moved.length).toBeGreaterThan(0);
    expect(r.left).toEqual([]);
  },
  "answer-data-rows.ts": (r: Record<string, number>) => {
    for (const count of Object.values(r)) expect(count).toBeGreaterThan(0);
    expect(r.v1Rows).toBe(r.liveboardRows);
  },
  "liveboard-report-export.ts": (r: Record<string, number>) => {
    expect(Object.keys(r).sort()).toEqual(["answer.csv", "liveboard.pdf", "visualization.png"]);
    for (const bytes of Object.values(r)) expect(bytes).toBeGreaterThan(0);
  },
  "share-objects.ts": (r: { permissions: { principal: string; permission: string }[] }) => {
    // What the server answers after the shares: the owner, the two shares left, not the one taken away.
    const who = r.permissions.map((p) => `${p.principal} ${p.permission}`);
    expect(who).toEqual(expect.arrayContaining(["sales-emea READ_ONLY", "analysts MODIFY"]));
    expect(who.some((w) => w.startsWith("sales-amer"))).toBe(false);
  },
  "tag-objects.ts": (r: { tagged: string[]; untagged: string[] }) => {
    expect(r.tagged.length).toBeGreaterThan(0);
    expect(r.untagged.length).toBeGreaterThan(0);
  },
  "delete-objects.ts": (r: { deleted: string[] }) => expect(r.deleted).toEqual(["Sales by Catégorie (copy)"]),
  "spotter-conversation.ts": (r: { streamed: number }) => expect(r.streamed).toBeGreaterThan(0),
  "timeouts-retries.ts": (r: { logLines: number }) => expect(r.logLines).toBeGreaterThan(0),
};

/** Faults set before an example runs, and what its requests must then show. */
const faults: Record<string, { set(m: MockThoughtSpot): void; check(m: MockThoughtSpot): void }> = {
  // The retrying client of timeouts-retries.ts meets a 429 and tries again after Retry-After.
  "timeouts-retries.ts": {
    set: (m) => m.fail("searchUsers", { status: 429, times: 1, retryAfter: 0 }),
    check: (m) =>
      expect(
        m
          .requests()
          .filter((r) => r.operationId === "searchUsers")
          .map((r) => r.status)
          .slice(0, 2),
      ).toEqual([429, 200]),
  },
};

let mock: MockThoughtSpot;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
}, 120_000);
afterAll(() => mock?.close());

describe("examples/", () => {
  it("has at least 15 scripts, each listed in examples/README.md", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(15);
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    for (const script of scripts) expect(readme).toContain(`](${script})`);
  });

  it.each(scripts)("%s runs against the mock", async (script) => {
    const { main } = (await import(join(dir, script))) as { main: Example };
    expect(typeof main).toBe("function");
    const outDir = await mkdtemp(join(tmpdir(), "ts-example-test-"));
    const lines: string[] = [];
    const context: ExampleContext = {
      ts: mock.client(),
      connect: (options) => mock.client(options),
      connectToOrg: (orgId) =>
        mock.client({
          auth: { username: mock.credentials.username, password: mock.credentials.password, orgId },
        }),
      log: (line = "") => lines.push(line),
      outDir,
      writes: true,
    };
    mock.reset(); // each example starts from the example data
    mock.clearRequests();
    faults[script]?.set(mock);
    try {
      const result = await main(context);
      faults[script]?.check(mock);
      expect(lines.length).toBeGreaterThan(0);
      const received = mock.requests();
      expect(received.length).toBeGreaterThan(0);
      // Strict mode already failed any call that broke the spec; also no path the spec does not know.
      expect(received.filter((r) => r.operationId === undefined).map((r) => r.path)).toEqual([]);
      expectations[script]?.(result as never);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it("runs standalone with tsx, importing the package by name", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(dir, "list-users-groups-objects.ts")],
      { cwd: root, timeout: 110_000, env: { ...process.env, TS_SERVER_URL: "" } },
    );
    expect(stdout).toMatch(/mock ThoughtSpot on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/Liveboards: Retail Overview/);
  }, 120_000);
});
