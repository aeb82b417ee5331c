// npm run bench:generate [-- --runs 5 --typecheck-runs 3]
// Times code generation and the spec update flow (10.10.0.cl → 26.8.0.cl) on temporary copies;
// the repository itself is never written. Prints a markdown table of medians for bench/RESULTS.md.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs, promisify } from "node:util";
import { renderChangelog } from "../scripts/lib/diff/changelog.js";
import { diffSpecs } from "../scripts/lib/diff/spec-diff.js";
import { renderApi } from "../scripts/lib/render.js";
import { SPEC_FILES } from "../scripts/lib/spec/read.js";
import { typecheckProject, updateSpecs } from "../scripts/lib/update-spec.js";
import { median } from "./args.js";

const root = resolve(import.meta.dirname, "..");
const oldSpec = join(root, "test/fixtures/specs/openapiSpecv3-2_0.10.10.0.cl.json");
const newSpec = join(root, SPEC_FILES.v2);
const exec = promisify(execFile);

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, "typecheck-runs": { type: "string", default: "3" } },
});
const runs = Number(values.runs);
const typecheckRuns = Number(values["typecheck-runs"]);

interface Row {
  name: string;
  samples: number[];
}
const rows: Row[] = [];

async function time(name: string, n: number, fn: () => Promise<unknown>, setup?: () => Promise<void>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await setup?.();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  rows.push({ name, samples });
  console.error(`${name}: ${fmt(median(samples))}`);
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** A temporary copy with 10.10.0.cl vendored, as the update flow finds it before a release. */
let tmp = "";
async function freshCopy() {
  if (tmp) await rm(tmp, { recursive: true, force: true });
  tmp = await mkdtemp(join(tmpdir(), "bench-generate-"));
  await cp(join(root, "openapi"), join(tmp, "openapi"), { recursive: true });
  await cp(join(root, "generated"), join(tmp, "generated"), { recursive: true });
  await cp(oldSpec, join(tmp, SPEC_FILES.v2));
}

/** The same with everything the type-check reads (src, tests, examples ...), node_modules linked. */
async function fullCopy() {
  await freshCopy();
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (["openapi", "generated", "node_modules", "dist", ".git"].includes(entry.name)) continue;
    await cp(join(root, entry.name), join(tmp, entry.name), { recursive: true });
  }
  await cp(oldSpec, join(tmp, SPEC_FILES.v2));
  await symlink(join(root, "node_modules"), join(tmp, "node_modules"), "dir");
}

const tsx = join(root, "node_modules/.bin/tsx");
const generateScript = join(root, "scripts/generate.ts");

try {
  await time("render V2 (types + operation table, in process)", runs, () => renderApi("v2", root));
  await time("render V1 (Swagger 2.0 conversion, types + table, in process)", runs, () =>
    renderApi("v1", root),
  );
  await time("`tsx scripts/generate.ts --check`, both APIs (CLI, cold start)", runs, () =>
    exec(tsx, [generateScript, "--check"], { cwd: root }),
  );

  const [a, b] = await Promise.all([readFile(oldSpec, "utf8"), readFile(newSpec, "utf8")]);
  await time("diff + changelog only, 10.10.0.cl → 26.8.0.cl", runs, async () => {
    const changes = diffSpecs(JSON.parse(a), JSON.parse(b));
    renderChangelog(changes, { api: "v2", from: { sha256: "a" }, to: { sha256: "b" }, date: "x" });
  });
  await time(
    "update 10.10.0.cl → 26.8.0.cl: load + validate + diff + render V2 + write + changelog (in process)",
    runs,
    () => updateSpecs([{ api: "v2", source: newSpec }], { base: tmp, typecheck: false }),
    freshCopy,
  );
  await time(
    "the same through the CLI: `generate.ts --root <copy> --v2 <file> --no-typecheck`",
    runs,
    () => exec(tsx, [generateScript, "--root", tmp, "--v2", newSpec, "--no-typecheck"], { cwd: root }),
    freshCopy,
  );
  await time(
    "type-check step: tsc --noEmit -p tsconfig.src.json via the API (src/ and generated/)",
    typecheckRuns,
    () => {
      const r = typecheckProject(root);
      if (!r.ok) console.error(`  (type-check reports ${r.errorCount} errors in ${r.files.join(", ")})`);
      return Promise.resolve(r);
    },
  );
  await time(
    "whole update through the CLI, type-check included (`--v2 <file>` on a full copy)",
    typecheckRuns,
    () =>
      exec(tsx, [generateScript, "--root", tmp, "--v2", newSpec], { cwd: root }).catch(
        (e: { stderr: string }) => console.error(`  (exit non-zero: ${e.stderr.trim().split("\n").at(-1)})`),
      ),
    fullCopy,
  );
} finally {
  if (tmp) await rm(tmp, { recursive: true, force: true });
}

const table = [
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}; medians.`,
  "",
  "| step | median | runs | min – max |",
  "|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(median(r.samples))} | ${r.samples.length} | ${fmt(Math.min(...r.samples))} – ${fmt(Math.max(...r.samples))} |`,
  ),
].join("\n");
console.log(table);
if (process.env.BENCH_OUT) await writeFile(process.env.BENCH_OUT, `${table}\n`);
