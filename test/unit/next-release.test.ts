// "ThoughtSpot ships its next two releases": a next spec built from the vendored one, then one built on
// top of that, are taken in a row with `npm run generate -- --v2 <file>` on a temporary copy of the whole
// project, with no hand edit. Each update must exit 0 and list its changes (newest section first in
// openapi/CHANGES.md); the copy must then type-check and pass its own table-driven tests, and its
// ts.paginate must walk the new paginated operations at once.
// The copy's full vitest suite and full-project tsc take minutes on a shared machine, so this runs
// one type-check of the copy's facade, generated files and table-driven tests (type tests included;
// it replaces the update flow's own facade type-check, which the exit-3 case below exercises), and
// those tests: pagination rules, the client's operation list and the pagination walks over HTTP.
// The rest of the suite does not read the tables.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify, stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseOf } from "../../scripts/lib/spec/load.js";
import { SPEC_FILES } from "../../scripts/lib/spec/read.js";
import { json, startServer, type TestServer } from "../support/server.js";

const repo = join(import.meta.dirname, "../..");
const exec = promisify(execFile);
const bin = (name: string) => join(repo, "node_modules/.bin", name);
// biome-ignore lint/suspicious/noExplicitAny: the spec is edited as plain JSON, deep in untyped places.
type Obj = Record<string, any>;

/** Runs a command in `cwd`; resolves with its exit code and output whatever the code. */
const run = (file: string, args: string[], cwd: string) =>
  exec(file, args, { cwd, maxBuffer: 32 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

/** A copy of the project (no .git, dist or node_modules; node_modules linked). */
async function projectCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ts-next-release-"));
  temps.push(dir);
  const skip = new Set(["node_modules", ".git", "dist", "coverage"].map((n) => join(repo, n)));
  await cp(repo, dir, { recursive: true, filter: (src) => !skip.has(src) });
  await symlink(join(repo, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

const vendored = async (): Promise<Obj> => JSON.parse(await readFile(join(repo, SPEC_FILES.v2), "utf8"));
const jsonBody = (schema: Obj) => ({ required: true, content: { "application/json": { schema } } });
const answer = (content: Obj) => ({ "200": { description: "OK", content } });
const page = { record_offset: { type: "integer" }, record_size: { type: "integer" } };

/** The vendored spec plus what a next release typically brings. */
function nextRelease(doc: Obj): Obj {
  const next = structuredClone(doc);
  next.info.version = "99.1.0.cl";
  const schemas = next.components.schemas;
  schemas.ReportHeader = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } };
  next.paths["/api/rest/2.0/reports/search"] = {
    post: {
      operationId: "searchReports",
      tags: ["Reports"],
      requestBody: jsonBody({ type: "object", properties: { ...page, name_pattern: { type: "string" } } }),
      responses: answer({
        "application/json": {
          schema: {
            type: "object",
            properties: {
              reports: { type: "array", items: { $ref: "#/components/schemas/ReportHeader" } },
              is_last_batch: { type: "boolean" },
              count: { type: "integer" },
            },
          },
        },
      }),
    },
  };
  next.paths["/api/rest/2.0/audit/events/search"] = {
    post: {
      operationId: "searchAuditEvents",
      tags: ["Audit"],
      requestBody: jsonBody({ type: "object", properties: { ...page, event_type: { type: "string" } } }),
      responses: answer({
        "application/json": {
          schema: { type: "array", items: { type: "object", properties: { id: { type: "string" } } } },
        },
      }),
    },
  };
  next.paths["/api/rest/2.0/report/answer/image"] = {
    post: {
      operationId: "exportAnswerImage",
      tags: ["Reports"],
      requestBody: jsonBody({
        type: "object",
        required: ["metadata_identifier"],
        properties: { metadata_identifier: { type: "string" } },
      }),
      responses: answer({ "image/png": { schema: { type: "string", format: "binary" } } }),
    },
  };
  next.paths["/api/rest/2.0/files/upload"] = {
    post: {
      operationId: "uploadFile",
      tags: ["Files"],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary" }, name: { type: "string" } },
            },
          },
        },
      },
      responses: answer({
        "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } },
      }),
    },
  };
  // A new value in an enum a helper checks (sharing), and a value removed that no helper uses.
  schemas.ShareMetadataTypeInput.properties.type.enum.push("SPOTTER_AGENT");
  const exportTypes = schemas.ExportMetadataTypeInput.properties.type;
  exportTypes.enum = exportTypes.enum.filter((v: string) => v !== "FEEDBACK");
  return next;
}

