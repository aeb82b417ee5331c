// Renders generated/ content (types and operation table) from the specs in openapi/, in memory.
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { emitOperationTable, header, sha256 } from "./emit.js";
import { addOperationDocs, operationDocs } from "./emit-docs.js";
import { mockSpecOf } from "./mock-spec.js";
import { buildOperationTable } from "./operations.js";
import { applyPatches, type PatchReport, readPatches } from "./patches.js";
import { type ApiName, readSpecDocument, SPEC_FILES } from "./specs.js";
import { renderTypes } from "./typescript.js";

export interface GenerateResult {
  api: ApiName;
  /** File name in generated/ → content. */
  files: Record<string, string>;
  operations: number;
  patches: PatchReport;
}

/** Renders generated/ content for one API from the file in `base`/openapi/. */
export async function renderApi(api: ApiName, base: string): Promise<GenerateResult> {
  const text = await readFile(join(base, SPEC_FILES[api]), "utf8");
  return renderSpecText(api, text, base);
}

/** The same from spec text that is not (yet) in openapi/: the update flow renders before it writes. */
export async function renderSpecText(api: ApiName, text: string, base: string): Promise<GenerateResult> {
  const specFile = SPEC_FILES[api];
  const doc = await readSpecDocument(api, text);
  const { doc: patched, report } = applyPatches(doc, await readPatches(join(base, "openapi/patches", api)));
  const head = header(api, specFile, sha256(text), report.applied);
  const table = buildOperationTable(patched);
  return {
    api,
    operations: Object.keys(table).length,
    patches: report,
    files: {
      [`${api}.ts`]: head + addOperationDocs(await renderTypes(patched), operationDocs(api, patched)),
      [`${api}-operations.ts`]: head + emitOperationTable(api, table),
      // Shipped with the package for thoughtspot-rest-api/testing (see src/testing/).
      [`mock-${api}.json`]: `${JSON.stringify(mockSpecOf(api, patched))}\n`,
    },
  };
}

export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Every API whose spec is present in `base`/openapi/ (V1 is optional). */
export async function renderAll(base: string): Promise<GenerateResult[]> {
  const apis: ApiName[] = ["v2"];
  if (await exists(join(base, SPEC_FILES.v1))) apis.push("v1");
  return Promise.all(apis.map((api) => renderApi(api, base)));
}
