// What a deploy takes: the objects chosen by GUID, name, type or tag, exported with what they depend
// on (at most N exports at a time, each object once), or the documents of a folder; then the
// include/exclude filters. It only reads the source; it never sends anything to a target.
import type { Call, V2Input } from "../../core/call.js";
import type { CallOptions } from "../../core/types.js";
import { tmlType } from "../document.js";
import type { ExportedTml, TmlExportOptions, TmlExportResult, TmlExportTarget } from "../export.js";
import type { TmlDocument } from "../types.js";
import type { DeployNode } from "./order.js";

/** The metadata types a selection by type can name (V2 metadata/search). */
export type TmlSelectionType = "LIVEBOARD" | "ANSWER" | "LOGICAL_TABLE" | "CONNECTION";

/** Which objects to export: any mix of GUIDs, names (with a type) and every object of some types or tags. */
export interface TmlSelection {
  /** GUIDs, or `{ identifier: name, type }` (names are not unique without a type). */
  objects?: readonly TmlExportTarget[];
  /** Every object of these types (found with metadata/search), optionally only those with `tags`. */
  types?: readonly TmlSelectionType[];
  /** With `types`: only objects carrying one of these tags (names or GUIDs). */
  tags?: readonly string[];
  /** Also export what the objects use (tables, models, connections ...). Default true. */
  dependencies?: boolean;
}

