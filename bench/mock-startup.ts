// How long the first startMockThoughtSpot() in a fresh process takes, to the first answered call, against
// what loading all of Prism and parsing both specs took before (the mock's earlier startup), side by side
// in one run: each round starts fresh child processes in alternation.
// Run: npm run bench:mock   (options: -- --rounds 5)
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf("--rounds") + 1] || 5);
const root = join(import.meta.dirname, "..");

if (args.includes("--child-mock")) {
  // The first mock in this process: import, start, one logged-in call answered, and a second mock.
  const started = performance.now();
  const { startMockThoughtSpot } = await import("../src/testing/index.js");
  const mock = await startMockThoughtSpot();
  const ready = performance.now();
  await mock.client().api.v2.searchUsers({});
  const answered = performance.now();
  const second = await startMockThoughtSpot();
  const secondReady = performance.now();
  await Promise.all([mock.close(), second.close()]);
  console.log(
    JSON.stringify({
      start: ready - started,
      firstAnswer: answered - started,
      second: secondReady - answered,
    }),
  );
  process.exit(0);
}

if (args.includes("--child-prism")) {
  // The earlier startup: all of Prism (mocker included) and both specs parsed.
  const { createRequire } = await import("node:module");
  const started = performance.now();
  const prism = createRequire(import.meta.url)("@stoplight/prism-http") as {
    getHttpOperationsFromSpec(path: string): Promise<unknown[]>;
  };
  await Promise.all([
    prism.getHttpOperationsFromSpec(join(root, "generated/mock-v2.json")),
    prism.getHttpOperationsFromSpec(join(root, "generated/mock-v1.json")),
  ]);
  console.log(JSON.stringify({ start: performance.now() - started }));
  process.exit(0);
}

const run = async (flag: string): Promise<Record<string, number>> => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", import.meta.filename, flag],
    {
      cwd: root,
      timeout: 120_000,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, number>;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const ms = (n: number) => `${Math.round(n)} ms`;

// A cold cache first: the very first start on a machine parses the specs and writes the cache.
const uid = typeof process.getuid === "function" ? process.getuid() : "user";
rmSync(join(tmpdir(), `thoughtspot-rest-api-mock-${uid}`), { recursive: true, force: true });
const cold = await run("--child-mock");

const mock: Record<string, number>[] = [];
const prism: Record<string, number>[] = [];
for (let i = 0; i < ROUNDS; i++) {
  mock.push(await run("--child-mock"));
  prism.push(await run("--child-prism"));
}
const m = (key: string) => median(mock.map((r) => r[key]!));
const p = median(prism.map((r) => r.start!));
console.log(`Node ${process.version}; median of ${ROUNDS} interleaved rounds, fresh process each\n`);
console.log("| measure | median | min – max |");
console.log("|---|---:|---:|");
const range = (values: number[]) => `${ms(Math.min(...values))} – ${ms(Math.max(...values))}`;
console.log(
  `| first startMockThoughtSpot() resolved | ${ms(m("start"))} | ${range(mock.map((r) => r.start!))} |`,
);
console.log(
  `| … and its first call answered (login token, Prism validation) | ${ms(m("firstAnswer"))} | ${range(mock.map((r) => r.firstAnswer!))} |`,
);
console.log(
  `| a second mock in the same process | ${ms(m("second"))} | ${range(mock.map((r) => r.second!))} |`,
);
console.log(
  `| earlier startup: all of Prism + both specs parsed | ${ms(p)} | ${range(prism.map((r) => r.start!))} |`,
);
console.log(`| ratio earlier / now (first call answered) | ${(p / m("firstAnswer")).toFixed(1)}× | |`);
console.log(
  `| cold cache (first start on a machine: specs parsed and cached) | ${ms(cold.firstAnswer!)} | 1 run |`,
);
