// The corpus of ThoughtSpot-exported TML (test/fixtures/tml/corpus/<source>/, origins in each
// README) and the kind fixtures: every file parses, keeps its kind and comes back byte for byte;
// written from values alone, ThoughtSpot's style rules reproduce every line but kept number forms.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTml, stringifyTml, tmlType } from "../../src/tml/document";

const root = join(import.meta.dirname, "../fixtures/tml");

function tmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return tmlFiles(path);
      return name.endsWith(".tml") ? [path] : [];
    })
    .sort();
}

const corpus = tmlFiles(join(root, "corpus"));
const kinds = tmlFiles(join(root, "kinds"));
const foreign = tmlFiles(join(root, "foreign-style"));
const all = [...corpus, ...kinds, ...foreign];
const label = (path: string) => path.slice(root.length + 1);
const cases = all.map((path) => [label(path), path] as const);

/** A deep copy with nothing remembered about how values were written. */
function valuesOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(valuesOnly);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, valuesOnly(v)]));
  }
  return value;
}

describe("TML corpus", () => {
  it("has files from every source folder, each with a README naming origin and licence", () => {
    const sources = readdirSync(join(root, "corpus"));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const readme = readFileSync(join(root, "corpus", source, "README.md"), "utf8");
      expect(readme).toMatch(/licen[cs]e/i);
      for (const file of tmlFiles(join(root, "corpus", source))) {
        expect(readme).toContain(file.split("/").at(-1));
      }
    }
  });

  it("covers the kinds ThoughtSpot exports", () => {
    const found = new Set(all.map((path) => tmlType(parseTml(readFileSync(path, "utf8")))));
    for (const kind of [
      "table",
      "view",
      "sql_view",
      "worksheet",
      "model",
      "answer",
      "liveboard",
      "pinboard",
      "connection",
      "cohort",
      "nls_feedback",
    ]) {
      expect(found).toContain(kind);
    }
  });

  it.each(cases)("%s: kind from content matches the file name", (_name, path) => {
    expect(tmlType(parseTml(readFileSync(path, "utf8")))).toBe(path.split(".").at(-2));
  });

  it.each(cases)("%s: stringifyTml(parseTml(text)) is the text, byte for byte", (_name, path) => {
    const text = readFileSync(path, "utf8");
    expect(stringifyTml(parseTml(text))).toBe(text);
  });

  it.each(cases)("%s: JSON and back gives an equal document", (_name, path) => {
    const doc = parseTml(readFileSync(path, "utf8"));
    expect(parseTml(stringifyTml(doc, { format: "JSON" }))).toEqual(doc);
  });

  // Exported files and the kind fixtures follow ThoughtSpot's style; the foreign-style file was
  // rewritten by another tool and only has to come back as it was.
  it.each(
    [...corpus, ...kinds].map((path) => [label(path), path] as const),
  )("%s: the style rules alone rewrite every line except numbers with a fraction", (_name, path) => {
    const text = readFileSync(path, "utf8");
    const fromRules = stringifyTml(valuesOnly(parseTml(text)) as Record<string, unknown>).split("\n");
    const lines = text.split("\n");
    expect(fromRules).toHaveLength(lines.length);
    const differing = lines.filter((line, i) => line !== fromRules[i]);
    // `0.0`, `2.0`: a JS number does not remember its written fraction; the kept text does.
    for (const line of differing) expect(line).toMatch(/(?:: |- )-?\d+\.\d+$/);
  });
});
