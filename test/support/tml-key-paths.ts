// Key paths of TML documents (`liveboard.visualizations[].answer.chart.type`) and whether the SDK's
// TML types name each one: read with the TypeScript compiler from src/tml/types.ts, so a key that
// only an index signature (TmlExtra) accepts counts as untyped.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { readTmlValue } from "../../src/tml/document.js";

const ENVELOPE = new Set(["guid", "obj_id"]);

/** Every key path in one parsed document, the kind key first; list items as `[]`. */
export function keyPaths(doc: unknown): string[] {
  const out = new Set<string>();
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, `${path}[]`);
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (path === "" && ENVELOPE.has(key)) continue;
        const next = path === "" ? key : `${path}.${key}`;
        out.add(next);
        walk(child, next);
      }
    }
  };
  walk(doc, "");
  return [...out];
}

/** The `.tml` files under a folder, recursively, sorted. */
export function tmlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...tmlFiles(path));
    else if (name.endsWith(".tml")) files.push(path);
  }
  return files;
}

export function pathsOfFile(path: string): string[] {
  return keyPaths(readTmlValue(readFileSync(path, "utf8")));
}

/** A checker over src/tml/types.ts: `isTyped(path)` says whether TmlBodies names every key of it. */
export function typeChecker(typesFile: string): (path: string) => boolean {
  const program = ts.createProgram([typesFile], { strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(typesFile);
  if (!source) throw new Error(`cannot read ${typesFile}`);
  const bodies = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "TmlBodies",
  );
  if (!bodies) throw new Error("TmlBodies not found");
  const root = checker.getTypeAtLocation(bodies.name);

  /** The object types a value of `type` can be (undefined, null and primitives left out; arrays opened when asked). */
  const objects = (type: ts.Type, item: boolean): ts.Type[] => {
    const parts = type.isUnion() ? type.types : [type];
    const out: ts.Type[] = [];
    for (const part of parts) {
      if (item) {
        if (checker.isArrayType(part))
          out.push(...objects(checker.getTypeArguments(part as ts.TypeReference)[0]!, false));
      } else if (!checker.isArrayType(part) && part.flags & ts.TypeFlags.Object) out.push(part);
      else if (part.isIntersection()) out.push(part);
    }
    return out;
  };

  return (path: string) => {
    let current: ts.Type[] = [root];
    for (const raw of path.split(".")) {
      const depth = /(\[\])*$/.exec(raw)![0].length / 2;
      const name = raw.slice(0, raw.length - depth * 2);
      const next: ts.Type[] = [];
      for (const type of current) {
        const prop = checker.getPropertyOfType(type, name);
        if (!prop) continue;
        let found = [checker.getNonNullableType(checker.getTypeOfSymbol(prop))];
        for (let i = 0; i < depth; i++) found = found.flatMap((t) => objects(t, true));
        next.push(
          ...(depth === 0
            ? found.flatMap((t) => (objects(t, false).length ? objects(t, false) : [t]))
            : found),
        );
      }
      if (next.length === 0) return false;
      current = next;
    }
    return true;
  };
}

/** Where a listed key path comes from (see the header of test/fixtures/tml/key-paths.txt). */
export type KeyPathSource = "docs" | "docs-params" | "export" | "export-public" | "unverified";

export interface ListedKeyPath {
  path: string;
  kind: string;
  source: KeyPathSource;
}

const SOURCES = new Set<KeyPathSource>(["docs", "docs-params", "export", "export-public", "unverified"]);

/** Reads key-paths.txt: `# kind: K` and `# source: S ...` lines set the group of the paths below them. */
export function readKeyPathList(text: string): ListedKeyPath[] {
  const out: ListedKeyPath[] = [];
  let kind = "";
  let source: KeyPathSource | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const kindLine = /^# kind: (\S+)$/.exec(line);
    if (kindLine) {
      kind = kindLine[1]!;
      source = undefined;
      continue;
    }
    const sourceLine = /^# source: (\S+)/.exec(line);
    if (sourceLine) {
      if (!SOURCES.has(sourceLine[1] as KeyPathSource)) throw new Error(`unknown source: ${line}`);
      source = sourceLine[1] as KeyPathSource;
      continue;
    }
    if (line.startsWith("#")) continue;
    if (!kind || !source) throw new Error(`key path outside a kind and source: ${line}`);
    if (kindOf(line) !== kind) throw new Error(`${line} listed under kind ${kind}`);
    out.push({ path: line, kind, source });
  }
  return out;
}

/** The kind key a path starts with (`monitor_alert[].name` → `monitor_alert`). */
export function kindOf(path: string): string {
  return path.split(".")[0]!.replace(/(\[\])+$/, "");
}
