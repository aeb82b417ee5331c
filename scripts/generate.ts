// npm run generate: openapi/ → generated/ (types and operation tables for V2 and V1).
// npm run generate:check: the same into a temporary folder, failing on any difference.
// npm run generate -- --v2 <url|file> [--v1 <url|file>]: take a new upstream description first
//   (scripts/lib/update-spec.ts): validate, diff, write openapi/ and generated/, changelog, type-check.
//   --dry-run             print the changelog, write nothing
//   --fail-on-breaking    exit 2 and write nothing when the diff has breaking changes
//   --changelog-out <f>   also write the new changelog section(s) to <f> (for a pull-request body)
//   --no-typecheck        skip the final `tsc --noEmit -p tsconfig.json`
//   --root <dir>          work on another copy of the repository (tests, benchmarks)
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type GenerateResult, renderAll } from "./lib/render.js";
import { describeUpdate, SpecError, type UpdateRequest, updateSpecs } from "./lib/update-spec.js";

export { type GenerateResult, renderAll, renderApi, renderSpecText } from "./lib/render.js";

const defaultRoot = resolve(import.meta.dirname, "..");

async function writeAll(results: GenerateResult[], outDir: string) {
  await mkdir(outDir, { recursive: true });
  for (const r of results) {
    for (const [name, content] of Object.entries(r.files)) await writeFile(join(outDir, name), content);
  }
}

function report(results: GenerateResult[]) {
  for (const r of results) {
    const { applied, notApplicable, notNeeded } = r.patches;
    console.log(`${r.api}: ${r.operations} operations; patches applied: ${applied.length}`);
    for (const p of notApplicable) console.warn(`  patch ${p.file} no longer applies: ${p.reason}`);
    for (const p of notNeeded) console.warn(`  patch ${p} is no longer needed (upstream fixed it)`);
    const o = r.overlays;
    console.log(`${r.api}: overlays applied (page rules, retry): ${o.applied.length}`);
    for (const p of o.notApplicable) console.warn(`  overlay ${p.file} no longer applies: ${p.reason}`);
    for (const p of o.notNeeded) console.warn(`  overlay ${p} is no longer needed (the schema tells it)`);
    for (const u of r.unknownPages) {
      console.warn(
        `  ${u.operationId} pages, but ${u.reason}: not walked until openapi/overlays/${r.api}/ says how`,
      );
    }
  }
}

async function generate(root: string, check: boolean) {
  const started = performance.now();
  const results = await renderAll(root);
  report(results);
  const generated = join(root, "generated");
  if (!check) {
    await writeAll(results, generated);
    console.log(`generated/ written in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return;
  }
  const tmp = await mkdtemp(join(tmpdir(), "ts-generate-"));
  try {
    await writeAll(results, tmp);
    const stale: string[] = [];
    for (const r of results) {
      for (const name of Object.keys(r.files)) {
        const fresh = await readFile(join(tmp, name), "utf8");
        const committed = await readFile(join(generated, name), "utf8").catch(() => "");
        if (fresh !== committed) stale.push(`generated/${name}`);
      }
    }
    if (stale.length) {
      console.error(`generate:check: out of date: ${stale.join(", ")}. Run npm run generate and commit.`);
      process.exitCode = 1;
    } else console.log("generate:check: generated/ matches openapi/ and scripts/");
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function update(
  root: string,
  requests: UpdateRequest[],
  flags: Record<string, string | boolean | undefined>,
) {
  const started = performance.now();
  const result = await updateSpecs(requests, {
    base: root,
    dryRun: flags["dry-run"] === true,
    failOnBreaking: flags["fail-on-breaking"] === true,
    typecheck: flags["no-typecheck"] !== true,
  });
  for (const u of result.updates) for (const line of describeUpdate(u)) console.log(line);
  if (result.changelog) console.log(`\n${result.changelog}`);
  const out = flags["changelog-out"];
  // Written whatever the outcome: CI puts it in the pull request or the failure report.
  if (typeof out === "string") await writeFile(resolve(out), result.changelog);

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  switch (result.status) {
    case "breaking": {
      const n = result.updates.reduce((sum, u) => sum + u.breaking.length, 0);
      console.error(`--fail-on-breaking: ${n} breaking changes (marked BREAKING above); nothing written.`);
      break;
    }
    case "dry-run":
      console.log(`--dry-run: nothing written (${seconds} s).`);
      break;
    case "unchanged":
      console.log(`Nothing changed: openapi/ and generated/ already match (${seconds} s).`);
      break;
    case "typecheck-failed": {
      const tc = result.typecheck!;
      console.error(`\n${tc.text}\n`);
      console.error(
        `Type-check failed after regenerating: ${tc.errorCount} errors in ${tc.files.join(", ")}.\n` +
          "The new spec breaks code that uses the generated types. openapi/ and generated/ are updated; " +
          "fix those files (or revert with git checkout openapi generated).",
      );
      break;
    }
    default:
      console.log(`Updated ${result.written.join(", ")} in ${seconds} s.`);
  }
  process.exitCode = result.exitCode;
}

async function main() {
  const { values } = parseArgs({
    options: {
      check: { type: "boolean" },
      v1: { type: "string" },
      v2: { type: "string" },
      "dry-run": { type: "boolean" },
      "fail-on-breaking": { type: "boolean" },
      "changelog-out": { type: "string" },
      "no-typecheck": { type: "boolean" },
      root: { type: "string" },
    },
    strict: true,
  });
  const root = values.root ? resolve(values.root) : defaultRoot;
  const requests: UpdateRequest[] = [];
  if (values.v2) requests.push({ api: "v2", source: values.v2 });
  if (values.v1) requests.push({ api: "v1", source: values.v1 });
  if (!requests.length) {
    const extra = ["dry-run", "fail-on-breaking", "changelog-out", "no-typecheck"].filter(
      (k) => values[k as keyof typeof values] !== undefined,
    );
    if (extra.length) throw new Error(`--${extra.join(", --")} needs --v2 <url|file> or --v1 <url|file>`);
    return generate(root, values.check === true);
  }
  if (values.check) throw new Error("--check cannot be combined with --v1/--v2");
  return update(root, requests, values);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("generate.ts")) {
  main().catch((error) => {
    if (error instanceof SpecError) console.error(`Refused, nothing written: ${error.message}`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
