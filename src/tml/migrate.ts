// Edits users make when promoting TML between Orgs or clusters: pin references with `fqn`
// (the GUID of the object on the target), repoint tables to another connection, and swap the
// tables, worksheets or models that content is built on. All functions return a new document.
//
// Where references live (ThoughtSpot's TML pages and "TML modification" guide):
//   table      table.connection, table.joins_with[].destination, table.rls_rules.tables[]
//   sql_view   sql_view.connection, sql_view.joins_with[].destination
//   view       view.tables[], view.joins_with[].destination
//   worksheet  worksheet.tables[], worksheet.schema.tables[] (model-style worksheets)
//   model      model.model_tables[]
//   answer     answer.tables[]
//   liveboard  liveboard.visualizations[].answer.tables[] (also the legacy `pinboard`)
//   cohort     cohort.worksheet
// A reference is `{ name, fqn? }`; list entries may also carry `id`, the local name that joins,
// table_paths and `ID::Column` column ids use. Renaming a list entry therefore keeps the old name
// as `id` (the guide's own recipe), so nothing else in the document has to change.

import { tmlType } from "./document.js";
import { TmlError } from "./errors.js";
import type { TmlDocument } from "./types.js";

/** The new identity of a referenced object: its name on the target, its GUID there, or both. */
export interface TmlRefTarget {
  name?: string;
  fqn?: string;
}

/** Keys are the old object's name or GUID. */
export type TmlRefMapping = ReadonlyMap<string, TmlRefTarget> | Readonly<Record<string, TmlRefTarget>>;

type Ref = Record<string, unknown>;
type RefKind = "connection" | "table" | "source";

interface RefSlot {
  ref: Ref;
  /** connection: a connection; table: a table/view/SQL view; source: any data source of an answer. */
  kind: RefKind;
  /** List entries may hold a local `id`; single references (connection, destination) may not. */
  mayHoldId: boolean;
  /** Renaming must also update these local uses of the old name. */
  onRename?: (oldName: string, newName: string) => void;
}

/**
 * Set `fqn` on every reference whose name is in `nameToGuid` (the name → GUID map an export
 * with associated objects gives in its `info` blocks). References not in the map are left alone.
 */
export function addFqns<T extends TmlDocument>(
  doc: T,
  nameToGuid: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): T {
  const lookup = toMap(nameToGuid);
  const copy = structuredClone(doc);
  for (const slot of referenceSlots(copy)) {
    const name = refName(slot.ref);
    const guid = name === undefined ? undefined : lookup.get(name);
    if (guid !== undefined) setAfter(slot.ref, "fqn", guid, ["name", "id"]);
  }
  return copy;
}

/**
 * Repoint the connection of a table or SQL view. `from` (a connection name or GUID) limits the
 * swap to references to that connection. Without `to.fqn`, a stale `fqn` is removed, because it
 * would still pin the old connection.
 */
export function swapConnection<T extends TmlDocument>(doc: T, swap: { from?: string; to: TmlRefTarget }): T {
  requireTarget(swap.to);
  const copy = structuredClone(doc);
  for (const slot of referenceSlots(copy)) {
    if (slot.kind !== "connection" || !matches(slot.ref, swap.from)) continue;
    retarget(slot, swap.to);
  }
  return copy;
}

/**
 * Swap referenced tables (also views and SQL views) by name or GUID: in worksheets, models, views,
 * joins of tables, and the data sources of answers and liveboard visualizations.
 */
export function swapTableReferences<T extends TmlDocument>(doc: T, mapping: TmlRefMapping): T {
  return swapReferences(doc, mapping, new Set<RefKind>(["table", "source"]));
}

/**
 * Swap the worksheets or models that answers, liveboard visualizations, views and sets
 * (cohorts) are built on, by name or GUID.
 */
export function swapWorksheetReferences<T extends TmlDocument>(doc: T, mapping: TmlRefMapping): T {
  return swapReferences(doc, mapping, new Set<RefKind>(["source"]));
}

function swapReferences<T extends TmlDocument>(doc: T, mapping: TmlRefMapping, kinds: Set<RefKind>): T {
  const lookup = toMap(mapping);
  for (const target of lookup.values()) requireTarget(target);
  const copy = structuredClone(doc);
  for (const slot of referenceSlots(copy)) {
    if (!kinds.has(slot.kind)) continue;
    const target = findTarget(slot.ref, lookup);
    if (target) retarget(slot, target);
  }
  return copy;
}

/** One place a document points at another object (see the list at the top of this file). */
export interface TmlReference {
  /** The reference itself, `{ name?, id?, fqn? }`: part of the document, so editing it edits the document. */
  ref: { name?: string; id?: string; fqn?: string; [key: string]: unknown };
  /** connection: a connection; table: a table, view or SQL view; source: any data source of an answer. */
  kind: "connection" | "table" | "source";
}

/**
 * Every reference the document holds to another object, in document order. The references are the
 * document's own objects (edit a copy to keep the original); deploys read them to order imports and
 * rewrite `fqn`.
 */
export function tmlReferences(doc: TmlDocument): TmlReference[] {
  return referenceSlots(doc).map((slot) => ({ ref: slot.ref as TmlReference["ref"], kind: slot.kind }));
}

