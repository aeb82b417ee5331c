// What the SDK's types cost a consumer's type-check. In the consumer project of bench/consumer.ts (the
// packed package installed), `with-sdk.ts` calls 20 V2 operations through ts.api.v2 and 4 through the raw
// ts.v2.POST/GET (`with-sdk-raw.ts` has only those 4: budget ≤ 5 000 instantiations); `baseline.ts` has
// the same number of functions and awaits on local typed stubs. Each is
// checked alone with `tsc --noEmit` (strict, --skipLibCheck), moduleResolution bundler and node16, with
// TypeScript 5.9 (the repository's) and TypeScript 7 (bench/.out/ts7, installed on first run).
// Side by side with ThoughtSpot's own SDK (@thoughtspot/rest-api-sdk, installed into bench/.out/tsdk on
// first run, never a dependency): the same 10 operations through each, with `skipLibCheck` false (every
// declaration file of the package is checked too) and true, against a file that imports nothing; then
// where that lib check goes (warm CPU time and syntax nodes per part of the program: libs, this SDK's
// generated V2 / V1 / src declarations, ThoughtSpot's).
// Run: npm run bench:typecheck   (-- --runs 5 --no-build; --libcheck-only runs only the side-by-side part)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { median } from "./args.js";
import { CONSUMER, installTypeScript, OUT, prepareConsumer, ROOT } from "./consumer.js";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const TS7_VERSION = "7.0.2";
const TS7_DIR = join(OUT, "ts7");
const TSDK_DIR = join(OUT, "tsdk");
const TSDK_PACKAGE = "@thoughtspot/rest-api-sdk";
const TARGET_MS = { "5.9": 500, "7": 150 } as const;

const withSdk = `import { createThoughtSpotClient } from "thoughtspot-rest-api";

const ts = createThoughtSpotClient({
  serverUrl: "https://example.thoughtspot.cloud",
  auth: { username: "admin", password: "secret" },
});

export async function f01() { const r = await ts.api.v2.searchUsers({ record_size: 10, user_identifier: "alice" }); return r.length; }
export async function f02() { const r = await ts.api.v2.searchMetadata({ metadata: [{ type: "LIVEBOARD" }], record_size: 5 }); return r.map((m) => m.metadata_id); }
export async function f03() { const r = await ts.api.v2.getCurrentUserInfo(); return r.name; }
export async function f04() { const r = await ts.api.v2.getSystemInformation(); return r.release_version; }
export async function f05() { const r = await ts.api.v2.searchUserGroups({ group_identifier: "analysts" }); return r.length; }
export async function f06() { const r = await ts.api.v2.searchOrgs({ visibility: "SHOW" }); return r.length; }
export async function f07() { const r = await ts.api.v2.searchTags({ name_pattern: "fin%" }); return r.length; }
export async function f08() { const r = await ts.api.v2.createTag({ name: "finance", color: "#ff0000" }); return r.id; }
export async function f09() { await ts.api.v2.deleteTag({ tag_identifier: "finance" }); return true; }
export async function f10() { const r = await ts.api.v2.searchConnection({ data_warehouse_types: ["SNOWFLAKE"] }); return r.length; }
export async function f11() { const r = await ts.api.v2.exportMetadataTML({ metadata: [{ identifier: "guid-1" }], export_fqn: true }); return r.length; }
export async function f12() { const r = await ts.api.v2.searchData({ query_string: "[sales] by [region]", logical_table_identifier: "guid-2" }); return r.contents; }
export async function f13() { const r = await ts.api.v2.fetchLiveboardData({ metadata_identifier: "guid-3", record_size: 100 }); return r.contents; }
export async function f14() { const r = await ts.api.v2.fetchAnswerData({ metadata_identifier: "guid-4" }); return r.contents; }
export async function f15() { const r = await ts.api.v2.getCurrentUserToken(); return r.token; }
export async function f16() { const r = await ts.api.v2.searchRoles({ role_identifiers: ["r1"] }); return r.length; }
export async function f17() { const r = await ts.api.v2.searchSchedules({ record_size: 10 }); return r.length; }
export async function f18() { const r = await ts.api.v2.searchCustomActions({ name_pattern: "x" }); return r.length; }
export async function f19() { const r = await ts.api.v2.createUser({ name: "bob", display_name: "Bob", email: "bob@example.com", password: "pw" }); return r.id; }
export async function f20() { await ts.api.v2.updateUser({ user_identifier: "bob", display_name: "Robert" }); return true; }
export async function f21() { const { data, error } = await ts.v2.POST("/api/rest/2.0/users/search", { body: { record_size: 10 } }); return error ? 0 : (data?.length ?? 0); }
export async function f22() { const { data } = await ts.v2.POST("/api/rest/2.0/metadata/search", { body: { metadata: [{ type: "LOGICAL_TABLE" }] } }); return data?.length; }
export async function f23() { const { data } = await ts.v2.GET("/api/rest/2.0/system"); return data?.release_version; }
export async function f24() { const { data } = await ts.v2.POST("/api/rest/2.0/tags/{tag_identifier}/delete", { params: { path: { tag_identifier: "finance" } } }); return data; }
`;

