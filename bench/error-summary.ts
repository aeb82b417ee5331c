// How long turning an error page into an error takes, by page size and shape: the engine's linear
// excerpt against the earlier regular-expression excerpt, side by side in one run. A hostile page
// (many unclosed <script tags) made the earlier one quadratic.
// Run: npm run bench:errors   (options: -- --rounds 7)
import { errorFromResponse } from "../src/core/response-error.js";
import { Redactor } from "../src/redact.js";

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf("--rounds") + 1] || 7);

/** The excerpt as it was before (kept here only to measure against). */
function regexExcerpt(text: string, max = 200): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

const pages: Record<string, (kb: number) => string> = {
  "nested divs": (kb) => `<html><body>${"<div><span>x</span></div>".repeat((kb * 1024) / 24)}</body></html>`,
  "unclosed <script": (kb) => "<script a".repeat((kb * 1024) / 9),
};

const redactor = new Redactor();
redactor.add("pa55-word!");
redactor.add("issued-token-abcdef");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

console.log(`Node ${process.version}; median of ${ROUNDS} interleaved rounds, ms per error page\n`);
console.log("| page | size | engine (errorFromResponse) | earlier regex excerpt | ratio |");
console.log("|---|---:|---:|---:|---:|");
for (const [shape, make] of Object.entries(pages)) {
  for (const kb of [16, 64, 256]) {
    const page = make(kb);
    const response = new Response(null, { status: 502, headers: { "Content-Type": "text/html" } });
    const engine: number[] = [];
    const regex: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      engine.push(
        time(() => errorFromResponse({ method: "POST", path: "/p", response, body: page }, redactor)),
      );
      // The earlier excerpt is quadratic on the hostile shape: measured up to 64 KB only.
      if (!(shape.startsWith("unclosed") && kb > 64))
        regex.push(time(() => regexExcerpt(redactor.text(page))));
    }
    const e = median(engine);
    const r = regex.length ? median(regex) : Number.NaN;
    console.log(
      `| ${shape} | ${kb} KB | ${e.toFixed(2)} | ${Number.isNaN(r) ? "(not run)" : r.toFixed(2)} | ${Number.isNaN(r) ? "" : `${(r / e).toFixed(1)}×`} |`,
    );
  }
}
