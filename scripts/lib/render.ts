// Renders generated/ content (types, operation tables, row type) from the specs in openapi/, in memory.
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { apiTypeNames, emitApiTypes } from "./emit/api-types.js";
import { operationDocs } from "./emit/docs.js";
import { hoistedSchemas } from "./emit/hoist.js";
import { mockSpecOf } from "./emit/mock-spec.js";
import { buildOperationTable } from "./emit/operation-table.js";
import {
  basePathOf,
  emitNameList,
  emitOperationTable,
  emitRouteIndex,
  emitRowType,
  header,
  sha256,
} from "./emit/table.js";
import { renderTypes } from "./emit/types.js";
import { pageRules, readOverlays } from "./spec/page-rules.js";
import { applyPatches, type PatchReport, readPatches } from "./spec/patches.js";
import { type ApiName, readSpecDocument, SPEC_FILES } from "./spec/read.js";
import { applyRetryOverlay, readRetryOverlay } from "./spec/retry-overlay.js";

export interface GenerateResult {
  api: ApiName;
  /** File name in generated/ → content. */
  files: Record<string, string>;
  operations: number;
  patches: PatchReport;
  /** Page-rule overlays (openapi/overlays/<api>/, V1's x-page), reported like the patches. */
  overlays: PatchReport;
  /** Operations that take an offset and a page size but whose page rule neither schema nor overlay tells. */
  unknownPages: { operationId: string; reason: string }[];
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
  const pages = pageRules(patched, await readOverlays(join(base, "openapi/overlays", api)));
  const head = header(api, specFile, sha256(text), report.applied);
  const table = buildOperationTable(patched, pages.rules);
  const docs = operationDocs(api, patched);
  // The spec types hoist every schema whose name the api types do not declare; the api types then name them.
  const types = await renderTypes(patched, apiTypeNames(emitApiTypes(api, patched, table, docs)));
  const apiTypes = emitApiTypes(api, patched, table, docs, hoistedSchemas(types));
  const retry = applyRetryOverlay(
    table,
    await readRetryOverlay(join(base, "openapi/overlays/retry", `${api}.json`)),
  );
  return {
    api,
    operations: Object.keys(table).length,
    patches: report,
    // Retry overlays are reported with the page-rule ones (entries named retry:<operationId>).
    overlays: {
      applied: [...pages.report.applied, ...retry.applied],
      notApplicable: [...pages.report.notApplicable, ...retry.notApplicable],
      notNeeded: [...pages.report.notNeeded, ...retry.notNeeded],
    },
    unknownPages: pages.unknown,
    files: {
      [`${api}.ts`]: head + types,
      // Named input/output types and the documented ts.api.<api> interface (scripts/lib/emit/api-types.ts).
      [`${api}-api.ts`]: head + apiTypes,
      [`${api}-operations.ts`]: head + emitOperationTable(api, table, basePathOf(patched)),
      [`${api}-routes.ts`]: head + emitRouteIndex(api, table),
      // V2 only: ts.api.v2 lists its methods before its table loads (ts.api.v1 loads first, then lists).
      ...(api === "v2" ? { [`${api}-names.ts`]: head + emitNameList(api, table, basePathOf(patched)) } : {}),
      // The row type does not depend on the spec; every API's result carries it, so any update rewrites it.
      "operation-row.ts": emitRowType(),
      [`mock-${api}.json`]: `${JSON.stringify(mockSpecOf(patched))}\n`,
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
