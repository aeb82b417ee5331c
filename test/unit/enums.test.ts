// Every enum holds exactly the members (and values) of ThoughtSpot's Python library, plus the
// documented additions; the expected lists are written out here, not read from any reference file.
import { describe, expect, it } from "vitest";
import {
  Categories,
  GroupVisibility,
  GroupVisibilityV2,
  MetadataCategories,
  MetadataNames,
  MetadataSorts,
  MetadataSubtypes,
  MetadataTypes,
  PermissionTypes,
  Privileges,
  ReportTypes,
  ShareModes,
  Sorts,
  TSTypes,
  TSTypesV2,
} from "../../src/index.js";

const expected: [string, object, Record<string, string>][] = [
  [
    "TSTypes",
    TSTypes,
    {
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
      MODEL: "WORKSHEET", // SDK addition
      SQL_VIEW: "SQL_VIEW",
      VIEW: "AGGR_WORKSHEET",
      PRIVATE_WORKSHEET: "PRIVATE_WORKSHEET",
      USER_UPLOAD: "USER_DEFINED",
    },
  ],
  [
    "MetadataTypes",
    MetadataTypes,
    {
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
    },
  ],
  [
    "MetadataSubtypes",
    MetadataSubtypes,
    {
      WORKSHEET: "WORKSHEET",
      TABLE: "ONE_TO_ONE_LOGICAL",
      VIEW: "AGGR_WORKSHEET",
      USER_UPLOAD: "USER_DEFINED",
      PRIVATE_WORKSHEET: "PRIVATE_WORKSHEET",
      SQL_VIEW: "SQL_VIEW",
    },
  ],
  [
    "Sorts",
    Sorts,
    {
      DEFAULT: "DEFAULT",
      NAME: "NAME",
      DISPLAY_NAME: "DISPLAY_NAME",
      AUTHOR: "AUTHOR",
      CREATED: "CREATED",
      MODIFIED: "MODIFIED",
    },
  ],
  ["Categories", Categories, { ALL: "ALL", MY: "MY", FAVORITE: "FAVORITE", REQUESTED: "REQUESTED" }],
  [
    "ShareModes",
    ShareModes,
    { READ_ONLY: "READ_ONLY", NO_ACCESS: "NO_ACCESS", MODIFY: "MODIFY", EDIT: "MODIFY" },
  ],
  [
    "Privileges",
    Privileges,
    {
      INNATE: "AUTHORING",
      CAN_ADMINISTER_THOUGHTSPOT: "ADMINISTRATION",
      CAN_UPLOAD_USER_DATA: "USERDATAUPLOADING",
      CAN_DOWNLOAD_DATA: "DATADOWNLOADING",
      CAN_MANAGE_DATA: "DATAMANAGEMENT",
      CAN_SHARE_WITH_ALL_USERS: "SHAREWITHALL",
      HAS_SPOTIQ_PRIVILEGE: "A3ANALYSIS",
      CAN_USE_EXPERIMENTAL_FEATURES: "EXPERIMENTALFEATUREPRIVILEGE", // Python: ...PRIVILEG (typo)
      CAN_ADMINISTER_AND_BYPASS_RLS: "BYPASSRLS",
      CAN_INVOKE_CUSTOM_R_ANALYSIS: "RANALYSIS",
      CANNOT_CREATE_OR_DELETE_PINBOARDS: "DISABLE_PINBOARD_CREATION",
    },
  ],
  ["PermissionTypes", PermissionTypes, { EFFECTIVE: "EFFECTIVE", DEFINED: "DEFINED" }],
  [
    "GroupVisibility",
    GroupVisibility,
    { DEFAULT: "DEFAULT", SHARABLE: "DEFAULT", NON_SHARABLE: "NON_SHARABLE" },
  ],
  ["GroupVisibilityV2", GroupVisibilityV2, { SHARABLE: "SHARABLE", NON_SHARABLE: "NON_SHARABLE" }],
  // Python: DATAOBJECT = "DATAOBJECT", COLUMN = "COLUMN"; the current V2 API spells them as below.
  [
    "TSTypesV2",
    TSTypesV2,
    { LIVEBOARD: "LIVEBOARD", ANSWER: "ANSWER", DATAOBJECT: "LOGICAL_TABLE", COLUMN: "LOGICAL_COLUMN" },
  ],
  ["ReportTypes", ReportTypes, { PDF: "PDF", XLSX: "XLSX", CSV: "CSV", PNG: "PNG" }],
];

describe("enum members", () => {
  it.each(expected)("%s has exactly the expected members and values", (_name, actual, members) => {
    expect(actual).toStrictEqual(members);
  });

  it("keeps the Python library's aliases as the same objects", () => {
    expect(MetadataNames).toBe(MetadataTypes);
    expect(MetadataSorts).toBe(Sorts);
    expect(MetadataCategories).toBe(Categories);
  });

  it("spells the experimental-features privilege as the APIs do, not as the Python library", () => {
    expect(Privileges.CAN_USE_EXPERIMENTAL_FEATURES).toBe("EXPERIMENTALFEATUREPRIVILEGE");
    expect(Object.values(Privileges)).not.toContain("EXPERIMENTALFEATUREPRIVILEG");
  });
});
