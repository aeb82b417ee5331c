// One table from each TSTypes member to the `type` + `subtypes` that V1 and V2 expect, and the
// lookups built on it. Tables, Models, Views, SQL Views and uploads are all LOGICAL_TABLE on both
// APIs; only the subtype tells them apart. V2 renames three types (LIVEBOARD, ANSWER, CONNECTION).
import type { V1MetadataSubtype, V1MetadataType, V2MetadataSubtype, V2MetadataType } from "./api-types.js";
import { TSTypes } from "./ts-types.js";

export type ApiVersion = "v1" | "v2";

/** What V1 metadata/list and metadata/listobjectheaders take (`subtypes` goes on the wire as JSON text). */
export interface V1ObjectType {
  type: V1MetadataType;
  subtypes?: V1MetadataSubtype[];
}

/** What V2 metadata/search takes in `metadata[]`. */
export interface V2ObjectType {
  type: V2MetadataType;
  subtypes?: V2MetadataSubtype[];
}

/** A TSTypes name or value, or a raw V1/V2 `type`; any other string is rejected at run time. */
export type ObjectTypeInput =
  | keyof typeof TSTypes
  | TSTypes
  | V1MetadataType
  | V2MetadataType
  | (string & {});

interface ObjectTypeRow {
  readonly v1: { readonly type: V1MetadataType; readonly subtypes?: readonly V1MetadataSubtype[] };
  readonly v2: { readonly type: V2MetadataType; readonly subtypes?: readonly V2MetadataSubtype[] };
}

/**
 * Keyed by TSTypes value, so aliases (LIVEBOARD/PINBOARD, MODEL/WORKSHEET...) share a row.
 * Unlike the Python library, PRIVATE_WORKSHEET and USER_UPLOAD become LOGICAL_TABLE + subtype on V1
 * too (Python sent them as a `type`, which V1 does not accept).
 */
export const OBJECT_TYPES = {
  USER: { v1: { type: "USER" }, v2: { type: "USER" } },
  USER_GROUP: { v1: { type: "USER_GROUP" }, v2: { type: "USER_GROUP" } },
  PINBOARD_ANSWER_BOOK: { v1: { type: "PINBOARD_ANSWER_BOOK" }, v2: { type: "LIVEBOARD" } },
  QUESTION_ANSWER_BOOK: { v1: { type: "QUESTION_ANSWER_BOOK" }, v2: { type: "ANSWER" } },
  TAG: { v1: { type: "TAG" }, v2: { type: "TAG" } },
  LOGICAL_COLUMN: { v1: { type: "LOGICAL_COLUMN" }, v2: { type: "LOGICAL_COLUMN" } },
  LOGICAL_RELATIONSHIP: { v1: { type: "LOGICAL_RELATIONSHIP" }, v2: { type: "LOGICAL_RELATIONSHIP" } },
  DATA_SOURCE: { v1: { type: "DATA_SOURCE" }, v2: { type: "CONNECTION" } },
  ONE_TO_ONE_LOGICAL: {
    v1: { type: "LOGICAL_TABLE", subtypes: ["ONE_TO_ONE_LOGICAL"] },
    v2: { type: "LOGICAL_TABLE", subtypes: ["ONE_TO_ONE_LOGICAL"] },
  },
  WORKSHEET: {
    v1: { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] },
    v2: { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] },
  },
  SQL_VIEW: {
    v1: { type: "LOGICAL_TABLE", subtypes: ["SQL_VIEW"] },
    v2: { type: "LOGICAL_TABLE", subtypes: ["SQL_VIEW"] },
  },
  AGGR_WORKSHEET: {
    v1: { type: "LOGICAL_TABLE", subtypes: ["AGGR_WORKSHEET"] },
    v2: { type: "LOGICAL_TABLE", subtypes: ["AGGR_WORKSHEET"] },
  },
  PRIVATE_WORKSHEET: {
    v1: { type: "LOGICAL_TABLE", subtypes: ["PRIVATE_WORKSHEET"] },
    v2: { type: "LOGICAL_TABLE", subtypes: ["PRIVATE_WORKSHEET"] },
  },
  USER_DEFINED: {
    v1: { type: "LOGICAL_TABLE", subtypes: ["USER_DEFINED"] },
    v2: { type: "LOGICAL_TABLE", subtypes: ["USER_DEFINED"] },
  },
} as const satisfies Record<TSTypes, ObjectTypeRow>;

/**
 * Raw `type` strings that are neither a TSTypes name nor value. They pass through with no subtypes
 * (LOGICAL_TABLE then means every data object). A missing side has no equivalent on that API.
 */