/** The release after nextRelease: one more paginated search, a field more, an operation gone again. */
function releaseAfter(doc: Obj): Obj {
  const next = structuredClone(doc);
  next.info.version = "99.2.0.cl";
  next.paths["/api/rest/2.0/reports/schedules/search"] = {
    post: {
      operationId: "searchReportSchedules",
      tags: ["Reports"],
      requestBody: jsonBody({ type: "object", properties: { ...page } }),
      responses: answer({
        "application/json": {
          schema: {
            type: "object",
            properties: {
              schedules: { type: "array", items: { $ref: "#/components/schemas/ReportHeader" } },
              is_last_batch: { type: "boolean" },
            },
          },
        },
      }),
    },
  };
  next.components.schemas.ReportHeader.properties.owner = { type: "string" };
  delete next.paths["/api/rest/2.0/audit/events/search"];
  return next;
}

// Concurrent: the two copies are independent, and their slow steps (type-checks) overlap.
describe.concurrent("a next ThoughtSpot release regenerates with no hand edits", { timeout: 240_000 }, () => {
  let copy: string;
  let update: Awaited<ReturnType<typeof run>>;
  let second: Awaited<ReturnType<typeof run>>;
  let earlier: string;
  let vendoredRelease: string;

  /** Takes `doc` as the next V2 release in the copy; its changelog section goes to `out`. */
  async function take(doc: Obj, name: string) {
    const file = join(copy, "..", `${copy.split("/").pop()}-${name}.json`);
    temps.push(file);
    await writeFile(file, JSON.stringify(doc, null, 2));
    const out = join(copy, `${name}-changes.md`);
    return run(
      bin("tsx"),
      ["scripts/generate.ts", "--root", copy, "--v2", file, "--changelog-out", out, "--no-typecheck"],
      copy,
    );
  }

  beforeAll(async () => {
    copy = await projectCopy();
    earlier = await readFile(join(copy, "openapi/CHANGES.md"), "utf8");
    const doc = await vendored();
    vendoredRelease = releaseOf(doc) as string;
    const next = nextRelease(doc);
    update = await take(next, "next");
    second = await take(releaseAfter(next), "after");
  }, 240_000);

  it("exits 0 and lists every change", async () => {
    expect(update.stderr).toBe("");
    expect(update.code).toBe(0);
    const changelog = await readFile(join(copy, "next-changes.md"), "utf8");
    for (const added of [
      "`searchReports` — `POST /api/rest/2.0/reports/search`",
      "`searchAuditEvents` — `POST /api/rest/2.0/audit/events/search`",
      "`exportAnswerImage` — `POST /api/rest/2.0/report/answer/image`",
      "`uploadFile` — `POST /api/rest/2.0/files/upload`",
    ]) {
      expect(changelog).toContain(added);
    }
    expect(changelog).toMatch(/SPOTTER_AGENT/);
    expect(changelog).toMatch(/FEEDBACK/);
    // Every page rule is known: nothing waits for an overlay.
    expect(changelog).not.toContain("without a page rule");
  });

  it("takes the release after it on top (two updates in a row): exit 0, its own changes, newest first", async () => {
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    const section = await readFile(join(copy, "after-changes.md"), "utf8");
    expect(section).toMatch(/^## V2 99\.1\.0\.cl → 99\.2\.0\.cl /);
    expect(section).toContain("`searchReportSchedules` — `POST /api/rest/2.0/reports/schedules/search`");
    expect(section).toContain("`searchAuditEvents`");
    // searchReports came with the first update: here it is only changed (its items gained `owner`).
    expect(section).not.toMatch(/^- .*`searchReports` — /m);
    expect(section).toMatch(/^#### `searchReports` — /m);
    const changes = await readFile(join(copy, "openapi/CHANGES.md"), "utf8");
    const newest = changes.indexOf("## V2 99.1.0.cl → 99.2.0.cl");
    const first = changes.indexOf(`## V2 ${vendoredRelease} → 99.1.0.cl`);
    expect(newest).toBeGreaterThan(0);
    expect(first).toBeGreaterThan(newest);
    // What the changelog held before both updates is still there, after them.
    const before = earlier.slice(Math.max(0, earlier.search(/^## /m)));
    if (earlier.search(/^## /m) >= 0) expect(changes.endsWith(before)).toBe(true);
    const readme = await readFile(join(copy, "openapi/README.md"), "utf8");
    expect(readme).toContain("| release | 99.2.0.cl |");
  });

  it("writes the new operations' rows: page rules, binary, multipart, route index", async () => {
    const tables = await import(join(copy, "generated/v2-operations.ts"));
    const rows = tables.v2Operations as Obj;
    expect(rows.searchReports.page).toEqual({
      offset: "record_offset",
      size: "record_size",
      items: "reports",
      lastFlag: { at: ["is_last_batch"], last: true },
    });
    expect(rows.exportAnswerImage).toMatchObject({ binary: true, accept: "image/png" });
    expect(rows.uploadFile).toMatchObject({ body: "multipart", multipart: true });
    // From the second update: a new paginated search, and the audit search gone again.
    expect(rows.searchReportSchedules.page).toMatchObject({ items: "schedules" });
    expect(rows.searchAuditEvents).toBeUndefined();
    const { v2Routes } = await import(join(copy, "generated/v2-routes.ts"));
    expect(v2Routes["POST /api/rest/2.0/reports/search"]).toBe("searchReports");
    expect(tables.v2BasePath).toBe("");
  });

  it("walks the new paginated search through the copy's own ts.paginate", async () => {
    const { createThoughtSpotClient } = await import(join(copy, "src/index.ts"));
    const reports = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, name: `report ${i}` }));
    const server: TestServer = await startServer((req, res) => {
      const { record_offset: offset, record_size: size } = JSON.parse(req.body.toString());
      const slice = reports.slice(offset, offset + size);
      // A full last page: only the flag can end the walk without one more request.
      json(res, 200, { reports: slice, is_last_batch: offset + size >= reports.length, count: slice.length });
    });
    try {
      const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
      const seen = await ts.paginate("/api/rest/2.0/reports/search", {}, { pageSize: 5 }).toArray();
      expect(seen).toEqual(reports);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("the copy's facade and table-driven tests type-check, and the tests pass", async () => {
    const tests = [
      "test/unit/pagination-pages.test.ts",
      "test/unit/client.test.ts",
      "test/integration/pagination.test.ts",
    ];
    await writeFile(
      join(copy, "tsconfig.next.json"),
      JSON.stringify({
        extends: "./tsconfig.json",
        include: ["src", "generated", "test/support", "test/types/pagination.test-d.ts", ...tests],
      }),
    );
    const tsc = await run(bin("tsc"), ["--noEmit", "-p", "tsconfig.next.json"], copy);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
    const vitest = await run(bin("vitest"), ["run", "--project", "unit", ...tests], copy);
    expect(stripVTControlCharacters(vitest.stdout)).toMatch(/Test Files\s+3 passed/);
    expect(vitest.code).toBe(0);
  });

  it("a release that removes what a helper uses exits 3 and names the helper file and the operation", async () => {
    const copy = await projectCopy();
    const doc = await vendored();
    // ts.auth.objectToken calls getObjectAccessToken (src/auth/helpers.ts).
    const [path] = Object.entries(doc.paths as Obj).find(
      ([, item]) => (item as Obj).post?.operationId === "getObjectAccessToken",
    )!;
    delete doc.paths[path];
    const file = join(copy, "older.json");
    await writeFile(file, JSON.stringify(doc));
    const r = await run(bin("tsx"), ["scripts/generate.ts", "--root", copy, "--v2", file], copy);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("src/auth/helpers.ts");
    expect(r.stderr).toContain("getObjectAccessToken");
  });
});
