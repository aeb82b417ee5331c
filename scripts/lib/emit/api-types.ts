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
}

function operationTypes(api: "v1" | "v2", doc: Obj, table: Record<string, OperationRow>): OperationTypes[] {
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
    const media = Object.keys(walker.requestContent(walked))[0];
    let bodyRequired = false;
    if (media) {
      if (requestBody.required) {
        parts.push(`${op}["requestBody"]["content"][${quote(media)}]`);
        const schema = walker.merged(walker.requestContent(walked)[media]?.schema);
        bodyRequired = ((schema.required as string[] | undefined) ?? []).length > 0;
      } else {
        // An optional body: each of its fields may be left out.
        parts.push(`Partial<NonNullable<${op}["requestBody"]>["content"][${quote(media)}]>`);
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
      Object.keys((walker.resolve(responses[code]).content as Obj | undefined) ?? {}).map(
        (m) => `${op}["responses"][${code}]["content"][${quote(m)}]`,
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
    return {
      id,
      name: typeNameOf(id),
      parts,
      output: outputs.length ? outputs.join(" | ") : "undefined",
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
): string {
  const API = api.toUpperCase();
  const ops = operationTypes(api, doc, table);
  const names = new Map<string, string>();
  for (const o of ops) {
    const clash = names.get(o.name);
    if (clash) throw new Error(`emit-api: ${clash} and ${o.id} would both name ${o.name}Input`);
    names.set(o.name, o.id);
  }
  const imports = [
    `import type { CallOptions } from "../src/core/types.js";`,
    ...(api === "v1"
      ? [
          `import type { V1RuntimeFilterInput, V1RuntimeParameterInput, V1RuntimeSortInput, V1WidenJson } from "../src/v1/types.js";`,
        ]
      : []),
    `import type { operations } from "./${api}.js";`,
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
  // The operationIds with a flag, written out: a consumer's type-check then never filters the table's
  // keys through a conditional type (ts.paginate, ts.stream and ts.download take these).
  const ids = (flag: "page" | "streaming" | "binary") => {
    const found = Object.entries(table).filter(([, row]) => row[flag]);
    return found.length ? found.map(([id]) => quote(id)).join(" | ") : "never";
  };
  // The few table facts the helpers' types read, as small maps: declarations that import these never
  // pull the whole operation table (a 7 000-node literal type) into a consumer's lib check.
  const rows = (flag: "page" | "binary" | "jsonFields", entry: (row: OperationRow) => string) =>
    Object.entries(table)
      .filter(([, row]) => row[flag])
      .map(([id, row]) => `  ${id}: ${entry(row)};`);
  const pageRule = (row: OperationRow) => {
    const { items, rows: rowsAt } = row.page ?? {};
    const at = [items && `items: ${quote(items)}`, rowsAt && `rows: ${quote(rowsAt)}`].filter(Boolean);
    return `{ ${[`path: ${quote(row.path)}`, ...at].join("; ")} }`;
  };
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
    `/** The operations with a page rule (ts.paginate${api === "v1" ? "V1" : ""} walks them). */`,
    `export type ${API}Paginated = ${ids("page")};`,
    "",
    `/** The operations that answer text/event-stream. */`,
    `export type ${API}Streaming = ${ids("streaming")};`,
    "",
    `/** The operations that answer a file (ts.download). */`,
    `export type ${API}Binary = ${ids("binary")};`,
    "",
    `/** Every ${API} operationId (the keys of ${api}Operations in ./${api}-operations.ts). */`,
    `export type ${API}OperationId = keyof ${API}Inputs;`,
    "",
    `/** The paginated operations' paths, and where a page's items are (\`items\`) or its data rows (\`rows\`). */`,
    `export interface ${API}PageRules {`,
    ...rows("page", pageRule),
    "}",
    "",
    `/** The operations that answer a file, by path (ts.download's path form). */`,
    `export interface ${API}BinaryPaths {`,
    ...rows("binary", (row) => quote(row.path)),
    "}",
    "",
    ...(api === "v1"
      ? [
          "/** The operations whose form fields carry JSON text, and those fields (ts.api.v1 encodes values for them). */",
          "export interface V1JsonFields {",
          ...rows("jsonFields", (row) => union(row.jsonFields ?? [])),
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
