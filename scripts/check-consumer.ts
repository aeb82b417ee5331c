// Checks the packed package as a consumer sees it: a tarball (the one scripts/release-dry-run.ts made from a
// fresh copy, or `npm pack` of this checkout) installed into a temporary project, then
// tsc on files that import every entry (., /v1, /v2, /tml, /testing) with moduleResolution node10, node16
// (ESM and CommonJS), nodenext and bundler, and for bundler and node16 CommonJS with skipLibCheck false too
// (a broken reference left in the shipped declarations fails). Valid calls (free-form objects included)
// must compile, typos must be errors (@ts-expect-error), hovering an operation must show its generated
// docs, and internal factories must not be shipped in the declarations.
// Run: npx tsx scripts/check-consumer.ts [--tarball <file>] [--no-build]   (npm run check:package calls
// checkConsumer with the release dry run's tarball)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { installTypeScript, prepareConsumer, ROOT } from "../bench/consumer.js";

const USE = `
const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com", auth: { token: "t" } });

export async function valid() {
  const users = await ts.api.v2.searchUsers({ record_size: 10 });
  const props = users[0]?.extended_properties;
  const department: unknown = props?.department;
  await ts.api.v2.createUser({ name: "jane", display_name: "Jane", email: "j@example.com", extended_properties: { department: "Sales" } });
  await ts.api.v2.exportAnswerReport({ metadata_identifier: "g", runtime_filter: { col1: "Region", op1: "IN", val1: ["East"] } });
  const { data } = await ts.v2.POST("/api/rest/2.0/metadata/search", { body: { metadata: [{ type: "LIVEBOARD" }] } });
  await ts.v1.GET("/tspublic/v1/metadata/listobjectheaders", { params: { query: { type: "PINBOARD_ANSWER_BOOK" } } });
  const body: SearchUsersBody = { record_size: 1 };
  const info: V1Info | undefined = undefined;
  const doc: TmlDocument = parseTml("guid: g\\nliveboard:\\n  name: x\\n");
  const mock = startMockThoughtSpot;
  return [department, data, body, info, doc, mock, v2Operations.searchUsers.path, v1Operations.sessionInfo.path];
}

export function typos() {
  // @ts-expect-error user_identifer is not a field
  ts.v2.POST("/api/rest/2.0/users/search", { body: { user_identifer: "x" } });
  // @ts-expect-error typ is not a field of a metadata entry
  ts.v2.POST("/api/rest/2.0/metadata/search", { body: { metadata: [{ typ: "LIVEBOARD" }] } });
  // @ts-expect-error typ is not a field of a metadata entry
  ts.api.v2.searchMetadata({ metadata: [{ typ: "LIVEBOARD" }] });
  // @ts-expect-error a free-form response object is not a number
  const n: number = ts.api.v2.searchUsers().then((u) => u[0]!.extended_properties!.x);
  return n;
}
`;

const ESM = `import { createThoughtSpotClient } from "thoughtspot-rest-api";
import type { operations as V1Ops } from "thoughtspot-rest-api/v1";
import { v1Operations } from "thoughtspot-rest-api/v1";
import type { operations } from "thoughtspot-rest-api/v2";
import { v2Operations } from "thoughtspot-rest-api/v2";
import { parseTml, type TmlDocument } from "thoughtspot-rest-api/tml";
import { startMockThoughtSpot } from "thoughtspot-rest-api/testing";
type SearchUsersBody = operations["searchUsers"]["requestBody"]["content"]["application/json"];
type V1Info = V1Ops["sessionInfo"]["responses"];
${USE}`;

// CommonJS consumers write the same imports; tsc compiles them to require() and resolves the require types.
const CJS = ESM;

