// Where a consumer's lib check (skipLibCheck false) does NOT go: copies of the installed package in
// bench/.out/consumer, each edited one way (never shipped), checked side by side with the unedited one,
// nothing.ts and ThoughtSpot's SDK: warm in-process check CPU of the whole program and cold `tsc` Check time.
// Needs the consumer project of `npm run bench:typecheck -- --libcheck-only` (run that first).
// Run: npx tsx bench/typecheck-variants.ts [--runs 9] [--before DIR]
// --before DIR adds a row for another installed build of the package: a copy of bench/.out/consumer whose
// node_modules/thoughtspot-rest-api holds that build (e.g. an older commit's `npm pack`, extracted).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { hoistedSchemas } from "../scripts/lib/emit/hoist.js";
import { median } from "./args.js";
import { CONSUMER, OUT, ROOT } from "./consumer.js";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
const beforeAt = args.indexOf("--before");
const BEFORE = beforeAt >= 0 ? args[beforeAt + 1] : undefined;
const ESM = join("node_modules", "thoughtspot-rest-api", "dist", "types", "esm");
const ALIASES = /^(export type \w+(?:Input|Output)) = .*$/gm;
const stub = (name: string) => new RegExp(`export interface ${name} \\{[\\s\\S]*?\\n\\}\\n`);

type Edit = (esm: string) => void;
const edit = (file: string, change: (text: string) => string) => (esm: string) => {
  const path = join(esm, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`${file}: the edit matched nothing (did the emitted shape change?)`);
  writeFileSync(path, after);
};
const anyAliases = (file: string) => edit(file, (t) => t.replace(ALIASES, "$1 = any;"));
const anySpec = (file: string, names: string[]) =>
  edit(file, (t) => names.reduce((text, n) => text.replace(stub(n), `export type ${n} = any;\n`), t));
/** Every top-level schema type (`export type User = { … }`, hoisted from components.schemas) as `any`. */
const anySchemas = (file: string) =>
  edit(file, (t) => {
    const sf = ts.createSourceFile(file, t, ts.ScriptTarget.Latest, true);
    const schemas = hoistedSchemas(t);
    let out = t;
    for (const s of [...sf.statements].reverse()) {
      if (ts.isTypeAliasDeclaration(s) && schemas.has(s.name.text)) {
        out = `${out.slice(0, s.getStart(sf))}export type ${s.name.text} = any;${out.slice(s.getEnd())}`;
      }
    }
    return out;
  });

const VARIANTS: Record<string, Edit[]> = {
  "V1 Input/Output aliases any": [anyAliases("generated/v1-api.d.ts")],
  "no V1 spec (v1.d.ts + aliases any)": [
    anySchemas("generated/v1.d.ts"),
    anySpec("generated/v1.d.ts", ["paths", "components", "operations"]),
    anyAliases("generated/v1-api.d.ts"),
  ],
  "no V2 schemas (components and schema types any)": [
    anySchemas("generated/v2.d.ts"), // before `components` goes: its `Name: Name` keys list the schemas
    anySpec("generated/v2.d.ts", ["components"]),
  ],
  "every generated spec type any": [
    anySchemas("generated/v1.d.ts"),
    anySchemas("generated/v2.d.ts"),
    anySpec("generated/v1.d.ts", ["paths", "components", "operations"]),
    anySpec("generated/v2.d.ts", ["paths", "components", "operations"]),
    anyAliases("generated/v1-api.d.ts"),
    anyAliases("generated/v2-api.d.ts"),
  ],
};

/** A copy of the consumer project whose installed package has `edits` applied. */
function variant(name: string, edits: Edit[]): string {
  const dir = join(OUT, "variants", name.replace(/\W+/g, "-"));
  rmSync(dir, { recursive: true, force: true });
  cpSync(CONSUMER, dir, { recursive: true, verbatimSymlinks: true });
  for (const e of edits) e(join(dir, ESM));
  return dir;
}

