// Writes docs/python-map.md: every TSRestApiV1/TSRestApiV2 method of ThoughtSpot's Python library with the SDK
// call that replaces it, matched by verb and path against the generated operation tables; operations the
// tables mark Beta are marked, and listed in a section of their own.
// Run: npx tsx scripts/python-map.ts (write) or --check (exit 1 when the page is stale).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { v1Operations } from "../generated/v1-operations.js";
import { v2Operations } from "../generated/v2-operations.js";
import { EXCLUSIONS, operationKey, PYTHON_INVENTORY } from "./coverage-v1.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const MAP_FILE = join(ROOT, "docs/python-map.md");
/** V1 rows carry paths below /callosum/v1 (the spec's basePath); the inventory has full paths. */
const V1_BASE = "/callosum/v1";

interface PythonMethod {
  api: "v1" | "v2";
  method: string;
  verb: string;
  path: string;
  alt_path?: string;
}

interface Row {
  method: string;
  path: string;
  beta?: true;
}

/**
 * SDK helpers that do more than the one call (documented in the README); the operation method is listed
 * too. Keyed by operationId: a renamed operation makes this script fail rather than print a stale name.
 */
const HELPERS: Record<string, string> = {
  getFullAccessToken: "`auth: { username, password | secretKey }` on the client",
  sessionLogin: "`auth: { username, password, session: true }` on the client",
  login: 'auth: { username, password, session: "v1" } on the client',
  logout: "`ts.logout()`",
  sessionLogout: "`ts.logout()`",
  searchMetadata: "`ts.metadata.search()`, `ts.metadata.findGuid()`, `ts.paginate()`",
  metadataListobjectheaders: "`ts.metadata.listObjectHeaders()`",
  metadataList: "`ts.metadata.list()`, `ts.paginateV1()`",
  metadataDetails: "`ts.metadata.userDetails()` / `groupDetails()` / `liveboardDetails()`",
  dependencyListdependents: "`ts.metadata.dependents()`",
  assignTag: "`ts.metadata.assignTags()`",
  unassignTag: "`ts.metadata.unassignTags()`",
  metadataAssigntag: '`ts.metadata.assignTags({ api: "v1" })`',
  metadataUnassigntag: '`ts.metadata.unassignTags({ api: "v1" })`',
  exportMetadataTML: "`ts.tml.export()`, `ts.tml.exportToFolder()`",
  exportMetadataTMLBatched: "`ts.tml.exportBatch()`",
  importMetadataTML: "`ts.tml.import()`, `ts.tml.importFromFolder()`",
  metadataTmlExport: '`ts.tml.export(ids, { api: "v1" })`',
  metadataTmlImport: '`ts.tml.import(docs, { api: "v1" })`',
  shareMetadata: "`ts.sharing.share()` with `sharePermissions()`",
  securityShare: '`ts.sharing.share({ api: "v1" })`',
  securityShareviz: "`ts.sharing.shareVisualization()`",
  fetchPermissionsOnMetadata: "`ts.sharing.permissionsOnObjects()`",
  securityMetadataPermissions: '`ts.sharing.permissionsOnObjects({ api: "v1" })`',
  fetchPermissionsOfPrincipals: "`ts.sharing.permissionsOfPrincipals()`",
  userSync: "`ts.users.sync()`",
  userUpdatepreference: "`ts.users.updatePreferences()`",
  exportLiveboardReport: "`ts.download()`",
  exportAnswerReport: "`ts.download()`",
  exportPinboardPdf: "`ts.download()`",
  searchData: "`answerRecords()`",
  fetchAnswerData: "`answerRecords()`",
  fetchLiveboardData: "`answerRecords()` / `answerTables()`",
  pinboarddata: "`answerRecords()` / `answerTables()`",
  searchdata: "`answerRecords()`",
  getSystemInformation: "`ts.clusterVersion()`, `ts.compatibility()`",
};

function index(table: Record<string, Row>, base: string): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [id, row] of Object.entries(table)) byKey.set(operationKey(row.method, base + row.path), id);
  return byKey;
}