function retarget(slot: RefSlot, to: TmlRefTarget): void {
  const { ref } = slot;
  const oldName = refName(ref);
  if (to.name !== undefined && to.name !== oldName) {
    if (slot.mayHoldId && ref.id === undefined && typeof ref.name === "string") {
      setBefore(ref, "id", ref.name, "name");
    }
    ref.name = to.name;
    if (oldName !== undefined) slot.onRename?.(oldName, to.name);
  }
  if (to.fqn !== undefined) setAfter(ref, "fqn", to.fqn, ["name", "id"]);
  else if (to.name !== undefined && to.name !== oldName) delete ref.fqn;
}

/** Every place in the document that points at another object, with what kind of object it is. */
function referenceSlots(doc: TmlDocument): RefSlot[] {
  const type = tmlType(doc);
  const body = (doc as Record<string, unknown>)[type] as Ref;
  const slots: RefSlot[] = [];
  const single = (value: unknown, kind: RefKind) => {
    if (isRef(value)) slots.push({ ref: value, kind, mayHoldId: false });
  };
  const list = (value: unknown, kind: RefKind) => {
    for (const ref of refs(value)) slots.push({ ref, kind, mayHoldId: true });
  };
  const joinsWith = (value: unknown) => {
    for (const join of refs(value)) {
      if (!isRef(join.destination)) continue;
      // The join's `on` names the destination as `[NAME::Column]`; keep it in step.
      slots.push({
        ref: join.destination,
        kind: "table",
        mayHoldId: false,
        onRename: (from, to) => {
          if (typeof join.on === "string") join.on = join.on.split(`[${from}::`).join(`[${to}::`);
        },
      });
    }
  };

  switch (type) {
    case "table": {
      single(body.connection, "connection");
      joinsWith(body.joins_with);
      const rls = isRef(body.rls_rules) ? body.rls_rules : undefined;
      for (const ref of refs(rls?.tables)) {
        // RLS `table_paths[].table` uses the table name: rename it there too.
        slots.push({
          ref,
          kind: "table",
          mayHoldId: false,
          onRename: (from, to) => {
            for (const path of refs(rls?.table_paths)) if (path.table === from) path.table = to;
          },
        });
      }
      break;
    }
    case "sql_view":
      single(body.connection, "connection");
      joinsWith(body.joins_with);
      break;
    case "view":
      list(body.tables, "source");
      joinsWith(body.joins_with);
      break;
    case "worksheet":
      list(body.tables, "table");
      list(isRef(body.schema) ? body.schema.tables : undefined, "table");
      break;
    case "model":
      list(body.model_tables, "table");
      break;
    case "answer":
      list(body.tables, "source");
      break;
    case "liveboard":
    case "pinboard":
      for (const viz of refs(body.visualizations)) {
        if (isRef(viz.answer)) list(viz.answer.tables, "source");
      }
      break;
    case "cohort":
      single(body.worksheet, "source");
      break;
    default:
      break; // connection, feedback: no references to other objects
  }
  return slots;
}

function findTarget(ref: Ref, lookup: Map<string, TmlRefTarget>): TmlRefTarget | undefined {
  if (typeof ref.fqn === "string" && lookup.has(ref.fqn)) return lookup.get(ref.fqn);
  const name = refName(ref);
  return name === undefined ? undefined : lookup.get(name);
}

function matches(ref: Ref, nameOrGuid: string | undefined): boolean {
  return nameOrGuid === undefined || ref.fqn === nameOrGuid || refName(ref) === nameOrGuid;
}

/** The referenced object's name: `name`, or `id` where an entry was written with only an id. */
function refName(ref: Ref): string | undefined {
  if (typeof ref.name === "string") return ref.name;
  return typeof ref.id === "string" ? ref.id : undefined;
}

function requireTarget(to: TmlRefTarget): void {
  if (to.name === undefined && to.fqn === undefined) {
    throw new TmlError("A reference target needs a name, an fqn (GUID), or both.");
  }
}

function toMap<V>(mapping: ReadonlyMap<string, V> | Readonly<Record<string, V>>): Map<string, V> {
  return mapping instanceof Map ? new Map(mapping) : new Map(Object.entries(mapping as Record<string, V>));
}

function isRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refs(value: unknown): Ref[] {
  return Array.isArray(value) ? value.filter(isRef) : [];
}

/** Set `key`, in place if present, else right after the last of `after` that exists (else last). */
function setAfter(obj: Ref, key: string, value: unknown, after: string[]): void {
  if (key in obj) {
    obj[key] = value;
    return;
  }
  const keys = Object.keys(obj);
  const anchor = Math.max(...after.map((k) => keys.indexOf(k)));
  insertAt(obj, anchor < 0 ? keys.length : anchor + 1, key, value);
}

function setBefore(obj: Ref, key: string, value: unknown, before: string): void {
  const index = Object.keys(obj).indexOf(before);
  insertAt(obj, Math.max(index, 0), key, value);
}

/** Objects keep insertion order, and TML files are diffed by people: put keys where ThoughtSpot does. */
function insertAt(obj: Ref, index: number, key: string, value: unknown): void {
  const entries = Object.entries(obj);
  entries.splice(index, 0, [key, value]);
  for (const k of Object.keys(obj)) delete obj[k];
  // The keys are the document's: "__proto__" is put back as a key, never as the prototype.
  for (const [k, v] of entries) defineData(obj, k, v);
}

/** Sets an own data property ("__proto__" stays a key). Local, not ../redact.js's: importing the
 * redactor from a lazily loaded module would make it a separate chunk at startup. */
function defineData(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
