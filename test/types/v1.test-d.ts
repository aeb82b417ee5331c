// V1OperationMethods, checked by the compiler: JSON-encoded fields take values as well as JSON text,
// everything else keeps the generated type; the data calls take the numbered runtime keys.
import { describe, expectTypeOf, it } from "vitest";
import type { components, MetadataHeaderList, operations } from "../../generated/v1.js";
import type { V1Outputs } from "../../generated/v1-api.js";
import type { OperationOutput } from "../../src/core/types.js";
import { runtimeFilters, runtimeQuery, runtimeSorts } from "../../src/v1/runtime-params.js";
import type {
  V1JsonFieldsOf,
  V1JsonValue,
  V1OperationInput,
  V1OperationMethods,
} from "../../src/v1/types.js";
import type { Identical } from "./compare.js";

declare const v1: V1OperationMethods;

describe("JSON-encoded fields", () => {
  it("take arrays, objects or JSON text", () => {
    v1.metadataListobjectheaders({ type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] });
    v1.metadataListobjectheaders({ type: "LOGICAL_TABLE", subtypes: '["WORKSHEET"]' });
    v1.securityShare({
      type: "PINBOARD_ANSWER_BOOK",
      id: ["g-1"],
      permission: { permissions: { "u-1": { shareMode: "READ_ONLY" } } },
      emailshares: [],
      useCustomEmbedUrls: false,
    });
    v1.metadataTmlImport({ import_objects: ["guid: g-1\nliveboard: {}\n"], import_policy: "ALL_OR_NONE" });
    v1.userSync({ principals: [{ name: "ada", principalTypeEnum: "LOCAL_USER" }], password: "x" });
    v1.userUpdatepreference({ preferences: { notifyOnShare: false } });
    const readonlyIds = ["a", "b"] as const;
    v1.metadataAssigntag({ id: readonlyIds, type: ["PINBOARD_ANSWER_BOOK"] });
  });

  it("are exactly the table's jsonFields", () => {
    expectTypeOf<V1JsonFieldsOf<"securityShare">>().toEqualTypeOf<"id" | "permission" | "emailshares">();
    expectTypeOf<V1JsonFieldsOf<"sessionLogin">>().toEqualTypeOf<never>();
    expectTypeOf<V1OperationInput<"securityShare">["permission"]>().toEqualTypeOf<V1JsonValue>();
    expectTypeOf<V1OperationInput<"metadataListobjectheaders">["subtypes"]>().toEqualTypeOf<
      V1JsonValue | undefined
    >();
  });

  it("stay required or optional as generated", () => {
    // @ts-expect-error permission is required
    v1.securityShare({ type: "PINBOARD_ANSWER_BOOK", id: [], emailshares: [], useCustomEmbedUrls: false });
    // @ts-expect-error import_objects is required, so is the input
    v1.metadataTmlImport();
    v1.metadataListobjectheaders();
  });

  it("do not widen a number or boolean", () => {
    // @ts-expect-error subtypes is JSON, but a number is not an array, object or text
    v1.metadataListobjectheaders({ subtypes: 5 });
  });
});

describe("other fields keep the generated types", () => {
  it("booleans stay boolean, enums stay enums, unknown fields are refused", () => {
    v1.sessionLogin({ username: "tsadmin", password: "x", rememberme: true });
    // @ts-expect-error rememberme is a boolean, not text
    v1.sessionLogin({ username: "tsadmin", password: "x", rememberme: "true" });
    // @ts-expect-error not an import policy
    v1.metadataTmlImport({ import_objects: [], import_policy: "SOME" });
    // @ts-expect-error usernme is not a field
    v1.sessionLogin({ usernme: "tsadmin", password: "x" });
    // @ts-expect-error a non-JSON text field does not take an array
    v1.sessionLogin({ username: ["tsadmin"], password: "x" });
  });

  it("answers are typed from the spec", async () => {
    const imported = await v1.metadataTmlImport({ import_objects: [] });
    expectTypeOf(imported).toEqualTypeOf<components["schemas"]["TmlImportResponse"]>();
    const pdf = await v1.exportPinboardPdf({ id: "lb-1" });
    expectTypeOf(pdf).not.toBeAny();
  });
});

describe("runtime filter, sort and Parameter keys", () => {
  it("are accepted by pinboarddata and searchdata, spread from the helpers or written by hand", () => {
    v1.pinboarddata({
      id: "lb-1",
      ...runtimeFilters([{ column: "Region", operator: "IN", values: ["East", "West"] }]),
      ...runtimeSorts([{ column: "Sales", ascending: false }]),
    });
    v1.searchdata({
      query_string: "[Sales]",
      data_source_guid: "ds-1",
      ...runtimeQuery({ parameters: [{ name: "Discount", value: 0.1 }] }),
    });
    v1.pinboarddata({ id: "lb-1", col1: "Region", op1: "EQ", val1: "East", sortCol1: "Sales", asc1: false });
    v1.exportPinboardPdf({ id: "lb-1", col1: "State", op1: "EQ", val1: ["CA"] });
  });

  it("check the operator and stay off operations that do not take them", () => {
    // @ts-expect-error LIKE is not a runtime filter operator
    v1.pinboarddata({ id: "lb-1", col1: "Region", op1: "LIKE", val1: "East" });
    // @ts-expect-error the PDF export takes runtime filters only
    v1.exportPinboardPdf({ id: "lb-1", sortCol1: "Sales" });
    // @ts-expect-error listobjectheaders takes no runtime filters
    v1.metadataListobjectheaders({ col1: "Region" });
  });

  it("the helpers' operator type is the documented union", () => {
    // @ts-expect-error BETWEEN is not an operator
    runtimeFilters([{ column: "c", operator: "BETWEEN", values: [1, 2] }]);
  });
});

// The named outputs read the hoisted schema types (MetadataListOutput = MetadataHeaderList): each must be
// exactly the success body the operation declares.
describe("named outputs", () => {
  it("every V1 output is the operation's own success body", () => {
    type Differs = {
      [K in keyof V1Outputs]: Identical<V1Outputs[K], OperationOutput<operations[K]>> extends true
        ? never
        : K;
    }[keyof V1Outputs];
    expectTypeOf<Differs>().toEqualTypeOf<never>();
    expectTypeOf<V1Outputs["metadataList"]>().toEqualTypeOf<MetadataHeaderList>();
  });
});