const RAW_ONLY_TYPES: Readonly<Record<string, { v1?: V1MetadataType; v2?: V2MetadataType }>> = {
  LOGICAL_TABLE: { v1: "LOGICAL_TABLE", v2: "LOGICAL_TABLE" },
  INSIGHT_SPEC: { v2: "INSIGHT_SPEC" },
  COLLECTION: { v2: "COLLECTION" },
};

function tsTypeFor(name: string): TSTypes | undefined {
  if (Object.hasOwn(TSTypes, name)) return TSTypes[name as keyof typeof TSTypes];
  if (Object.hasOwn(OBJECT_TYPES, name)) return name as TSTypes;
  return undefined;
}

function checkApi(api: unknown): asserts api is ApiVersion {
  if (api !== "v1" && api !== "v2")
    throw new TypeError(`api must be "v1" or "v2", got ${JSON.stringify(api)}`);
}

function unknownType(type: unknown): TypeError {
  const names = Object.keys(TSTypes).join(", ");
  return new TypeError(
    `Unknown ThoughtSpot object type ${JSON.stringify(type)}. Use a TSTypes member (${names}) ` +
      `or a raw V1/V2 type such as LOGICAL_TABLE, PINBOARD_ANSWER_BOOK or LIVEBOARD (names are case-sensitive).`,
  );
}

/**
 * The `type` and `subtypes` to send for an object type. Accepts a TSTypes name ("WORKSHEET") or
 * value ("PINBOARD_ANSWER_BOOK"), or a raw `type` of either API, translated to `api`'s spelling.
 * Throws TypeError, before any request, for an unknown string or a type `api` does not have.
 */
export function resolveObjectType(type: ObjectTypeInput, api: "v1"): V1ObjectType;
export function resolveObjectType(type: ObjectTypeInput, api: "v2"): V2ObjectType;
export function resolveObjectType(type: ObjectTypeInput, api: ApiVersion): V1ObjectType | V2ObjectType;
export function resolveObjectType(type: ObjectTypeInput, api: ApiVersion): V1ObjectType | V2ObjectType {
  checkApi(api);
  if (typeof type !== "string") throw unknownType(type);
  const tsType = tsTypeFor(type);
  if (tsType !== undefined) {
    const row: ObjectTypeRow[ApiVersion] = OBJECT_TYPES[tsType][api];
    // A fresh array: callers may push onto `subtypes` without touching the table.
    const resolved = row.subtypes ? { type: row.type, subtypes: [...row.subtypes] } : { type: row.type };
    return resolved as V1ObjectType | V2ObjectType;
  }
  if (Object.hasOwn(RAW_ONLY_TYPES, type)) {
    const raw = RAW_ONLY_TYPES[type]?.[api];
    if (raw === undefined) {
      throw new TypeError(
        `ThoughtSpot object type ${JSON.stringify(type)} has no ${api.toUpperCase()} equivalent.`,
      );
    }
    return { type: raw } as V1ObjectType | V2ObjectType;
  }
  throw unknownType(type);
}

/** The V1 `type` alone, for endpoints without `subtypes` (metadata/details, security/share...). */
export function v1TypeOf(type: ObjectTypeInput): V1MetadataType {
  return resolveObjectType(type, "v1").type;
}

/** The V2 `type` alone, for endpoints without `subtypes` (security/metadata/share, tml/export...). */
export function v2TypeOf(type: ObjectTypeInput): V2MetadataType {
  return resolveObjectType(type, "v2").type;
}

/** An object header as the API returns it: a type, and for data objects the subtype. */
export interface ObjectHeaderType {
  type: string;
  subtype?: string | null;
  /** V1 headers spell it subType; either is read. */
  subType?: string | null;
}

/**
 * Names an object header coming back from `api` as a TSTypes value, or undefined when the header
 * is of a type TSTypes does not cover (COLLECTION, a bare LOGICAL_TABLE...). Never throws, so
 * listings keep working when ThoughtSpot adds types. Headers that carry the subtype in `type`
 * (V1 listobjectheaders, V2 metadata_header) are understood too. A Model comes back as WORKSHEET:
 * the API does not tell Models from Worksheets by type.
 */
export function tsTypeOf(header: ObjectHeaderType, api: ApiVersion): TSTypes | undefined {
  checkApi(api);
  const { type } = header;
  const subtype = header.subtype ?? header.subType;
  for (const [tsType, row] of Object.entries(OBJECT_TYPES) as [TSTypes, ObjectTypeRow][]) {
    const side = row[api];
    const rowSubtype = side.subtypes?.[0];
    if (rowSubtype === undefined) {
      if (side.type === type) return tsType;
    } else if ((side.type === type && rowSubtype === subtype) || rowSubtype === type) {
      return tsType;
    }
  }
  return undefined;
}
