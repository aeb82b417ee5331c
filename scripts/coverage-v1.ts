// Checks that the authored V1 spec covers every operation in ThoughtSpot's docs inventory and every
// endpoint the Python library calls. Run: npx tsx scripts/coverage-v1.ts (exit 1 when anything is missing).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSpecText } from "./lib/spec/read.js";
import { HTTP_METHODS } from "./lib/spec/walk.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SPEC_FILE = join(ROOT, "openapi/v1/thoughtspot-v1.swagger.yaml");
export const DOCS_INVENTORY = join(ROOT, "openapi/v1/inventory/v1-endpoints-docs.json");
export const PYTHON_INVENTORY = join(ROOT, "openapi/v1/inventory/anchor-python-endpoints.json");

export interface InventoryOperation {
  verb: string;
  path: string;
  /** Python method name (Python inventory only). */
  method?: string;
}

export interface Exclusion {
  verb: string;
  path: string;
  reason: string;
}

/**
 * Only two kinds of entry are allowed here: endpoints the docs mark as removed, and bugs in the Python
 * library itself. Everything else must be in the spec.
 */
export const EXCLUSIONS: readonly Exclusion[] = [
  {
    verb: "POST",
    path: "/callosum/v1/tspublic/v1/admin/embed/actions/{actionid}",
    reason:
      "Python bug: admin_embed_action_put sends POST; the docs define PUT on this path (covered as adminEmbedActionsPut).",
  },
];

/** Verb plus path with path-parameter names and a trailing slash dropped, e.g. "PUT /x/{}/groups". */
export function operationKey(verb: string, path: string): string {
  const normalised = path.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "");
  return `${verb.toUpperCase()} ${normalised}`;
}

// Inventories carry full paths (/callosum/v1/...), so spec paths get the basePath prepended.
type SwaggerDoc = { basePath?: string; paths: Record<string, Record<string, { operationId?: string }>> };

/** Every operation in a Swagger 2.0 document, with full paths (basePath prepended). */
export function specOperations(spec: SwaggerDoc): InventoryOperation[] {
  const base = spec.basePath ?? "";
  const out: InventoryOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of HTTP_METHODS) if (item[m]) out.push({ verb: m.toUpperCase(), path: base + path });
  }
  return out;
}

export interface CoverageSide {
  /** Distinct verb+path pairs in the inventory. */
  total: number;
  covered: number;
  missing: InventoryOperation[];
  excluded: Exclusion[];
}

export interface CoverageResult {
  docs: CoverageSide;
  python: CoverageSide;
  complete: boolean;
}

function side(inventory: InventoryOperation[], inSpec: Set<string>): CoverageSide {
  // The Python inventory lists metadata/tml/export four times (four methods, one endpoint): count pairs once.
  const distinct = new Map<string, InventoryOperation>();
  for (const op of inventory) {
    const key = operationKey(op.verb, op.path);
    if (!distinct.has(key)) distinct.set(key, op);
  }
  const excludedKeys = new Map(EXCLUSIONS.map((e) => [operationKey(e.verb, e.path), e]));
  const missing: InventoryOperation[] = [];
  const excluded: Exclusion[] = [];
  let covered = 0;
  for (const [key, op] of distinct) {
    if (inSpec.has(key)) covered++;
    else if (excludedKeys.has(key)) excluded.push(excludedKeys.get(key)!);
    else missing.push(op);
  }
  return { total: distinct.size, covered, missing, excluded };
}

/** The core comparison: which inventory operations the spec lacks. */
export function compareCoverage(
  spec: SwaggerDoc,
  docsInventory: InventoryOperation[],
  pythonInventory: InventoryOperation[],
): CoverageResult {
  const inSpec = new Set(specOperations(spec).map((o) => operationKey(o.verb, o.path)));
  const docs = side(docsInventory, inSpec);
  const python = side(pythonInventory, inSpec);
  return { docs, python, complete: docs.missing.length === 0 && python.missing.length === 0 };
}

/** Loads the committed spec and inventories (the Python file also lists V2 methods; keep V1 only). */
export function loadInputs(): { spec: SwaggerDoc; docs: InventoryOperation[]; python: InventoryOperation[] } {
  const spec = parseSpecText(readFileSync(SPEC_FILE, "utf8")) as unknown as SwaggerDoc;
  const docs = JSON.parse(readFileSync(DOCS_INVENTORY, "utf8")) as InventoryOperation[];
  const all = JSON.parse(readFileSync(PYTHON_INVENTORY, "utf8")) as (InventoryOperation & { api: string })[];
  return { spec, docs, python: all.filter((o) => o.api === "v1") };
}

export function coverageReport(result: CoverageResult): string {
  const { docs, python } = result;
  const lines = [
    `V1 spec: ${docs.covered} of ${docs.total} documented operations, ${python.covered} of ${python.total} Python-library endpoints`,
  ];
  for (const [name, s] of [
    ["documented", docs],
    ["Python", python],
  ] as const) {
    for (const m of s.missing)
      lines.push(`  missing (${name}): ${m.verb} ${m.path}${m.method ? ` [${m.method}]` : ""}`);
    for (const e of s.excluded) lines.push(`  excluded (${name}): ${e.verb} ${e.path} (${e.reason})`);
  }
  return lines.join("\n");
}

function main(): void {
  const { spec, docs, python } = loadInputs();
  const result = compareCoverage(spec, docs, python);
  console.log(coverageReport(result));
  if (!result.complete) process.exitCode = 1;
}

// Run only when executed directly, not when a test imports the comparison.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
