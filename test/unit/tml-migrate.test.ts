import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseTml, stringifyTml } from "../../src/tml/document";
import { TmlError } from "../../src/tml/errors";
import { addFqns, swapConnection, swapTableReferences, swapWorksheetReferences } from "../../src/tml/migrate";

const fixtureDir = fileURLToPath(new URL("../fixtures/tml/", import.meta.url));
const text = (name: string) => readFileSync(`${fixtureDir}${name}`, "utf8");
const doc = (name: string) => parseTml(text(name));

/** The fixture's text with each [from, to] replaced once; fails loudly if `from` is missing. */
function edited(name: string, ...edits: Array<[string, string]>): string {
  let out = text(name);
  for (const [from, to] of edits) {
    expect(out, `fixture ${name} should contain ${JSON.stringify(from)}`).toContain(from);
    out = out.replace(from, to);
  }
  return out;
}

const CONN = "c0000000-0000-4000-8000-0000000000c1";
const FACT = "f0000000-0000-4000-8000-0000000000f1";
const DIM = "d0000000-0000-4000-8000-0000000000d1";
const SQLV = "50000000-0000-4000-8000-000000000051";
const MODEL = "a0000000-0000-4000-8000-0000000000a1";
const WS = "b0000000-0000-4000-8000-0000000000b1";
const nameToGuid = {
  "Retail Warehouse ❄": CONN,
  FACT_SALES: FACT,
  DIM_PRODUCT: DIM,
  "Store Sales (SQL)": SQLV,
  "Retail Sales 🛒": MODEL,
  "Retail Sales WS": WS,
};

describe("addFqns", () => {
  it("table: connection, joins_with destination and RLS tables", () => {
    const out = addFqns(doc("fact_sales.table.tml"), nameToGuid);
    expect(stringifyTml(out)).toBe(
      edited(
        "fact_sales.table.tml",
        ["    name: Retail Warehouse ❄\n", `    name: Retail Warehouse ❄\n    fqn: ${CONN}\n`],
        ["      name: DIM_PRODUCT\n", `      name: DIM_PRODUCT\n      fqn: ${DIM}\n`],
        ["    - name: FACT_SALES\n", `    - name: FACT_SALES\n      fqn: ${FACT}\n`],
      ),
    );
  });

  it("model: every model_tables entry, fqn right after name (before joins)", () => {
    const out = addFqns(doc("retail_sales.model.tml"), new Map(Object.entries(nameToGuid)));
    expect(stringifyTml(out)).toBe(
      edited(
        "retail_sales.model.tml",
        ["  - name: FACT_SALES\n", `  - name: FACT_SALES\n    fqn: ${FACT}\n`],
        ["  - name: DIM_PRODUCT\n", `  - name: DIM_PRODUCT\n    fqn: ${DIM}\n`],
        ["  - name: Store Sales (SQL)\n", `  - name: Store Sales (SQL)\n    fqn: ${SQLV}\n`],
      ),
    );
  });

  it("worksheet: tables[]", () => {
    const out = addFqns(doc("retail_sales_ws.worksheet.tml"), nameToGuid);
    expect(stringifyTml(out)).toBe(
      edited(
        "retail_sales_ws.worksheet.tml",
        ["  - name: FACT_SALES\n", `  - name: FACT_SALES\n    fqn: ${FACT}\n`],
        ["  - name: DIM_PRODUCT\n", `  - name: DIM_PRODUCT\n    fqn: ${DIM}\n`],
      ),
    );
  });

  it("sql_view and view", () => {
    expect(stringifyTml(addFqns(doc("store_sales_sql.sql_view.tml"), nameToGuid))).toBe(
      edited(
        "store_sales_sql.sql_view.tml",
        ["    name: Retail Warehouse ❄\n", `    name: Retail Warehouse ❄\n    fqn: ${CONN}\n`],
        ["      name: DIM_PRODUCT\n", `      name: DIM_PRODUCT\n      fqn: ${DIM}\n`],
      ),
    );
    expect(stringifyTml(addFqns(doc("top_products.view.tml"), nameToGuid))).toBe(
      edited(
        "top_products.view.tml",
        ["    name: FACT_SALES\n", `    name: FACT_SALES\n    fqn: ${FACT}\n`],
        ["    name: DIM_PRODUCT\n", `    name: DIM_PRODUCT\n    fqn: ${DIM}\n`],
      ),
    );
  });

  it("answer and liveboard: data sources, each visualization on its own", () => {
    expect(stringifyTml(addFqns(doc("sales_by_category.answer.tml"), nameToGuid))).toBe(
      edited("sales_by_category.answer.tml", [
        "    name: Retail Sales 🛒\n",
        `    name: Retail Sales 🛒\n    fqn: ${MODEL}\n`,
      ]),
    );
    expect(stringifyTml(addFqns(doc("retail_overview.liveboard.tml"), nameToGuid))).toBe(
      edited(
        "retail_overview.liveboard.tml",
        ["        name: Retail Sales 🛒\n", `        name: Retail Sales 🛒\n        fqn: ${MODEL}\n`],
        ["        name: Retail Sales WS\n", `        name: Retail Sales WS\n        fqn: ${WS}\n`],
      ),
    );
  });

  it("replaces an existing fqn in place, leaves unmapped references and connection TML alone", () => {
    const pinned = parseTml(
      "answer:\n  name: a\n  tables:\n  - id: M\n    name: M\n    fqn: old\n  - name: Other\n",
    );
    expect(stringifyTml(addFqns(pinned, { M: "new" }))).toBe(
      "answer:\n  name: a\n  tables:\n  - id: M\n    name: M\n    fqn: new\n  - name: Other\n",
    );
    expect(stringifyTml(addFqns(doc("retail_warehouse.connection.tml"), nameToGuid))).toBe(
      text("retail_warehouse.connection.tml"),
    );
  });

  it("does not change its input", () => {
    const input = doc("retail_overview.liveboard.tml");
    const before = structuredClone(input);
    addFqns(input, nameToGuid);
    expect(input).toEqual(before);
  });
});

