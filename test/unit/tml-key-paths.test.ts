// How much of ThoughtSpot's TML schema the SDK's types name. The measure is the set of key paths a
// public source shows: those read from the syntax blocks (and parameter lists) of ThoughtSpot's TML
// pages, listed in test/fixtures/tml/key-paths.txt with the page and the docs-source commit each was
// read from, and every key path of the TML files ThoughtSpot exported (corpus/ and foreign-style/ here,
// and files in a public repository read in place, named with their commit in the list). Each
// is looked up in src/tml/types.ts with the TypeScript compiler; a key only an index signature
// accepts counts as untyped. Paths with no public source (the list's "unverified" group, and keys
// only the fixtures written for this SDK hold) must be typed too, but are reported, not measured.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TML_TYPES } from "../../src/tml/kinds.js";
import { kindOf, pathsOfFile, readKeyPathList, tmlFiles, typeChecker } from "../support/tml-key-paths.js";

const root = join(import.meta.dirname, "../fixtures/tml");
const listed = readKeyPathList(readFileSync(join(root, "key-paths.txt"), "utf8"));
// The legacy connection file has no kind key, and `spreadsheet` is a kind the SDK keeps untyped on purpose.
const files = tmlFiles(root).filter((path) => !/legacy\.connection|\.spreadsheet\./.test(path));
const fromFiles = [...new Set(files.flatMap(pathsOfFile))];
/** Files ThoughtSpot exported (public repositories, origins in the folders' READMEs); the rest were written for this SDK. */
const exported = files.filter((path) => /[\\/](corpus|foreign-style)[\\/]/.test(path));
const fromExports = new Set(exported.flatMap(pathsOfFile));
/** Key paths a public source shows: the TML pages and the exported files. */
const verified = [
  ...new Set([
    ...listed
      .filter((e) => e.source === "docs" || e.source === "docs-params" || e.source === "export-public")
      .map((e) => e.path),
    ...fromExports,
  ]),
].sort();
// A path the list calls "export" must be in an exported file.
const notExported = listed.filter((e) => e.source === "export" && !fromExports.has(e.path));
/** Listed as unverified, or only in the fixtures written for this SDK. */
const unverified = [
  ...new Set([...listed.filter((e) => e.source === "unverified").map((e) => e.path), ...fromFiles]),
]
  .filter((path) => !verified.includes(path))
  .sort();
const all = [...new Set([...verified, ...unverified])].sort();
/** Kinds with a public TML page (a `docs` group in the list): each must reach the bar on its own. */
const documentedKinds = new Set(listed.filter((e) => e.source === "docs").map((e) => e.kind));
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
    const kindsListed = new Set(all.map(kindOf));
    for (const kind of KINDS) {
      expect(kindsListed, kind).toContain(kind);
      expect(TML_TYPES, kind).toContain(kind);
      expect(isTyped(`${kind}.name`) || isTyped(`${kind}.feedback`), kind).toBe(true);
    }
  });

  it("types at least 90 % of the publicly documented key paths, overall and per documented kind", () => {
    const byKind = new Map<string, { typed: number; total: number }>();
    for (const path of verified) {
      const row = byKind.get(kindOf(path)) ?? { typed: 0, total: 0 };
      row.total++;
      if (isTyped(path)) row.typed++;
      byKind.set(kindOf(path), row);
    }
    const pct = (typed: number, total: number) => `${((typed / total) * 100).toFixed(1)} %`;
    const typed = verified.filter(isTyped);
    const typedUnverified = unverified.filter(isTyped);
    // Printed so the number in the CHANGELOG can be checked: `npx vitest run test/unit/tml-key-paths.test.ts`.
    console.info(
      [
        `TML key paths typed (public sources: ThoughtSpot's TML pages + the exported TML files in test/fixtures/tml):`,
        ...[...byKind].map(
          ([kind, row]) =>
            `  ${kind.padEnd(14)} ${String(row.typed).padStart(4)} of ${String(row.total).padStart(4)}  ${pct(row.typed, row.total)}${documentedKinds.has(kind) ? "" : "  (no public page)"}`,
        ),
        `  overall        ${typed.length} of ${verified.length}  ${pct(typed.length, verified.length)}`,
        `  untyped: ${verified.filter((path) => !isTyped(path)).join(", ") || "none"}`,
        `Unverified paths (no public source; not measured): ${typedUnverified.length} of ${unverified.length} typed, in ${[
          ...new Set(unverified.map(kindOf)),
        ].join(", ")}`,
      ].join("\n"),
    );
    expect(typed.length / verified.length).toBeGreaterThanOrEqual(0.9);
    for (const kind of documentedKinds) {
      const row = byKind.get(kind)!;
      expect(row.typed / row.total, kind).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("names the public page each documented kind was read from", () => {
    const text = readFileSync(join(root, "key-paths.txt"), "utf8");
    for (const kind of documentedKinds) {
      expect(text, kind).toMatch(
        new RegExp(
          `# kind: ${kind}\\n# source: docs https://docs\\.thoughtspot\\.com/\\S+ \\(thoughtspot/thoughtspot-docs \\S+\\.adoc @[0-9a-f]{8}`,
        ),
      );
    }
  });

  it("covers every key path of the TML files in the fixtures, exported or written for this SDK", () => {
    expect(fromExports.size).toBeGreaterThan(100);
    expect(notExported.map((e) => e.path)).toEqual([]);
    expect(fromFiles.filter((path) => !isTyped(path))).toEqual([]);
  });
});
