// Per-request overhead of the SDK against a loopback HTTP server, compared with plain fetch.
// The server runs in a child process (its own event loop, heap and, on a 2-core machine, ideally its
// own core) and answers a small JSON array to POST /api/rest/2.0/users/search.
// Run: npm run bench:throughput   (options: -- --runs 5 --requests 2000 --warmup 1000 --concurrency 1,16)
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../generated/v2.js";
import type * as Sdk from "../src/index.js";
import { median, option } from "./args.js";

const RUNS = Number(option("runs", "5"));
const REQUESTS = Number(option("requests", "2000"));
const WARMUP = Number(option("warmup", "1000"));
const CONCURRENCIES = option("concurrency", "1,16").split(",").map(Number);
const ONLY = option("only", "");
// --src <dir>: measure another copy of src/ (e.g. a patched transport) instead of ../src.
const SRC = option("src", "../src");
// --before <dir>: an older build or src/ measured in the same run ((b0), (d0)), to show a change side by side.
const BEFORE = option("before", "");

const TOKEN = "bench-token-0123456789abcdef";
const serverCode = `
const { createServer } = require("node:http");
const users = JSON.stringify([
  { id: "u1", name: "alice", display_name: "Alice", visibility: "SHARABLE", account_status: "ACTIVE" },
  { id: "u2", name: "bob", display_name: "Bob", visibility: "SHARABLE", account_status: "ACTIVE" },
  { id: "u3", name: "carol", display_name: "Carol", visibility: "SHARABLE", account_status: "ACTIVE" },
]);
let tokens = 0;
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    if (req.method === "POST" && req.url === "/api/rest/2.0/users/search") {
      if (req.headers.authorization !== "Bearer ${TOKEN}") { res.writeHead(401).end(); return; }
      JSON.parse(Buffer.concat(chunks).toString());
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(users);
    } else if (req.method === "POST" && req.url === "/api/rest/2.0/auth/token/full") {
      tokens++;
      const now = Date.now();
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ token: "${TOKEN}", creation_time_in_millis: now, expiration_time_in_millis: now + 3600000 }));
    } else if (req.url === "/stats") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ tokens }));
    } else { res.writeHead(404).end(); }
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
`;

type Call = () => Promise<unknown>;

