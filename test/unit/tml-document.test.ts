import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  isLegacyConnection,
  isTmlOfType,
  parseTml,
  stringifyTml,
  TML_TYPES,
  tmlNeedsQuotes,
  tmlType,
  tmlValueStyle,
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
    // YAML itself blames the `x` of line 2; the culprit is the deeper mapping on line 3.
    ["nested mapping under a scalar", "table:\n  name: x\n    db: y\n", 3, 5, "Nested mappings"],
    [
      "nested mapping after blank lines",
      "guid: g\nmodel:\n  name: m\n\n      extra: 1\n",
      5,
      7,
      "Nested mappings",
    ],
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

describe("TmlParseError kind", () => {
  function caught(run: () => unknown): TmlParseError {
    try {
      run();
    } catch (error) {
      if (error instanceof TmlParseError) return error;
      throw error;
    }
    throw new Error("expected a TmlParseError");
  }

  it("names the kind the text starts with, YAML or JSON", () => {
    const yaml = caught(() => parseTml("guid: g\nliveboard:\n  name: x\n    tiles: 1\n"));
    expect(yaml.kind).toBe("liveboard");
    expect(yaml.message).toContain("(liveboard) at line 4, column 5");
    const json = caught(() => parseTml('{"guid": "g", "answer": {"name": }}'));
    expect(json.kind).toBe("answer");
    expect(caught(() => parseTml("- x\n  - y: [\n")).kind).toBeUndefined();
  });
});