describe("swapConnection", () => {
  it("repoints a table to another connection by name and GUID", () => {
    const out = swapConnection(doc("fact_sales.table.tml"), {
      from: "Retail Warehouse ❄",
      to: { name: "Prod Warehouse", fqn: CONN },
    });
    expect(stringifyTml(out)).toBe(
      edited("fact_sales.table.tml", [
        "  connection:\n    name: Retail Warehouse ❄\n",
        `  connection:\n    name: Prod Warehouse\n    fqn: ${CONN}\n`,
      ]),
    );
  });

  it("matches `from` against the fqn too, and drops a stale fqn when only a name is given", () => {
    const pinned = swapConnection(doc("store_sales_sql.sql_view.tml"), { to: { fqn: CONN } });
    const renamed = swapConnection(pinned, { from: CONN, to: { name: "Prod Warehouse" } });
    expect(stringifyTml(renamed)).toBe(
      edited("store_sales_sql.sql_view.tml", [
        "    name: Retail Warehouse ❄\n",
        "    name: Prod Warehouse\n",
      ]),
    );
  });

  it("leaves other connections, and documents without one, unchanged", () => {
    const table = doc("dim_product.table.tml");
    expect(swapConnection(table, { from: "Some Other", to: { name: "X" } })).toEqual(table);
    const model = doc("retail_sales.model.tml");
    expect(swapConnection(model, { to: { name: "X" } })).toEqual(model);
  });

  it("needs a name or an fqn to swap to", () => {
    expect(() => swapConnection(doc("dim_product.table.tml"), { to: {} })).toThrow(TmlError);
  });
});