async function main() {
  const { createThoughtSpotClient } = (await import(`${SRC}/index.js`)) as typeof Sdk;
  const before = BEFORE
    ? ((await import(
        pathToFileURL(resolve(BEFORE, existsSync(resolve(BEFORE, "index.mjs")) ? "index.mjs" : "index.js"))
          .href
      )) as typeof Sdk)
    : undefined;
  const server = spawn(process.execPath, ["-e", serverCode], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(server.stdout!, "data")) as [Buffer];
  const port = Number(chunk.toString().trim());
  const serverUrl = `http://127.0.0.1:${port}`;
  const url = `${serverUrl}/api/rest/2.0/users/search`;
  const body = { record_offset: 0, record_size: 10, include_favorite_metadata: false };

  // The headers the SDK sends on this call (see defaultHeaders in src/client.ts), so (a) does the same work.
  const plainHeaders = {
    Accept: "application/json",
    "X-Requested-By": "ThoughtSpot",
    "User-Agent": "thoughtspot-rest-api/0.1.0",
    Authorization: `Bearer ${TOKEN}`,
    "Content-Type": "application/json",
  };
  const withToken = createThoughtSpotClient({ serverUrl, auth: { token: TOKEN } });
  // For attribution: the same without the per-attempt timeout (no AbortSignal handed to fetch).
  const noTimeout = createThoughtSpotClient({ serverUrl, auth: { token: TOKEN }, timeoutMs: 0 });
  const withPassword = createThoughtSpotClient({
    serverUrl,
    auth: { username: "bench", password: "secret" },
    maxRetries: 2,
  });
  await withPassword.login(); // the token is cached before anything is timed
  // For attribution only: openapi-fetch on the global fetch, without the SDK's transport.
  const bare = createClient<paths>({ baseUrl: serverUrl, headers: plainHeaders });

  // For attribution: an undici Agent of the kind the SDK gives each client (Node's own undici, reached
  // through the global dispatcher), used by fetch (i) and by undici's request API alone (h).
  await fetch("data:,");
  type Agent = { request(o: object): Promise<{ statusCode: number; body: { json(): Promise<unknown> } }> };
  const AgentClass = (globalThis as unknown as Record<symbol, { constructor: new (o: object) => Agent }>)[
    Symbol.for("undici.globalDispatcher.1")
  ]!.constructor;
  const agent = new AgentClass({ headersTimeout: 60_000, bodyTimeout: 60_000 });
  const lowerHeaders = Object.fromEntries(Object.entries(plainHeaders).map(([k, v]) => [k.toLowerCase(), v]));

  const check = (users: unknown) => {
    if (!Array.isArray(users) || users.length !== 3) throw new Error("unexpected answer");
  };
  // Plain fetch of the same request; `extra` adds, per call, a signal (g) or a dispatcher (i) for attribution.
  const plainFetch =
    (extra: () => object = () => ({})): Call =>
    async () => {
      const init = { method: "POST", headers: plainHeaders, body: JSON.stringify(body), ...extra() };
      const response = await fetch(url, init as RequestInit);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      check(await response.json());
    };
  const variants: { name: string; call: Call }[] = [
    {
      name: "(a) plain fetch",
      call: plainFetch(),
    },
    {
      name: "(b) ts.api.v2.searchUsers, auth { token }",
      call: async () => check(await withToken.api.v2.searchUsers(body)),
    },
    {
      name: "(c) ts.api.v2.searchUsers, auth { username, password } (token cached, retries on)",
      call: async () => check(await withPassword.api.v2.searchUsers(body)),
    },
    {
      name: '(d) ts.v2.POST("/api/rest/2.0/users/search"), auth { token }',
      call: async () => {
        const { data, error } = await withToken.v2.POST("/api/rest/2.0/users/search", { body });
        if (error) throw new Error("error answer");
        check(data);
      },
    },
    {
      name: "(f) attribution: (b) with timeoutMs: 0 (no AbortSignal given to fetch)",
      call: async () => check(await noTimeout.api.v2.searchUsers(body)),
    },
    {
      name: "(g) attribution: (a) with an AbortSignal.timeout(60 000) signal",
      call: plainFetch(() => ({ signal: AbortSignal.timeout(60_000) })),
    },
    {
      name: "(h) reference: undici's request API on an Agent, no fetch (the floor of the SDK's Node transport)",
      call: async () => {
        const response = await agent.request({
          origin: serverUrl,
          path: "/api/rest/2.0/users/search",
          method: "POST",
          headers: lowerHeaders,
          body: JSON.stringify(body),
        });
        if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
        check(await response.body.json());
      },
    },
    {
      name: "(i) attribution: (a) through an Agent of its own (fetch's dispatcher option)",
      call: plainFetch(() => ({ dispatcher: agent })),
    },
    {
      name: "(e) reference: bare openapi-fetch POST on global fetch (no SDK transport)",
      call: async () => {
        const { data, error } = await bare.POST("/api/rest/2.0/users/search", { body });
        if (error) throw new Error("error answer");
        check(data);
      },
    },
  ];
  if (before) {
    const old = before.createThoughtSpotClient({ serverUrl, auth: { token: TOKEN } });
    variants.push(
      {
        name: "(b0) before: ts.api.v2.searchUsers, auth { token }",
        call: async () => check(await old.api.v2.searchUsers(body)),
      },
      {
        name: '(d0) before: ts.v2.POST("/api/rest/2.0/users/search"), auth { token }',
        call: async () => {
          const { data, error } = await old.v2.POST("/api/rest/2.0/users/search", { body });
          if (error) throw new Error("error answer");
          check(data);
        },
      },
    );
  }
  const chosen = variants.filter((v) => !ONLY || ONLY.includes(v.name[1]!));
  variants.splice(0, variants.length, ...chosen);

  async function run(call: Call, requests: number, concurrency: number): Promise<number> {
    let next = 0;
    const worker = async () => {
      while (next < requests) {
        next++;
        await call();
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return requests / ((performance.now() - started) / 1000);
  }

  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}; ${RUNS} runs × ${REQUESTS} requests per variant ` +
      `and concurrency after ${WARMUP} warm-up requests; variants interleaved (rotated order) in each run.\n`,
  );
  const results: { concurrency: number; name: string; rps: number[] }[] = [];
  for (const concurrency of CONCURRENCIES) {
    for (const v of variants) await run(v.call, WARMUP, concurrency);
    const rps = variants.map(() => [] as number[]);
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < variants.length; k++) {
        const i = (k + r) % variants.length;
        rps[i]!.push(await run(variants[i]!.call, REQUESTS, concurrency));
      }
    }
    variants.forEach((v, i) => {
      results.push({ concurrency, name: v.name, rps: rps[i]! });
    });
  }

  const stats = (await (await fetch(`${serverUrl}/stats`)).json()) as { tokens: number };
  server.kill();

  console.log("| concurrency | variant | median req/s | min – max req/s | median µs/req | vs plain fetch |");
  console.log("|---:|---|---:|---:|---:|---:|");
  for (const row of results) {
    const base = results.find((r) => r.concurrency === row.concurrency && r.name.startsWith("(a)"));
    const m = median(row.rps);
    const ratio = base ? (m / median(base.rps)).toFixed(2) : "–";
    console.log(
      `| ${row.concurrency} | ${row.name} | ${Math.round(m)} | ${Math.round(Math.min(...row.rps))} – ${Math.round(
        Math.max(...row.rps),
      )} | ${(1e6 / m).toFixed(0)} | ${ratio}× |`,
    );
  }
  console.log(`\nToken requests made by (c): ${stats.tokens} (1 expected: cached before timing).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