// The same shape without the SDK: a client object of local typed stubs, the same functions and awaits.
const baseline = `interface User { id: string; name: string; display_name: string }
interface Tag { id: string; name: string; color?: string }
interface Meta { metadata_id: string; metadata_name: string }
interface Data { contents: { column_names: string[]; data_rows: unknown[][] }[] }
interface Search { record_size?: number; record_offset?: number; name_pattern?: string }
interface Result<T> { data?: T; error?: unknown; response: Response }

const ts = {
  api: {
    v2: {
      searchUsers: async (_: Search & { user_identifier?: string }): Promise<User[]> => [],
      searchMetadata: async (_: Search & { metadata: { type: "LIVEBOARD" | "ANSWER" }[] }): Promise<Meta[]> => [],
      getCurrentUserInfo: async (): Promise<User> => ({ id: "", name: "", display_name: "" }),
      getSystemInformation: async (): Promise<{ release_version?: string }> => ({}),
      searchUserGroups: async (_: Search & { group_identifier?: string }): Promise<User[]> => [],
      searchOrgs: async (_: { visibility?: "SHOW" | "HIDDEN" }): Promise<User[]> => [],
      searchTags: async (_: Search): Promise<Tag[]> => [],
      createTag: async (_: { name: string; color?: string }): Promise<Tag> => ({ id: "", name: "" }),
      deleteTag: async (_: { tag_identifier: string }): Promise<void> => {},
      searchConnection: async (_: { data_warehouse_types?: string[] }): Promise<User[]> => [],
      exportMetadataTML: async (_: { metadata: { identifier: string }[]; export_fqn?: boolean }): Promise<unknown[]> => [],
      searchData: async (_: { query_string: string; logical_table_identifier: string }): Promise<Data> => ({ contents: [] }),
      fetchLiveboardData: async (_: Search & { metadata_identifier: string }): Promise<Data> => ({ contents: [] }),
      fetchAnswerData: async (_: Search & { metadata_identifier: string }): Promise<Data> => ({ contents: [] }),
      getCurrentUserToken: async (): Promise<{ token: string }> => ({ token: "" }),
      searchRoles: async (_: { role_identifiers?: string[] }): Promise<User[]> => [],
      searchSchedules: async (_: Search): Promise<User[]> => [],
      searchCustomActions: async (_: Search): Promise<User[]> => [],
      createUser: async (_: { name: string; display_name: string; email: string; password?: string }): Promise<User> => ({ id: "", name: "", display_name: "" }),
      updateUser: async (_: { user_identifier: string; display_name?: string }): Promise<void> => {},
    },
  },
  v2: {
    POST: async <T>(_path: string, _init: { body?: unknown; params?: { path?: Record<string, string> } }): Promise<Result<T>> => ({ response: new Response() }),
    GET: async <T>(_path: string): Promise<Result<T>> => ({ response: new Response() }),
  },
};

export async function f01() { const r = await ts.api.v2.searchUsers({ record_size: 10, user_identifier: "alice" }); return r.length; }
export async function f02() { const r = await ts.api.v2.searchMetadata({ metadata: [{ type: "LIVEBOARD" }], record_size: 5 }); return r.map((m) => m.metadata_id); }
export async function f03() { const r = await ts.api.v2.getCurrentUserInfo(); return r.name; }
export async function f04() { const r = await ts.api.v2.getSystemInformation(); return r.release_version; }
export async function f05() { const r = await ts.api.v2.searchUserGroups({ group_identifier: "analysts" }); return r.length; }
export async function f06() { const r = await ts.api.v2.searchOrgs({ visibility: "SHOW" }); return r.length; }
export async function f07() { const r = await ts.api.v2.searchTags({ name_pattern: "fin%" }); return r.length; }
export async function f08() { const r = await ts.api.v2.createTag({ name: "finance", color: "#ff0000" }); return r.id; }
export async function f09() { await ts.api.v2.deleteTag({ tag_identifier: "finance" }); return true; }
export async function f10() { const r = await ts.api.v2.searchConnection({ data_warehouse_types: ["SNOWFLAKE"] }); return r.length; }
export async function f11() { const r = await ts.api.v2.exportMetadataTML({ metadata: [{ identifier: "guid-1" }], export_fqn: true }); return r.length; }
export async function f12() { const r = await ts.api.v2.searchData({ query_string: "[sales] by [region]", logical_table_identifier: "guid-2" }); return r.contents; }
export async function f13() { const r = await ts.api.v2.fetchLiveboardData({ metadata_identifier: "guid-3", record_size: 100 }); return r.contents; }
export async function f14() { const r = await ts.api.v2.fetchAnswerData({ metadata_identifier: "guid-4" }); return r.contents; }
export async function f15() { const r = await ts.api.v2.getCurrentUserToken(); return r.token; }
export async function f16() { const r = await ts.api.v2.searchRoles({ role_identifiers: ["r1"] }); return r.length; }
export async function f17() { const r = await ts.api.v2.searchSchedules({ record_size: 10 }); return r.length; }
export async function f18() { const r = await ts.api.v2.searchCustomActions({ name_pattern: "x" }); return r.length; }
export async function f19() { const r = await ts.api.v2.createUser({ name: "bob", display_name: "Bob", email: "bob@example.com", password: "pw" }); return r.id; }
export async function f20() { await ts.api.v2.updateUser({ user_identifier: "bob", display_name: "Robert" }); return true; }
export async function f21() { const { data, error } = await ts.v2.POST<User[]>("/api/rest/2.0/users/search", { body: { record_size: 10 } }); return error ? 0 : (data?.length ?? 0); }
export async function f22() { const { data } = await ts.v2.POST<Meta[]>("/api/rest/2.0/metadata/search", { body: { metadata: [{ type: "LOGICAL_TABLE" }] } }); return data?.length; }
export async function f23() { const { data } = await ts.v2.GET<{ release_version?: string }>("/api/rest/2.0/system"); return data?.release_version; }
export async function f24() { const { data } = await ts.v2.POST<unknown>("/api/rest/2.0/tags/{tag_identifier}/delete", { params: { path: { tag_identifier: "finance" } } }); return data; }
`;

