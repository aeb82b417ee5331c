// Shared operation shapes: ThoughtSpot's operations repeat a handful of parameter, body and answer
// layouts that differ only in their payloads (`{ content: { "application/json": <body> } }`, the same
// success code with the same four error answers). Each layout used twice or more becomes one generic alias
// (`Responses2<User[]>`); a consumer's lib check (skipLibCheck false) checks the layout once instead of
// for every operation. Same keys and types: the payloads are the holes, written as before.
import ts from "typescript";

/** The parts of an operation whose layouts are shared. */
const PARTS = new Set(["parameters", "requestBody", "responses"]);
const pascal = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const nameOf = (n: ts.PropertyName | undefined) =>
  n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) ? n.text : undefined;

/** The payloads inside one part: a media type's schema, or a path/query/header parameter object. */
function holesOf(part: ts.TypeNode): ts.TypeNode[] {
  const holes: ts.TypeNode[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertySignature(node) && node.type) {
      const key = nameOf(node.name);
      const owner = ts.isTypeLiteralNode(node.parent) ? node.parent.parent : undefined;
      const inContent = !!owner && ts.isPropertySignature(owner) && nameOf(owner.name) === "content";
      const paramObject =
        (key === "path" || key === "query" || key === "header") && ts.isTypeLiteralNode(node.type);
      if (inContent || paramObject) {
        holes.push(node.type);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(part);
  return holes;
}

/** `source` (openapi-typescript output) with repeated operation layouts written once; see the file comment. */
export function shareShapes(source: string, reserved: Set<string>): string {
  const sf = ts.createSourceFile("spec.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const operations = sf.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "operations",
  );
  if (!operations) return source;
  const uses: { start: number; end: number; layout: string; args: string[] }[] = [];
  const layouts = new Map<string, { part: string; holes: number; count: number; name?: string }>();
  for (const op of operations.members) {
    if (!ts.isPropertySignature(op) || !op.type || !ts.isTypeLiteralNode(op.type)) continue;
    for (const part of op.type.members) {
      const partName = nameOf(part.name);
      if (!ts.isPropertySignature(part) || !part.type || !partName || !PARTS.has(partName)) continue;
      const holes = holesOf(part.type);
      if (!holes.length) continue;
      // The layout: the part's text with each payload replaced by its parameter, docs and spacing dropped.
      let layout = "";
      let at = part.type.getStart(sf);
      holes.forEach((hole, i) => {
        layout += `${source.slice(at, hole.getStart(sf))}T${i}`;
        at = hole.getEnd();
      });
      layout = `${layout}${source.slice(at, part.type.getEnd())}`
        .replace(/\/\*\*[\s\S]*?\*\//g, "")
        .replace(/\s+/g, " ");
      const entry = layouts.get(layout) ?? { part: partName, holes: holes.length, count: 0 };
      entry.count++;
      layouts.set(layout, entry);
      uses.push({
        start: part.type.getStart(sf),
        end: part.type.getEnd(),
        layout,
        args: holes.map((h) => h.getText(sf)),
      });
    }
  }
  const counters = new Map<string, number>();
  const declarations: string[] = [];
  for (const [layout, entry] of layouts) {
    if (entry.count < 2) continue;
    let name: string;
    do {
      const n = (counters.get(entry.part) ?? 0) + 1;
      counters.set(entry.part, n);
      name = `${pascal(entry.part)}${n}`;
    } while (reserved.has(name) || source.includes(`type ${name}`));
    entry.name = name;
    const params = Array.from({ length: entry.holes }, (_, i) => `T${i}`).join(", ");
    declarations.push(`/** An operation's ${entry.part} layout, shared by ${entry.count} operations. */`);
    declarations.push(`type ${name}<${params}> = ${layout};`);
  }
  if (!declarations.length) return source;
  let out = source;
  for (const use of uses.sort((a, b) => b.start - a.start)) {
    const name = layouts.get(use.layout)?.name;
    if (name) out = `${out.slice(0, use.start)}${name}<${use.args.join(", ")}>${out.slice(use.end)}`;
  }
  return `${out.trimEnd()}\n${declarations.join("\n")}\n`;
}
