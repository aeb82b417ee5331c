// generated/<api>-api.ts: one named input and output type per operation (SearchUsersInput,
// SearchUsersOutput) and the interface of ts.api.<api>, one documented method per operation. Hovers then
// show `searchUsers(input: SearchUsersInput, options?: CallOptions): Promise<SearchUsersOutput>` instead of
// the expanded shapes, and a consumer's type-check resolves plain interfaces instead of instantiating
// generic helpers over every operation. Must never restate a shape: every part points into `operations`.
import { type Obj, specWalker } from "../spec/walk.js";
import type { OperationRow } from "./operation-row.js";

/** The success codes ts.api reads a body from (the same as OperationOutput in src/core/types.ts). */
const SUCCESS = ["200", "201", "202", "204"];

/** searchUsers → SearchUsers, metadataTmlExport → MetadataTmlExport: the prefix of the operation's type names. */
export const typeNameOf = (operationId: string) => operationId[0]!.toUpperCase() + operationId.slice(1);

const quote = (s: string) => JSON.stringify(s);
const union = (names: string[]) => names.map(quote).join(" | ");

interface OperationTypes {
  id: string;
  name: string;
  /** The types the input interface extends (none: the operation takes nothing). */
  parts: string[];
  /** The output type expression. */
  output: string;
  /** The input may be left out: nothing in it is required. */
  optionalInput: boolean;
  /** What the path form of ts.download takes, in openapi-fetch's shape ({ body }, { params: { path } }). */
  fetchInit: string;
}

/**
 * The schema type a body or answer schema is, when it is only a reference to a hoisted schema (`User`) or
 * an array of one (`User[]`): exactly what openapi-typescript writes for it as components["schemas"][…].
 */
function schemaTypeOf(schema: unknown, schemas: Set<string>): string | undefined {
  const ref = (s: unknown) => {
    if (!s || typeof s !== "object" || Object.keys(s).length !== 1) return undefined;
    const name = /^#\/components\/schemas\/([^/]+)$/.exec(String((s as Obj).$ref))?.[1];
    return name && schemas.has(name) ? name : undefined;
  };
  const s = schema as Obj | undefined;
  const arrayKeys = ["type", "items", "description"];
  if (s?.type === "array" && Object.keys(s).every((k) => arrayKeys.includes(k))) {
    const item = ref(s.items);
    return item && `${item}[]`;
  }
  return ref(s);
}

function operationTypes(
  api: "v1" | "v2",
  doc: Obj,
  table: Record<string, OperationRow>,
  schemas: Set<string>,
): OperationTypes[] {
  const walker = specWalker(doc);
  const byId = new Map(walker.operations().map((w) => [w.operationId, w]));
  return Object.entries(table).map(([id, row]) => {
    const walked = byId.get(id);
    if (!walked) throw new Error(`emit-api: ${id} is in the table but not in the spec`);
    const op = `operations[${quote(id)}]`;
    const params = walker.parameters(walked);
    const parts: string[] = [];
    if (row.pathParams) parts.push(`${op}["parameters"]["path"]`);
    if (row.queryParams) parts.push(`NonNullable<${op}["parameters"]["query"]>`);
    // Accept is set by the transport (the row's `accept`), never by the caller.
    if (row.headerParams) {
      parts.push(`Pick<NonNullable<${op}["parameters"]["header"]>, ${union(row.headerParams)}>`);
    }
    const requestBody = walker.resolve(walked.operation.requestBody);
    const medias = Object.keys(walker.requestContent(walked));
    const media = medias[0];
    let bodyRequired = false;
    const bodyType = media && schemaTypeOf(walker.requestContent(walked)[media]?.schema, schemas);
    if (media) {
      if (requestBody.required) {
        parts.push(bodyType ?? `${op}["requestBody"]["content"][${quote(media)}]`);
        const schema = walker.merged(walker.requestContent(walked)[media]?.schema);
        bodyRequired = ((schema.required as string[] | undefined) ?? []).length > 0;
      } else {
        // An optional body: each of its fields may be left out.
        parts.push(`Partial<${bodyType ?? `NonNullable<${op}["requestBody"]>["content"][${quote(media)}]`}>`);
      }
    }
    const paramRequired = params.some(
      (p) =>
        p.required === true &&
        p.in !== "cookie" &&
        !(p.in === "header" && /^accept$/i.test(p.name as string)),
    );

    const responses = (walked.operation.responses as Obj | undefined) ?? {};
    const outputs = SUCCESS.filter((code) => code in responses).flatMap((code) =>
      Object.entries((walker.resolve(responses[code]).content as Record<string, Obj> | undefined) ?? {}).map(
        ([m, content]) =>
          schemaTypeOf(content?.schema, schemas) ?? `${op}["responses"][${code}]["content"][${quote(m)}]`,
      ),
    );

    if (api === "v1") {
      // JSON-encoded fields also take the value itself (src/v1/encode.ts stringifies it).
      if (row.jsonFields?.length) {
        const all = parts.length > 1 ? parts.join(" & ") : (parts[0] ?? "{}");
        parts.splice(0, parts.length, `V1WidenJson<${all}, ${union(row.jsonFields)}>`);
      }
      const families = {
        filter: "V1RuntimeFilterInput",
        sort: "V1RuntimeSortInput",
        parameter: "V1RuntimeParameterInput",
      };
      for (const family of row.runtimeQuery ?? []) parts.push(families[family]);
    }
    const content = (body: string) => medias.map((m) => `${body}["content"][${quote(m)}]`).join(" | ");
    const fetchInit = [
      !media
        ? "body?: never"
        : requestBody.required
          ? `body: ${content(`${op}["requestBody"]`)}`
          : `body?: ${content(`NonNullable<${op}["requestBody"]>`)}`,
      ...(row.pathParams ? [`params: { path: ${op}["parameters"]["path"] }`] : []),
    ];
    return {
      id,
      name: typeNameOf(id),
      fetchInit: `{ ${fetchInit.join("; ")} }`,
      parts,
      // 200 and 201 often answer the same schema: named once (`ResponseMessage[]`, not twice).
      output: outputs.length ? [...new Set(outputs)].join(" | ") : "undefined",
      optionalInput: !paramRequired && !bodyRequired,
    };
  });
}

