// parseTmlInTurns (what ts.tml.export uses) reads the same documents as parseTml, keeps the same
// written text for a byte-exact round trip, fails the same way, and gives the event loop turns.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseTml,
  parseTmlInTurns,
  readTmlValue,
  readTmlValueInTurns,
  stringifyTml,
} from "../../src/tml/document.js";
import { TmlError, TmlParseError } from "../../src/tml/errors.js";
import { tmlFiles } from "../support/tml-key-paths.js";

const root = join(import.meta.dirname, "../fixtures/tml");
const files = tmlFiles(root).map((path) => [path.slice(root.length + 1), path] as const);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("parseTmlInTurns", () => {
  it.each(files)("%s: the same value and the same text back as parseTml", async (_, path) => {
    const text = readFileSync(path, "utf8");
    const inTurns = await readTmlValueInTurns(text);
    expect(inTurns).toEqual(readTmlValue(text));
    expect(stringifyTml(inTurns as Record<string, unknown>)).toBe(
      stringifyTml(readTmlValue(text) as Record<string, unknown>),
    );
  });

  it.each([
    ["a nested mapping under a scalar", "table:\n  name: x\n    db: y\n"],
    ["a duplicate key", "table:\n  name: x\n  name: y\n"],
    ["two documents", "table:\n  name: x\n---\ntable:\n  name: y\n"],
    ["an alias inside what it names", "table: &t\n  name: x\n  again: *t\n"],
    ["broken JSON", '{"table": {"name": }'],
  ])("fails like parseTml on %s", async (_, text) => {
    const sync = thrown(() => parseTml(text)) as TmlParseError;
    const inTurns = (await rejection(parseTmlInTurns(text))) as TmlParseError;
    expect(inTurns).toBeInstanceOf(TmlParseError);
    expect(inTurns.message).toBe(sync.message);
    expect([inTurns.line, inTurns.column]).toEqual([sync.line, sync.column]);
  });

  it("refuses empty and oversize text, and an unknown shape, like parseTml", async () => {
    await expect(parseTmlInTurns("")).rejects.toThrow(TmlError);
    await expect(parseTmlInTurns("table:\n  name: x\n", { maxLength: 5 })).rejects.toThrow(/maxLength/);
    await expect(parseTmlInTurns("- a\n- b\n")).rejects.toThrow(TmlError);
    expect(await parseTmlInTurns("\uFEFFtable:\n  name: x\n")).toEqual({ table: { name: "x" } });
  });

  it("asks for turns while lexing and between the children of the top levels", async () => {
    const columns = Array.from(
      { length: 300 },
      (_, i) => `  - name: C${i}\n    db_column_name: C_${i}\n`,
    ).join("");
    const text = `table:\n  name: T\n  columns:\n${columns}`;
    let turns = 0;
    const doc = await parseTmlInTurns(text, {
      turn: async () => {
        turns++;
      },
    });
    expect(doc).toEqual(parseTml(text));
    // At least one per column of the list (a third-level child), besides the lexing.
    expect(turns).toBeGreaterThan(300);
  });
});
