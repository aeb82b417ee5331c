// The `thoughtspot-rest-api` command end to end: spawned as a process (node + tsx on src/cli/bin.ts, as
// the built dist/cli.js runs) against the mock ThoughtSpot, checking stdout, stderr and exit status.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseArgs, parseFilter, parseSwap, UsageError } from "../../src/cli/args.js";
import { deploySpec, exportSpec, importSpec } from "../../src/cli/commands.js";
import { run } from "../../src/cli/main.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "src/cli/bin.ts");
const OVERVIEW = "61728394-0008-4a5b-8c9d-000000000008";

let mock: MockThoughtSpot;
let dir: string;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
  dir = await mkdtemp(join(tmpdir(), "deploy-cli-"));
}, 120_000);
afterAll(async () => {
  await mock?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => mock.reset());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command with the mock's admin credentials (and `env` over them); never throws. */
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    TS_SERVER_URL: mock.url,
    TS_USERNAME: mock.credentials.username,
    TS_PASSWORD: mock.credentials.password,
  };
  return new Promise((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", bin, ...args],
      {
        cwd: root,
        timeout: 60_000,
        env: Object.fromEntries(
          Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined),
        ) as NodeJS.ProcessEnv,
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        done({ code: Number.isInteger(code) ? code : 1, stdout, stderr });
      },
    );
  });
}

