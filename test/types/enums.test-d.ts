// The enums as the compiler sees them: literal unions, and resolveObjectType output that the
// generated request types accept without casts. Also flags spec values TSTypes cannot name.
import { describe, expectTypeOf, it } from "vitest";
import type { operations as V1Operations } from "../../generated/v1.js";
import type { components } from "../../generated/v2.js";
import type { V1MetadataType, V2MetadataType } from "../../src/enums/api-types.js";
import {
  type Categories,
  type GroupVisibility,
  type MetadataNames,
  type MetadataSubtypes,
  type MetadataTypes,
  type PermissionTypes,
  Privileges,
  type ReportTypes,
  type ShareModes,
  type Sorts,
  TSTypes,
  type TSTypesV2,
} from "../../src/index.js";
import {
  resolveObjectType,
  tsTypeOf,
  type V1ObjectType,
  type V2ObjectType,
  v1TypeOf,
  v2TypeOf,
} from "../../src/v2.js";

type V2MetadataItem = components["schemas"]["MetadataListItemInput"];
type V1ListQuery = NonNullable<V1Operations["metadataListobjectheaders"]["parameters"]["query"]>;

describe("enum union types", () => {
  it("are the literal values, not string", () => {
    expectTypeOf<TSTypes>().toEqualTypeOf<
      | "USER"
      | "USER_GROUP"
      | "PINBOARD_ANSWER_BOOK"
      | "TAG"
      | "LOGICAL_COLUMN"
      | "LOGICAL_RELATIONSHIP"
      | "DATA_SOURCE"
      | "QUESTION_ANSWER_BOOK"
      | "ONE_TO_ONE_LOGICAL"
      | "WORKSHEET"
      | "SQL_VIEW"
      | "AGGR_WORKSHEET"
      | "PRIVATE_WORKSHEET"
      | "USER_DEFINED"
    >();
    expectTypeOf<ShareModes>().toEqualTypeOf<"READ_ONLY" | "NO_ACCESS" | "MODIFY">();
    expectTypeOf<Sorts>().toEqualTypeOf<
      "DEFAULT" | "NAME" | "DISPLAY_NAME" | "AUTHOR" | "CREATED" | "MODIFIED"
    >();
    expectTypeOf<Categories>().toEqualTypeOf<"ALL" | "MY" | "FAVORITE" | "REQUESTED">();
    expectTypeOf<PermissionTypes>().toEqualTypeOf<"EFFECTIVE" | "DEFINED">();
    expectTypeOf<GroupVisibility>().toEqualTypeOf<"DEFAULT" | "NON_SHARABLE">();
    expectTypeOf<ReportTypes>().toEqualTypeOf<"PDF" | "XLSX" | "CSV" | "PNG">();
    expectTypeOf<TSTypesV2>().toEqualTypeOf<"LIVEBOARD" | "ANSWER" | "LOGICAL_TABLE" | "LOGICAL_COLUMN">();
    expectTypeOf<MetadataNames>().toEqualTypeOf<MetadataTypes>();
    expectTypeOf(TSTypes.LIVEBOARD).toEqualTypeOf<"PINBOARD_ANSWER_BOOK">();
    expectTypeOf(Privileges.CAN_USE_EXPERIMENTAL_FEATURES).toEqualTypeOf<"EXPERIMENTALFEATUREPRIVILEGE">();
  });

  it("fit the generated request fields", () => {
    expectTypeOf<MetadataTypes>().toExtend<V1ListQuery["type"]>();
    expectTypeOf<Sorts>().toExtend<V1ListQuery["sort"]>();
    expectTypeOf<Categories>().toExtend<V1ListQuery["category"]>();
    expectTypeOf<MetadataSubtypes[]>().toExtend<V2MetadataItem["subtypes"]>();
    expectTypeOf<ShareModes>().toExtend<components["schemas"]["SharePermissionsInput"]["share_mode"]>();
    expectTypeOf<Privileges[]>().toExtend<components["schemas"]["CreateUserGroupRequest"]["privileges"]>();
    expectTypeOf<ReportTypes>().toExtend<
      components["schemas"]["ExportLiveboardReportRequest"]["file_format"]
    >();
    expectTypeOf<TSTypesV2>().toExtend<V2MetadataItem["type"]>();
  });

  it("cover every V1 type and every V2 subtype the specs list", () => {
    // A new value in the spec makes these fail: name it in MetadataTypes / MetadataSubtypes.
    expectTypeOf<NonNullable<V1ListQuery["type"]>>().toExtend<MetadataTypes>();
    expectTypeOf<NonNullable<V2MetadataItem["subtypes"]>[number]>().toExtend<MetadataSubtypes>();
  });
});

describe("resolveObjectType", () => {
  it("returns what V2 metadata/search and V1 listobjectheaders accept", () => {
    const v2 = resolveObjectType(TSTypes.WORKSHEET, "v2");
    expectTypeOf(v2).toEqualTypeOf<V2ObjectType>();
    expectTypeOf(v2).toExtend<Pick<V2MetadataItem, "type" | "subtypes">>();
    expectTypeOf(v2.type).toExtend<V2MetadataItem["type"]>();
    const item: V2MetadataItem = { ...resolveObjectType("LIVEBOARD", "v2"), name_pattern: "Sales%" };
    expectTypeOf(item).toExtend<V2MetadataItem>();

    const v1 = resolveObjectType("WORKSHEET", "v1");
    expectTypeOf(v1).toEqualTypeOf<V1ObjectType>();
    expectTypeOf(v1.type).toExtend<V1ListQuery["type"]>();
    expectTypeOf(v1.type).toExtend<V1Operations["metadataDetails"]["parameters"]["query"]["type"]>();
    expectTypeOf(v1TypeOf("TABLE")).toEqualTypeOf<V1MetadataType>();
    expectTypeOf(v2TypeOf("TABLE")).toEqualTypeOf<V2MetadataType>();
  });

  it("accepts names, values and raw strings, and offers them for completion", () => {
    expectTypeOf(resolveObjectType).toBeCallableWith("MODEL", "v2");
    expectTypeOf(resolveObjectType).toBeCallableWith("PINBOARD_ANSWER_BOOK", "v1");
    expectTypeOf(resolveObjectType).toBeCallableWith("COLLECTION", "v2");
    // @ts-expect-error only "v1" and "v2"
    resolveObjectType("LIVEBOARD", "v3");
  });

  it("names every V2 metadata type through TSTypes or as a raw pass-through", () => {
    // A new V2 type makes this fail: add it to TSTypes or to RAW_ONLY_TYPES in object-types.ts.
    type Named = keyof typeof TSTypes | TSTypes | "LOGICAL_TABLE" | "INSIGHT_SPEC" | "COLLECTION";
    expectTypeOf<V2MetadataType>().toExtend<Named>();
  });
});

describe("tsTypeOf", () => {
  it("returns a TSTypes value or undefined", () => {
    expectTypeOf(tsTypeOf({ type: "LIVEBOARD" }, "v2")).toEqualTypeOf<TSTypes | undefined>();
  });
});
