// Object types as users name them. TSTypes follows ThoughtSpot's Python library, so ported scripts
// read the same; resolveObjectType() (object-types.ts) turns a member into what each API expects.
import type { V1MetadataType, V2MetadataSubtype, V2MetadataType } from "./api-types.js";

/**
 * ThoughtSpot object types. Each value is the V1 name: a V1 metadata `type`, or for data objects
 * (Tables, Models, Views...) the LOGICAL_TABLE subtype. Several names share a value
 * (PINBOARD and LIVEBOARD, DATA_SOURCE and CONNECTION, WORKSHEET and MODEL).
 */
export const TSTypes = {
  USER: "USER",
  GROUP: "USER_GROUP",
  PINBOARD: "PINBOARD_ANSWER_BOOK",
  LIVEBOARD: "PINBOARD_ANSWER_BOOK",
  TAG: "TAG",
  COLUMN: "LOGICAL_COLUMN",
  JOIN: "LOGICAL_RELATIONSHIP",
  DATA_SOURCE: "DATA_SOURCE",
  CONNECTION: "DATA_SOURCE",
  ANSWER: "QUESTION_ANSWER_BOOK",
  TABLE: "ONE_TO_ONE_LOGICAL",
  WORKSHEET: "WORKSHEET",
  // Not in the Python library: ThoughtSpot now calls Worksheets Models; the API still says WORKSHEET.
  MODEL: "WORKSHEET",
  SQL_VIEW: "SQL_VIEW",
  VIEW: "AGGR_WORKSHEET",
  PRIVATE_WORKSHEET: "PRIVATE_WORKSHEET",
  USER_UPLOAD: "USER_DEFINED",
} as const satisfies Record<string, V1MetadataType | V2MetadataSubtype>;
export type TSTypes = (typeof TSTypes)[keyof typeof TSTypes];

/**
 * The Python library's V2 object types, with today's V2 spellings: DATAOBJECT and COLUMN were
 * beta-era names the current V2 API rejects (see DECISIONS.md). For Tables, Models and Views with
 * subtypes, prefer TSTypes with resolveObjectType(type, "v2").
 */
export const TSTypesV2 = {
  LIVEBOARD: "LIVEBOARD",
  ANSWER: "ANSWER",
  DATAOBJECT: "LOGICAL_TABLE",
  COLUMN: "LOGICAL_COLUMN",
} as const satisfies Record<string, V2MetadataType>;
export type TSTypesV2 = (typeof TSTypesV2)[keyof typeof TSTypesV2];