// A deliberate mistake: createTag without its required name, and a wrong enum value.
const broken = `import { createThoughtSpotClient } from "thoughtspot-rest-api";
const ts = createThoughtSpotClient({ serverUrl: "https://example.thoughtspot.cloud", auth: { token: "t" } });
export const a = ts.api.v2.createTag({ color: "#ff0000" });
export const b = ts.api.v2.searchMetadata({ metadata: [{ type: "NOT_A_TYPE" }] });
`;

// Ten operations with typed inputs and outputs used, through this SDK and through ThoughtSpot's.
const TEN_CALLS = [
  ["searchUsers", '{ record_size: 10, user_identifier: "alice" }', "r.length"],
  ["searchMetadata", '{ metadata: [{ type: "LIVEBOARD" }], record_size: 5 }', "r.map((m) => m.metadata_id)"],
  ["getCurrentUserInfo", "", "r.name"],
  ["getSystemInformation", "", "r.release_version"],
  ["searchUserGroups", '{ group_identifier: "analysts" }', "r.length"],
  ["searchOrgs", '{ visibility: "SHOW" }', "r.length"],
  ["searchTags", '{ name_pattern: "fin%" }', "r.length"],
  ["createTag", '{ name: "finance", color: "#ff0000" }', "r.id"],
  ["searchRoles", '{ role_identifiers: ["r1"] }', "r.length"],
  ["fetchLiveboardData", '{ metadata_identifier: "guid-3", record_size: 100 }', "r.contents"],
] as const;
const tenCalls = (receiver: string) =>
  TEN_CALLS.map(
    ([id, input, use], i) =>
      `export async function f${String(i + 1).padStart(2, "0")}() { const r = await ${receiver}.${id}(${input}); return ${use}; }`,
  ).join("\n");