describe("thoughtspot-rest-api (the command)", () => {
  it("--help lists the commands and environment; each command's --help lists every option", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    for (const text of [
      "tml export",
      "tml import",
      "tml deploy",
      "TS_SERVER_URL",
      "TS_TARGET_ORG_ID",
      "Exit status",
    ])
      expect(top.stdout).toContain(text);
    for (const spec of [exportSpec, importSpec, deploySpec]) {
      const help = await cli([...spec.name.split(" "), "--help"]);
      expect(help.code).toBe(0);
      for (const flag of Object.keys(spec.flags)) expect(help.stdout).toContain(`--${flag}`);
      expect(help.stderr).toBe("");
    }
  }, 60_000);

  it("deploys Primary → Production: report on stdout, counter on stderr, exit 0; the second run changes nothing", async () => {
    const mapping = join(dir, "cli-map.json");
    const first = await cli(["tml", "deploy", OVERVIEW, "--mapping", mapping, "--target-org", "2"]);
    expect(first.stderr).toMatch(/exporting 1\/1/);
    expect(first.stderr).toMatch(/importing (\d+)\/\1/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Deploy to .*\/org\/2\n/);
    expect(first.stdout).toMatch(/created\s+liveboard "Retail Overview 📈"/);
    const created = Number(/(\d+) created, 0 updated, 0 unchanged, 0 failed/.exec(first.stdout)?.[1]);
    expect(created).toBeGreaterThan(1);
    const file = JSON.parse(await readFile(mapping, "utf8"));
    expect(Object.keys(Object.values(file.targets)[0] as object)).toHaveLength(created);

    const second = await cli([
      "tml",
      "deploy",
      OVERVIEW,
      "--mapping",
      mapping,
      "--target-org",
      "2",
      "--json",
      "--quiet",
    ]);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe("");
    const report = JSON.parse(second.stdout);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: created, failed: 0 });
    expect(report.ok).toBe(true);
    expect(report.objects[0]).toHaveProperty("outcome", "unchanged");

    // The target really holds them, under the GUIDs the report gives.
    const production = mock.client({
      auth: { username: mock.credentials.username, password: mock.credentials.password, orgId: 2 },
    });
    const lb = report.objects.find((o: { type: string }) => o.type === "liveboard");
    const { objects } = await production.tml.export(lb.targetGuid);
    expect(objects[0]!.name).toBe("Retail Overview 📈");
  }, 60_000);

  it("export to a folder, then deploy that folder with a dry run: nothing changes, exit 0", async () => {
    const out = join(dir, "exported");
    const exported = await cli(["tml", "export", "Retail Overview 📈", "--type", "LIVEBOARD", "--out", out]);
    expect(exported.code).toBe(0);
    const files = exported.stdout.trim().split("\n");
    expect(files.some((f) => f.endsWith("Retail Overview 📈.liveboard.tml"))).toBe(true);
    expect(exported.stderr).toContain(`exported ${files.length} object(s)`);

    const mapping = join(dir, "dry-map.json");
    const dry = await cli(["tml", "deploy", "--from", out, "--mapping", mapping, "--dry-run", "--json"], {
      TS_TARGET_ORG_ID: "1",
    });
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.counts.created).toBe(files.length);
    await expect(readFile(mapping, "utf8")).rejects.toThrow(/ENOENT/);
    const development = mock.client({
      auth: { username: mock.credentials.username, password: mock.credentials.password, orgId: 1 },
    });
    expect(await development.metadata.search({ type: "LIVEBOARD" })).toEqual([]);

    const validated = await cli(["tml", "import", out, "--policy", "VALIDATE_ONLY"]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain(`${files.length} valid, 0 failed`);
  }, 60_000);

  it("exit 1 when an object fails (message on stdout), and for a refused login (no password in the output)", async () => {
    const folder = join(dir, "broken");
    await rm(folder, { recursive: true, force: true });
    await (await import("node:fs/promises")).mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, "ok.liveboard.tml"),
      "liveboard:\n  name: Fine board\n  visualizations: []\n",
    );
    await writeFile(join(folder, "bad.custom_v2.tml"), "custom_v2:\n  name: Unreadable object\n");
    const partial = await cli([
      "tml",
      "deploy",
      "--from",
      folder,
      "--mapping",
      join(dir, "bad-map.json"),
      "--target-org",
      "2",
    ]);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/failed\s+custom_v2 "Unreadable object"\n\s+Invalid TML: no type or name/);
    expect(partial.stdout).toMatch(/created\s+liveboard "Fine board"/);

    const imported = await cli(["tml", "import", folder, "--json"]);
    expect(imported.code).toBe(1);
    expect(JSON.parse(imported.stdout).failures).toHaveLength(1);

    const wrong = "Wrong-Passw0rd-not-printed";
    const denied = await cli(["tml", "export", OVERVIEW, "--out", join(dir, "x")], { TS_PASSWORD: wrong });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/Error/);
    expect(denied.stdout + denied.stderr).not.toContain(wrong);
  }, 60_000);

  it("a request error stops the deploy: the partial report on stdout, the error on stderr, exit 1", async () => {
    const mapping = join(dir, "stopped-map.json");
    mock.fail("importMetadataTML", { status: 500, times: Number.POSITIVE_INFINITY });
    try {
      const text = await cli(["tml", "deploy", OVERVIEW, "--mapping", mapping, "--target-org", "2"]);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/^Deploy to .*\/org\/2\n/);
      // The first request (the connection) failed; nothing after it was sent.
      expect(text.stdout).toMatch(/failed\s+connection "[^"]+"[^\n]*\n\s+the import request failed \(/);
      expect(text.stdout).toMatch(
        /failed\s+liveboard "Retail Overview 📈"[^\n]*\n\s+not attempted: the deploy stopped/,
      );
      expect(text.stdout).toMatch(/\nStopped part-way: .+\n$/);
      expect(text.stderr).toMatch(/TmlDeployError: tml.deploy stopped: /);
      expect(text.stdout + text.stderr).not.toContain(mock.credentials.password);
      await expect(readFile(mapping, "utf8")).rejects.toThrow(/ENOENT/); // nothing went through

      const machine = await cli([
        "tml",
        "deploy",
        OVERVIEW,
        "--mapping",
        mapping,
        "--target-org",
        "2",
        "--json",
        "--quiet",
      ]);
      expect(machine.code).toBe(1);
      const report = JSON.parse(machine.stdout);
      expect(report.ok).toBe(false);
      expect(report.stopped).toEqual(expect.any(String));
      expect(report.error).toMatchObject({
        name: "TmlDeployError",
        status: 500,
        operationId: "importMetadataTML",
      });
      expect(report.counts.failed).toBe(report.objects.length);
      expect(machine.stderr).toMatch(/^TmlDeployError: /);
    } finally {
      mock.clearFaults();
    }
  }, 60_000);

  it("exit 2 for unusable arguments or environment, before any request", async () => {
    mock.clearRequests();
    const cases: [string[], Record<string, string | undefined>, RegExp][] = [
      [["tml", "deploy", OVERVIEW], {}, /--mapping FILE is required/],
      [["tml", "deploy", OVERVIEW, "--mapping", "m.json", "--bogus"], {}, /unknown option --bogus/],
      [
        ["tml", "deploy", OVERVIEW, "--mapping", "m.json", "--policy", "SOMETIMES"],
        {},
        /PARTIAL, ALL_OR_NONE/,
      ],
      [["tml", "export", OVERVIEW, "--out", "x"], { TS_SERVER_URL: undefined }, /set TS_SERVER_URL/],
      [["tml", "export", OVERVIEW, "--out", "x"], { TS_PASSWORD: undefined }, /TS_PASSWORD or TS_SECRET_KEY/],
      [
        ["tml", "deploy", OVERVIEW, "--mapping", "m.json"],
        { TS_TARGET_SERVER_URL: "https://other.example.com" },
        /another server: set TS_TARGET_USERNAME/,
      ],
      [["tml", "frobnicate"], {}, /unknown command/],
    ];
    for (const [args, env, message] of cases) {
      const r = await cli(args, env);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    }
    expect(mock.requests()).toEqual([]);
  }, 90_000);
});

