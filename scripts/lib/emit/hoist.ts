// Named schema types: each components.schemas entry becomes a top-level `export type <Name>` and every
// `components["schemas"]["<Name>"]` reference names it directly, so hovers, errors and the named outputs
// read `User[]`, and users import `User` from thoughtspot-rest-api/v2 as ThoughtSpot's reference names it.
// components.schemas keeps every key (`User: User`); the types are the same.
import ts from "typescript";

const parse = (source: string) =>
  ts.createSourceFile("spec.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

const memberName = (m: ts.TypeElement) =>
  m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : undefined;

/** The components.schemas type literal of an openapi-typescript source, if any. */
function schemasOf(sf: ts.SourceFile): ts.TypeLiteralNode | undefined {
  for (const s of sf.statements) {
    if (!ts.isInterfaceDeclaration(s) || s.name.text !== "components") continue;
    const schemas = s.members.find((m) => memberName(m) === "schemas");
    if (schemas && ts.isPropertySignature(schemas) && schemas.type && ts.isTypeLiteralNode(schemas.type)) {
      return schemas.type;
    }
  }
  return undefined;
}

/** The keys of components.schemas. */
export function schemaKeys(source: string): string[] {
  return (schemasOf(parse(source))?.members ?? []).flatMap((m) => memberName(m) ?? []);
}

/** The schemas a hoisted source declares at the top level (components.schemas lists them as `Name: Name`). */
export function hoistedSchemas(source: string): Set<string> {
  const sf = parse(source);
  const names = new Set<string>();
  for (const m of schemasOf(sf)?.members ?? []) {
    const name = memberName(m);
    if (name && ts.isPropertySignature(m) && m.type && ts.isTypeReferenceNode(m.type)) {
      if (m.type.typeName.getText(sf) === name) names.add(name);
    }
  }
  return names;
}

/** Every name declared at the top level or used as a bare type name (a global such as Blob or Record). */
function namesInUse(sf: ts.SourceFile): Set<string> {
  const used = new Set<string>();
  for (const s of sf.statements) {
    if ((ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name) used.add(s.name.text);
  }
  const visit = (node: ts.Node) => {
    if (ts.isTypeReferenceNode(node)) used.add(node.typeName.getText(sf).split(".")[0]!);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return used;
}

/**
 * The schema names `hoistSchemas` makes top-level types, given the names other declarations of the same
 * module take (`reserved`, e.g. the api types' SearchUsersInput): identifiers only, and never a name the
 * source already declares or uses for something else.
 */
export function hoistableSchemas(source: string, reserved: Iterable<string> = []): Set<string> {
  const sf = parse(source);
  const taken = new Set([...namesInUse(sf), ...reserved]);
  const names = new Set<string>();
  for (const m of schemasOf(sf)?.members ?? []) {
    const name = memberName(m);
    if (name && /^[A-Za-z_$][\w$]*$/.test(name) && !taken.has(name)) names.add(name);
  }
  return names;
}

/** The source with `names` (from hoistableSchemas) declared at the top level; see the file comment. */
export function hoistSchemas(source: string, names: Set<string>): string {
  if (!names.size) return source;
  const sf = parse(source);
  const schemas = schemasOf(sf);
  if (!schemas) return source;
  const declarations: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const m of schemas.members) {
    const name = memberName(m);
    if (!name || !names.has(name) || !ts.isPropertySignature(m) || !m.type) continue;
    // The member's own docs move with it; its type is re-indented from schema depth (8) to the top.
    const docs = source.slice(m.getFullStart(), m.getStart(sf)).replace(/^\s*\n/, "");
    const type = m.type.getText(sf).replace(/\n {8}/g, "\n");
    declarations.push(`${docs.replace(/^ {8}/gm, "")}export type ${name} = ${type};`);
    edits.push({ start: m.type.getStart(sf), end: m.type.getEnd(), text: name });
  }
  let out = source;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const body = [out.trimEnd(), ...declarations, ""].join("\n");
  return body.replace(/components\["schemas"\]\["([A-Za-z_$][\w$]*)"\]/g, (whole, name: string) =>
    names.has(name) ? name : whole,
  );
}
