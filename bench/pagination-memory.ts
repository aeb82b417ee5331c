// Heap use while ts.paginate walks 100 000 users in pages of 1 000 from a local server.
// The claim: iterating holds one page at a time, so the heap after GC stays flat however many
// items go by; collecting with toArray() grows with the item count, for contrast.
// Run: node --expose-gc --import tsx bench/pagination-memory.ts   (npm run bench:pagination)
import { Worker } from "node:worker_threads";
import { createThoughtSpotClient } from "../src/index.js";
import { median } from "./args.js";

const TOTAL = 100_000;
const PAGE = 1_000;
const SAMPLE_EVERY = 5_000;
const RUNS = 5;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc --import tsx bench/pagination-memory.ts");

// The server lives in a worker thread: its own heap, so its garbage never shows in our numbers.
const serverCode = `
const { createServer } = require("node:http");
const { parentPort } = require("node:worker_threads");
const TOTAL = ${TOTAL};
const user = (i) => ({ id: "user-" + String(i).padStart(6, "0"), name: "user" + i, display_name: "User number " + i,
  visibility: "SHARABLE", author_id: "59481331-ee53-42be-a548-bd87be6ddd4a", can_change_password: true,
  complete_detail: false, creation_time_in_millis: 1700000000000 + i, current_org: { id: 0, name: "Primary" },
  deleted: false, deprecated: false, account_type: "LOCAL_USER", account_status: "ACTIVE", email: "u" + i + "@example.com" });
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const { record_offset = 0, record_size = 10 } = JSON.parse(Buffer.concat(chunks).toString() || "{}");
    const page = [];
    for (let i = record_offset; i < Math.min(TOTAL, record_offset + record_size); i++) page.push(user(i));
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(page));
  });
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
`;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

type Client = ReturnType<typeof createThoughtSpotClient>;

async function walk(ts: Client) {
  const baseline = heapAfterGc();
  const samples: number[] = [];
  let seen = 0;
  const started = performance.now();
  for await (const user of ts.paginate("/api/rest/2.0/users/search", {}, { pageSize: PAGE })) {
    if (user.id !== `user-${String(seen).padStart(6, "0")}`) throw new Error(`out of order at ${seen}`);
    seen++;
    if (seen % SAMPLE_EVERY === 0) samples.push(heapAfterGc());
  }
  const ms = performance.now() - started;
  if (seen !== TOTAL) throw new Error(`saw ${seen} items, expected ${TOTAL}`);
  return { baseline, samples, ms };
}

async function collectAll(ts: Client) {
  const before = heapAfterGc();
  const all = await ts.paginate("/api/rest/2.0/users/search", {}, { pageSize: PAGE }).toArray();
  const held = heapAfterGc() - before;
  if (all.length !== TOTAL) throw new Error("toArray lost items");
  return held;
}

async function main() {
  const worker = new Worker(serverCode, { eval: true });
  const port = await new Promise<number>((resolve) => worker.once("message", resolve));
  const ts = createThoughtSpotClient({
    serverUrl: `http://127.0.0.1:${port}`,
    auth: { token: "bench-token-123456" },
  });

  // Warm up: modules, JIT, the connection pool.
  await walk(ts);

  const iterate = {
    baseline: [] as number[],
    median: [] as number[],
    max: [] as number[],
    growth: [] as number[],
  };
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { baseline, samples, ms } = await walk(ts);
    times.push(ms);
    iterate.baseline.push(baseline);
    iterate.median.push(median(samples));
    iterate.max.push(Math.max(...samples));
    // Last sample minus first: how much the heap grew while 95 000 more items went by.
    iterate.growth.push(samples.at(-1)! - samples[0]!);
  }
  // Measured after all the walks, each in its own call, so no collected array outlives its run.
  const collected: number[] = [];
  for (let run = 0; run < RUNS; run++) collected.push(await collectAll(ts));
  await worker.terminate();

  const rows: [string, string][] = [
    ["heap before the walk (after GC)", mb(median(iterate.baseline))],
    [`heap during the walk, median of ${TOTAL / SAMPLE_EVERY} samples`, mb(median(iterate.median))],
    ["heap during the walk, max sample", mb(median(iterate.max))],
    ["growth from 5 000th to 100 000th item", mb(median(iterate.growth))],
    ["for contrast: heap held by toArray() of all items", mb(median(collected))],
  ];
  console.log(`paginate: ${TOTAL} items, pages of ${PAGE}, ${RUNS} runs, medians (MB, heapUsed after gc())`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(55)} ${value}`);
  console.log(
    `  walk time, median: ${Math.round(median(times))} ms (${Math.round(TOTAL / (median(times) / 1000))} items/s)`,
  );
  console.log(`  node ${process.version}, ${process.platform}/${process.arch}`);
}

await main();
