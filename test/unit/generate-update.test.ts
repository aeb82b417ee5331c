// The spec update flow (npm run generate -- --v2 <file>) on temporary copies of openapi/ and
// generated/: real ThoughtSpot releases, refusals that write nothing, stale patches, the type-check.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { releaseOf, SpecError } from "../../scripts/lib/spec/load.js";
import { SPEC_FILES } from "../../scripts/lib/spec/read.js";
import { type UpdateOptions, updateReadmeTable, updateSpecs } from "../../scripts/lib/update-spec.js";

const repo = join(import.meta.dirname, "../..");
const fixtures = join(repo, "test/fixtures/specs");
/** The vendored release, read from the file: a regeneration to a newer one needs no edit here. */
const VENDORED = releaseOf(JSON.parse(readFileSync(join(repo, SPEC_FILES.v2), "utf8"))) as string;
const specFiles: Record<string, string> = {
  "10.10.0.cl": join(fixtures, "openapiSpecv3-2_0.10.10.0.cl.json"),
  "26.7.0.cl": join(fixtures, "openapiSpecv3-2_0.26.7.0.cl.json"),
  [VENDORED]: join(repo, SPEC_FILES.v2),
};
function spec(release: string): string {
  const file = specFiles[release];
  if (!file) throw new Error(`no spec file for release ${release}`);
  return file;
}
const DATE = "2026-11-23";
const fast: Partial<UpdateOptions> = { typecheck: false, date: DATE };

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ts-update-"));
  temps.push(dir);
  return dir;
}

/** A copy of what the flow reads and writes; `v2` optionally replaces the vendored V2 file. */
async function tempRepo(v2?: string): Promise<string> {
  const dir = await tempDir();
  await cp(join(repo, "openapi"), join(dir, "openapi"), { recursive: true });
  await cp(join(repo, "generated"), join(dir, "generated"), { recursive: true });
  await mkdir(join(dir, "src"));
  await cp(join(repo, "src/operation-row.ts"), join(dir, "src/operation-row.ts"));
  // The operation table takes its id type from the named API types, which read CallOptions.
  await mkdir(join(dir, "src/core"));
  await cp(join(repo, "src/core/types.ts"), join(dir, "src/core/types.ts"));
  if (v2) {
    // generated/ as it was for the older spec: stale, so the update has to rewrite it.
    await cp(v2, join(dir, SPEC_FILES.v2));
    for (const f of ["v2.ts", "v2-operations.ts", "v2-routes.ts"])
      await writeFile(join(dir, "generated", f), "// stale\n");
  }
  return dir;
}

