import { Composer, Lexer, Parser } from "yaml";
const visualization = (i: number) =>
  `  - id: Viz_${i}\n    answer:\n      name: Answer ${i}\n      tables:\n      - id: Sales\n        name: Sales\n` +
  `      search_query: "[Revenue] [Region] [Order Date].monthly"\n      answer_columns:\n` +
  Array.from({ length: 12 }, (_, c) => `      - name: Column ${c}\n        custom_name: Nice ${c}\n`).join("") +
  `      chart:\n        type: COLUMN\n        client_state_v2: "${'{\\"a\\":1}'.repeat(20)}"\n`;
const text = `guid: big\nliveboard:\n  name: Big\n  visualizations:\n${Array.from({ length: 2000 }, (_, i) => visualization(i)).join("")}`;
console.log(text.length);
for (let k = 0; k < 2; k++) {
let t = performance.now();
const parser = new Parser(); const tokens: any[] = [];
for (const lx of new Lexer().lex(text)) tokens.push(...parser.next(lx));
tokens.push(...parser.end());
console.log("lex+cst", performance.now() - t);
t = performance.now();
const c = new Composer({ version: "1.2", schema: "failsafe", uniqueKeys: true } as any);
const docs = [];
for (const tk of tokens) docs.push(...c.next(tk));
docs.push(...c.end(true, text.length));
console.log("compose", performance.now() - t);
}