interface Variant {
  name: string;
  dir: "esm" | "cjs";
  module: string;
  moduleResolution: string;
  /** skipLibCheck false: every declaration file the consumer's program reaches is checked too. */
  libCheck?: true;
  /** Checked by TypeScript 5.0 (see oldestTypeScript), not the repository's. */
  oldest?: true;
}
const VARIANTS: Variant[] = [
  { name: "bundler", dir: "esm", module: "ESNext", moduleResolution: "Bundler" },
  { name: "node16 (ESM)", dir: "esm", module: "Node16", moduleResolution: "Node16" },
  { name: "nodenext (ESM)", dir: "esm", module: "NodeNext", moduleResolution: "NodeNext" },
  { name: "node16 (CommonJS)", dir: "cjs", module: "Node16", moduleResolution: "Node16" },
  { name: "node10 (CommonJS)", dir: "cjs", module: "CommonJS", moduleResolution: "Node10" },
  {
    name: "bundler, skipLibCheck false, TypeScript 5.0",
    dir: "esm",
    module: "ESNext",
    moduleResolution: "Bundler",
    libCheck: true,
    oldest: true,
  },
  {
    name: "bundler, skipLibCheck false",
    dir: "esm",
    module: "ESNext",
    moduleResolution: "Bundler",
    libCheck: true,
  },
  {
    name: "node16 (CommonJS), skipLibCheck false",
    dir: "cjs",
    module: "Node16",
    moduleResolution: "Node16",
    libCheck: true,
  },
];

/**
 * Internal factories (src/) that the shipped declarations must not carry: scripts/lib/public-declarations.ts
 * keeps only what the entries reach. Each must still be declared in src/, or the check would pass vacuously.
 */
const INTERNAL = [
  { name: "createCall", source: "src/core/call.ts" },
  { name: "createMetadataApi", source: "src/metadata/api.ts" },
];

function tsconfig(v: Variant) {
  return {
    compilerOptions: {
      target: "ES2022",
      module: v.module,
      moduleResolution: v.moduleResolution,
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      skipLibCheck: !v.libCheck,
      // The package's declarations are what the lib check is for; TypeScript's own libs need no check.
      skipDefaultLibCheck: true,
      noEmit: true,
      // TypeScript 5.9 warns that node10 is deprecated; the check is that it still resolves.
      ...(v.moduleResolution === "Node10" && { ignoreDeprecations: "5.0" }),
    },
    files: ["consumer.ts"],
  };
}

// Parsed declaration files, shared by the variants that read the same tree (dist/types/esm or cjs).
const parsed = new Map<string, ts.SourceFile>();

// The oldest TypeScript 5 release, pinned: consumers on any 5.x must be able to read the declarations.
// Installed on first use into node_modules/.cache (a devDependency alias would take over the `tsc` command).
const OLDEST = "5.0.4";
function oldestTypeScript(): typeof ts {
  const dir = installTypeScript(OLDEST, join(ROOT, "node_modules", ".cache", `typescript-${OLDEST}`));
  return createRequire(join(dir, "package.json"))("./lib/typescript.js") as typeof ts;
}

/** Type-checks one variant in process (as tsc -p would); the formatted errors, or "" when clean. */
function check(dir: string, v: Variant): string {
  const compiler = v.oldest ? oldestTypeScript() : ts;
  const options = compiler.convertCompilerOptionsFromJson(tsconfig(v).compilerOptions, dir).options;
  const host = compiler.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, target, ...rest) => {
    const key = `${compiler.version} ${name} ${JSON.stringify(target)}`;
    let file = parsed.get(key);
    if (!file) {
      file = read(name, target, ...rest);
      if (file && name.includes("node_modules")) parsed.set(key, file);
    }
    return file;
  };
  const program = compiler.createProgram([join(dir, "consumer.ts")], options, host);
  const diagnostics = compiler.getPreEmitDiagnostics(program);
  return diagnostics.length ? compiler.formatDiagnostics(diagnostics, host) : "";
}

/** A language service over one consumer file, as an editor would run it. */
function editor(dir: string, file: string, options: ts.CompilerOptions): ts.LanguageService {
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  return ts.createLanguageService(host);
}

/** Where `needle` ends in the file (the position an editor's cursor would be on). */
const at = (file: string, needle: string) => ts.sys.readFile(file)!.indexOf(needle) + needle.length - 1;

