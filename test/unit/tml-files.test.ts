import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseTml } from "../../src/tml/document";
import { TmlError, TmlParseError } from "../../src/tml/errors";
import { readTmlFolder, tmlFileName, writeTmlFolder } from "../../src/tml/files";
import type { TmlDocument } from "../../src/tml/types";

const fixtureDir = fileURLToPath(new URL("../fixtures/tml/", import.meta.url));
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tml-files-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const table = (name: string, guid?: string): TmlDocument =>
  ({ ...(guid ? { guid } : {}), table: { name, db: "D" } }) as TmlDocument;

describe("readTmlFolder", () => {
  it("reads every fixture with its name, type, text and document, sorted by path", async () => {
    const files = await readTmlFolder(fixtureDir);
    expect(files.map((f) => [f.path.slice(fixtureDir.length), f.name, f.type])).toEqual([
      ["dim_product.table.tml", "DIM_PRODUCT", "table"],
      ["fact_sales.table.tml", "FACT_SALES", "table"],
      ["retail_overview.liveboard.tml", "Retail Overview 📈", "liveboard"],
      ["retail_sales.model.tml", "Retail Sales 🛒", "model"],
      ["retail_sales_ws.worksheet.tml", "Retail Sales WS", "worksheet"],
      ["retail_warehouse.connection.tml", "Retail Warehouse ❄", "connection"],
      ["sales_by_category.answer.tml", "Sales by Catégorie", "answer"],
      ["store_sales_sql.sql_view.tml", "Store Sales (SQL)", "sql_view"],
      ["top_products.view.tml", "Top Products", "view"],
    ]);
    const model = files.find((f) => f.type === "model")!;
    expect(model.text).toBe(await readFile(model.path, "utf8"));
    expect(model.doc).toEqual(parseTml(model.text));
  });

  it("takes the type from the content, not the file name, and skips other files", async () => {
    await writeFile(join(dir, "misnamed.table.tml"), "guid: g\nmodel:\n  name: Really a model\n");
    await writeFile(join(dir, "notes.txt"), "not TML");
    await writeFile(join(dir, "NO_NAME.answer.TML"), "answer:\n  tables: []\n");
    const files = await readTmlFolder(dir);
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ["NO_NAME", "answer"], // no `name` in the body: the file name's stem
      ["Really a model", "model"],
    ]);
  });

  it("reads sub-folders only when asked", async () => {
    await mkdir(join(dir, "sub"));
    await cp(join(fixtureDir, "dim_product.table.tml"), join(dir, "sub", "dim_product.table.tml"));
    expect(await readTmlFolder(dir)).toEqual([]);
    const files = await readTmlFolder(dir, { recursive: true });
    expect(files.map((f) => f.path)).toEqual([join(dir, "sub", "dim_product.table.tml")]);
  });

  it("names the file in parse and type errors", async () => {
    await writeFile(join(dir, "bad.table.tml"), "table:\n  name: a\n  name: b\n");
    const error = await readTmlFolder(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TmlParseError);
    expect(error).toMatchObject({ line: 3, column: 3, file: join(dir, "bad.table.tml"), kind: "table" });
    expect((error as Error).message).toBe(
      `TML parse error in ${join(dir, "bad.table.tml")} (table) at line 3, column 3: Map keys must be unique`,
    );

    await writeFile(join(dir, "bad.table.tml"), "sheet:\n  name: a\nbook:\n  name: b\n");
    const typeError = await readTmlFolder(dir).catch((e: unknown) => e);
    expect(typeError).toBeInstanceOf(TmlError);
    expect((typeError as Error).message).toMatch(/^.*bad\.table\.tml: Not a TML document/);
  });
});

describe("tmlFileName", () => {
  it.each([
    [table("FACT_SALES"), "FACT_SALES.table.tml"],
    [{ liveboard: { name: "Retail Overview 📈" } }, "Retail Overview 📈.liveboard.tml"],
    [{ answer: { name: "Sales/Returns: Q1 <draft>?" } }, "Sales_Returns_ Q1 _draft__.answer.tml"],
    [{ answer: { name: 'a\\b"c*d|e\u0000f\nG' } }, "a_b_c_d_e_f_G.answer.tml"],
    [{ model: { name: "trailing dots..." } }, "trailing dots.model.tml"],
    [{ model: { name: ".." } }, "unnamed.model.tml"],
    [{ model: { name: "" } }, "unnamed.model.tml"],
    [{ view: { name: "CON" } }, "CON_.view.tml"],
    [{ guid: "g-1", sql_view: { sql_query: "x" } }, "g-1.sql_view.tml"],
    [{ feedback: {} }, "feedback.feedback.tml"],
  ])("%j → %s", (doc, expected) => {
    expect(tmlFileName(doc as TmlDocument)).toBe(expected);
  });

  it("keeps names within file system limits without splitting characters", () => {
    const name = tmlFileName({ table: { name: "🛒".repeat(100) } } as TmlDocument);
    expect(name).toBe(`${"🛒".repeat(50)}.table.tml`); // 50 × 4 bytes = 200 bytes
  });
});

