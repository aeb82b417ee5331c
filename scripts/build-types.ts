// The package's declarations: tsc emits one .d.ts per source file into dist/types/esm (stable, readable
// names for go-to-definition), only the public surface is kept (scripts/lib/public-declarations.ts), and
// the same tree is copied to dist/types/cjs, whose package.json says "commonjs", so `require` consumers
// get declarations TypeScript reads as CommonJS.
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { keepPublicDeclarations } from "./lib/public-declarations.js";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "dist", "types");

const config = ts.getParsedCommandLineOfConfigFile(
  join(ROOT, "tsconfig.types.json"),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  },
);
if (!config) throw new Error("tsconfig.types.json could not be read");

rmSync(OUT, { recursive: true, force: true });
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const { diagnostics } = program.emit();
const errors = [...ts.getPreEmitDiagnostics(program), ...diagnostics].filter(
  (d) => d.category === ts.DiagnosticCategory.Error,
);
if (errors.length) {
  const host = {
    getCanonicalFileName: (f: string) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => "\n",
  };
  console.error(ts.formatDiagnostics(errors, host));
  process.exit(1);
}
// The entry files' declarations (tsconfig.types.json "files") are the roots of what consumers can reach.
const rootDir = config.options.rootDir ?? ROOT;
const entries = config.fileNames.map((f) =>
  relative(rootDir, f).split(sep).join("/").replace(/\.ts$/, ".d.ts"),
);
const { removed, droppedStatements } = keepPublicDeclarations(join(OUT, "esm"), entries);
console.log(
  `declarations: kept the public surface of ${entries.length} entries; dropped ${droppedStatements} internal statements and ${removed.length} unreachable files`,
);
cpSync(join(OUT, "esm"), join(OUT, "cjs"), { recursive: true });
writeFileSync(join(OUT, "cjs", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
