// scripts/lib/public-declarations.ts on small declaration trees: what the entries reach stays as written
// (JSDoc included), internal declarations, unused import bindings and unreachable files go, and statement
// kinds it does not follow are kept. The trees are checked by tsc afterwards (no broken reference left).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import { keepPublicDeclarations, publicDeclarations } from "../../scripts/lib/public-declarations.js";

const tree = (files: Record<string, string>) => new Map(Object.entries(files));
const shake = (files: Record<string, string>, entries = ["index.d.ts"]) =>
  publicDeclarations(tree(files), entries).files;

/** TypeScript's lib files, parsed once for every check. */
const libs = new Map<string, ts.SourceFile | undefined>();

/** tsc's errors for the declaration files, checked as a consumer with skipLibCheck false would. */
function errors(files: ReadonlyMap<string, string>): string[] {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.fileExists = (f) => files.has(f.replace(/^\//, "")) || ts.sys.fileExists(f);
  host.readFile = (f) => files.get(f.replace(/^\//, "")) ?? ts.sys.readFile(f);
  host.directoryExists = (d) =>
    [...files.keys()].some((f) => `/${f}`.startsWith(`${d.replace(/\/$/, "")}/`)) ||
    ts.sys.directoryExists(d);
  host.getSourceFile = (f, target, ...rest) => {
    const text = files.get(f.replace(/^\//, ""));
    if (text !== undefined) return ts.createSourceFile(f, text, target);
    if (!libs.has(f)) libs.set(f, read(f, target, ...rest));
    return libs.get(f);
  };
  host.getCurrentDirectory = () => "/";
  const program = ts.createProgram(
    [...files.keys()].map((f) => `/${f}`),
    options,
    host,
  );
  // The tree's own files (TypeScript's libs are not what is tested).
  const diagnostics = [...files.keys()].flatMap((f) => {
    const file = program.getSourceFile(`/${f}`);
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  });
  return [...program.getOptionsDiagnostics(), ...diagnostics].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
}

const CALL = `/** The typed port every helper calls through. */
export interface Call {
    v2(operationId: string): Promise<unknown>;
}
/** Builds the port (internal). */
export declare function createCall(engine: Engine): Call;
export interface Engine {
    send(): void;
}
`;

describe("publicDeclarations", () => {
  it("keeps what the entries reach, with its JSDoc as written, and drops internal factories", () => {
    const metadata = `import type { Call, Engine } from "./call.js";
import { type Helper, helper } from "./helper.js";
type Walk = (page: number) => Helper;
/**
 * The metadata helpers of \`ts.metadata\`.
 * @example ts.metadata.search()
 */
export interface MetadataApi {
    search(walk: Walk): Promise<unknown>;
}
/** Internal: built by the client. */
export declare function createMetadataApi(call: Call, engine: Engine): MetadataApi;
type Unused = string;
export {};
`;
    const files = {
      "index.d.ts": `export type { MetadataApi } from "./metadata.js";\n`,
      "metadata.d.ts": metadata,
      "call.d.ts": CALL,
      "helper.d.ts": `export type Helper = { id: string };\nexport declare const helper: Helper;\n`,
    };
    const out = shake(files);

    // The local helper type Walk stays (MetadataApi uses it); Unused and the factory go, with the imports
    // only the factory used (and the unused value binding `helper`, keeping `type` as written).
    expect(out.get("metadata.d.ts")).toBe(`import { type Helper } from "./helper.js";
type Walk = (page: number) => Helper;
/**
 * The metadata helpers of \`ts.metadata\`.
 * @example ts.metadata.search()
 */
export interface MetadataApi {
    search(walk: Walk): Promise<unknown>;
}
export {};
`);
    // call.d.ts is reached by nothing any more; helper.d.ts keeps only Helper.
    expect(out.has("call.d.ts")).toBe(false);
    expect(out.get("helper.d.ts")).toBe("export type Helper = { id: string };\n");
    expect(out.get("index.d.ts")).toBe(files["index.d.ts"]);
    expect(errors(out)).toEqual([]);
  });

  it("follows merged declarations, default and namespace imports, and import() types", () => {
    const files = {
      "index.d.ts": `import Client, * as errors from "./client.js";
export declare function connect(): Client;
export declare function fail(): errors.ApiError;
export declare function find(): import("./org.js").Org;
`,
      "client.d.ts": `/** The client. */
export default interface Client {
    org: Org;
}
interface Org { id: number }
/** Merged with the interface below. */
export declare class ApiError {}
export interface ApiError { status: number }
export declare function internal(): void;
`,
      "org.d.ts": `export interface Org { id: number }\nexport declare function createOrg(): Org;\n`,
    };
    const out = shake(files);
    expect(out.get("index.d.ts")).toBe(files["index.d.ts"]);
    // The namespace import keeps every export of client.d.ts; the default export is always kept.
    expect(out.get("client.d.ts")).toBe(files["client.d.ts"]);
    expect(out.get("org.d.ts")).toBe("export interface Org { id: number }\n");
    expect(errors(out)).toEqual([]);
  });

  it("follows export * chains and named re-exports to the declarations they name", () => {
    const files = {
      "index.d.ts": `export type * from "./types/index.js";\nexport { v2Operations as operations } from "./table.js";\nexport * as tml from "./tml.js";\n`,
      "tml.d.ts": `export type Doc = { guid: string };\nexport declare function parseTml(text: string): Doc;\n`,
      "types/index.d.ts": `export * from "./a.js";\nexport type { B } from "./b.js";\n`,
      "types/a.d.ts": `export type A = 1;\ndeclare const local: 2;\nexport type AlsoA = typeof local;\n`,
      "types/b.d.ts": `export type B = 2;\nexport declare function makeB(): B;\n`,
      "table.d.ts": `import type { Row } from "./row.js";\nexport declare const v2Operations: Record<string, Row>;\nexport declare const v1Operations: Record<string, Row>;\n`,
      "row.d.ts": `export interface Row { path: string }\n`,
      "engine.d.ts": `import type { Row } from "./row.js";\nexport declare function send(row: Row): void;\n`,
    };
    const out = shake(files);
    expect(out.get("types/index.d.ts")).toBe(files["types/index.d.ts"]);
    expect(out.get("types/a.d.ts")).toBe(files["types/a.d.ts"]);
    expect(out.get("types/b.d.ts")).toBe("export type B = 2;\n");
    expect(out.get("table.d.ts")).toBe(
      `import type { Row } from "./row.js";\nexport declare const v2Operations: Record<string, Row>;\n`,
    );
    expect(out.get("tml.d.ts")).toBe(files["tml.d.ts"]);
    expect(out.has("engine.d.ts")).toBe(false);
    expect(errors(out)).toEqual([]);
  });

  it("keeps only the names of a re-export that something uses, and what they name", () => {
    const files = {
      "index.d.ts": `export type { StreamMethod } from "./streaming/index.js";\n`,
      // A barrel re-exporting a public type beside an internal function and what only it uses.
      "streaming/index.d.ts": `export { type StreamMethod, stream, type Parser } from "./stream.js";\nexport { readSse } from "./sse.js";\n`,
      "streaming/stream.d.ts": `import type { Call } from "../call.js";\nexport type StreamMethod = (id: string) => AsyncIterable<unknown>;\nexport interface Parser { feed(text: string): void }\nexport declare function stream(call: Call, id: string): AsyncIterable<unknown>;\n`,
      "streaming/sse.d.ts": `export declare function readSse(body: string): AsyncIterable<string>;\n`,
      "call.d.ts": `export interface Call { v2(id: string): Promise<unknown> }\n`,
    };
    const out = shake(files);
    expect(out.get("streaming/index.d.ts")).toBe(`export { type StreamMethod } from "./stream.js";\n`);
    expect(out.get("streaming/stream.d.ts")).toBe(
      `export type StreamMethod = (id: string) => AsyncIterable<unknown>;\n`,
    );
    expect(out.has("streaming/sse.d.ts")).toBe(false);
    expect(out.has("call.d.ts")).toBe(false);
    expect(errors(out)).toEqual([]);
  });

  it("does not take a member, parameter or property name for a reference to a declaration", () => {
    const files = {
      "index.d.ts": `export type { Client } from "./client.js";\n`,
      "client.d.ts": `import type { Engine } from "./engine.js";\nexport interface Client {\n    readonly stream: (engine: string) => void;\n    paginate(send: number): void;\n}\nexport declare function stream(engine: Engine): void;\nexport declare function send(): void;\n`,
      "engine.d.ts": `export interface Engine { run(): void }\n`,
    };
    const out = shake(files);
    expect(out.get("client.d.ts")).toBe(
      `export interface Client {\n    readonly stream: (engine: string) => void;\n    paginate(send: number): void;\n}\n`,
    );
    expect(out.has("engine.d.ts")).toBe(false);
    expect(errors(out)).toEqual([]);
  });

  it("keeps statement kinds it does not follow, their references, and their files", () => {
    const files = {
      "index.d.ts": `export declare const VERSION: string;\n`,
      "augment.d.ts": `import type { Options } from "./options.js";
declare global {
    interface Window { thoughtspot?: Options }
}
export declare function hidden(): void;
export {};
`,
      "options.d.ts": `export interface Options { url: string }\nexport declare function parse(): Options;\n`,
      "legacy.d.ts": `declare const legacy: { a: 1 };\nexport = legacy;\n`,
      "global.d.ts": `type Local = { a: 1 };
declare global {
    interface Window { local?: Local }
}
export declare function hidden(): void;
`,
      "dead.d.ts": `export declare function internal(): void;\n`,
      "plugin.d.ts": `import type { Base } from "./base.js";
declare module "./host.js" {
    interface Host { plugin: Base }
}
export {};
`,
      "host.d.ts": `export interface Host { name: string }\nexport declare function hostOf(): Host;\n`,
      "base.d.ts": `export type Base = 1;\nexport type Unused = 2;\n`,
    };
    const out = shake(files);
    expect(out.get("augment.d.ts")).toBe(`import type { Options } from "./options.js";
declare global {
    interface Window { thoughtspot?: Options }
}
export {};
`);
    expect(out.get("options.d.ts")).toBe("export interface Options { url: string }\n");
    expect(out.get("legacy.d.ts")).toBe(files["legacy.d.ts"]);
    // Without its only export the file must still be a module, or Local would become a global.
    expect(out.get("global.d.ts")).toBe(`type Local = { a: 1 };
declare global {
    interface Window { local?: Local }
}
export {};
`);
    // A module augmentation keeps the module it augments (all of its exports: it may merge with any).
    expect(out.get("plugin.d.ts")).toBe(files["plugin.d.ts"]);
    expect(out.get("host.d.ts")).toBe(files["host.d.ts"]);
    expect(out.get("base.d.ts")).toBe("export type Base = 1;\n");
    expect(out.has("dead.d.ts")).toBe(false);
    expect(errors(out)).toEqual([]);
  });

  it("keeps triple-slash directives on top when the statement they led is dropped", () => {
    const files = {
      "index.d.ts": `/// <reference lib="es2022" />\nimport type { Shape } from "./shape.js";\nexport declare function area(s: Shape): number;\n`,
      "shape.d.ts": `/// <reference lib="es2022" />\nimport type { Hidden } from "./hidden.js";\nexport type Shape = { kind: string };\nexport declare function internal(h: Hidden): void;\n`,
      "hidden.d.ts": "export type Hidden = 1;\n",
    };
    const out = shake(files);
    expect(out.get("shape.d.ts")).toBe(
      `/// <reference lib="es2022" />\nexport type Shape = { kind: string };\n`,
    );
    expect(out.has("hidden.d.ts")).toBe(false);
    expect(errors(out)).toEqual([]);
  });

  it("(the check these tests use sees a reference left broken)", () => {
    const broken = { "index.d.ts": `import type { Engine } from "./engine.js";\nexport type E = Engine;\n` };
    expect(errors(tree(broken))).toEqual([expect.stringMatching(/Cannot find module '\.\/engine\.js'/)]);
  });

  it("refuses an entry that is not in the tree", () => {
    expect(() => shake({ "index.d.ts": "export {};\n" }, ["v1.d.ts"])).toThrow(/v1\.d\.ts/);
  });
});

describe("keepPublicDeclarations", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("rewrites the tree in place and deletes unreachable files, their maps and emptied folders", () => {
    dir = mkdtempSync(join(tmpdir(), "public-declarations-"));
    const files: Record<string, string> = {
      "src/index.d.ts": `export type { Call } from "./core/call.js";\n`,
      "src/core/call.d.ts": CALL,
      "src/internal/engine.d.ts": `import type { Call } from "../core/call.js";\nexport declare function run(call: Call): void;\n`,
      "src/internal/engine.d.ts.map": "{}",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = keepPublicDeclarations(dir, ["src/index.d.ts"]);

    expect(result.removed).toEqual(["src/internal/engine.d.ts"]);
    expect(result.kept).toBe(2);
    // createCall and Engine in call.d.ts, and run with its import in engine.d.ts.
    expect(result.droppedStatements).toBe(4);
    expect(existsSync(join(dir, "src/internal"))).toBe(false);
    expect(
      readFileSync(join(dir, "src/core/call.d.ts"), "utf8"),
    ).toBe(`/** The typed port every helper calls through. */
export interface Call {
    v2(operationId: string): Promise<unknown>;
}
`);
    expect(readFileSync(join(dir, "src/index.d.ts"), "utf8")).toBe(files["src/index.d.ts"]);
  });
});
