import { parseTml, readTmlValue } from "../src/tml/document.ts";
const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 9; i++) { const p = String.fromCharCode(96 + i), c = String.fromCharCode(97 + i); lol.push(`${c}: &${c} [${Array(9).fill("*" + p).join(",")}]`); }
const text = `table:\n  name: x\n  ${lol.join("\n  ")}\n`;
console.log(text.length);
let t = performance.now();
try { parseTml(text); } catch (e) { console.log(String(e), performance.now() - t); }
try { readTmlValue("table: &x\n  name: y\n  self: *x\n"); } catch (e) { console.log(String(e), e.constructor.name); }
try { readTmlValue("table: &x [ *x ]\n"); } catch (e) { console.log(String(e)); }
console.log(JSON.stringify(readTmlValue("table:\n  a: &x {n: 1}\n  b: *x\n")));