describe("writeTmlFolder", () => {
  it("writes ThoughtSpot-formatted files that read back to the same documents", async () => {
    const originals = await readTmlFolder(fixtureDir);
    const out = join(dir, "out", "nested");
    const written = await writeTmlFolder(
      out,
      originals.map((f) => f.doc),
    );
    expect(written.map((f) => f.path)).toEqual(originals.map((f) => join(out, tmlFileName(f.doc))));
    for (const [i, file] of written.entries()) {
      expect(await readFile(file.path, "utf8")).toBe(originals[i]!.text);
      expect(file.text).toBe(originals[i]!.text);
    }
    const reread = await readTmlFolder(out);
    expect(reread.map((f) => f.doc).sort(byName)).toEqual(originals.map((f) => f.doc).sort(byName));
  });

  it("disambiguates colliding names with the GUID, whatever the order", async () => {
    const a = table("Sales", "aaaa-1");
    const b = table("sales", "bbbb-2");
    const c = table("Other", "cccc-3");
    const first = await writeTmlFolder(join(dir, "1"), [a, b, c]);
    const second = await writeTmlFolder(join(dir, "2"), [c, b, a]);
    expect(first.map((f) => f.path.slice(join(dir, "1").length + 1))).toEqual([
      "Sales_aaaa-1.table.tml",
      "sales_bbbb-2.table.tml",
      "Other.table.tml",
    ]);
    expect((await readdir(join(dir, "2"))).sort()).toEqual((await readdir(join(dir, "1"))).sort());
    expect(second.map((f) => f.name)).toEqual(["Other", "sales", "Sales"]);
  });

  it("numbers collisions that have no GUID (or the same GUID), in input order", async () => {
    const written = await writeTmlFolder(dir, [table("T"), table("T"), table("T", "g"), table("T", "g")]);
    expect(written.map((f) => f.path.slice(dir.length + 1))).toEqual([
      "T.table.tml",
      "T_2.table.tml",
      "T_g.table.tml",
      "T_g_2.table.tml",
    ]);
    expect(await readdir(dir)).toHaveLength(4);
  });

  // Kind keys and names come from the server's answer: each becomes one plain file name part.
  it.each([
    ["a kind key with path parts", { guid: "g", "../../../prod/Sales.table": { name: "Sales" } }],
    ["a kind key with a backslash path", { "..\\..\\evil": { name: "x" } }],
    ["an absolute kind key", { "/etc/cron.d/job": { name: "x" } }],
    ["a name with path parts", { table: { name: "../../../prod/Sales" } }],
    ["a name of dots, a kind of dots", { "..": { name: ".." } }],
    ["a GUID with path parts as the name", { guid: "../../x", sql_view: { sql_query: "q" } }],
  ])("%s stays inside the folder", async (_, doc) => {
    const out = join(dir, "a", "b", "c", "out");
    const [file] = await writeTmlFolder(out, [doc as TmlDocument]);
    expect(file!.path.startsWith(`${out}/`) || file!.path.startsWith(`${out}\\`)).toBe(true);
    const name = file!.path.slice(out.length + 1);
    expect(name).not.toMatch(/[/\\]/);
    expect(name).toMatch(/\.[A-Za-z0-9_]+\.tml$/);
    // Nothing anywhere above the folder: every level holds only the next one.
    expect(await readdir(dir)).toEqual(["a"]);
    expect(await readdir(join(dir, "a", "b", "c"))).toEqual(["out"]);
    expect(await readdir(out)).toEqual([name]);
  });

  it("names the kind key safely in tmlFileName too", () => {
    expect(tmlFileName({ "../../../prod/Sales.table": { name: "Sales" } } as unknown as TmlDocument)).toBe(
      "Sales._________prod_Sales_table.tml",
    );
    expect(tmlFileName({ "..": { name: "x" } } as unknown as TmlDocument)).toBe("x.unknown.tml");
  });
});

function byName(a: TmlDocument, b: TmlDocument): number {
  return tmlFileName(a).localeCompare(tmlFileName(b));
}