const withSdk10 = `import { createThoughtSpotClient } from "thoughtspot-rest-api";

const ts = createThoughtSpotClient({ serverUrl: "https://example.thoughtspot.cloud", auth: { token: "t" } });

${tenCalls("ts.api.v2")}
`;
const withTsdk10 = `import { createBearerAuthenticationConfig, ThoughtSpotRestApi } from "${TSDK_PACKAGE}";

const api = new ThoughtSpotRestApi(
  createBearerAuthenticationConfig("https://example.thoughtspot.cloud", { username: "admin", password: "secret" }),
);

${tenCalls("api")}
`;
const nothing = "export const nothing = 1;\n";

/** ThoughtSpot's SDK in bench/.out/tsdk, linked into the consumer project. */
function ensureTsdk(): string {
  const manifest = join(TSDK_DIR, "node_modules", ...TSDK_PACKAGE.split("/"), "package.json");
  if (!existsSync(manifest)) {
    console.error(`· npm install --prefix bench/.out/tsdk ${TSDK_PACKAGE}`);
    execFileSync("npm", ["install", "--prefix", TSDK_DIR, TSDK_PACKAGE, "--no-audit", "--no-fund"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const link = join(CONSUMER, "node_modules", ...TSDK_PACKAGE.split("/"));
  mkdirSync(dirname(link), { recursive: true });
  rmSync(link, { recursive: true, force: true });
  symlinkSync(dirname(manifest), link, "dir");
  return JSON.parse(readFileSync(manifest, "utf8")).version as string;
}

type Resolution = "bundler" | "node16";
const tsconfig = (resolution: Resolution, file: string, skipLibCheck = true) => ({
  compilerOptions: {
    target: "ES2022",
    module: resolution === "bundler" ? "ESNext" : "Node16",
    moduleResolution: resolution === "bundler" ? "Bundler" : "Node16",
    lib: ["ES2022", "DOM"],
    types: [],
    strict: true,
    skipLibCheck,
    noEmit: true,
  },
  files: [file],
});

interface Compiler {
  name: "5.9" | "7";
  version: string;
  command: string[];
}

function ensureTs7(): Compiler {
  console.error(`· TypeScript ${TS7_VERSION} in bench/.out/ts7 (npm install on first use)`);
  const bin = join(installTypeScript(TS7_VERSION, TS7_DIR), "bin", "tsc");
  const version = execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim();
  return { name: "7", version, command: [process.execPath, bin] };
}

function tsc(compiler: Compiler, project: string, extra: string[] = []) {
  const started = performance.now();
  const result = spawnSync(compiler.command[0]!, [...compiler.command.slice(1), "-p", project, ...extra], {
    cwd: CONSUMER,
    encoding: "utf8",
  });
  return {
    ms: performance.now() - started,
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
  };
}

// The 20 operations through ts.api.v2 only (the SDK's main interface), without the raw ts.v2 calls
// whose path matching is openapi-fetch's own type cost.
const apiOnly = (source: string) =>
  source
    .split("\n")
    .filter((line) => !/^export async function f2[1-4]\(/.test(line))
    .join("\n");
// The 4 raw ts.v2.POST/GET calls alone (the file of issue 13), with the client they need.
const rawOnly = (source: string) =>
  source
    .split("\n")
    .filter((line) => !/^export async function f(0\d|1\d|20)\(/.test(line))
    .join("\n");
const PAIRS = [
  ["baseline-api", "with-sdk-api", "20 operations via ts.api.v2"],
  ["baseline-raw", "with-sdk-raw", "4 raw ts.v2.POST/GET calls"],
  ["baseline", "with-sdk", "the 20 operations + the 4 raw calls"],
] as const;
const RAW_BUDGET = 5_000;

const field = (output: string, name: string) =>
  output.match(new RegExp(`^${name}:\\s+(.+)$`, "m"))?.[1]?.trim() ?? "?";
const seconds = (text: string) => Number.parseFloat(text) * 1000;

/**
 * This SDK against ThoughtSpot's, 10 operations each, skipLibCheck false and true (TypeScript 5.9,
 * bundler): wall time, check time and instantiations, medians of RUNS alternated runs, and what each adds
 * to a file that imports nothing.
 */
function libCheckSideBySide(ts59: Compiler) {
  const tsdkVersion = ensureTsdk();
  const files = { nothing, "with-sdk-10": withSdk10, "with-tsdk-10": withTsdk10 } as const;
  for (const [name, source] of Object.entries(files)) {
    writeFileSync(join(CONSUMER, `${name}.ts`), source);
    for (const skip of [false, true]) {
      writeFileSync(
        join(CONSUMER, `tsconfig.${name}.skip-${skip}.json`),
        JSON.stringify(tsconfig("bundler", `${name}.ts`, skip), null, 2),
      );
    }
  }
  console.log(
    `\n### Side by side with ${TSDK_PACKAGE} ${tsdkVersion}: 10 operations, TypeScript ${ts59.version}\n`,
  );
  console.log(
    `\`tsc --noEmit --extendedDiagnostics\` (bundler, strict), medians of ${RUNS} alternated runs; "added" is over nothing.ts.\n`,
  );
  console.log("| skipLibCheck | file | wall | added | check time | added | instantiations | added |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const skip of [false, true]) {
    const names = Object.keys(files);
    const wall = new Map<string, number[]>(names.map((n) => [n, []]));
    const check = new Map<string, number[]>(names.map((n) => [n, []]));
    const inst = new Map<string, number>();
    for (const name of names) tsc(ts59, `tsconfig.${name}.skip-${skip}.json`); // warm the file cache
    for (let i = 0; i < RUNS; i++) {
      for (const name of names) {
        const run = tsc(ts59, `tsconfig.${name}.skip-${skip}.json`, ["--extendedDiagnostics"]);
        if (/error TS\d+/.test(run.output)) throw new Error(`${name}.ts does not compile:\n${run.output}`);
        wall.get(name)!.push(run.ms);
        check.get(name)!.push(seconds(field(run.output, "Check time")));
        inst.set(name, Number(field(run.output, "Instantiations").replace(/\D/g, "")));
      }
    }
    const base = {
      wall: median(wall.get("nothing")!),
      check: median(check.get("nothing")!),
      inst: inst.get("nothing")!,
    };
    for (const name of names) {
      const w = median(wall.get(name)!);
      const c = median(check.get(name)!);
      const n = inst.get(name)!;
      const plus = (v: number) => (name === "nothing" ? "" : `+${Math.round(v)}`);
      console.log(
        `| ${skip} | ${name}.ts | ${Math.round(w)} ms | ${plus(w - base.wall)} | ${Math.round(c)} ms | ${plus(c - base.check)} | ${n} | ${plus(n - base.inst)} |`,
      );
    }
  }
}

/** Which part of a consumer's program a file is: the libs, this SDK's V2 / V1 / shared declarations, ThoughtSpot's. */
function partOf(file: string): string {
  if (file.includes("/typescript/lib/")) return "TypeScript's libs";
  if (file.includes(TSDK_PACKAGE)) return "ThoughtSpot's SDK";
  const own = file.split("/thoughtspot-rest-api/dist/types/esm/")[1];
  if (!own) return "the consumer's file";
  if (own.startsWith("generated/v2")) return "this SDK: generated V2 types";
  if (
    /^generated\/v1|^src\/v1\/|paginate-v1|^src\/enums\/(ts-types|metadata|groups|privileges|reports|sharing)/.test(
      own,
    )
  )
    return "this SDK: V1 types (generated and src)";
  return "this SDK: src (client, helpers)";
}

/**
 * Where the lib check's time goes, with less noise than a cold tsc's wall time: in this process, the
 * files parsed once (JSDoc parsed as tsc does), then for each run a new program and checker; CPU time of
 * each file's semantic diagnostics (warm JIT), summed per part, medians of RUNS alternated runs. Beside
 * it the declarations' syntax nodes per part: deterministic, and what checking a declaration file walks.
 */
function checkByPart(names: string[]) {
  const TOTAL = "all";
  const files = new Map<string, ts.SourceFile | undefined>();
  const programOf = (name: string) => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(CONSUMER, `tsconfig.${name}.skip-false.json`),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        },
      },
    )!;
    const host = ts.createCompilerHost(config.options);
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const read = host.getSourceFile;
    host.getSourceFile = (file, ...rest) => {
      if (!files.has(file)) files.set(file, read(file, ...rest));
      return files.get(file);
    };
    return ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  };
  const cpu = new Map(names.map((n) => [n, new Map<string, number[]>()]));
  const nodes = new Map(names.map((n) => [n, new Map<string, number>()]));
  for (let run = 0; run <= RUNS; run++) {
    for (const name of names) {
      const program = programOf(name);
      const sums = new Map<string, number>();
      for (const file of program.getSourceFiles()) {
        const part = partOf(file.fileName);
        const started = process.cpuUsage();
        program.getSemanticDiagnostics(file);
        const used = process.cpuUsage(started);
        sums.set(part, (sums.get(part) ?? 0) + (used.user + used.system) / 1000);
        if (run === 0) {
          let count = 0;
          const visit = (node: ts.Node) => {
            count++;
            ts.forEachChild(node, visit);
          };
          visit(file);
          nodes.get(name)!.set(part, (nodes.get(name)!.get(part) ?? 0) + count);
        }
      }
      if (run === 0) continue; // the first run warms the JIT
      sums.set(
        TOTAL,
        [...sums.values()].reduce((a, b) => a + b, 0),
      );
      for (const [part, ms] of sums) {
        const list = cpu.get(name)!.get(part) ?? [];
        list.push(ms);
        cpu.get(name)!.set(part, list);
      }
    }
  }
  console.log(
    `\nWhere the lib check goes (skipLibCheck false; in-process, warm, CPU ms, medians of ${RUNS} alternated runs):\n`,
  );
  console.log("| file | part | syntax nodes | check CPU |");
  console.log("|---|---|---:|---:|");
  for (const name of names) {
    for (const [part, list] of [...cpu.get(name)!].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (part === "TypeScript's libs" || part === TOTAL) continue;
      console.log(`| ${name}.ts | ${part} | ${nodes.get(name)!.get(part)} | ${median(list).toFixed(1)} ms |`);
    }
    console.log(
      `| ${name}.ts | **all files, libs included** | | **${median(cpu.get(name)!.get(TOTAL)!).toFixed(0)} ms** |`,
    );
  }
}

function main() {
  prepareConsumer({ build: !args.includes("--no-build") });
  if (args.includes("--libcheck-only")) {
    const bin = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const version = execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim();
    const ts59: Compiler = { name: "5.9", version, command: [process.execPath, bin] };
    // The raw-client budget, checked here too: 4 raw calls, skipLibCheck as the earlier runs.
    writeFileSync(join(CONSUMER, "with-sdk-raw.ts"), rawOnly(withSdk));
    writeFileSync(
      join(CONSUMER, "tsconfig.with-sdk-raw.bundler.json"),
      JSON.stringify(tsconfig("bundler", "with-sdk-raw.ts"), null, 2),
    );
    const raw = tsc(ts59, "tsconfig.with-sdk-raw.bundler.json", ["--extendedDiagnostics"]);
    const count = Number(field(raw.output, "Instantiations").replace(/\D/g, ""));
    console.log(
      `4 raw calls: ${count} instantiations, budget ≤ ${RAW_BUDGET}: ${count <= RAW_BUDGET ? "met" : "MISSED"}`,
    );
    libCheckSideBySide(ts59);
    checkByPart(["nothing", "with-sdk-10", "with-tsdk-10"]);
    return;
  }
  writeFileSync(join(CONSUMER, "with-sdk.ts"), withSdk);
  writeFileSync(join(CONSUMER, "baseline.ts"), baseline);
  writeFileSync(join(CONSUMER, "with-sdk-api.ts"), apiOnly(withSdk));
  writeFileSync(join(CONSUMER, "baseline-api.ts"), apiOnly(baseline));
  writeFileSync(join(CONSUMER, "with-sdk-raw.ts"), rawOnly(withSdk));
  writeFileSync(join(CONSUMER, "baseline-raw.ts"), rawOnly(baseline));
  writeFileSync(join(CONSUMER, "broken.ts"), broken);
  for (const resolution of ["bundler", "node16"] as const) {
    for (const file of [
      "with-sdk",
      "baseline",
      "with-sdk-api",
      "baseline-api",
      "with-sdk-raw",
      "baseline-raw",
      "broken",
    ]) {
      writeFileSync(
        join(CONSUMER, `tsconfig.${file}.${resolution}.json`),
        JSON.stringify(tsconfig(resolution, `${file}.ts`), null, 2),
      );
    }
  }
  const ts59Bin = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const ts59: Compiler = {
    name: "5.9",
    version: execFileSync(process.execPath, [ts59Bin, "--version"], { encoding: "utf8" }).trim(),
    command: [process.execPath, ts59Bin],
  };
  const compilers = [ts59, ensureTs7()];

  console.log(
    `Node ${process.version}; ${compilers.map((c) => `TypeScript ${c.name}: ${c.version}`).join("; ")}.`,
  );
  console.log(`Wall time of one \`tsc --noEmit -p <tsconfig>\` process (cold), median of ${RUNS} runs each,`);
  console.log("with-sdk and baseline alternated; strict, skipLibCheck, lib ES2022+DOM, types [].\n");

  console.log("### Consumers' types compile\n");
  const checks: string[] = [];
  for (const compiler of compilers) {
    for (const resolution of ["bundler", "node16"] as const) {
      const ok = tsc(compiler, `tsconfig.with-sdk.${resolution}.json`);
      const bad = tsc(compiler, `tsconfig.broken.${resolution}.json`);
      const errors = bad.output.split("\n").filter((l) => /error TS\d+/.test(l));
      const clean = ok.status === 0 && ok.output.trim() === "";
      const caught = bad.status !== 0 && errors.length >= 2;
      checks.push(
        `- TS ${compiler.name}, ${resolution}: with-sdk.ts ${clean ? "compiles with no errors" : `FAILS:\n${ok.output}`}; ` +
          `broken.ts ${caught ? `reports ${errors.length} errors (${errors.map((e) => e.match(/TS\d+/)![0]).join(", ")})` : `NOT caught:\n${bad.output}`}`,
      );
    }
  }
  console.log(checks.join("\n"));

  console.log("\n### Wall time\n");
  console.log(
    "| TypeScript | resolution | calls | without the SDK | with the SDK | added by the SDK | target | met |",
  );
  console.log("|---|---|---|---:|---:|---:|---:|---|");
  for (const compiler of compilers) {
    for (const resolution of ["bundler", "node16"] as const) {
      for (const [baseFile, sdkFile, label] of PAIRS) {
        tsc(compiler, `tsconfig.${baseFile}.${resolution}.json`); // warm the file cache
        tsc(compiler, `tsconfig.${sdkFile}.${resolution}.json`);
        const base: number[] = [];
        const sdk: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          base.push(tsc(compiler, `tsconfig.${baseFile}.${resolution}.json`).ms);
          sdk.push(tsc(compiler, `tsconfig.${sdkFile}.${resolution}.json`).ms);
        }
        const added = median(sdk) - median(base);
        const target = TARGET_MS[compiler.name];
        console.log(
          `| ${compiler.name} (${compiler.version.replace("Version ", "")}) | ${resolution} | ${label} | ${Math.round(median(base))} ms | ` +
            `${Math.round(median(sdk))} ms | **${Math.round(added)} ms** | ≤ ${target} ms | ${added <= target ? "yes" : "NO"} |`,
        );
      }
    }
  }

  for (const compiler of compilers) {
    console.log(`\n### TypeScript ${compiler.name} --extendedDiagnostics (bundler)\n`);
    console.log("| file | files | types | instantiations | check time | total time |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const file of [
      "baseline-api",
      "with-sdk-api",
      "baseline-raw",
      "with-sdk-raw",
      "baseline",
      "with-sdk",
    ]) {
      const { output } = tsc(compiler, `tsconfig.${file}.bundler.json`, ["--extendedDiagnostics"]);
      const field = (name: string) => output.match(new RegExp(`^${name}:\\s+(.+)$`, "m"))?.[1]?.trim() ?? "?";
      console.log(
        `| ${file}.ts | ${field("Files")} | ${field("Types")} | ${field("Instantiations")} | ${field("Check time")} | ${field("Total time")} |`,
      );
      if (file === "with-sdk-raw") {
        const count = Number(field("Instantiations").replace(/\D/g, ""));
        if (Number.isFinite(count) && field("Instantiations") !== "?") {
          console.log(
            `\n4 raw calls: ${count} instantiations, budget ≤ ${RAW_BUDGET}: ${count <= RAW_BUDGET ? "met" : "MISSED"}\n`,
          );
        }
      }
    }
  }
  libCheckSideBySide(ts59);
  checkByPart(["nothing", "with-sdk-10", "with-tsdk-10"]);
}

main();