/** The hover text of the last identifier of `needle`. */
function hover(service: ts.LanguageService, file: string, needle: string): string {
  const info = service.getQuickInfoAtPosition(file, at(file, needle));
  return [
    ts.displayPartsToString(info?.displayParts),
    ts.displayPartsToString(info?.documentation),
    ...(info?.tags ?? []).map((t) => ts.displayPartsToString(t.text)),
  ].join("\n");
}

/**
 * Installs `tarball` (or packs this checkout) into a temporary consumer project and type-checks it; true
 * when every check passed (failures are printed).
 */
export function checkConsumer({
  tarball,
  build = true,
}: {
  tarball?: string;
  build?: boolean;
} = {}): boolean {
  const root = mkdtempSync(join(tmpdir(), "ts-rest-api-consumer-"));
  const dir = join(root, "consumer");
  try {
    prepareConsumer({ build, quiet: true, dir, ...(tarball && { tarball }) });
    mkdirSync(join(dir, "esm"));
    mkdirSync(join(dir, "cjs"));
    writeFileSync(join(dir, "esm", "package.json"), `${JSON.stringify({ type: "module" })}\n`);
    writeFileSync(join(dir, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
    writeFileSync(join(dir, "esm", "consumer.ts"), ESM);
    writeFileSync(join(dir, "cjs", "consumer.ts"), CJS);

    const failures: string[] = [];
    for (const v of VARIANTS) {
      const errors = check(join(dir, v.dir), v);
      console.log(`${errors ? "FAIL" : "ok  "} ${v.name}`);
      if (errors) failures.push(`${v.name}:\n${errors}`);
    }

    // A consumer of the root entry alone never loads the operation tables or the route indexes (literal
    // types for ./v1 and ./v2 users): a `skipLibCheck: false` check stays on what the root describes.
    writeFileSync(
      join(dir, "esm", "root-only.ts"),
      'import { createThoughtSpotClient } from "thoughtspot-rest-api";\nexport const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });\n',
    );
    const rootOptions = ts.convertCompilerOptionsFromJson(
      { ...tsconfig(VARIANTS[0]!).compilerOptions, skipLibCheck: false },
      dir,
    ).options;
    const rootProgram = ts.createProgram([join(dir, "esm", "root-only.ts")], rootOptions);
    const tables = rootProgram
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((f) => /generated\/v[12]-(operations|routes)\.d\.ts$/.test(f));
    const rootErrors = ts.getPreEmitDiagnostics(rootProgram).length;
    const rootOk = tables.length === 0 && rootErrors === 0;
    console.log(
      `${rootOk ? "ok  " : "FAIL"} the root entry alone loads no operation table (skipLibCheck false, ${rootProgram.getSourceFiles().length} files)`,
    );
    if (!rootOk) failures.push(`root entry: ${rootErrors} errors; loads ${tables.join(", ") || "no table"}`);

    // Only the public surface ships: internal factories are absent from every declaration file.
    const typesDir = join(dir, "node_modules/thoughtspot-rest-api/dist/types");
    const declarations = readdirSync(typesDir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".d.ts"))
      .map((f) => ({ file: f, text: readFileSync(join(typesDir, f), "utf8") }));
    for (const { name, source } of INTERNAL) {
      const word = new RegExp(`\\b${name}\\b`);
      const declared = new RegExp(`export (async )?function ${name}\\b`).test(
        readFileSync(join(ROOT, source), "utf8"),
      );
      const shipped = declarations.filter((d) => word.test(d.text)).map((d) => d.file);
      const ok = declared && shipped.length === 0;
      console.log(
        `${ok ? "ok  " : "FAIL"} the internal ${name} (${source}) is not in the shipped declarations`,
      );
      if (!ok) {
        failures.push(
          declared ? `${name} is shipped in ${shipped.join(", ")}` : `${source} no longer declares ${name}`,
        );
      }
    }

    // Docs on hover, in the installed package (bundler resolution).
    const options = ts.convertCompilerOptionsFromJson(tsconfig(VARIANTS[0]!).compilerOptions, dir).options;
    const file = join(dir, "esm", "consumer.ts");
    const service = editor(join(dir, "esm"), file, options);
    const docs = hover(service, file, "ts.api.v2.searchUsers");
    const wanted = [
      // The signature names the input and the result (generated/v2-api.d.ts), then the docs.
      /searchUsers\(input\?: SearchUsersInput, options\?: CallOptions\): Promise<SearchUsersOutput>/,
      /Available from \d+\.\d+\.\d+\.cl/,
      /restV2-playground\?apiResourceId=/,
      /`POST \/api\/rest\/2\.0\/users\/search`/,
    ];
    const missing = wanted.filter((re) => !re.test(docs));
    console.log(
      `${missing.length ? "FAIL" : "ok  "} hover on ts.api.v2.searchUsers shows the operation's docs`,
    );
    if (missing.length) failures.push(`hover text lacks ${missing.join(", ")}:\n${docs}`);

    // Go-to-definition lands in readable files named like the sources, without content hashes.
    for (const [needle, wantedFile] of [
      ["createThoughtSpotClient", "dist/types/esm/src/client.d.ts"],
      // The documented method of the generated ts.api.v2 type (its input and output are named there).
      ["ts.api.v2.searchUsers", "dist/types/esm/generated/v2-api.d.ts"],
      ["parseTml", "dist/types/esm/src/tml/document.d.ts"],
    ] as const) {
      const targets = (service.getDefinitionAtPosition(file, at(file, needle)) ?? []).map((d) => d.fileName);
      const ok = targets.some((t) => t.endsWith(`node_modules/thoughtspot-rest-api/${wantedFile}`));
      console.log(`${ok ? "ok  " : "FAIL"} go to definition of ${needle} → ${wantedFile}`);
      if (!ok) failures.push(`go to definition of ${needle} lands in ${targets.join(", ") || "nothing"}`);
    }

    // The command the package installs (package.json "bin"), run from the installed files as npx would.
    const bin = (
      JSON.parse(readFileSync(join(dir, "node_modules/thoughtspot-rest-api/package.json"), "utf8")) as {
        bin?: Record<string, string>;
      }
    ).bin?.["thoughtspot-rest-api"];
    const command = (args: string[]) =>
      spawnSync(
        process.execPath,
        [join(dir, "node_modules/thoughtspot-rest-api", bin ?? "missing"), ...args],
        {
          cwd: dir,
          encoding: "utf8",
          // No TS_* credentials: nothing may be sent anywhere.
          env: { PATH: process.env.PATH ?? "" },
          timeout: 30_000,
        },
      );
    const help = command(["--help"]);
    const helpOk = help.status === 0 && /tml deploy/.test(help.stdout);
    console.log(`${helpOk ? "ok  " : "FAIL"} npx thoughtspot-rest-api --help (the installed bin)`);
    if (!helpOk)
      failures.push(`thoughtspot-rest-api --help: exit ${help.status}\n${help.stdout}${help.stderr}`);
    const usage = command(["tml", "export", "Sales", "--out", join(dir, "exported")]);
    const usageOk = usage.status === 2 && /TS_SERVER_URL/.test(usage.stderr);
    console.log(
      `${usageOk ? "ok  " : "FAIL"} the installed bin without credentials exits 2, naming TS_SERVER_URL`,
    );
    if (!usageOk) failures.push(`thoughtspot-rest-api tml export: exit ${usage.status}\n${usage.stderr}`);

    if (failures.length) console.error(`\n${failures.join("\n\n")}`);
    return failures.length === 0;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--tarball");
  const tarball = at > 0 ? process.argv[at + 1] : undefined;
  if (
    !checkConsumer({
      build: !process.argv.includes("--no-build"),
      ...(tarball && { tarball: resolve(tarball) }),
    })
  ) {
    process.exitCode = 1;
  }
}
