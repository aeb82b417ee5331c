import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  isTmlColumnId,
  isTmlOfType,
  parseTml,
  stringifyTml,
  TML_TYPES,
  tmlNeedsQuotes,
  tmlType,
} from "../../src/tml/document";
import { TmlError, TmlParseError } from "../../src/tml/errors";
import type { TableTml } from "../../src/tml/types";

const fixtureDir = fileURLToPath(new URL("../fixtures/tml/", import.meta.url));
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".tml"))
  .sort();
const readFixture = (name: string) => readFileSync(`${fixtureDir}${name}`, "utf8");

describe("fixtures", () => {
  it("cover every TML type the SDK writes fixtures for", () => {
    const types = new Set(fixtures.map((name) => tmlType(parseTml(readFixture(name)))));
    expect([...types].sort()).toEqual(
      ["answer", "connection", "liveboard", "model", "sql_view", "table", "view", "worksheet"].sort(),
    );
  });

  it.each(fixtures)("%s: type from content matches the file name", (name) => {
    expect(tmlType(parseTml(readFixture(name)))).toBe(name.split(".").at(-2));
  });

  it.each(fixtures)("%s: parse → stringify → parse gives an equal document", (name) => {
    const doc = parseTml(readFixture(name));
    expect(parseTml(stringifyTml(doc))).toEqual(doc);
  });

  it.each(fixtures)("%s: stringify reproduces the file byte for byte", (name) => {
    const text = readFixture(name);
    expect(stringifyTml(parseTml(text))).toBe(text);
  });

  it.each(fixtures)("%s: JSON text parses to the same document", (name) => {
    const doc = parseTml(readFixture(name));
    expect(parseTml(JSON.stringify(doc))).toEqual(doc);
    expect(parseTml(stringifyTml(doc, { format: "JSON" }))).toEqual(doc);
  });
});

describe("parseTml", () => {
  it("reads values the way ThoughtSpot means them", () => {
    const doc = parseTml(readFixture("fact_sales.table.tml")) as TableTml;
    const columns = doc.table.columns ?? [];
    expect(doc.guid).toBe("1c2d3e4f-0001-4a5b-8c9d-000000000001");
    expect(doc.table.connection).toEqual({ name: "Retail Warehouse ❄" });
    expect(columns[2]?.name).toBe("Umsatz (€)");
    expect(columns[2]?.properties?.synonyms).toEqual(["売上", "Revenue"]);
    expect(columns[3]?.properties?.index_priority).toBe(3);
    expect(columns[3]?.properties?.is_hidden).toBe(false);
    expect(columns[4]?.properties?.synonyms).toEqual(["y", "n"]);
    expect(doc.table.joins_with?.[0]?.on).toBe("[FACT_SALES::Product Id] = [DIM_PRODUCT::Product Id]");
    expect(doc.table.joins_with?.[0]?.description).toBe("");
  });

  it("keeps multi-line SQL exactly, \\r\\n included", () => {
    const doc = parseTml(readFixture("store_sales_sql.sql_view.tml"));
    expect((doc as { sql_view: { sql_query: string } }).sql_view.sql_query).toBe(
      'SELECT\n  s."STORE_ID" AS store,\n  SUM(s.AMOUNT_EUR) AS amount -- net: returns excluded\n' +
        "FROM RETAIL.PUBLIC.FACT_SALES s\r\nWHERE s.IS_RETURN = 'n'\nGROUP BY 1",
    );
  });

  it("reads hand-written unquoted on/y/no as strings (YAML 1.2), not booleans", () => {
    const doc = parseTml("table:\n  name: t\n  on: x\n  y: yes\n  flag: no\n  real: true\n");
    expect(doc).toEqual({ table: { name: "t", on: "x", y: "yes", flag: "no", real: true } });
  });

  it("keeps keys it does not know, in their place", () => {
    const text =
      "guid: g\nobj_id: sales-model\ntable:\n  name: t\n  future_key:\n    nested: 1\n  columns:\n  - name: c\n    new_prop: z\n  db: D\n";
    const doc = parseTml(text);
    expect(Object.keys(doc)).toEqual(["guid", "obj_id", "table"]);
    expect(Object.keys((doc as TableTml).table)).toEqual(["name", "future_key", "columns", "db"]);
    expect(stringifyTml(doc)).toBe(text);
  });

  it("accepts JSON TML, with a BOM or leading whitespace", () => {
    const doc = parseTml(
      '\uFEFF  {"guid": "g", "answer": {"name": "a", "tables": [{"id": "m", "name": "m"}]}}',
    );
    expect(doc).toEqual({ guid: "g", answer: { name: "a", tables: [{ id: "m", name: "m" }] } });
    expect(stringifyTml(doc)).toBe("guid: g\nanswer:\n  name: a\n  tables:\n  - id: m\n    name: m\n");
  });
});

