// The TSTypes → V1/V2 `type` + `subtypes` mapping, written out member by member, plus raw strings,
// the reverse lookup, errors, and agreement with the V1 spec's x-json-items-enum for `subtypes`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TSTypes } from "../../src/index.js";
import { OBJECT_TYPES, resolveObjectType, tsTypeOf, v1TypeOf, v2TypeOf } from "../../src/v2.js";

type Expected = { type: string; subtypes?: string[] };

// member → [V1, V2]
const MAPPING: Record<keyof typeof TSTypes, [Expected, Expected]> = {
  USER: [{ type: "USER" }, { type: "USER" }],
  GROUP: [{ type: "USER_GROUP" }, { type: "USER_GROUP" }],
  PINBOARD: [{ type: "PINBOARD_ANSWER_BOOK" }, { type: "LIVEBOARD" }],
  LIVEBOARD: [{ type: "PINBOARD_ANSWER_BOOK" }, { type: "LIVEBOARD" }],
  TAG: [{ type: "TAG" }, { type: "TAG" }],
  COLUMN: [{ type: "LOGICAL_COLUMN" }, { type: "LOGICAL_COLUMN" }],
  JOIN: [{ type: "LOGICAL_RELATIONSHIP" }, { type: "LOGICAL_RELATIONSHIP" }],
  DATA_SOURCE: [{ type: "DATA_SOURCE" }, { type: "CONNECTION" }],
  CONNECTION: [{ type: "DATA_SOURCE" }, { type: "CONNECTION" }],
  ANSWER: [{ type: "QUESTION_ANSWER_BOOK" }, { type: "ANSWER" }],
  TABLE: [
    { type: "LOGICAL_TABLE", subtypes: ["ONE_TO_ONE_LOGICAL"] },
    { type: "LOGICAL_TABLE", subtypes: ["ONE_TO_ONE_LOGICAL"] },
  ],
  WORKSHEET: [
    { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] },
    { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] },
  ],
  MODEL: [
    { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] },
    { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] },
  ],
  SQL_VIEW: [
    { type: "LOGICAL_TABLE", subtypes: ["SQL_VIEW"] },
    { type: "LOGICAL_TABLE", subtypes: ["SQL_VIEW"] },
  ],
  VIEW: [
    { type: "LOGICAL_TABLE", subtypes: ["AGGR_WORKSHEET"] },
    { type: "LOGICAL_TABLE", subtypes: ["AGGR_WORKSHEET"] },
  ],
  // The Python library sent these two as a V1 `type` unchanged; V1 has no such type.
  PRIVATE_WORKSHEET: [
    { type: "LOGICAL_TABLE", subtypes: ["PRIVATE_WORKSHEET"] },
    { type: "LOGICAL_TABLE", subtypes: ["PRIVATE_WORKSHEET"] },
  ],
  USER_UPLOAD: [
    { type: "LOGICAL_TABLE", subtypes: ["USER_DEFINED"] },
    { type: "LOGICAL_TABLE", subtypes: ["USER_DEFINED"] },
  ],
};

const rows = Object.entries(MAPPING) as [keyof typeof TSTypes, [Expected, Expected]][];

describe("resolveObjectType: every TSTypes member", () => {
  it("covers exactly the TSTypes members", () => {
    expect(Object.keys(MAPPING).sort()).toEqual(Object.keys(TSTypes).sort());
  });

  describe.each(rows)("%s", (member, [v1, v2]) => {
    it("by name, on V1", () => expect(resolveObjectType(member, "v1")).toStrictEqual(v1));
    it("by name, on V2", () => expect(resolveObjectType(member, "v2")).toStrictEqual(v2));
    it("by value, on V1", () => expect(resolveObjectType(TSTypes[member], "v1")).toStrictEqual(v1));
    it("by value, on V2", () => expect(resolveObjectType(TSTypes[member], "v2")).toStrictEqual(v2));
    it("v1TypeOf / v2TypeOf give the type alone", () => {
      expect(v1TypeOf(member)).toBe(v1.type);
      expect(v2TypeOf(member)).toBe(v2.type);
    });
  });
});

describe("resolveObjectType: raw API strings", () => {
  it.each([
    // input, api, expected
    ["LOGICAL_TABLE", "v1", { type: "LOGICAL_TABLE" }],
    ["LOGICAL_TABLE", "v2", { type: "LOGICAL_TABLE" }],
    ["PINBOARD_ANSWER_BOOK", "v1", { type: "PINBOARD_ANSWER_BOOK" }],
    ["PINBOARD_ANSWER_BOOK", "v2", { type: "LIVEBOARD" }],
    ["QUESTION_ANSWER_BOOK", "v2", { type: "ANSWER" }],
    ["DATA_SOURCE", "v2", { type: "CONNECTION" }],
    ["LIVEBOARD", "v1", { type: "PINBOARD_ANSWER_BOOK" }],
    ["LIVEBOARD", "v2", { type: "LIVEBOARD" }],
    ["ANSWER", "v1", { type: "QUESTION_ANSWER_BOOK" }],
    ["CONNECTION", "v1", { type: "DATA_SOURCE" }],
    ["USER_GROUP", "v2", { type: "USER_GROUP" }],
    ["LOGICAL_COLUMN", "v1", { type: "LOGICAL_COLUMN" }],
    ["LOGICAL_RELATIONSHIP", "v2", { type: "LOGICAL_RELATIONSHIP" }],
    ["INSIGHT_SPEC", "v2", { type: "INSIGHT_SPEC" }],
    ["COLLECTION", "v2", { type: "COLLECTION" }],
  ] as const)("%s on %s", (input, api, expected) => {
    expect(resolveObjectType(input, api)).toStrictEqual(expected);
  });

  it.each(["INSIGHT_SPEC", "COLLECTION"])("%s has no V1 equivalent", (input) => {
    expect(() => resolveObjectType(input, "v1")).toThrow(
      new TypeError(`ThoughtSpot object type "${input}" has no V1 equivalent.`),
    );
  });
});