const jsdoc = (lines: string[], indent: string) =>
  ["/**", ...lines.map((l) => (l ? ` * ${l}` : " *")), " */"].map((l) => indent + l).join("\n");

/** The generated/<api>-api.ts source (without the generated header). */
export function emitApiTypes(
  api: "v1" | "v2",
  doc: Obj,
  table: Record<string, OperationRow>,
  docs: Map<string, string[]>,
  /** The schemas ./<api>.ts declares as top-level types (hoistedSchemas). */
  schemas: Set<string> = new Set(),
): string {
  const API = api.toUpperCase();
  const ops = operationTypes(api, doc, table, schemas);
  const names = new Map<string, string>();
  for (const o of ops) {
    const clash = names.get(o.name);
    if (clash) throw new Error(`emit-api: ${clash} and ${o.id} would both name ${o.name}Input`);
    names.set(o.name, o.id);
  }
  // The hoisted schema types the inputs and outputs name (quoted media types and keys are not names).
  const words = new Set(
    ops.flatMap(
      (o) =>
        [...o.parts, o.output]
          .join(" ")
          .replace(/"[^"]*"/g, "")
          .match(/[\w$]+/g) ?? [],
    ),
  );
  const used = [...schemas].filter((name) => words.has(name)).sort();
  const imports = [
    `import type { CallOptions } from "../src/core/types.js";`,
    ...(api === "v1"
      ? [
          `import type { V1RuntimeFilterInput, V1RuntimeParameterInput, V1RuntimeSortInput, V1WidenJson } from "../src/v1/types.js";`,
        ]
      : []),
    `import type { ${["operations", ...used].join(", ")} } from "./${api}.js";`,
  ];
  const types = ops.flatMap((o) => {
    // Type aliases, not interfaces: an interface extending its parts makes every consumer's lib check
    // compare it with each part, and hovers print the alias name in a method's signature anyway.
    const input = `export type ${o.name}Input = ${o.parts.length ? o.parts.join(" & ") : "{}"};`;
    return [
      `/** What \`${o.id}\` takes: its path, query and header parameters and body fields in one object. */`,
      input,
      `/** What \`${o.id}\` answers on success. */`,
      `export type ${o.name}Output = ${o.output};`,
      "",
    ];
  });
  const methods = ops.map((o) =>
    [
      jsdoc(docs.get(o.id) ?? [], "  "),
      `  ${o.id}(input${o.optionalInput ? "?" : ""}: ${o.name}Input, options?: CallOptions): Promise<${o.name}Output>;`,
    ].join("\n"),
  );
  const map = (suffix: string) => ops.map((o) => `  ${o.id}: ${o.name}${suffix};`).join("\n");
  // Per-feature maps keyed by exactly the operations with that flag, holding what the helpers' types read.
  // A helper's `K extends <API>Paginated` (= keyof the map) then indexes the map it is constrained by, which
  // TypeScript relates at once; indexing V2Inputs (181 keys) with it would compare K with every operationId
  // in a consumer's lib check. The maps also keep the operation tables out of the declarations.
  const feature = (
    flag: "page" | "streaming" | "binary",
    fields: (o: OperationTypes, row: OperationRow) => string[],
  ) =>
    ops
      .filter((o) => table[o.id]?.[flag])
      .map((o) => `  ${o.id}: { ${fields(o, table[o.id]!).join("; ")} };`);
  const pageAt = ({ page }: OperationRow) => [
    ...(page?.items ? [`items: ${quote(page.items)}`] : []),
    ...(page?.rows ? [`rows: ${quote(page.rows)}`] : []),
  ];
  const jsonFields = Object.entries(table).filter(([, row]) => row.jsonFields?.length);
  return [
    ...imports,
    "",
    ...types,
    // A type literal, not an interface: like the mapped type it replaces, it converts to
    // Record<string, unknown> (implicit index signature), so existing casts keep compiling.
    `/** ts.api.${api}: one method per ${API} operation, documented from ThoughtSpot's spec. */`,
    `export type ${API}Api = {`,
    methods.join("\n"),
    "};",
    "",
    `/**`,
    ` * The operations with a page rule (ts.paginate${api === "v1" ? "V1" : ""} walks them): path, input, output, and where`,
    " * a page's items (`items`) or data rows (`rows`) are.",
    " */",
    `export interface ${API}PagedOperations {`,
    ...feature("page", (o, row) => [
      `path: ${quote(row.path)}`,
      `input: ${o.name}Input`,
      `output: ${o.name}Output`,
      ...pageAt(row),
    ]),
    "}",
    "/** The paginated operations' ids. */",
    `export type ${API}Paginated = keyof ${API}PagedOperations;`,
    "/** Their paths → operationIds (ts.paginate's path form). */",
    `export interface ${API}PagedPaths {`,
    ...ops.filter((o) => table[o.id]?.page).map((o) => `  ${quote(table[o.id]!.path)}: ${quote(o.id)};`),
    "}",
    "",
    "/** The operations that answer text/event-stream (ts.stream), with their inputs. */",
    `export interface ${API}StreamingOperations {`,
    ...feature("streaming", (o) => [`input: ${o.name}Input`]),
    "}",
    "/** The streaming operations' ids. */",
    `export type ${API}Streaming = keyof ${API}StreamingOperations;`,
    "",
    "/** The operations that answer a file (ts.download): path and input. */",
    `export interface ${API}BinaryOperations {`,
    ...feature("binary", (o, row) => [`path: ${quote(row.path)}`, `input: ${o.name}Input`]),
    "}",
    "/** The binary operations' ids. */",
    `export type ${API}Binary = keyof ${API}BinaryOperations;`,
    "/** What ts.download's path form takes for each binary path: openapi-fetch's { body, params }. */",
    `export interface ${API}BinaryInits {`,
    ...ops.filter((o) => table[o.id]?.binary).map((o) => `  ${quote(table[o.id]!.path)}: ${o.fetchInit};`),
    "}",
    "",
    `/** Every ${API} operationId (the keys of ${api}Operations in ./${api}-operations.ts). */`,
    `export type ${API}OperationId = keyof ${API}Inputs;`,
    "",
    ...(api === "v1"
      ? [
          "/** The operations whose form fields carry JSON text, and those fields (ts.api.v1 encodes values for them). */",
          "export interface V1JsonFields {",
          ...jsonFields.map(([id, row]) => `  ${id}: ${union(row.jsonFields ?? [])};`),
          "}",
          "",
        ]
      : []),
    `/** operationId → what it takes (the Call port and the helpers read this). */`,
    `export interface ${API}Inputs {`,
    map("Input"),
    "}",
    "",
    `/** operationId → what it answers. */`,
    `export interface ${API}Outputs {`,
    map("Output"),
    "}",
    "",
  ].join("\n");
}

/** The names generated/<api>-api.ts declares (renderTypes keeps schemas with these names in components). */
export function apiTypeNames(source: string): string[] {
  return [...source.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!);
}