describe("the command in process", () => {
  it("parses flags: =value and separate values, --no-x, repeatable lists, choices, numbers, --", () => {
    const args = parseArgs(
      [
        "a",
        "--type=liveboard",
        "--no-dependencies",
        "--include",
        "x",
        "--include=/^S/i",
        "--batch-size",
        "7",
        "--",
        "--not-a-flag",
      ],
      deploySpec,
    );
    expect(args.positionals).toEqual(["a", "--not-a-flag"]);
    expect(args.values).toEqual({
      type: ["LIVEBOARD"],
      dependencies: false,
      include: ["x", "/^S/i"],
      "batch-size": 7,
    });
    expect(() => parseArgs(["--batch-size", "1.5"], deploySpec)).toThrow(/whole number/);
    expect(() => parseArgs(["--mapping"], deploySpec)).toThrow(/needs a value/);
    expect(() => parseArgs(["--mapping", "--force"], deploySpec)).toThrow(/needs a value/);
    expect(() => parseArgs(["--force=yes"], deploySpec)).toThrow(UsageError);
    expect(() => parseArgs(["-x"], deploySpec)).toThrow(/unknown option -x/);
    expect(parseFilter("/^Sales/i")).toEqual(/^Sales/i);
    expect(parseFilter("Sales")).toBe("Sales");
    expect(() => parseFilter("/(/")).toThrow(UsageError);
    expect(parseSwap("connection", "Dev WH=Prod WH")).toEqual(["Dev WH", { name: "Prod WH" }]);
    expect(parseSwap("table", "T=0b6f3c1e-5a2d-4c8e-9f10-6d7e8a9b0c11")).toEqual([
      "T",
      { fqn: "0b6f3c1e-5a2d-4c8e-9f10-6d7e8a9b0c11" },
    ]);
    expect(() => parseSwap("table", "nothing")).toThrow(UsageError);
  });

  it("stopped part-way: what went through is reported created and kept in the mapping; the rest failed; exit 1", async () => {
    const mapping = join(dir, "partway-map.json");
    const out: string[] = [];
    const err: string[] = [];
    let armed = false;
    const code = await run(["tml", "deploy", OVERVIEW, "--mapping", mapping, "--target-org", "2", "--json"], {
      env: {
        TS_SERVER_URL: mock.url,
        TS_USERNAME: mock.credentials.username,
        TS_PASSWORD: mock.credentials.password,
      },
      stdout: { write: (t: string) => out.push(t) },
      stderr: {
        write: (t: string) => {
          err.push(t);
          // After the first import (the connection), every import fails.
          if (!armed && /^importing [1-9]/.test(t)) {
            armed = true;
            mock.fail("importMetadataTML", { status: 500, times: Number.POSITIVE_INFINITY });
          }
        },
      },
    }).finally(() => mock.clearFaults());
    expect(armed).toBe(true);
    expect(code).toBe(1);
    const report = JSON.parse(out.join(""));
    const created = report.objects.filter((o: { outcome: string }) => o.outcome === "created");
    expect(created.map((o: { type: string }) => o.type)).toEqual(["connection"]);
    expect(report.counts).toMatchObject({ created: 1, failed: report.objects.length - 1 });
    expect(report.error.name).toBe("TmlDeployError");
    const file = JSON.parse(await readFile(mapping, "utf8"));
    expect(Object.keys(file.targets[report.target])).toEqual([created[0].key]);
    expect(err.join("")).toMatch(/TmlDeployError: tml.deploy stopped: /);
  });

  it("on a terminal, progress is one counter line rewritten in place; stdout gets only the report", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(
      ["tml", "deploy", OVERVIEW, "--mapping", join(dir, "tty-map.json"), "--target-org", "1", "--json"],
      {
        env: {
          TS_SERVER_URL: mock.url,
          TS_USERNAME: mock.credentials.username,
          TS_PASSWORD: mock.credentials.password,
        },
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t), isTTY: true },
      },
    );
    expect(code).toBe(0);
    expect(JSON.parse(out.join("")).ok).toBe(true);
    const stderr = err.join("");
    const rewrite = "\r\u001b[2K"; // carriage return, then erase the line
    const lines = stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(2); // one line per phase
    expect(lines[0]!.startsWith(`${rewrite}exporting 1/1`)).toBe(true);
    const last = lines[1]!.split(rewrite).at(-1)!;
    expect(last).toMatch(/^importing (\d+)\/\1$/);
    expect(stderr.endsWith("\n")).toBe(true);
  });
});