describe("resolveObjectType: errors before any request", () => {
  it.each([
    "DASHBOARD",
    "worksheet",
    "Liveboard",
    "",
    "toString",
    "__proto__",
  ])("rejects %j with a TypeError listing TSTypes", (input) => {
    let error: unknown;
    try {
      resolveObjectType(input, "v2");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    const message = (error as TypeError).message;
    expect(message).toContain(`Unknown ThoughtSpot object type ${JSON.stringify(input)}`);
    for (const member of Object.keys(TSTypes)) expect(message).toContain(member);
  });

  it("rejects a non-string from untyped callers", () => {
    expect(() => resolveObjectType(42 as unknown as string, "v1")).toThrow(TypeError);
  });

  it("rejects an unknown api", () => {
    expect(() => resolveObjectType("LIVEBOARD", "v3" as "v1")).toThrow(/api must be "v1" or "v2"/);
  });
});

describe("resolveObjectType: results are the caller's to change", () => {
  it("returns a fresh subtypes array each time", () => {
    const first = resolveObjectType("WORKSHEET", "v2");
    first.subtypes?.push("SQL_VIEW");
    expect(resolveObjectType("WORKSHEET", "v2")).toStrictEqual({
      type: "LOGICAL_TABLE",
      subtypes: ["WORKSHEET"],
    });
  });
});

describe("tsTypeOf: naming headers that come back", () => {
  it.each([
    // header, api, expected TSTypes value
    [{ type: "PINBOARD_ANSWER_BOOK" }, "v1", TSTypes.LIVEBOARD],
    [{ type: "LIVEBOARD" }, "v2", TSTypes.LIVEBOARD],
    [{ type: "QUESTION_ANSWER_BOOK" }, "v1", TSTypes.ANSWER],
    [{ type: "ANSWER" }, "v2", TSTypes.ANSWER],
    [{ type: "DATA_SOURCE" }, "v1", TSTypes.CONNECTION],
    [{ type: "CONNECTION" }, "v2", TSTypes.CONNECTION],
    [{ type: "USER" }, "v2", TSTypes.USER],
    [{ type: "USER_GROUP" }, "v1", TSTypes.GROUP],
    [{ type: "TAG" }, "v1", TSTypes.TAG],
    [{ type: "LOGICAL_COLUMN" }, "v2", TSTypes.COLUMN],
    [{ type: "LOGICAL_RELATIONSHIP" }, "v1", TSTypes.JOIN],
    [{ type: "LOGICAL_TABLE", subtype: "WORKSHEET" }, "v2", TSTypes.WORKSHEET],
    [{ type: "LOGICAL_TABLE", subType: "ONE_TO_ONE_LOGICAL" }, "v1", TSTypes.TABLE],
    [{ type: "LOGICAL_TABLE", subtype: "AGGR_WORKSHEET" }, "v1", TSTypes.VIEW],
    [{ type: "LOGICAL_TABLE", subtype: "SQL_VIEW" }, "v2", TSTypes.SQL_VIEW],
    [{ type: "LOGICAL_TABLE", subtype: "PRIVATE_WORKSHEET" }, "v2", TSTypes.PRIVATE_WORKSHEET],
    [{ type: "LOGICAL_TABLE", subtype: "USER_DEFINED" }, "v1", TSTypes.USER_UPLOAD],
    // Headers that carry the subtype in `type` (V1 listobjectheaders, V2 metadata_header).
    [{ type: "WORKSHEET" }, "v1", TSTypes.WORKSHEET],
    [{ type: "ONE_TO_ONE_LOGICAL" }, "v2", TSTypes.TABLE],
    // Not covered by TSTypes: undefined, never an error.
    [{ type: "LOGICAL_TABLE" }, "v2", undefined],
    [{ type: "LOGICAL_TABLE", subtype: "SOMETHING_NEW" }, "v1", undefined],
    [{ type: "COLLECTION" }, "v2", undefined],
    [{ type: "LIVEBOARD" }, "v1", undefined],
    [{ type: "PINBOARD_ANSWER_BOOK" }, "v2", undefined],
  ] as const)("%j on %s", (header, api, expected) => {
    expect(tsTypeOf(header, api)).toBe(expected);
  });

  it.each(rows)("round-trips %s on both APIs", (member) => {
    for (const api of ["v1", "v2"] as const) {
      const { type, subtypes } = resolveObjectType(member, api);
      expect(tsTypeOf({ type, subtype: subtypes?.[0] }, api)).toBe(TSTypes[member]);
    }
  });
});

describe("V1 subtypes agree with the V1 spec", () => {
  type Param = { name: string; "x-json-items-enum"?: string[] };
  const spec = parse(readFileSync("openapi/v1/thoughtspot-v1.swagger.yaml", "utf8")) as {
    paths: Record<string, Record<string, { parameters?: Param[] }>>;
  };
  const specSubtypes = spec.paths["/tspublic/v1/metadata/listobjectheaders"]?.get?.parameters?.find(
    (p) => p.name === "subtypes",
  )?.["x-json-items-enum"];
  it("every V1 subtype we send is in x-json-items-enum", () => {
    expect(specSubtypes).toBeDefined();
    const sent = Object.values(OBJECT_TYPES).flatMap((row) => ("subtypes" in row.v1 ? row.v1.subtypes : []));
    for (const subtype of sent) expect(specSubtypes).toContain(subtype);
  });
});