describe("swapTableReferences", () => {
  it("model: renames an entry, keeping the old name as id so joins and column ids still resolve", () => {
    const out = swapTableReferences(doc("retail_sales.model.tml"), {
      FACT_SALES: { name: "FACT_SALES_V2", fqn: FACT },
    });
    expect(stringifyTml(out)).toBe(
      edited("retail_sales.model.tml", [
        "  - name: FACT_SALES\n",
        `  - id: FACT_SALES\n    name: FACT_SALES_V2\n    fqn: ${FACT}\n`,
      ]),
    );
  });

  it("worksheet: matches by GUID and only pins when no new name is given", () => {
    const pinned = addFqns(doc("retail_sales_ws.worksheet.tml"), { DIM_PRODUCT: "old-guid" });
    const out = swapTableReferences(pinned, new Map([["old-guid", { fqn: DIM }]]));
    expect(stringifyTml(out)).toBe(
      edited("retail_sales_ws.worksheet.tml", [
        "  - name: DIM_PRODUCT\n",
        `  - name: DIM_PRODUCT\n    fqn: ${DIM}\n`,
      ]),
    );
  });

  it("table: renames a join destination and the join's `on` with it", () => {
    const out = swapTableReferences(doc("fact_sales.table.tml"), { DIM_PRODUCT: { name: "DIM_PRODUCT_V2" } });
    expect(stringifyTml(out)).toBe(
      edited(
        "fact_sales.table.tml",
        ["      name: DIM_PRODUCT\n", "      name: DIM_PRODUCT_V2\n"],
        [
          '"[FACT_SALES::Product Id] = [DIM_PRODUCT::Product Id]"',
          '"[FACT_SALES::Product Id] = [DIM_PRODUCT_V2::Product Id]"',
        ],
      ),
    );
  });

  it("table: renames an RLS table and the RLS table_paths that use it", () => {
    const out = swapTableReferences(doc("fact_sales.table.tml"), { FACT_SALES: { name: "FACT_SALES_V2" } });
    expect(stringifyTml(out)).toBe(
      edited(
        "fact_sales.table.tml",
        ["    tables:\n    - name: FACT_SALES\n", "    tables:\n    - name: FACT_SALES_V2\n"],
        ["      table: FACT_SALES\n", "      table: FACT_SALES_V2\n"],
      ),
    );
  });

  it("answer: swaps a data source too (tables can back answers directly)", () => {
    const out = swapTableReferences(doc("sales_by_category.answer.tml"), {
      "Retail Sales 🛒": { name: "Retail Sales v2", fqn: MODEL },
    });
    expect(stringifyTml(out)).toBe(
      edited("sales_by_category.answer.tml", [
        "    name: Retail Sales 🛒\n",
        `    name: Retail Sales v2\n    fqn: ${MODEL}\n`,
      ]),
    );
  });
});

describe("swapWorksheetReferences", () => {
  it("liveboard: moves the visualization built on a worksheet over to a model", () => {
    const out = swapWorksheetReferences(doc("retail_overview.liveboard.tml"), {
      "Retail Sales WS": { name: "Retail Sales 🛒", fqn: MODEL },
    });
    expect(stringifyTml(out)).toBe(
      edited("retail_overview.liveboard.tml", [
        "        name: Retail Sales WS\n",
        `        name: Retail Sales 🛒\n        fqn: ${MODEL}\n`,
      ]),
    );
  });

  it("answer: by GUID", () => {
    const pinned = addFqns(doc("sales_by_category.answer.tml"), nameToGuid);
    const out = swapWorksheetReferences(pinned, { [MODEL]: { fqn: WS, name: "Retail Sales WS" } });
    expect(stringifyTml(out)).toBe(
      edited("sales_by_category.answer.tml", [
        "    name: Retail Sales 🛒\n",
        `    name: Retail Sales WS\n    fqn: ${WS}\n`,
      ]),
    );
  });

  it("cohort: the worksheet or model a set is built on", () => {
    const cohort = parseTml("guid: g\ncohort:\n  name: Bins\n  worksheet:\n    id: Old\n    name: Old\n");
    expect(stringifyTml(swapWorksheetReferences(cohort, { Old: { name: "New", fqn: MODEL } }))).toBe(
      `guid: g\ncohort:\n  name: Bins\n  worksheet:\n    id: Old\n    name: New\n    fqn: ${MODEL}\n`,
    );
  });

  it("leaves the tables inside worksheets and models alone", () => {
    const model = doc("retail_sales.model.tml");
    expect(swapWorksheetReferences(model, { FACT_SALES: { name: "X" } })).toEqual(model);
  });
});
