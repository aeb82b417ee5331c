import ts from "typescript";
const src = `import type { V1Output } from "./src/core/call.js";
import type { V1OperationId } from "./generated/v1-operations.js";
export type All = { [K in V1OperationId]: V1Output<K> };
declare const all: All; export { all };`;
import { writeFileSync } from "node:fs";
writeFileSync("probe-entry.tmp.ts", src);
const cfg = ts.getParsedCommandLineOfConfigFile("tsconfig.json", {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
const program = ts.createProgram(["probe-entry.tmp.ts"], cfg.options);
const checker = program.getTypeChecker();
const sf = program.getSourceFile("probe-entry.tmp.ts")!;
const sym = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!).find((s) => s.name === "all")!;
const t = checker.getTypeOfSymbol(sym);
let n = 0;
for (const p of t.getProperties()) {
  const pt = checker.getTypeOfSymbol(p);
  const str = checker.typeToString(pt, undefined, ts.TypeFormatFlags.NoTruncation);
  const free = (pt.flags & ts.TypeFlags.Unknown) || (pt.flags & ts.TypeFlags.Any) || /^(Record<string, unknown>|\{ \[x: string\]: unknown; \}|\{\})$/.test(str) || (pt.getProperties().length === 0 && !(pt.flags & (ts.TypeFlags.Void|ts.TypeFlags.Undefined|ts.TypeFlags.String|ts.TypeFlags.Never)) && !checker.isArrayType(pt) && !(pt.flags & ts.TypeFlags.Union));
  if (free) { n++; console.log("FREE", p.name, str.slice(0, 120)); }
  else if (process.argv[2]) console.log("    ", p.name, str.slice(0, 100));
}
console.log(n, "free of", t.getProperties().length);
