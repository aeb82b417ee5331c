// answerRecords / answerTables over the five data answer shapes, with each date mode.
import { describe, expect, expectTypeOf, it } from "vitest";
import { type AnswerRecord, answerRecords, answerTables } from "../../src/index.js";

const JAN = 1704067200; // 2024-01-01T00:00:00Z
const FEB = 1706745600;

const v2Search = {
  contents: [
    {
      available_data_row_count: 2,
      column_names: ["Month(Order Date)", "Region", "Sales"],
      data_rows: [
        [JAN, "East", 1200.5],
        [FEB, "West", null],
      ],
      record_offset: 0,
      record_size: 10,
      returned_data_row_count: 2,
      sampling_ratio: 1,
    },
  ],
};

describe("answerRecords", () => {
  it("keys V2 COMPACT rows by column name and turns epoch seconds in date columns into Dates", () => {
    const records = answerRecords(v2Search);
    expect(records).toEqual([
      { "Month(Order Date)": new Date("2024-01-01T00:00:00Z"), Region: "East", Sales: 1200.5 },
      { "Month(Order Date)": new Date("2024-02-01T00:00:00Z"), Region: "West", Sales: null },
    ]);
    expectTypeOf(records).toEqualTypeOf<AnswerRecord<"date">[]>();
  });

  it("gives ISO text with dates: 'iso' and ThoughtSpot's numbers with dates: 'raw'", () => {
    expect(answerRecords(v2Search, { dates: "iso" })[0]!["Month(Order Date)"]).toBe(
      "2024-01-01T00:00:00.000Z",
    );
    expect(answerRecords(v2Search, { dates: "raw" })[1]!["Month(Order Date)"]).toBe(FEB);
  });

  it("reads FULL rows given as objects", () => {
    const full = {
      contents: [{ column_names: ["Order Date", "Units"], data_rows: [{ "Order Date": JAN, Units: 3 }] }],
    };
    expect(answerRecords(full, { dates: "iso" })).toEqual([
      { "Order Date": "2024-01-01T00:00:00.000Z", Units: 3 },
    ]);
  });

  it("leaves numbers alone in columns that do not name a date, unless dateColumns says so", () => {
    const answer = { contents: [{ column_names: ["Signup", "Revenue"], data_rows: [[JAN, JAN]] }] };
    expect(answerRecords(answer)).toEqual([{ Signup: JAN, Revenue: JAN }]);
    expect(answerRecords(answer, { dateColumns: ["Signup"], dates: "iso" })).toEqual([
      { Signup: "2024-01-01T00:00:00.000Z", Revenue: JAN },
    ]);
  });

  it("does not take a small number in a date-named column for a date (Day of month: 14)", () => {
    const answer = { contents: [{ column_names: ["Day(Order Date)"], data_rows: [[14], [JAN]] }] };
    expect(answerRecords(answer)).toEqual([{ "Day(Order Date)": 14 }, { "Day(Order Date)": JAN }]);
  });

  it("turns custom-calendar cells { v: { s, e } } into a start and end, in any column", () => {
    const answer = {
      columnNames: ["Fiscal Quarter", "# of Sales"],
      data: [[{ v: { s: JAN, e: FEB - 1 } }, 1840]],
      totalRowCount: 1,
    };
    expect(answerRecords(answer, { dates: "iso" })).toEqual([
      {
        "Fiscal Quarter": { start: "2024-01-01T00:00:00.000Z", end: "2024-01-31T23:59:59.000Z" },
        "# of Sales": 1840,
      },
    ]);
    expect(answerRecords(answer, { dates: "raw" })[0]!["Fiscal Quarter"]).toEqual({
      v: { s: JAN, e: FEB - 1 },
    });
  });

  it("reads V1 pinboarddata, one table per visualization, and picks one by name or GUID", () => {
    const answer = {
      "viz-1": {
        name: "Sales by Region",
        columnNames: ["Region", "Sales"],
        data: [["East", 10]],
        totalRowCount: 7,
      },
      "viz-2": { name: "Trend", columnNames: ["Month", "Sales"], data: [[JAN, 4]] },
    };
    const tables = answerTables(answer);
    expect(tables.map((t) => [t.visualizationId, t.visualizationName, t.totalRows])).toEqual([
      ["viz-1", "Sales by Region", 7],
      ["viz-2", "Trend", undefined],
    ]);
    expect(answerRecords(answer, { visualization: "Trend" })).toEqual([
      { Month: new Date(JAN * 1000), Sales: 4 },
    ]);
    expect(answerRecords(answer, { visualization: "viz-1" })).toEqual([{ Region: "East", Sales: 10 }]);
    expect(() => answerRecords(answer)).toThrow(/2 visualizations \(Sales by Region, Trend\)/);
    expect(() => answerRecords(answer, { visualization: "nope" })).toThrow(/no visualization nope/);
  });

  it("refuses what is not a data answer, naming the shapes it reads", () => {
    expect(() => answerRecords({ users: [] })).toThrow(TypeError);
    expect(() => answerRecords(null)).toThrow(/column_names, data_rows/);
  });
});