/** The Markdown page, from the inventory and the generated tables only. */
export function renderMap(inventory: readonly PythonMethod[]): string {
  const v1 = index(v1Operations as Record<string, Row>, V1_BASE);
  const v2 = index(v2Operations as Record<string, Row>, "");
  const exclusions = new Map(EXCLUSIONS.map((e) => [operationKey(e.verb, e.path), e.reason]));
  for (const id of Object.keys(HELPERS))
    if (!(id in v1Operations) && !(id in v2Operations)) throw new Error(`python-map: no operation ${id}`);

  const sections: string[] = [];
  const totals = { mapped: 0, unmapped: 0 };
  const tables = { v1: v1Operations as Record<string, Row>, v2: v2Operations as Record<string, Row> };
  /** operationId → the Python methods that map to it, for the Beta section. */
  const pythonOf = new Map<string, string[]>();
  for (const api of ["v1", "v2"] as const) {
    const lines = [
      `## TSRestApi${api.toUpperCase()}`,
      "",
      "| Python method | HTTP | SDK call | helper |",
      "|---|---|---|---|",
    ];
    const methods = inventory.filter((m) => m.api === api).sort((a, b) => a.method.localeCompare(b.method));
    for (const m of methods) {
      const key = operationKey(m.verb, m.path);
      // The V1 client of the SDK knows a handful of paths only under their public /tspublic/v1 name.
      const alt = m.alt_path ? operationKey(m.verb, m.alt_path) : undefined;
      let id = (api === "v1" ? v1 : v2).get(key) ?? (alt ? v1.get(alt) : undefined);
      let where: "v1" | "v2" = api;
      // Some TSRestApiV2 methods call V1 paths and the other way round.
      if (!id) {
        const other = api === "v1" ? v2 : v1;
        id = other.get(key);
        if (id) where = api === "v1" ? "v2" : "v1";
      }
      const beta = id && tables[where][id]?.beta ? " (**Beta**)" : "";
      if (id) pythonOf.set(`${where} ${id}`, [...(pythonOf.get(`${where} ${id}`) ?? []), m.method]);
      const call = id
        ? `\`ts.api.${where}.${id}()\`${beta}`
        : exclusions.has(key)
          ? `— (${exclusions.get(key)})`
          : "— no such path in the vendored spec";
      if (id) totals.mapped++;
      else totals.unmapped++;
      lines.push(
        `| \`${m.method}\` | ${m.verb} \`${m.path}\` | ${call} | ${id ? (HELPERS[id] ?? "") : ""} |`,
      );
    }
    sections.push(lines.join("\n"));
  }
  const betaRows = (["v2", "v1"] as const).flatMap((api) =>
    Object.entries(tables[api])
      .filter(([, row]) => row.beta)
      .map(([id, row]) => {
        const python = (pythonOf.get(`${api} ${id}`) ?? []).map((m) => `\`${m}\``).join(", ");
        return `| \`ts.api.${api}.${id}()\` | ${row.method} \`${row.path}\` | ${python || "—"} |`;
      }),
  );
  sections.push(
    [
      "## Beta operations",
      "",
      `ThoughtSpot's spec marks ${betaRows.length} operations Beta: they may change between releases. Their hovers`,
      "show `@beta`, and `ts.compatibility()` lists them (`report.beta`).",
      "",
      "| SDK call | HTTP | Python method |",
      "|---|---|---|",
      ...betaRows,
    ].join("\n"),
  );
  return [
    "# ThoughtSpot's Python library → thoughtspot-rest-api",
    "",
    "<!-- Generated by scripts/python-map.ts (npm run docs:python-map); do not edit by hand. -->",
    "",
    "Every endpoint method of `TSRestApiV1` and `TSRestApiV2` in ThoughtSpot's Python library",
    "[thoughtspot_rest_api_v1](https://github.com/thoughtspot/thoughtspot_rest_api_v1_python) (inventory:",
    "`openapi/v1/inventory/anchor-python-endpoints.json`) with the operation method of this SDK that sends the same",
    "request, matched by HTTP verb and path against the generated operation tables. Operation methods take one",
    "input object (path parameters, query and body fields together) and return the parsed answer; where a helper",
    "does the job with less code, it is named too.",
    "",
    `${totals.mapped} of ${totals.mapped + totals.unmapped} methods map to an operation method.`,
    "",
    ...sections.flatMap((s) => [s, ""]),
  ].join("\n");
}

function main(): void {
  const inventory = JSON.parse(readFileSync(PYTHON_INVENTORY, "utf8")) as PythonMethod[];
  const page = renderMap(inventory);
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(MAP_FILE, "utf8");
    } catch {}
    if (current !== page) {
      console.error("docs/python-map.md is stale: run npm run docs:python-map");
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(MAP_FILE, page);
  console.log(`wrote ${MAP_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