describe("parseTml keeps every value as written", () => {
  it.each([
    ["1e3", "1e3"],
    ["0x1F", "0x1F"],
    ["0o17", "0o17"],
    [".inf", ".inf"],
    ["-.Inf", "-.Inf"],
    [".nan", ".nan"],
    ["+12", "+12"],
    ["007", "007"],
    ["1_000", "1_000"],
    [".5", ".5"],
    ["yes", "yes"],
    ["on", "on"],
    ["y", "y"],
    ["True", "True"],
    ["NULL", "NULL"],
    ["2024-01-01", "2024-01-01"],
    ['"123"', "123"],
    ["'true'", "true"],
    ['"null"', "null"],
    ["12345678901234567890", "12345678901234567890"],
  ])("%s is the string %j and is written back as it was", (written, value) => {
    const text = `table:\n  name: t\n  v: ${written}\n`;
    const doc = parseTml(text) as unknown as { table: { v: unknown } };
    expect(doc.table.v).toBe(value);
    expect(stringifyTml(doc)).toBe(text);
  });

  it.each([
    ["0", 0],
    ["-3", -3],
    ["0.0", 0],
    ["1.50", 1.5],
    ["-2.25", -2.25],
    ["1.0E7", 1e7],
    ["true", true],
    ["false", false],
    ["null", null],
    ["~", null],
  ])("plain %s is %j and keeps its written form", (written, value) => {
    const text = `table:\n  name: t\n  v: ${written}\n  list:\n  - ${written}\n`;
    const doc = parseTml(text) as unknown as { table: { v: unknown; list: unknown[] } };
    expect(doc.table.v).toBe(value);
    expect(doc.table.list[0]).toBe(value);
    expect(stringifyTml(doc)).toBe(text);
  });

  it("an empty value is null and comes back empty", () => {
    const text = "table:\n  name: t\n  v:\n  w: 1\n";
    const doc = parseTml(text) as unknown as { table: { v: unknown } };
    expect(doc.table.v).toBeNull();
    expect(stringifyTml(doc)).toBe(text);
  });

  it("a changed value is written in ThoughtSpot's style; unchanged neighbours keep their text", () => {
    const doc = parseTml("table:\n  name: t\n  a: 0.0\n  b: 0.0\n  c: '# of Sales'\n") as unknown as {
      table: Record<string, unknown>;
    };
    doc.table.b = 2;
    doc.table.c = "Revenue: net";
    doc.table.d = "123";
    expect(stringifyTml(doc)).toBe('table:\n  name: t\n  a: 0.0\n  b: 2\n  c: "Revenue: net"\n  d: "123"\n');
  });

  it("keeps unknown keys, in their place, at every depth", () => {
    const text =
      "guid: g\nobj_id: o\ntable:\n  name: t\n  future_key:\n    nested: 1.0\n  columns:\n  - name: c\n    new_prop: z\n  db: D\n";
    const doc = parseTml(text) as TableTml;
    expect(Object.keys(doc.table)).toEqual(["name", "future_key", "columns", "db"]);
    expect(stringifyTml(doc)).toBe(text);
  });

  it("keeps a `__proto__` key as data", () => {
    const doc = parseTml("table:\n  name: t\n  __proto__:\n    polluted: true\n") as TableTml;
    expect(Object.keys(doc.table)).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("tmlType", () => {
  it("returns the key beside guid and obj_id", () => {
    expect(tmlType({ guid: "g", liveboard: { name: "lb" } })).toBe("liveboard");
    expect(tmlType({ sql_view: { name: "v" } })).toBe("sql_view");
    expect(tmlType({ guid: "g", obj_id: "o", model: { name: "m" } })).toBe("model");
    expect(tmlType({ guid: "g", nls_feedback: { feedback: [] } })).toBe("nls_feedback");
  });

  it("keeps a kind it does not know as an untyped document", () => {
    const text = "guid: x\nspreadsheet:\n  name: y\n  cells:\n  - 1e3\n";
    const doc = parseTml(text);
    expect(tmlType(doc)).toBe("spreadsheet");
    expect(TML_TYPES).not.toContain("spreadsheet");
    expect(stringifyTml(doc)).toBe(text);
  });

  it("reads the legacy connection file, which has no connection: wrapper", () => {
    const text =
      "name: c\ntype: RDBMS_SNOWFLAKE\nauthentication_type: SERVICE_ACCOUNT\nproperties:\n- key: user\n  value: u\ntable:\n- name: T\n  column:\n  - name: A\n";
    const doc = parseTml(text);
    expect(tmlType(doc)).toBe("connection");
    expect(isLegacyConnection(doc)).toBe(true);
    expect(isTmlOfType(doc, "connection")).toBe(false);
    expect(stringifyTml(doc)).toBe(text);
    expect(isLegacyConnection({ connection: { name: "c", type: "X" } })).toBe(false);
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

  it("rejects two kind keys, a known kind that is not a mapping, no kind, and non-mappings", () => {
    expect(() => tmlType({ table: { name: "a" }, model: { name: "b" } })).toThrow("more than one kind key");
    expect(() => tmlType({ guid: "g" })).toThrow("top-level keys besides guid: none");
    expect(() => tmlType({ guid: "g", a: { x: 1 }, b: { y: 2 } })).toThrow(
      `Known kinds: ${TML_TYPES.join(", ")}`,
    );
    expect(() => parseTml("table:\n- name: a\n")).toThrow("TML 'table' must hold a mapping, got a list.");
    expect(() => parseTml("- a\n- b\n")).toThrow("must be a YAML/JSON mapping at the top level");
    expect(() => parseTml("")).toThrow("TML text is empty.");
  });
});

describe("stringifyTml style (the rules in src/tml/STYLE.md)", () => {
  const line = (value: string) => stringifyTml({ table: { name: "t", v: value } }).split("\n")[2];

  const cases: Array<[string, string]> = [
    // plain where YAML allows, whatever the character
    ["Sales Amount", "Sales Amount"],
    ["user@example.com", "user@example.com"],
    ["R&D", "R&D"],
    ["a*b", "a*b"],
    ["Margin %", "Margin %"],
    ["ratio:1", "ratio:1"],
    ["FACT_SALES_1::Sale Id", "FACT_SALES_1::Sale Id"],
    ["O'Brien", "O'Brien"],
    ['say "hi"', 'say "hi"'],
    ["HCP#", "HCP#"],
    ["1e3", "1e3"],
    ["0x1F", "0x1F"],
    [".inf", ".inf"],
    ["売上", "売上"],
    ["what were sales?", "what were sales?"],
    // single quotes where plain is not allowed
    ["# of Products", "'# of Products'"],
    ["% Bounce Rate", "'% Bounce Rate'"],
    ["@mention", "'@mention'"],
    ["&anchor", "'&anchor'"],
    ["*alias", "'*alias'"],
    ["!tag", "'!tag'"],
    ["'ok'", "'''ok'''"],
    ["- item", "'- item'"],
    [" leading", "' leading'"],
    ["trailing ", "'trailing '"],
    // double quotes: empty, reserved words, decimal numbers, flow characters, `: `, ` #`
    ["", '""'],
    ["y", '"y"'],
    ["on", '"on"'],
    ["No", '"No"'],
    ["TRUE", '"TRUE"'],
    ["null", '"null"'],
    ["~", '"~"'],
    ["123", '"123"'],
    ["-7", '"-7"'],
    ["0.0", '"0.0"'],
    [".5", '".5"'],
    ["[Sales]", '"[Sales]"'],
    ["a, b", '"a, b"'],
    ["{x}", '"{x}"'],
    ["HCP #1", '"HCP #1"'],
    ["a: b", '"a: b"'],
    ["ends:", '"ends:"'],
    // escapes, only in double quotes: tabs, no-break spaces, control characters
    ["tab\there", '"tab\\there"'],
    ["a\u00a0b, c", '"a\\_b, c"'],
    ["bell\u0007", '"bell\\a"'],
  ];

  it.each(cases)("writes %j as %s", (value, written) => {
    expect(line(value)).toBe(`  v: ${written}`);
    expect(tmlNeedsQuotes(value)).toBe(written.startsWith("'") || written.startsWith('"'));
    expect(parseTml(stringifyTml({ table: { name: "t", v: value } }))).toEqual({
      table: { name: "t", v: value },
    });
  });

  it("writes multi-line text as |- blocks (| and |+ for trailing line breaks)", () => {
    const doc = {
      sql_view: { name: "v", sql_query: "SELECT a\n  FROM t\n\nWHERE x = 'y'", d: "one\n", e: "two\n\n" },
    };
    const text = stringifyTml(doc);
    expect(text).toBe(
      "sql_view:\n  name: v\n  sql_query: |-\n    SELECT a\n      FROM t\n\n    WHERE x = 'y'\n  d: |\n    one\n  e: |+\n    two\n\n",
    );
    expect(parseTml(text)).toEqual(doc);
    expect(tmlValueStyle("a\nb")).toBe("literal");
  });

  it("writes multi-line text a block cannot hold in double quotes", () => {
    for (const value of ["line one \nline two", "a\r\nb", "x \n"]) {
      expect(tmlValueStyle(value)).toBe("double");
      expect(parseTml(stringifyTml({ table: { name: "t", v: value } }))).toEqual({
        table: { name: "t", v: value },
      });
    }
    expect(line("a\r\nb")).toBe('  v: "a\\r\\nb"');
  });

  it("gives a block starting with a space an indentation digit", () => {
    const doc = { table: { name: "t", v: "  indented\nnext" } };
    expect(stringifyTml(doc)).toBe("table:\n  name: t\n  v: |2-\n      indented\n    next\n");
    expect(parseTml(stringifyTml(doc))).toEqual(doc);
  });

  it("quotes keys that read as reserved words or numbers, in double quotes", () => {
    expect(
      stringifyTml({ table: { name: "t", on: "x", y: ["a"], n: 1, "1st": 2, "": 3, "# n": 4, x: 5 } }),
    ).toBe(
      'table:\n  name: t\n  "on": x\n  "y":\n  - a\n  "n": 1\n  "1st": 2\n  "": 3\n  \'# n\': 4\n  x: 5\n',
    );
  });

  it("writes numbers without a kept form as JavaScript does, and non-finite ones as YAML", () => {
    expect(
      stringifyTml({ table: { name: "t", a: 1.5, b: -0.25, c: Number.POSITIVE_INFINITY, d: Number.NaN } }),
    ).toBe("table:\n  name: t\n  a: 1.5\n  b: -0.25\n  c: .inf\n  d: .NaN\n");
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
        model_tables: [{ name: "A", joins: [] }, {}, [["x"]]],
        zeta: 1,
        alpha: 2,
      },
    };
    expect(stringifyTml(doc)).toBe(
      `guid: g\nmodel:\n  name: Ümlaut 🛒\n  description: ${long}\n  model_tables:\n  - name: A\n    joins: []\n  - {}\n  - - - x\n  zeta: 1\n  alpha: 2\n`,
    );
    expect(parseTml(stringifyTml(doc))).toEqual(doc);
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
