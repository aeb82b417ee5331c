// Runtime filters, sorts and Parameter overrides: the numbered keys, the checks, and the query string
// openapi-fetch makes of them.
import { describe, expect, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { createThoughtSpotClient } from "../../src/index.js";
import {
  RUNTIME_FILTER_OPERATORS,
  type RuntimeFilter,
  runtimeFilters,
  runtimeParameters,
  runtimeQuery,
  runtimeSorts,
  V1_RUNTIME_QUERY_OPERATIONS,
  v1RuntimeQuery,
} from "../../src/v1/runtime-params.js";
import { mockableSpec } from "../support/mock-spec.js";

describe("runtimeFilters", () => {
  it("numbers each filter from 1; one value is a string, several an array (repeated val<n>)", () => {
    expect(
      runtimeFilters([
        { column: "State", operator: "EQ", values: ["California"] },
        { column: "Region", operator: "IN", values: ["midwest", "south", "northeast"] },
        { column: "Revenue", operator: "BW_INC", values: [10, 50] },
        { column: "Is Active", operator: "NE", values: [false] },
      ]),
    ).toEqual({
      col1: "State",
      op1: "EQ",
      val1: "California",
      col2: "Region",
      op2: "IN",
      val2: ["midwest", "south", "northeast"],
      col3: "Revenue",
      op3: "BW_INC",
      val3: ["10", "50"],
      col4: "Is Active",
      op4: "NE",
      val4: "false",
    });
  });

  it("sends dates as epoch seconds, as the docs require for DATE and DATE_TIME columns", () => {
    expect(
      runtimeFilters([{ column: "Order Date", operator: "GE", values: [new Date("2020-05-22T00:00:00Z")] }]),
    ).toEqual({ col1: "Order Date", op1: "GE", val1: "1590105600" });
  });

  it("keeps the key order col, op, val per filter", () => {
    expect(
      Object.keys(
        runtimeFilters([
          { column: "a", operator: "EQ", values: ["1"] },
          { column: "b", operator: "EQ", values: ["2"] },
        ]),
      ),
    ).toEqual(["col1", "op1", "val1", "col2", "op2", "val2"]);
  });

  it("returns nothing for no filters", () => {
    expect(runtimeFilters([])).toEqual({});
  });

  it("knows the documented operators and how many values each takes", () => {
    expect(RUNTIME_FILTER_OPERATORS).toEqual([
      "EQ",
      "NE",
      "LT",
      "LE",
      "GT",
      "GE",
      "CONTAINS",
      "BEGINS_WITH",
      "ENDS_WITH",
      "BW_INC_MAX",
      "BW_INC_MIN",
      "BW_INC",
      "BW",
      "IN",
      "NOT_IN",
    ]);
    for (const operator of [
      "EQ",
      "NE",
      "LT",
      "LE",
      "GT",
      "GE",
      "CONTAINS",
      "BEGINS_WITH",
      "ENDS_WITH",
    ] as const) {
      expect(() => runtimeFilters([{ column: "c", operator, values: ["1"] }])).not.toThrow();
      expect(() => runtimeFilters([{ column: "c", operator, values: ["1", "2"] }])).toThrow(
        new TypeError(`runtimeFilters[0]: ${operator} takes exactly 1 value, got 2`),
      );
    }
    for (const operator of ["BW_INC_MAX", "BW_INC_MIN", "BW_INC", "BW"] as const) {
      expect(() => runtimeFilters([{ column: "c", operator, values: [1, 2] }])).not.toThrow();
      expect(() => runtimeFilters([{ column: "c", operator, values: [1] }])).toThrow(
        new TypeError(`runtimeFilters[0]: ${operator} takes exactly 2 values, got 1`),
      );
    }
    for (const operator of ["IN", "NOT_IN"] as const) {
      expect(() => runtimeFilters([{ column: "c", operator, values: ["a"] }])).not.toThrow();
      expect(() => runtimeFilters([{ column: "c", operator, values: Array(50).fill("a") }])).not.toThrow();
      expect(() => runtimeFilters([{ column: "c", operator, values: [] }])).toThrow(
        new TypeError(`runtimeFilters[0]: ${operator} takes at least 1 value, got 0`),
      );
    }
  });

  it.each<[string, unknown, RegExp]>([
    [
      "an empty column",
      { column: "", operator: "EQ", values: ["x"] },
      /runtimeFilters\[0\]: the column name must be a non-empty string/,
    ],
    [
      "a blank column",
      { column: "  ", operator: "EQ", values: ["x"] },
      /column name must be a non-empty string/,
    ],
    ["a missing column", { operator: "EQ", values: ["x"] }, /column name must be a non-empty string/],
    [
      "an unknown operator",
      { column: "c", operator: "BETWEEN", values: [1, 2] },
      /operator must be one of EQ, NE, .*, got "BETWEEN"/,
    ],
    ["a lower-case operator", { column: "c", operator: "eq", values: [1] }, /operator must be one of/],
    ["no values", { column: "c", operator: "EQ" }, /values must be an array/],
    ["values that are not an array", { column: "c", operator: "EQ", values: "x" }, /values must be an array/],
    ["an empty value list", { column: "c", operator: "EQ", values: [] }, /EQ takes exactly 1 value, got 0/],
    [
      "a null value",
      { column: "c", operator: "EQ", values: [null] },
      /values\[0\]: a value must be a string, number, boolean or Date, got null/,
    ],
    [
      "an object value",
      { column: "c", operator: "IN", values: ["a", { b: 1 }] },
      /values\[1\]: .* got object/,
    ],
    ["NaN", { column: "c", operator: "EQ", values: [Number.NaN] }, /NaN is not a finite number/],
    ["an invalid Date", { column: "c", operator: "EQ", values: [new Date("nope")] }, /invalid Date/],
  ])("refuses %s with a TypeError", (_, filter, message) => {
    expect(() => runtimeFilters([filter as RuntimeFilter])).toThrow(TypeError);
    expect(() => runtimeFilters([filter as RuntimeFilter])).toThrow(message);
  });

  it("names the position of the bad filter", () => {
    expect(() =>
      runtimeFilters([
        { column: "ok", operator: "EQ", values: [1] },
        { column: "", operator: "EQ", values: [1] },
      ]),
    ).toThrow(/^runtimeFilters\[1\]:/);
  });

  it("refuses a list that is not an array", () => {
    expect(() => runtimeFilters({} as never)).toThrow(new TypeError("runtimeFilters takes an array"));
  });
});

describe("runtimeSorts", () => {
  it("writes sortCol<n>, and asc<n> only when given", () => {
    expect(
      runtimeSorts([
        { column: "Sales", ascending: false },
        { column: "Tea" },
        { column: "Revenue", ascending: true },
      ]),
    ).toEqual({ sortCol1: "Sales", asc1: "false", sortCol2: "Tea", sortCol3: "Revenue", asc3: "true" });
  });

  it("refuses an empty column and a non-boolean ascending", () => {
    expect(() => runtimeSorts([{ column: "" }])).toThrow(
      /runtimeSorts\[0\]: the column name must be a non-empty string/,
    );
    expect(() => runtimeSorts([{ column: "x", ascending: "false" as never }])).toThrow(
      /runtimeSorts\[0\]: ascending must be a boolean/,
    );
  });
});

describe("runtimeParameters", () => {
  it("writes param<n> and paramVal<n>", () => {
    expect(
      runtimeParameters([
        { name: "Discount", value: 0.25 },
        { name: "Date List Param", value: new Date(1672567200_000) },
        { name: "Region Param", value: "West" },
      ]),
    ).toEqual({
      param1: "Discount",
      paramVal1: "0.25",
      param2: "Date List Param",
      paramVal2: "1672567200",
      param3: "Region Param",
      paramVal3: "West",
    });
  });

  it("refuses an empty name and a missing value", () => {
    expect(() => runtimeParameters([{ name: "", value: 1 }])).toThrow(
      /the Parameter name must be a non-empty string/,
    );
    expect(() => runtimeParameters([{ name: "p" } as never])).toThrow(
      /runtimeParameters\[0\]\.value: .* got undefined/,
    );
  });
});

describe("runtimeQuery", () => {
  it("combines the three families without clashing keys", () => {
    expect(
      runtimeQuery({
        filters: [{ column: "State", operator: "EQ", values: ["CA"] }],
        sorts: [{ column: "Sales", ascending: false }],
        parameters: [{ name: "Discount", value: 0.1 }],
      }),
    ).toEqual({
      col1: "State",
      op1: "EQ",
      val1: "CA",
      sortCol1: "Sales",
      asc1: "false",
      param1: "Discount",
      paramVal1: "0.1",
    });
    expect(runtimeQuery({})).toEqual({});
  });
});

describe("v1RuntimeQuery (the invoke hook)", () => {
  it("takes the numbered keys out of pinboarddata and searchdata input", () => {
    const input = {
      id: "lb-1",
      formattype: "COMPACT",
      ...runtimeQuery({
        filters: [{ column: "Region", operator: "IN", values: ["East", "West"] }],
        sorts: [{ column: "Sales" }],
        parameters: [{ name: "Discount", value: 0.1 }],
      }),
    };
    const expected = {
      col1: "Region",
      op1: "IN",
      val1: ["East", "West"],
      sortCol1: "Sales",
      param1: "Discount",
      paramVal1: "0.1",
    };
    expect(v1RuntimeQuery("pinboarddata", input)).toEqual(expected);
    expect(v1RuntimeQuery("searchdata", input)).toEqual(expected);
  });

  it("checks hand-written keys the same way, and accepts booleans and numbers for them", () => {
    expect(
      v1RuntimeQuery("pinboarddata", {
        id: "x",
        col1: "Revenue",
        op1: "GT",
        val1: 100,
        sortCol1: "Revenue",
        asc1: false,
      }),
    ).toEqual({ col1: "Revenue", op1: "GT", val1: "100", sortCol1: "Revenue", asc1: "false" });
    expect(() => v1RuntimeQuery("pinboarddata", { col1: "Region", val1: "East" })).toThrow(
      new TypeError("pinboarddata: runtime filter 1 has no op1"),
    );
    expect(() => v1RuntimeQuery("pinboarddata", { op2: "EQ", val2: "x" })).toThrow(
      /runtime filter 2 has no col2/,
    );
    expect(() => v1RuntimeQuery("searchdata", { col1: "c", op1: "BW", val1: ["1"] })).toThrow(
      /searchdata: filter 1: BW takes exactly 2 values, got 1/,
    );
    expect(() => v1RuntimeQuery("searchdata", { col1: "c", op1: "LIKE", val1: "x" })).toThrow(
      /op1: operator must be one of/,
    );
    expect(() => v1RuntimeQuery("searchdata", { asc1: true })).toThrow(/asc1 has no sortCol1/);
    expect(() => v1RuntimeQuery("searchdata", { sortCol1: "a", asc1: "yes" })).toThrow(
      /asc1 must be true or false/,
    );
    expect(() => v1RuntimeQuery("searchdata", { param1: "p" })).toThrow(/needs both param1 and paramVal1/);
  });

  it("the Liveboard PDF export takes filters only, as the spec lists; other keys stay in the input", () => {
    expect(
      v1RuntimeQuery("exportPinboardPdf", {
        id: "lb",
        col1: "State",
        op1: "EQ",
        val1: "CA",
        sortCol1: "Sales",
      }),
    ).toEqual({ col1: "State", op1: "EQ", val1: "CA" });
  });

  it("leaves other operations and inputs without numbered keys alone", () => {
    expect(v1RuntimeQuery("metadataListobjectheaders", { col1: "x", op1: "EQ", val1: "y" })).toBeUndefined();
    expect(
      v1RuntimeQuery("pinboarddata", { id: "lb-1", column1: "x", col0: "y", val01: "z" }),
    ).toBeUndefined();
  });
});

describe("agreement with the spec", () => {
  it("V1_RUNTIME_QUERY_OPERATIONS matches x-dynamic-query-params", async () => {
    const spec = (await mockableSpec("v1")) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const declared: Record<string, string[]> = {};
    for (const item of Object.values(spec.paths)) {
      for (const operation of Object.values(item)) {
        const keys = operation?.["x-dynamic-query-params"] as string[] | undefined;
        if (keys) declared[operation.operationId as string] = keys;
      }
    }
    const families: Record<string, string[]> = {
      filter: ["col<n>", "op<n>", "val<n>"],
      sort: ["sortCol<n>", "asc<n>"],
      parameter: ["param<n>", "paramVal<n>"],
    };
    const ours = Object.fromEntries(
      Object.entries(V1_RUNTIME_QUERY_OPERATIONS).map(([id, list]) => [
        id,
        list.flatMap((f) => families[f]!),
      ]),
    );
    expect(ours).toEqual(declared);
    for (const id of Object.keys(ours)) expect(id in v1Operations).toBe(true);
  });
});

describe("through the raw V1 client (the one encoder, as ts.api.v1 and Python's requests send it)", () => {
  it("an array value becomes repeated keys: val1=East&val1=West, form-encoded", async () => {
    let url = "";
    const ts = createThoughtSpotClient({
      serverUrl: "https://ts.example.com",
      fetch: async (request) => {
        url = request.url;
        return Response.json({});
      },
    });
    await ts.v1.POST("/tspublic/v1/pinboarddata", {
      params: {
        query: {
          id: "lb-1",
          ...(runtimeFilters([
            { column: "Region", operator: "IN", values: ["East", "West & North"] },
            { column: "Category", operator: "EQ", values: ["mfgr#24"] },
          ]) as object),
        } as { id: string },
      },
    });
    expect(new URL(url).search).toBe(
      "?id=lb-1&col1=Region&op1=IN&val1=East&val1=West+%26+North&col2=Category&op2=EQ&val2=mfgr%2324",
    );
  });
});
