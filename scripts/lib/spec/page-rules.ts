// Page rules from the spec: for every operation that takes an offset and a page size, where its
// answer holds the items and how the last page shows, read from the success response schema.
// What the schema cannot tell comes from overlays (openapi/overlays/<api>/*.json, or V1's authored
// `x-page` extension), each with a reason, reported like the patches.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { PageRule } from "../emit/operation-row.js";
import type { PatchReport } from "./patches.js";
import { isObj, type Obj, type SpecWalker, specWalker, type WalkedOperation } from "./walk.js";

export type { PageRule };

/** What an overlay may state about one operation's pages; `false`: the operation is not walked. */
export type PageOverlay = Partial<Omit<PageRule, "offset" | "size">> | false;

export interface OverlayEntry {
  /** Where it was read: an overlay file name, or `x-page` for the authored V1 extension. */
  file: string;
  operationId: string;
  why: string;
  page: PageOverlay;
}

const PAGING = [
  { offset: "record_offset", size: "record_size" },
  { offset: "offset", size: "batchsize" },
] as const;

/** Names of a flag that marks the last page with `true` (is_last_batch, last_batch, isLastBatch). */
const LAST_IS_TRUE = /last/i;
/** … and with `false` (has_more, hasMore). */
const LAST_IS_FALSE = /^has_?more$/i;

/** Every input name of an operation: parameters and the first request body's properties. */
function inputNames(walker: SpecWalker, op: WalkedOperation): Set<string> {
  const names = new Set(walker.parameters(op).map((p) => p.name as string));
  const content = walker.requestContent(op);
  const media = Object.keys(content)[0];
  if (media)
    for (const n of Object.keys(walker.merged(content[media]?.schema).properties ?? {})) names.add(n);
  return names;
}

function findLastFlag(walker: SpecWalker, props: Obj): PageRule["lastFlag"] {
  const flagIn = (p: Obj, route: string[]): PageRule["lastFlag"] => {
    for (const [name, s] of Object.entries(p)) {
      if (walker.merged(s).type !== "boolean") continue;
      if (LAST_IS_FALSE.test(name)) return { at: [...route, name], last: false };
      if (LAST_IS_TRUE.test(name)) return { at: [...route, name], last: true };
    }
    return undefined;
  };
  const top = flagIn(props, []);
  if (top) return top;
  for (const [name, s] of Object.entries(props)) {
    const inner = walker.merged(s);
    if (inner.type === "object" || isObj(inner.properties)) {
      const found = flagIn((inner.properties as Obj) ?? {}, [name]);
      if (found) return found;
    }
  }
  return undefined;
}

/** How an operation pages: its offset and size names, and the rule the schema tells or why it cannot. */
export interface DerivedPaging {
  paging: Pick<PageRule, "offset" | "size">;
  rule?: PageRule;
  unknown?: string;
}

/** The rule the response schema tells, or why it cannot tell one; undefined when the operation does not page. */
export function derivePageRule(walker: SpecWalker, op: WalkedOperation): DerivedPaging | undefined {
  const names = inputNames(walker, op);
  const paging = PAGING.find((p) => names.has(p.offset) && names.has(p.size));
  if (!paging) return undefined;
  const json = walker.successContent(op).find((c) => c.media.includes("json"));
  if (!json) return { paging, unknown: "no JSON success response" };
  const schema = walker.merged(json.schema);
  if (schema.type === "array") return { paging, rule: { ...paging } };
  const props = (schema.properties as Obj) ?? {};
  const arrays = Object.keys(props).filter((n) => walker.merged(props[n]).type === "array");
  if (arrays.length !== 1) {
    return {
      paging,
      unknown: arrays.length
        ? `the answer has ${arrays.length} array properties (${arrays.join(", ")})`
        : "the answer has no array property",
    };
  }
  const rule: PageRule = { ...paging, items: arrays[0] as string };
  const lastFlag = findLastFlag(walker, props);
  if (lastFlag) rule.lastFlag = lastFlag;
  return { paging, rule };
}

/** Reads openapi/overlays/<api>/*.json: { "entries": [{ "operationId", "why", "page" }] }. */
export async function readOverlays(dir: string): Promise<OverlayEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const out: OverlayEntry[] = [];
  for (const file of names) {
    const raw = JSON.parse(await readFile(join(dir, file), "utf8")) as { entries?: unknown };
    if (!Array.isArray(raw.entries)) throw new Error(`openapi overlay ${file}: needs "entries" (array)`);
    for (const e of raw.entries as Obj[]) {
      if (typeof e.operationId !== "string" || typeof e.why !== "string" || !("page" in e)) {
        throw new Error(`openapi overlay ${file}: every entry needs "operationId", "why" and "page"`);
      }
      out.push({ file, operationId: e.operationId, why: e.why, page: e.page as PageOverlay });
    }
  }
  return out;
}

/** V1's authored extension: `x-page: { why, items?, rows?, inner?, lastFlag? }` or `{ why, walk: false }`. */
function extensionEntries(walker: SpecWalker): OverlayEntry[] {
  return walker.operations().flatMap((op) => {
    const ext = op.operation["x-page"];
    if (!isObj(ext) || !op.operationId) return [];
    const { why, walk, ...page } = ext;
    if (typeof why !== "string") throw new Error(`${op.operationId}: x-page needs "why"`);
    return [{ file: "x-page", operationId: op.operationId, why, page: walk === false ? false : page }];
  });
}

/**
 * Page rules for every operation that pages, overlays applied. An operation that takes an offset and
 * a size but whose rule is still unknown gets no rule (it is not walked) and is listed in `unknown`.
 */
export function pageRules(
  doc: Obj,
  overlays: OverlayEntry[],
): {
  rules: Record<string, PageRule>;
  report: PatchReport;
  unknown: { operationId: string; reason: string }[];
} {
  const walker = specWalker(doc);
  const derived = new Map<string, ReturnType<typeof derivePageRule>>();
  for (const op of walker.operations())
    if (op.operationId) derived.set(op.operationId, derivePageRule(walker, op));

  const rules: Record<string, PageRule> = {};
  for (const [id, d] of derived) if (d?.rule) rules[id] = d.rule;
  const report: PatchReport = { applied: [], notApplicable: [], notNeeded: [] };
  const stated = new Set<string>();
  for (const entry of [...overlays, ...extensionEntries(walker)]) {
    const name = `${entry.file}: ${entry.operationId}`;
    const d = derived.get(entry.operationId);
    if (!derived.has(entry.operationId)) {
      report.notApplicable.push({ file: name, reason: `no operation ${entry.operationId}` });
      continue;
    }
    if (!d) {
      report.notApplicable.push({ file: name, reason: `${entry.operationId} takes no offset and page size` });
      continue;
    }
    stated.add(entry.operationId);
    const before = rules[entry.operationId];
    const after = entry.page === false ? undefined : ({ ...(before ?? d.paging), ...entry.page } as PageRule);
    // An overlay that only confirms a rule the schema tells is not needed; one that settles an unknown rule is.
    if (isDeepStrictEqual(after, before) && !d.unknown) report.notNeeded.push(name);
    else report.applied.push(name);
    if (after) rules[entry.operationId] = after;
    else delete rules[entry.operationId];
  }
  const unknown = [...derived]
    .filter(([id, d]) => d?.unknown && !stated.has(id))
    .map(([operationId, d]) => ({ operationId, reason: d?.unknown as string }));
  return { rules, report, unknown };
}
