import { readFileSync } from "node:fs";
import { parseTml, stringifyTml } from "/work/wt/parsers/src/tml/document.ts";
const base = readFileSync("/work/wt/parsers/test/fixtures/tml/retail_overview.liveboard.tml", "utf8");
const doc: any = parseTml(base);
const viz = doc.liveboard.visualizations;
const big = { ...doc, liveboard: { ...doc.liveboard, visualizations: Array.from({ length: 400 }, (_, i) => ({ ...viz[i % viz.length], id: `Viz_${i}` })) } };
const text = stringifyTml(big);
console.log("chars", text.length);
let t = performance.now();
parseTml(text);
console.log("ms", performance.now() - t);
t = performance.now();
parseTml(text);
console.log("ms", performance.now() - t);
import { parseDocument, Parser, Lexer, Composer } from "yaml";
for (let k = 0; k < 2; k++) {
t = performance.now();
const lex = [...new Lexer().lex(text)];
console.log("lex", performance.now() - t, lex.length);
t = performance.now();
const toks = [...new Parser().parse(text)];
console.log("parse(lex+cst)", performance.now() - t, toks.length);
t = performance.now();
const d = parseDocument(text, { version: "1.2", schema: "failsafe", uniqueKeys: true, prettyErrors: true });
console.log("parseDocument", performance.now() - t);
t = performance.now();
const d2 = parseDocument(text, { version: "1.2", schema: "failsafe", uniqueKeys: false, prettyErrors: true });
console.log("parseDocument no unique", performance.now() - t);
}