/** sha256 of every file under openapi/ and generated/, to prove nothing was written. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const top of ["openapi", "generated"]) {
    for (const entry of await readdir(join(dir, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      out[relative(dir, path)] = createHash("sha256")
        .update(await readFile(path))
        .digest("hex");
    }
  }
  return out;
}

type Doc = { paths: Record<string, Record<string, { operationId?: string }>> };
const METHODS = ["get", "put", "post", "delete", "patch"];

async function operationsOf(file: string): Promise<Map<string, string>> {
  const doc = JSON.parse(await readFile(file, "utf8")) as Doc;
  const ops = new Map<string, string>(); // "METHOD path" → operationId
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const id = item[m]?.operationId;
      if (id) ops.set(`${m.toUpperCase()} ${path}`, id);
    }
  }
  return ops;
}

async function generatedOperationIds(dir: string, api = "v2"): Promise<string[]> {
  const text = await readFile(join(dir, `generated/${api}-operations.ts`), "utf8");
  return [...text.matchAll(/^ {2}(\w+): \{/gm)].map((m) => m[1] as string).sort();
}

const sha = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
const minus = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => !b.has(x)).sort();
/** The sections of a CHANGES.md: everything from its first `## ` heading on ("" when none). */
const sectionsOf = (text: string) => {
  const at = text.search(/^## /m);
  return at < 0 ? "" : text.slice(at);
};
/** A section an earlier update would have written, for a changelog that already has history. */
const EARLIER =
  "## V2 25.1.0.cl → 25.2.0.cl (2026-01-05)\n\n### Added\n\n- `searchSomething` — `POST /api/rest/2.0/something/search`\n";

// Concurrent: each test has its own temporary copy, and the CLI test overlaps in-process work.
describe.concurrent("spec update flow", { timeout: 60_000 }, () => {
  // The changelog as the repository has it, and with an earlier section added: the update holds either.
  describe.each([
    ["26.7.0.cl", VENDORED, "as in the repository"],
    ["10.10.0.cl", VENDORED, "with an earlier section"],
  ])("update %s → %s, CHANGES.md %s", (from, to, history) => {
    it("diffs, vendors the bytes, regenerates, records README and CHANGES", async () => {
      const dir = await tempRepo(spec(from));
      const changesFile = join(dir, "openapi/CHANGES.md");
      if (history === "with an earlier section") {
        await writeFile(changesFile, `${(await readFile(changesFile, "utf8")).trimEnd()}\n\n${EARLIER}`);
      }
      const earlier = sectionsOf(await readFile(changesFile, "utf8"));
      const result = await updateSpecs([{ api: "v2", source: spec(to) }], { base: dir, ...fast });
      expect(result.status).toBe("updated");
      expect(result.exitCode).toBe(0);

      // Expected operation changes, from the two files themselves.
      const before = await operationsOf(spec(from));
      const after = await operationsOf(spec(to));
      const changes = result.updates[0]!.changes;
      const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
      const moved = changes.renamed.filter((r) => r.kind === "operation-moved");
      expect([...changes.added.map(key), ...moved.map((r) => key(r.to))].sort()).toEqual(
        minus(new Set(after.keys()), new Set(before.keys())),
      );
      expect([...changes.removed.map(key), ...moved.map((r) => key(r.from))].sort()).toEqual(
        minus(new Set(before.keys()), new Set(after.keys())),
      );
      const renamedIds = changes.renamed.filter((r) => r.kind === "operation-renamed");
      for (const r of renamedIds) expect(before.get(key(r.from))).not.toBe(after.get(key(r.to)));

      // The vendored file is the new file, byte for byte; the table has exactly its operationIds.
      expect(await sha(join(dir, SPEC_FILES.v2))).toBe(await sha(spec(to)));
      expect(await generatedOperationIds(dir)).toEqual([...after.values()].sort());
      expect(result.written).toEqual(
        expect.arrayContaining([
          SPEC_FILES.v2,
          "generated/v2.ts",
          "generated/v2-operations.ts",
          "generated/v2-routes.ts",
          "openapi/README.md",
          "openapi/CHANGES.md",
        ]),
      );
      // V1 is untouched by a V2 update.
      expect(result.written.filter((f) => f.includes("v1"))).toEqual([]);

      const readme = await readFile(join(dir, "openapi/README.md"), "utf8");
      expect(readme).toContain(`| sha256 | ${await sha(spec(to))} |`);
      expect(readme).toContain(`| release | ${to} |`);
      expect(readme).toContain(`| retrieved | ${DATE} |`);
      expect(readme).toContain(`| operations / schemas | ${after.size} / `);
      expect(readme).toContain("local file `openapiSpecv3-2_0.json`");
      expect(readme).toContain("## `v1/thoughtspot-v1.swagger.yaml` — authored here"); // other sections kept

      const changelog = await readFile(changesFile, "utf8");
      // The new section comes first, after the title and intro, and is what was returned for printing;
      // whatever sections the changelog had follow it unchanged.
      const sections = sectionsOf(changelog);
      const section = result.changelog.trim();
      expect(sections.startsWith(`## V2 ${from} → ${to} (${DATE})`)).toBe(true);
      expect(sections.startsWith(section)).toBe(true);
      expect(sections.slice(section.length).trim()).toBe(earlier.trim());
      for (const r of changes.added) expect(section).toContain(`\`${r.operationId}\` — \`${key(r)}\``);
      // Every vendored patch applies to the vendored release and is needed.
      expect(result.updates[0]!.patches.notApplicable).toEqual([]);
      expect(result.updates[0]!.patches.notNeeded).toEqual([]);
      expect(section).not.toContain("### Patches");

      // The same file again: no diff, no changelog, nothing written.
      const written = await snapshot(dir);
      const again = await updateSpecs([{ api: "v2", source: spec(to) }], { base: dir, ...fast });
      expect(again.status).toBe("unchanged");
      expect(again.updates[0]!.sameFile).toBe(true);
      expect(again.updates[0]!.changes.changes).toEqual([]);
      expect(again.changelog).toBe("");
      expect(again.written).toEqual([]);
      expect(await snapshot(dir)).toEqual(written);
    });
  });

  describe("refusals write nothing", () => {
    it.each([
      [
        "malformed JSON",
        '{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {',
        /not valid JSON/,
      ],
      ["a JSON file that is not OpenAPI", '{"name": "some-package", "version": "1.0.0"}', /not an OpenAPI/],
      ["an invalid OpenAPI document", '{"openapi": "3.0.3", "info": {"title": "x"}, "paths": {}}', /info/],
    ])("refuses %s and writes nothing", async (_name, text, message) => {
      const dir = await tempRepo();
      const file = join(await tempDir(), "new.json");
      await writeFile(file, text);
      const before = await snapshot(dir);
      const run = updateSpecs([{ api: "v2", source: file }], { base: dir, ...fast });
      await expect(run).rejects.toBeInstanceOf(SpecError);
      await expect(run).rejects.toThrow(message);
      expect(await snapshot(dir)).toEqual(before);
    });

    it("--fail-on-breaking: the vendored release → 10.10.0.cl removes operations, so it refuses and writes nothing", async () => {
      const dir = await tempRepo();
      const before = await snapshot(dir);
      const result = await updateSpecs([{ api: "v2", source: spec("10.10.0.cl") }], {
        base: dir,
        ...fast,
        failOnBreaking: true,
      });
      expect(result.status).toBe("breaking");
      expect(result.exitCode).not.toBe(0);
      expect(result.updates[0]!.changes.removed.length).toBeGreaterThan(0);
      expect(result.changelog).toContain("**BREAKING**");
      expect(await snapshot(dir)).toEqual(before);
    });

    it("--dry-run prints the changelog and writes nothing", async () => {
      const dir = await tempRepo(spec("26.7.0.cl"));
      const before = await snapshot(dir);
      const result = await updateSpecs([{ api: "v2", source: spec(VENDORED) }], {
        base: dir,
        ...fast,
        dryRun: true,
      });
      expect(result.status).toBe("dry-run");
      expect(result.changelog).toContain(`## V2 26.7.0.cl → ${VENDORED}`);
      expect(await snapshot(dir)).toEqual(before);
    });
  });

  describe("patches", () => {
    it("reports a patch that no longer applies and one that is no longer needed", async () => {
      const dir = await tempRepo(spec("26.7.0.cl"));
      const patches = join(dir, "openapi/patches/v2");
      const title = (JSON.parse(await readFile(spec(VENDORED), "utf8")) as { info: { title: string } }).info
        .title;
      await writeFile(
        join(patches, "900-moved.json"),
        JSON.stringify({ why: "test", ops: [{ op: "replace", path: "/paths/~1gone/get", value: {} }] }),
      );
      await writeFile(
        join(patches, "901-fixed.json"),
        JSON.stringify({ why: "test", ops: [{ op: "replace", path: "/info/title", value: title }] }),
      );
      const result = await updateSpecs([{ api: "v2", source: spec(VENDORED) }], { base: dir, ...fast });
      const report = result.updates[0]!.patches;
      expect(report.notApplicable.map((p) => p.file)).toEqual(["900-moved.json"]);
      expect(report.notNeeded).toEqual(["901-fixed.json"]);
      const changelog = await readFile(join(dir, "openapi/CHANGES.md"), "utf8");
      expect(changelog).toContain("### Patches no longer needed\n");
      expect(changelog).toContain("- `901-fixed.json`");
      expect(changelog).toContain("### Patches that no longer apply\n");
      expect(changelog).toMatch(
        /- \*\*WARNING\*\* `900-moved\.json`: replace \/paths\/~1gone\/get: .*not found/,
      );
    });

    it("on an old release, the vendored patches whose targets are missing are reported", async () => {
      const dir = await tempRepo();
      const old = await operationsOf(spec("10.10.0.cl"));
      const result = await updateSpecs([{ api: "v2", source: spec("10.10.0.cl") }], { base: dir, ...fast });
      const stale = result.updates[0]!.patches.notApplicable.map((p) => p.file);
      // 10.10.0.cl has no Spotter streaming operation, the target of the SSE patches.
      expect(old.has("POST /api/rest/2.0/ai/agent/converse/sse")).toBe(false);
      expect(stale).toEqual(expect.arrayContaining(["002-sse-streams.json", "004-sse-streams-no-201.json"]));
      expect(result.changelog).toContain("`002-sse-streams.json`");
    });
  });

  it("takes a URL and records it as the source", async () => {
    const body = await readFile(spec("26.7.0.cl"));
    const server = createServer((_req, res) => res.end(body));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api-spec/openapiSpecv3-2_0.json`;
      const dir = await tempRepo();
      const result = await updateSpecs([{ api: "v2", source: url }], { base: dir, ...fast, dryRun: true });
      expect(result.updates[0]!.sourceLabel).toBe(url);
      expect(result.updates[0]!.readme).toContain(`| source | ${url} |`);
      expect(result.updates[0]!.readme).toContain("| release | 26.7.0.cl |");
      expect(result.changelog).toContain(`## V2 ${VENDORED} → 26.7.0.cl`);
    } finally {
      server.close();
    }
  });

  describe("V1", () => {
    it("--v1 takes a Swagger 2.0 file, diffs the converted forms and regenerates V1 only", async () => {
      const dir = await tempRepo();
      const swagger = parseYaml(await readFile(join(repo, SPEC_FILES.v1), "utf8")) as Doc;
      const [dropPath, dropItem] = Object.entries(swagger.paths)[0]!;
      const dropIds = METHODS.map((m) => dropItem[m]?.operationId).filter(Boolean);
      delete swagger.paths[dropPath];
      const file = join(await tempDir(), "v1.json");
      await writeFile(file, JSON.stringify(swagger, null, 2));

      const result = await updateSpecs([{ api: "v1", source: file }], { base: dir, ...fast });
      expect(result.status).toBe("updated");
      expect(result.updates[0]!.changes.removed.map((r) => r.operationId).sort()).toEqual(dropIds.sort());
      expect(result.updates[0]!.changes.added).toEqual([]);
      const ids = await generatedOperationIds(dir, "v1");
      for (const id of dropIds) expect(ids).not.toContain(id);
      expect(result.written.filter((f) => f.includes("v2"))).toEqual([]);
      expect(await readFile(join(dir, SPEC_FILES.v1), "utf8")).toBe(await readFile(file, "utf8"));
      const readme = await readFile(join(dir, "openapi/README.md"), "utf8");
      expect(readme).toContain("local file `v1.json`");
      expect(result.changelog).toMatch(/^## V1 /);
    });
  });

  describe("README table", () => {
    const rows: [string, string][] = [["sha256", "abc"]];
    it("replaces the table of the named section only", () => {
      const readme =
        "# T\n\n## `v2/a.json` — x\n\ntext\n\n| | |\n|---|---|\n| old | 1 |\n\nafter\n\n## `v1/b.yaml`\n\n| | |\n|---|---|\n| keep | 2 |\n";
      expect(updateReadmeTable(readme, "openapi/v2/a.json", rows)).toBe(
        "# T\n\n## `v2/a.json` — x\n\ntext\n\n| | |\n|---|---|\n| sha256 | abc |\n\nafter\n\n## `v1/b.yaml`\n\n| | |\n|---|---|\n| keep | 2 |\n",
      );
    });
    it("adds a table to a section without one, or a section when missing", () => {
      expect(updateReadmeTable("## `v1/b.yaml` — y\n\ntext\n\n## next\n", "openapi/v1/b.yaml", rows)).toBe(
        "## `v1/b.yaml` — y\n\ntext\n\n| | |\n|---|---|\n| sha256 | abc |\n\n## next\n",
      );
      expect(updateReadmeTable("# T\n", "openapi/v1/b.yaml", rows)).toBe(
        "# T\n\n## `v1/b.yaml`\n\n| | |\n|---|---|\n| sha256 | abc |\n",
      );
    });
  });

  describe("type-check after regenerating", () => {
    it("fails with exit code 3 and names the file that uses a removed operation", async () => {
      const dir = await tempRepo();
      await writeFile(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module: "ESNext",
            moduleResolution: "Bundler",
            lib: ["ES2022", "DOM"],
            types: [],
            strict: true,
            noEmit: true,
            skipLibCheck: true,
          },
          include: ["src", "generated/v2.ts", "generated/v2-operations.ts"],
        }),
      );
      await writeFile(
        join(dir, "src/uses.ts"),
        [
          'import type { operations } from "../generated/v2.js";',
          'import { v2Operations } from "../generated/v2-operations.js";',
          'export type Conversation = operations["createAgentConversation"];',
          "export const row = v2Operations.createAgentConversation;",
          "",
        ].join("\n"),
      );
      const result = await updateSpecs([{ api: "v2", source: spec("10.10.0.cl") }], {
        base: dir,
        date: DATE,
      });
      expect(result.status).toBe("typecheck-failed");
      expect(result.exitCode).toBe(3);
      expect(result.typecheck?.files).toEqual(["src/uses.ts"]);
      expect(result.typecheck?.text).toContain("createAgentConversation");
      // The tree is written, so the maintainer can fix the facade against the new types.
      expect(result.written).toContain(SPEC_FILES.v2);
    });
  });

  describe("CLI", () => {
    const exec = promisify(execFile);
    const tsx = join(repo, "node_modules/.bin/tsx");
    const cli = (args: string[]) =>
      exec(tsx, [join(repo, "scripts/generate.ts"), ...args], { cwd: repo }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );

    it("exits non-zero with --fail-on-breaking, writes the changelog file and nothing in the tree", async () => {
      const dir = await tempRepo();
      const out = join(await tempDir(), "changes.md");
      const before = await snapshot(dir);
      const r = await cli([
        "--root",
        dir,
        "--v2",
        spec("10.10.0.cl"),
        "--fail-on-breaking",
        "--changelog-out",
        out,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--fail-on-breaking");
      expect(await readFile(out, "utf8")).toContain("**BREAKING** `createAgentConversation`");
      expect(await snapshot(dir)).toEqual(before);
    });
  });
});