describe("TmlParseError", () => {
  const cases: Array<[string, string, number, number, string]> = [
    ["duplicate key", "table:\n  name: a\n  name: b\n", 3, 3, "Map keys must be unique"],
    ["tab indentation", "table:\n\tname: a\n", 2, 1, "Tabs are not allowed as indentation"],
    ["unclosed quote", 'guid: x\ntable:\n  name: "unterminated\n  db: X\n', 5, 1, "Missing closing"],
    ["JSON trailing comma", '{\n  "table": {\n    "name": "x",\n  }\n}', 4, 3, "invalid JSON"],
    ["JSON cut short", '{"table": {"name": "x"}', 1, 24, "invalid JSON"],
  ];

  it.each(
    cases,
  )("%s: line and column (1-based) in properties and message", (_label, text, line, column, reason) => {
    let caught: unknown;
    try {
      parseTml(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TmlParseError);
    expect(caught).toBeInstanceOf(TmlError);
    const error = caught as TmlParseError;
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toContain(`at line ${line}, column ${column}`);
    expect(error.reason).toContain(reason);
    expect(error.message).toContain(reason);
  });
});

describe("tmlType", () => {
  it("returns the key beside guid", () => {
    expect(tmlType({ guid: "g", liveboard: { name: "lb" } })).toBe("liveboard");
    expect(tmlType({ sql_view: { name: "v" } })).toBe("sql_view");
    expect(tmlType({ guid: "g", obj_id: "o", model: { name: "m" } })).toBe("model");
  });

  it("narrows with isTmlOfType", () => {
    const doc = parseTml(readFixture("retail_sales.model.tml"));
    expect(isTmlOfType(doc, "table")).toBe(false);
    if (!isTmlOfType(doc, "model")) throw new Error("expected a model");
    expect(doc.model.model_tables?.map((t) => t.name)).toEqual([
      "FACT_SALES",
      "DIM_PRODUCT",
      "Store Sales (SQL)",
    ]);
  });

  it("names the valid types when the type is unknown", () => {
    expect(() => parseTml("guid: x\nspreadsheet:\n  name: y\n")).toThrow(TmlError);
    expect(() => parseTml("guid: x\nspreadsheet:\n  name: y\n")).toThrow(
      `Unknown TML type: no known TML type key (top-level keys besides guid: 'spreadsheet'). Valid types: ${TML_TYPES.join(", ")}.`,
    );
  });

  it("rejects two type keys, a body that is not a mapping, and non-mapping documents", () => {
    expect(() => tmlType({ table: { name: "a" }, model: { name: "b" } })).toThrow(
      "more than one TML type key",
    );
    expect(() => tmlType({ guid: "g" })).toThrow("top-level keys besides guid: none");
    expect(() => parseTml("table:\n- name: a\n")).toThrow("TML 'table' must hold a mapping, got a list.");
    expect(() => parseTml("- a\n- b\n")).toThrow("must be a YAML/JSON mapping at the top level");
    expect(() => parseTml("")).toThrow("TML text is empty.");
  });
});

describe("stringifyTml quoting", () => {
  const line = (value: string) => stringifyTml({ table: { name: "t", v: value } }).split("\n")[2];

  const quoted: string[] = [
    // empty
    "",
    // YAML 1.1/1.2 booleans and nulls, any case
    "y",
    "Y",
    "n",
    "N",
    "yes",
    "Yes",
    "no",
    "NO",
    "on",
    "On",
    "off",
    "true",
    "False",
    "null",
    "Null",
    "~",
    // numbers
    "123",
    "-7",
    "+12",
    "0.0",
    "1.5",
    ".5",
    "1e3",
    "1E-3",
    "1_000",
    "0x1F",
    "0o17",
    "0b101",
    ".inf",
    "-.Inf",
    ".nan",
    // YAML specials
    "[Sales]",
    "a]b",
    "{x}",
    "a}b",
    "ratio:1",
    "a, b",
    "# of Sales",
    "HCP #",
    "&anchor",
    "*alias",
    "!tag",
    "a|b",
    "a>b",
    "O'Brien",
    'say "hi"',
    "Margin %",
    "user@example.com",
    "a`b",
    // not plain YAML at all
    " leading",
    "trailing ",
    "- item",
    "? key",
    "line\nbreak",
    "tab\there",
    // TML column ids stop being exempt when they hold brackets or start with a quote
    "[T::C]",
    '"T::C"',
    "T::C: x",
    "T::a #b",
  ];

  it.each(quoted)("double-quotes %j", (value) => {
    expect(line(value)).toBe(`  v: ${JSON.stringify(value)}`);
    expect(tmlNeedsQuotes(value)).toBe(true);
    expect(parseTml(stringifyTml({ table: { name: "t", v: value } }))).toEqual({
      table: { name: "t", v: value },
    });
  });

  const plain: string[] = [
    "Sales Amount",
    "Retail - Apparel",
    "(Sample) Retail - Apparel",
    "売上",
    "Umsatz (€)",
    "dim_rb_accounts 🐢",
    "FACT_SALES_1::Sale Id",
    "T::C",
    "TABLE_1::Umsatz (€)",
    "Orders::Customer's name",
    "yess",
    "only",
    "12ab",
    "1.2.3",
    "on time",
    "Viz_1",
    "2024-01-01",
  ];

  it.each(plain)("writes %j plain", (value) => {
    expect(line(value)).toBe(`  v: ${value}`);
    expect(tmlNeedsQuotes(value)).toBe(false);
  });

  it("applies the same rule to keys", () => {
    expect(stringifyTml({ table: { name: "t", on: "x", y: ["a"], n: 1, "": 2, x: 3 } })).toBe(
      'table:\n  name: t\n  "on": x\n  "y":\n  - a\n  "n": 1\n  "": 2\n  x: 3\n',
    );
  });

  it("recognises TML column ids", () => {
    expect(isTmlColumnId("FACT_SALES_1::Umsatz (€)")).toBe(true);
    expect(isTmlColumnId("a::b")).toBe(true);
    expect(isTmlColumnId("a:b")).toBe(false);
    expect(isTmlColumnId("::b")).toBe(false);
    expect(isTmlColumnId("a::")).toBe(false);
    expect(isTmlColumnId("[a::b]")).toBe(false);
  });
});

describe("stringifyTml layout", () => {
  it("indents lists at their key's level, keeps key order, never folds, writes unicode as is", () => {
    const long = `${"word ".repeat(60)}end`;
    const doc = {
      guid: "g",
      model: {
        name: "Ümlaut 🛒",
        description: long,
        model_tables: [{ name: "A", joins: [] }, {}],
        zeta: 1,
        alpha: 2,
      },
    };
    expect(stringifyTml(doc)).toBe(
      `guid: g\nmodel:\n  name: Ümlaut 🛒\n  description: ${long}\n  model_tables:\n  - name: A\n    joins: []\n  - {}\n  zeta: 1\n  alpha: 2\n`,
    );
  });

  it("writes multi-line strings on one line with escapes, as ThoughtSpot exports them", () => {
    const doc = { sql_view: { name: "v", sql_query: 'SELECT "a"\r\n  FROM t\n' } };
    expect(stringifyTml(doc)).toBe('sql_view:\n  name: v\n  sql_query: "SELECT \\"a\\"\\r\\n  FROM t\\n"\n');
  });

  it("writes the same object twice in full (no YAML anchors) and drops undefined keys", () => {
    const shared = { name: "FACT" };
    const doc = { worksheet: { name: "w", tables: [shared, shared], description: undefined } };
    expect(stringifyTml(doc)).toBe("worksheet:\n  name: w\n  tables:\n  - name: FACT\n  - name: FACT\n");
  });

  it("does not change its input", () => {
    const doc = parseTml(readFixture("retail_sales.model.tml"));
    const before = structuredClone(doc);
    stringifyTml(doc);
    expect(doc).toEqual(before);
  });
});