export interface TmlExportSetOptions
  extends Pick<TmlExportOptions, "format" | "fqn" | "schemaVersion" | "exportOptions">,
    CallOptions {
  /** Exports sent at a time (one per selected object). Default 4. */
  concurrency?: number;
  /** Called after each export with how many of the selected objects are done. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

const PAGE = 100;
const MAX_PAGES = 10_000; // a server that never sends a short page stops here (a million objects)

type SearchType = NonNullable<NonNullable<V2Input<"searchMetadata">["metadata"]>[number]["type"]>;

/**
 * The selection's objects and (by default) what they use, each object once, in the order first
 * exported. One export per selected object, at most `concurrency` at a time.
 */
export async function exportSet(
  call: Call,
  exportTml: (targets: TmlExportTarget, options: TmlExportOptions) => Promise<TmlExportResult>,
  selection: TmlSelection,
  options: TmlExportSetOptions = {},
): Promise<ExportedTml[]> {
  if (!selection || typeof selection !== "object")
    throw new TypeError("tml.exportSet: the selection is { objects?, types?, tags?, dependencies? }");
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new TypeError("tml.exportSet: concurrency is a whole number of at least 1");
  const targets: TmlExportTarget[] = [...(selection.objects ?? [])];
  for (const t of targets) {
    const id = typeof t === "string" ? t : t?.identifier;
    if (typeof id !== "string" || !id)
      throw new TypeError("tml.exportSet: each object is a GUID or { identifier, type? }");
  }
  if (selection.tags?.length && !selection.types?.length)
    throw new TypeError("tml.exportSet: tags select among types; name the types too");
  const { concurrency: _c, onProgress, format, fqn, schemaVersion, exportOptions, ...callOptions } = options;
  for (const type of selection.types ?? []) {
    for (const guid of await searchGuids(call, type as SearchType, selection.tags, callOptions))
      targets.push(guid);
  }
  if (targets.length === 0) throw new TypeError("tml.exportSet: the selection names no objects");

  const exportOptionsOf: TmlExportOptions = {
    ...callOptions,
    associated: selection.dependencies ?? true,
    ...(format !== undefined && { format }),
    ...(fqn !== undefined && { fqn }),
    ...(schemaVersion !== undefined && { schemaVersion }),
    ...(exportOptions !== undefined && { exportOptions }),
  };
  const results: ExportedTml[][] = new Array(targets.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      results[i] = (await exportTml(targets[i]!, exportOptionsOf)).objects;
      onProgress?.({ done: ++done, total: targets.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));

  const seen = new Set<string>();
  const out: ExportedTml[] = [];
  for (const object of results.flat()) {
    const key = object.guid ?? `${object.type}:${object.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(object);
  }
  return out;
}

async function searchGuids(
  call: Call,
  type: SearchType,
  tags: readonly string[] | undefined,
  options: CallOptions,
): Promise<string[]> {
  const guids: string[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const items = await call.v2(
      "searchMetadata",
      {
        metadata: [{ type }],
        record_offset: page * PAGE,
        record_size: PAGE,
        ...(tags?.length && { tag_identifiers: [...tags] }),
      },
      options,
    );
    const before = guids.length;
    for (const item of items)
      if (typeof item.metadata_id === "string" && !guids.includes(item.metadata_id))
        guids.push(item.metadata_id);
    // A short page is the last; a page with nothing new means the server ignores the offset.
    if (items.length < PAGE || guids.length === before) break;
  }
  return guids;
}

/** Include/exclude filters: a string is a name or GUID (exact), a RegExp is tested on the name. */
export type TmlDeployFilter = readonly (string | RegExp)[];

export interface TmlDeployFilters {
  /** Only these objects (what the selection exported, filtered). Default: all. */
  include?: TmlDeployFilter;
  /** Not these objects; references to them stay (rewritten when the mapping knows them). */
  exclude?: TmlDeployFilter;
  /** Not these kinds (e.g. `["connection"]` when the target has its own connections). */
  excludeTypes?: readonly string[];
}

/** One document of a deploy, from an export or a file. */
export interface DeploySourceObject {
  doc: TmlDocument;
  /** Where it came from (a file path), for messages. */
  origin?: string;
}

/** Deploy nodes for documents: kind, name, GUID and mapping key of each; duplicates refused. */
export function nodesOf(objects: readonly DeploySourceObject[]): DeployNode[] {
  const nodes: DeployNode[] = [];
  const keys = new Map<string, string>();
  for (const [i, { doc, origin }] of objects.entries()) {
    const type = tmlType(doc);
    const body = (doc as Record<string, unknown>)[type] as Record<string, unknown> | undefined;
    const name =
      typeof body?.name === "string"
        ? body.name
        : typeof (doc as { name?: unknown }).name === "string"
          ? ((doc as { name: string }).name as string)
          : undefined;
    const where = origin ?? `document #${i}`;
    if (name === undefined) throw new TypeError(`tml.deploy: ${where} (${type}) has no name`);
    const guid = typeof doc.guid === "string" && doc.guid ? doc.guid : undefined;
    const key = guid ?? `${type}:${name}`;
    const before = keys.get(key);
    if (before !== undefined) {
      throw new TypeError(
        `tml.deploy: ${where} and ${before} are the same object (${guid ? `GUID ${guid}` : `${type} "${name}" without a GUID`})`,
      );
    }
    keys.set(key, where);
    nodes.push({ key, type, name, guid, doc });
  }
  return nodes;
}

/** Splits nodes into those to deploy and those the filters leave out. */
export function applyFilters(
  nodes: readonly DeployNode[],
  filters: TmlDeployFilters,
): { deploy: DeployNode[]; excluded: DeployNode[] } {
  const hit = (list: TmlDeployFilter | undefined, n: DeployNode) =>
    (list ?? []).some((f) => (typeof f === "string" ? f === n.name || f === n.guid : matchesName(f, n.name)));
  for (const list of [filters.include, filters.exclude]) {
    for (const f of list ?? [])
      if (typeof f !== "string" && !(f instanceof RegExp))
        throw new TypeError("tml.deploy: include/exclude take names, GUIDs or RegExps");
  }
  const deploy: DeployNode[] = [];
  const excluded: DeployNode[] = [];
  for (const n of nodes) {
    const keep =
      (filters.include === undefined || hit(filters.include, n)) &&
      !hit(filters.exclude, n) &&
      !(filters.excludeTypes ?? []).includes(n.type);
    (keep ? deploy : excluded).push(n);
  }
  return { deploy, excluded };
}

/** A RegExp with the g or y flag remembers where it stopped; start from the beginning each time. */
function matchesName(pattern: RegExp, name: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(name);
}
