// How lookup messages name an object type: in the caller's words (or ThoughtSpot's current one), never
// only the V1 wire value. Used by the lazily loaded helpers; never imported at startup.
import { type ObjectTypeInput, resolveObjectType } from "../enums/object-types.js";
import { TSTypes } from "../enums/ts-types.js";

/**
 * The type as a message should name it: a TSTypes name or any raw type as written; a TSTypes value
 * several names share (TSTypes.LIVEBOARD is "PINBOARD_ANSWER_BOOK") as its last, current name (LIVEBOARD).
 */
export function typeName(type: string): string {
  if (Object.hasOwn(TSTypes, type)) return type;
  const names = Object.entries(TSTypes).filter(([, value]) => value === type);
  return names.at(-1)?.[0] ?? type;
}

/**
 * How a lookup message names the type: `name` as above, and `sent`, a second clause saying what the API
 * was asked for (" (V2 type LOGICAL_TABLE, subtype ONE_TO_ONE_LOGICAL)"), or "" when that is the same word.
 */
export function describeType(type: ObjectTypeInput, api: "v1" | "v2"): { name: string; sent: string } {
  const name = typeName(String(type));
  let wire: { type: string; subtypes?: string[] };
  try {
    wire = resolveObjectType(type, api);
  } catch {
    return { name, sent: "" };
  }
  if (wire.type === name && !wire.subtypes?.length) return { name, sent: "" };
  const subtypes = wire.subtypes?.length ? `, subtype ${wire.subtypes.join(", ")}` : "";
  return { name, sent: ` (${api.toUpperCase()} type ${wire.type}${subtypes})` };
}
