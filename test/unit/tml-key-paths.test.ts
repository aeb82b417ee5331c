// How much of ThoughtSpot's TML schema the SDK's types name: every key path listed in
// test/fixtures/tml/key-paths.txt (compiled from ThoughtSpot's TML reference pages, sources named
// there) and every key path of the TML files beside it (exported by ThoughtSpot, or laid out after
// the docs) is looked up in src/tml/types.ts with the TypeScript compiler. A key only an index
// signature accepts counts as untyped.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TML_TYPES } from "../../src/tml/kinds.js";
import { pathsOfFile, tmlFiles, typeChecker } from "../support/tml-key-paths.js";

const root = join(import.meta.dirname, "../fixtures/tml");
const listed = readFileSync(join(root, "key-paths.txt"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));
// The legacy connection file has no kind key, and `spreadsheet` is a kind the SDK keeps untyped on purpose.
const files = tmlFiles(root).filter((path) => !/legacy\.connection|\.spreadsheet\./.test(path));
const fromFiles = files.flatMap(pathsOfFile);
const all = [...new Set([...listed, ...fromFiles])].sort();
const isTyped = typeChecker(join(import.meta.dirname, "../../src/tml/types.ts"));

/** The 14 kinds of ThoughtSpot's TML (aliases `pinboard`, `feedback` and the extras aside). */
const KINDS = [
  "table",
  "view",
  "sql_view",
  "worksheet",
  "model",
  "answer",
  "liveboard",
  "connection",
  "cohort",
  "monitor_alert",
  "action_object",
  "role",
  "group",
  "user",
];

describe("TML key-path coverage", () => {
  it("the measure itself works: typed keys pass, unknown keys and index-signature-only keys do not", () => {
    expect(isTyped("liveboard.visualizations[].answer.chart.axis_configs[].x")).toBe(true);
    expect(isTyped("model.model_tables[].joins[].cardinality")).toBe(true);
    expect(isTyped("liveboard.no_such_key")).toBe(false);
    expect(isTyped("table.columns[].properties.no_such_key")).toBe(false);
    expect(isTyped("no_such_kind.name")).toBe(false);
  });

  it("lists every one of the 14 kinds, and the SDK types each", () => {
    const kindsListed = new Set(all.map((path) => path.split(".")[0]));
    for (const kind of KINDS) {
      expect(kindsListed, kind).toContain(kind);
      expect(TML_TYPES, kind).toContain(kind);
      expect(isTyped(`${kind}.name`) || isTyped(`${kind}.feedback`), kind).toBe(true);
    }
  });

  it("types at least 90 % of the key paths (the percentage is in the CHANGELOG)", () => {
    const untyped = all.filter((path) => !isTyped(path));
    const share = (all.length - untyped.length) / all.length;
    // Printed so the number in the CHANGELOG can be checked: `npx vitest run test/unit/tml-key-paths.test.ts`.
    console.info(
      `TML key paths typed: ${all.length - untyped.length} of ${all.length} (${(share * 100).toFixed(1)} %)`,
    );
    expect(untyped).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it("covers every key path of the exported files in the fixtures", () => {
    expect(fromFiles.length).toBeGreaterThan(100);
    expect(fromFiles.filter((path) => !isTyped(path))).toEqual([]);
  });
});