const cache = new Map<string, ts.SourceFile | undefined>();
/** What the checker did (deterministic, unlike times): types, instantiations, assignability cache entries. */
interface Work {
  types: number;
  instantiations: number;
  relations: number;
}

function warmCpu(dir: string, name: string): { ms: number; work: Work } {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(dir, `tsconfig.${name}.skip-false.json`),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  );
  if (!config) throw new Error(`no tsconfig.${name}.skip-false.json in ${dir}`);
  const host = ts.createCompilerHost(config.options);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors; // as tsc parses
  const read = host.getSourceFile;
  host.getSourceFile = (file, ...rest) => {
    if (!cache.has(file)) cache.set(file, read(file, ...rest));
    return cache.get(file);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const started = process.cpuUsage();
  for (const file of program.getSourceFiles()) program.getSemanticDiagnostics(file);
  const used = process.cpuUsage(started);
  const work = {
    types: program.getTypeCount(),
    instantiations: program.getInstantiationCount(),
    relations: program.getRelationCacheSizes().assignable,
  };
  return { ms: (used.user + used.system) / 1000, work };
}

function coldCheck(dir: string, name: string): number {
  // A variant may leave a type error behind (an `any` where a literal was read): tsc exits 2, still timed.
  const { stdout: out } = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      `tsconfig.${name}.skip-false.json`,
      "--extendedDiagnostics",
    ],
    { cwd: dir, encoding: "utf8" },
  );
  return Number(/^Check time:\s+([\d.]+)s/m.exec(out)?.[1]) * 1000;
}

function main() {
  if (!existsSync(join(CONSUMER, "tsconfig.with-tsdk-10.skip-false.json"))) {
    throw new Error(
      "run `npm run bench:typecheck -- --libcheck-only` first (it prepares bench/.out/consumer)",
    );
  }
  rmSync(join(OUT, "variants"), { recursive: true, force: true });
  const row = (label: string, dir: string, file: string) => ({
    label,
    dir,
    file,
    warm: [] as number[],
    cold: [] as number[],
    work: undefined as Work | undefined,
  });
  const rows = [
    row("nothing.ts", CONSUMER, "nothing"),
    ...(BEFORE ? [row(`this SDK at ${BEFORE}`, BEFORE, "with-sdk-10")] : []),
    row("this SDK as shipped", CONSUMER, "with-sdk-10"),
    ...Object.entries(VARIANTS).map(([label, edits]) => row(label, variant(label, edits), "with-sdk-10")),
    row("ThoughtSpot's SDK", CONSUMER, "with-tsdk-10"),
  ];
  for (let run = 0; run <= RUNS; run++) {
    for (const r of rows) {
      const { ms, work } = warmCpu(r.dir, r.file);
      r.work = work;
      if (run > 0) r.warm.push(ms); // the first run warms the JIT
    }
  }
  for (let run = 0; run < RUNS; run++) for (const r of rows) r.cold.push(coldCheck(r.dir, r.file));
  const [base] = rows;
  const [warm0, cold0] = [median(base?.warm ?? []), median(base?.cold ?? [])];
  console.log(
    `\nskipLibCheck false, 10 calls; medians of ${RUNS} alternated runs; "added" is over nothing.ts.\n`,
  );
  console.log(
    "| variant | warm CPU | added | cold Check time | added | types added | instantiations added | assignability entries added |\n|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of rows) {
    const [w, c] = [median(r.warm), median(r.cold)];
    const plus = (x: number, at: number) => (r === base ? "" : `+${Math.round(x - at)}`);
    const added = (k: keyof Work) => plus(r.work?.[k] ?? 0, base?.work?.[k] ?? 0);
    console.log(
      `| ${r.label} | ${Math.round(w)} ms | ${plus(w, warm0)} | ${Math.round(c)} ms | ${plus(c, cold0)} | ${added("types")} | ${added("instantiations")} | ${added("relations")} |`,
    );
  }
  console.log(`\n(${readdirSync(join(OUT, "variants")).length} edited copies in bench/.out/variants)`);
}

main();
