// npm run generate: openapi/ → generated/ (types and operation tables for V2 and V1).
// npm run generate:check: the same into a temporary folder, failing on any difference.
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { emitOperationTable, header, sha256 } from "./lib/emit.js";
import { buildOperationTable } from "./lib/operations.js";
import { applyPatches, readPatches } from "./lib/patches.js";
import { type ApiName, readSpecDocument, SPEC_FILES } from "./lib/specs.js";
import { renderTypes } from "./lib/typescript.js";

const root = resolve(import.meta.dirname, "..");

export interface GenerateResult {
  api: ApiName;
  files: Record<string, string>;
  operations: number;
  patches: Awaited<ReturnType<typeof applyPatches>>["report"];
}

/** Renders generated/ content for one API from the files in openapi/ (nothing is written). */
export async function renderApi(api: ApiName, base = root): Promise<GenerateResult> {
  const specFile = SPEC_FILES[api];
  const text = await readFile(join(base, specFile), "utf8");
  const doc = await readSpecDocument(api, text);
  const { doc: patched, report } = applyPatches(doc, await readPatches(join(base, "openapi/patches", api)));
  const head = header(api, specFile, sha256(text), report.applied);
  const table = buildOperationTable(patched);
  return {
    api,
    operations: Object.keys(table).length,
    patches: report,
    files: {
      [`${api}.ts`]: head + (await renderTypes(patched)),
      [`${api}-operations.ts`]: head + emitOperationTable(api, table),
    },
  };
}

async function exists(path: string) {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function renderAll(base = root): Promise<GenerateResult[]> {
  const apis: ApiName[] = ["v2"];
  if (await exists(join(base, SPEC_FILES.v1))) apis.push("v1");
  return Promise.all(apis.map((api) => renderApi(api, base)));
}

async function writeAll(results: GenerateResult[], outDir: string) {
  await mkdir(outDir, { recursive: true });
  for (const r of results) {
    for (const [name, content] of Object.entries(r.files)) await writeFile(join(outDir, name), content);
  }
}

async function main() {
  const check = process.argv.includes("--check");
  const started = performance.now();
  const results = await renderAll();
  for (const r of results) {
    const { applied, notApplicable, notNeeded } = r.patches;
    console.log(`${r.api}: ${r.operations} operations; patches applied: ${applied.length}`);
    for (const p of notApplicable) console.warn(`  patch ${p.file} no longer applies: ${p.reason}`);
    for (const p of notNeeded) console.warn(`  patch ${p} is no longer needed (upstream fixed it)`);
  }
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

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("generate.ts")) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
