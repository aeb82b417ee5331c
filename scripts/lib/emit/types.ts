// Turns an OpenAPI 3 document into openapi-typescript `paths`/`components`/`operations` source.
// Lean on purpose: a consumer with `skipLibCheck: false` type-checks every line of it.
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { hoistableSchemas, hoistSchemas, schemaKeys } from "./hoist.js";

const BLOB = ts.factory.createTypeReferenceNode("Blob");

type Obj = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * A copy of the document whose error answers (every non-2xx response written inline) point to shared
 * components.responses entries, one per distinct body schema: ThoughtSpot repeats the same four or five
 * ErrorResponse answers on every operation, and written out each time they were over half the
 * `operations` interface. The types are the same (the raw clients' `error` still reads the schema);
 * only the per-operation response descriptions and examples are left out.
 */
export function shareErrorResponses(doc: Obj): Obj {
  const copy = structuredClone(doc);
  copy.components ??= {};
  const components = copy.components as Obj;
  components.responses ??= {};
  const shared = components.responses as Obj;
  const names = new Map<string, string>();
  for (const item of Object.values((copy.paths as Obj | undefined) ?? {}) as Obj[]) {
    for (const method of METHODS) {
      const responses = (item[method] as Obj | undefined)?.responses as Obj | undefined;
      if (!responses) continue;
      for (const [code, response] of Object.entries(responses) as [string, Obj][]) {
        if (code.startsWith("2") || !response || typeof response !== "object" || "$ref" in response) continue;
        const content = (response.content as Record<string, Obj> | undefined) ?? {};
        const key = JSON.stringify(Object.entries(content).map(([media, m]) => [media, m?.schema ?? null]));
        let name = names.get(key);
        if (!name) {
          name = `Failure${names.size + 1}`;
          names.set(key, name);
          shared[name] = {
            description: "An error answer.",
            content: Object.fromEntries(
              Object.entries(content).map(([media, m]) => [media, m?.schema ? { schema: m.schema } : {}]),
            ),
          };
        }
        responses[code] = { $ref: `#/components/responses/${name}` };
      }
    }
  }
  return copy;
}

/**
 * The openapi-typescript source for `doc`, made lean (below) with its schemas as top-level types.
 * `reserved`: names the module's other declarations take (the api types' SearchUsersInput, V2Api, ...);
 * a schema with such a name stays reachable only as components["schemas"][name].
 */
export async function renderTypes(doc: object, reserved: Iterable<string> = []): Promise<string> {
  const ast = await openapiTS(shareErrorResponses(doc as Obj) as unknown as Parameters<typeof openapiTS>[0], {
    // With the default (true), 203 optional V2 properties that merely have a default become
    // required, and request bodies cannot be written.
    defaultNonNullable: false,
    alphabetize: false,
    // The spec's free-form objects (`type: object`, no properties) hold arbitrary JSON: ThoughtSpot's
    // extended_properties, runtime_filter, data rows. The default, Record<string, never>, rejects every
    // valid input and reads as `never` (assignable to anything) on output.
    emptyObjectsUnknown: true,
    // Files (multipart parts) and binary downloads are Blobs, not strings.
    transform(schema) {
      if (schema.format === "binary") {
        return schema.nullable
          ? ts.factory.createUnionTypeNode([BLOB, ts.factory.createLiteralTypeNode(ts.factory.createNull())])
          : BLOB;
      }
      return undefined;
    },
  });
  const lean = shortErrorRefs(leanSource(astToString(ast)));
  // Long unions take names no schema has, so every schema can keep its own.
  const named = nameLongUnions(lean, [...schemaKeys(lean), ...reserved]);
  return hoistSchemas(named, hoistableSchemas(named, reserved));
}

/** A union of string literals this long or longer gets a name of its own (the privileges union: 1 172). */
const LONG_UNION = 200;
const pascal = (words: string) =>
  words
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");

/**
 * Long enum unions become named, exported types (`privileges?: Privileges[]`), so a hover over a field
 * shows a name instead of a thousand characters. A union is named after the first property that holds it
 * (PascalCase); a different union under an already-used name is named after its schema or operation
 * too (`SearchUsersRequestPrivileges`). The same union anywhere shares one name.
 */
export function nameLongUnions(source: string, reserved: Iterable<string> = []): string {
  const byUnion = new Map<string, string>();
  const taken = new Set<string>(reserved);
  let context = "";
  const lines = source.split("\n").map((line) => {
    // The schema (components.schemas, 8 spaces) or operation (4 spaces) a line belongs to.
    const owner = /^(?: {4}| {8})"?([\w$-]+)"?: \{$/.exec(line);
    if (owner) context = owner[1]!;
    const prop = /^ +"?([\w$-]+)"?\??: /.exec(line)?.[1];
    if (!prop) return line;
    // `("A" | "B")[]` loses its parentheses with the union: `Name[]`.
    return line.replace(/\(?((?:"[^"\n]*" \| )+"[^"\n]*")\)?/g, (whole, union: string) => {
      if (union.length < LONG_UNION) return whole;
      let name = byUnion.get(union);
      if (!name) {
        name = pascal(prop);
        if (taken.has(name)) name = pascal(context) + name;
        for (let n = 2; taken.has(name); n++) name = `${pascal(context) + pascal(prop)}${n}`;
        taken.add(name);
        byUnion.set(union, name);
      }
      // A parenthesis that is not the union's own (`("A" | … | "Z" | null)`) stays.
      const open = whole.startsWith("(");
      const close = whole.endsWith(")");
      return open === close ? name : `${open ? "(" : ""}${name}${close ? ")" : ""}`;
    });
  });
  if (!byUnion.size) return source;
  const named = [...byUnion].map(
    ([union, name]) => `/** One of ${union.split(" | ").length} values. */\nexport type ${name} = ${union};`,
  );
  return [...lines, ...named, ""].join("\n");
}

/**
 * Drops what openapi-typescript writes for nothing: in `paths`, the operations' docs (a copy), the
 * `<method>?: never` members and all-`never` path-level parameters (the raw clients find a path's methods by the members present), and
 * every response's `headers: { [name: string]: unknown }` (nothing reads response header types).
 */
export function leanSource(source: string): string {
  const start = source.indexOf("export interface paths {");
  const end = source.indexOf("\n}\n", start);
  const paths = source
    .slice(start, end)
    // The operation's docs are on `operations` and on ts.api's methods; here they were a third copy.
    .replace(/\n +\/\*\*[\s\S]*?\*\//g, "")
    .replace(/\n {8}(get|put|post|delete|options|head|patch|trace)\?: never;/g, "")
    .replace(
      /\n {8}parameters: \{\n {12}query\?: never;\n {12}header\?: never;\n {12}path\?: never;\n {12}cookie\?: never;\n {8}\};/g,
      "",
    );
  return (source.slice(0, start) + paths + source.slice(end)).replace(
    /\n( +)headers: \{\n +\[name: string\]: unknown;\n\1\};/g,
    "",
  );
}

/**
 * Every operation lists its error answers (`400: components["responses"]["Failure1"]; 401: …`), 926 such
 * lines in V2 and V1: each now names a local alias instead (`400: Failure1;`), so a consumer with
 * `skipLibCheck: false` checks ~5 500 fewer type nodes; likewise the all-`never` parameter lists (~2 000). Same keys and types in the same object shapes (an
 * intersection with shared sets would be smaller still, but costs instantiations on every output lookup).
 */
export function shortErrorRefs(source: string): string {
  const start = source.indexOf("export interface operations {");
  if (start < 0) return source;
  const end = source.indexOf("\n}\n", start);
  const used = new Set<string>();
  const operations = source
    .slice(start, end)
    .replace(/^( +\d{3}): components\["responses"\]\["(\w+)"\];$/gm, (_whole, code: string, name: string) => {
      used.add(name);
      return `${code}: ${name};`;
    });
  // An operation that takes no parameters says so once: `parameters: NoParameters` (192 of 302 operations).
  const none =
    /\n {8}parameters: \{\n {12}query\?: never;\n {12}header\?: never;\n {12}path\?: never;\n {12}cookie\?: never;\n {8}\};/g;
  const lean = operations.replace(none, "\n        parameters: NoParameters;");
  const aliases = [...used]
    .sort()
    .map(
      (name) =>
        `/** An error answer (components.responses.${name}). */\ntype ${name} = components["responses"]["${name}"];`,
    );
  if (lean !== operations) {
    aliases.push(
      "/** What an operation without parameters lists (the raw clients reject any params for it). */",
      "type NoParameters = {\n    query?: never;\n    header?: never;\n    path?: never;\n    cookie?: never;\n};",
    );
  }
  if (!aliases.length) return source;
  return `${source.slice(0, start)}${lean}${source.slice(end)}\n${aliases.join("\n")}\n`;
}
