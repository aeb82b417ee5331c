// V1 metadata listing vocabulary (metadata/list, metadata/listobjectheaders): types, subtypes,
// sort fields and categories, with the Python library's names and aliases.
import type { V1Category, V1MetadataType, V1Sort, V2MetadataSubtype } from "./api-types.js";

/**
 * V1 metadata `type` values. All data objects (Table, Worksheet, View, SQL View) are LOGICAL_TABLE
 * here, so these list every data object; use TSTypes to narrow by subtype.
 */
export const MetadataTypes = {
  USER: "USER",
  GROUP: "USER_GROUP",
  PINBOARD: "PINBOARD_ANSWER_BOOK",
  LIVEBOARD: "PINBOARD_ANSWER_BOOK",
  WORKSHEET: "LOGICAL_TABLE",
  CONNECTION: "DATA_SOURCE",
  ANSWER: "QUESTION_ANSWER_BOOK",
  TABLE: "LOGICAL_TABLE",
  TAG: "TAG",
  VIEW: "LOGICAL_TABLE",
  COLUMN: "LOGICAL_COLUMN",
  JOIN: "LOGICAL_RELATIONSHIP",
  DATA_SOURCE: "DATA_SOURCE",
  SQL_VIEW: "LOGICAL_TABLE",
} as const satisfies Record<string, V1MetadataType>;
export type MetadataTypes = (typeof MetadataTypes)[keyof typeof MetadataTypes];

/** Alias kept from the Python library. */
export const MetadataNames = MetadataTypes;
export type MetadataNames = MetadataTypes;

/**
 * LOGICAL_TABLE subtypes. Checked against V2, whose spec lists them as a union; V1 accepts the same
 * words (PRIVATE_WORKSHEET is deprecated there).
 */
export const MetadataSubtypes = {
  WORKSHEET: "WORKSHEET",
  TABLE: "ONE_TO_ONE_LOGICAL",
  VIEW: "AGGR_WORKSHEET",
  USER_UPLOAD: "USER_DEFINED",
  PRIVATE_WORKSHEET: "PRIVATE_WORKSHEET",
  SQL_VIEW: "SQL_VIEW",
} as const satisfies Record<string, V2MetadataSubtype>;
export type MetadataSubtypes = (typeof MetadataSubtypes)[keyof typeof MetadataSubtypes];

/** V1 listing `sort` field. */
export const Sorts = {
  DEFAULT: "DEFAULT",
  NAME: "NAME",
  DISPLAY_NAME: "DISPLAY_NAME",
  AUTHOR: "AUTHOR",
  CREATED: "CREATED",
  MODIFIED: "MODIFIED",
} as const satisfies Record<string, V1Sort>;
export type Sorts = (typeof Sorts)[keyof typeof Sorts];

/** Alias kept from the Python library. */
export const MetadataSorts = Sorts;
export type MetadataSorts = Sorts;

/** V1 listing `category`: everything, the caller's own, favorites, or requested. */
export const Categories = {
  ALL: "ALL",
  MY: "MY",
  FAVORITE: "FAVORITE",
  REQUESTED: "REQUESTED",
} as const satisfies Record<string, V1Category>;
export type Categories = (typeof Categories)[keyof typeof Categories];

/** Alias kept from the Python library. */
export const MetadataCategories = Categories;
export type MetadataCategories = Categories;
