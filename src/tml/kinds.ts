// Which kind of TML a document is: its one top-level key beside `guid`/`obj_id` (see STYLE.md).
import { TmlError } from "./errors.js";
import type { LegacyConnectionTml, TmlDocumentOf, TmlKind, TmlType } from "./types.js";

/**
 * Every kind with typed contents. The key ThoughtSpot writes at the top of the file is the kind:
 * `pinboard` is the pre-Liveboard name, `cohort` a reusable set, `nls_feedback` the Spotter
 * feedback file (`feedback` is its older name), `action_object` a custom action; `role`, `group`
 * and `user` are the access-control objects ThoughtSpot exports as TML.
 */
export const TML_TYPES: readonly TmlType[] = [
  "table",
  "view",
  "sql_view",
  "worksheet",
  "model",
  "answer",
  "liveboard",
  "pinboard",
  "connection",
  "cohort",
  "nls_feedback",
  "feedback",
  "collection",
  "monitor_alert",
  "action_object",
  "role",
  "group",
  "user",
];

/** Top-level keys that sit beside the kind key. */
const ENVELOPE_KEYS = new Set(["guid", "obj_id"]);

/** Keys of the legacy connection file, which has no `connection:` wrapper. */
const LEGACY_CONNECTION_KEYS = new Set(["name", "type", "authentication_type", "properties", "table"]);

/**
 * The kind of a TML document: a known kind (`table`, `model`, `liveboard` …), `connection` for the
 * legacy unwrapped connection file, or the name of the one top-level key of a kind this SDK does
 * not know (kept as an untyped document).
 */
export function tmlType(doc: unknown): TmlKind {
  if (!isPlainObject(doc)) throw new TmlError("A TML document must be a YAML/JSON mapping at the top level.");
  const keys = Object.keys(doc).filter((key) => !ENVELOPE_KEYS.has(key));
  const known = keys.filter((key): key is TmlType => (TML_TYPES as readonly string[]).includes(key));
  if (isLegacyConnection(doc)) return "connection";
  if (known.length === 1) {
    const type = known[0]!;
    if (!isPlainObject(doc[type])) {
      throw new TmlError(`TML '${type}' must hold a mapping, got ${describe(doc[type])}.`);
    }
    return type;
  }
  if (known.length > 1) {
    throw new TmlError(
      `TML document has more than one kind key (${known.map((k) => `'${k}'`).join(", ")}); a file holds one object.`,
    );
  }
  const mappings = keys.filter((key) => isPlainObject(doc[key]));
  if (keys.length === 1 && mappings.length === 1) return keys[0]!;
  const found = keys.length > 0 ? keys.map((k) => `'${k}'`).join(", ") : "none";
  throw new TmlError(
    `Not a TML document: no kind key holding a mapping (top-level keys besides guid: ${found}). Known kinds: ${TML_TYPES.join(", ")}.`,
  );
}

/**
 * The connection file older releases export: `name`, `type`, `authentication_type`,
 * `properties` and a `table:` list at the top level, with no `connection:` wrapper.
 */
export function isLegacyConnection(doc: unknown): doc is LegacyConnectionTml {
  if (!isPlainObject(doc)) return false;
  const keys = Object.keys(doc).filter((key) => !ENVELOPE_KEYS.has(key));
  return (
    typeof doc.name === "string" &&
    typeof doc.type === "string" &&
    keys.every((key) => LEGACY_CONNECTION_KEYS.has(key) || !isPlainObject(doc[key]))
  );
}

/** Narrow a document to one kind: `if (isTmlOfType(doc, "model")) doc.model.model_tables`. */
export function isTmlOfType<T extends TmlType>(doc: unknown, type: T): doc is TmlDocumentOf<T> {
  return isPlainObject(doc) && isPlainObject(doc[type]) && tmlType(doc) === type;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "a list" : typeof value;
}
