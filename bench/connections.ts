// Connections and throughput when a service makes a client per request (issue 21), side by side in one
// run, over TLS on 127.0.0.1 with a self-signed CA made at bench time (openssl). The server runs in a
// child process and counts the TLS handshakes each of its ports accepts (one port per variant, so every
// variant has its own pools). Then 10 000 clients are made per request and dropped: what stays behind
// (sockets, handles, heap after GC).
// Run: npm run bench:connections   (options: -- --runs 5 --calls 400 --concurrency 8 --clients 10000
//      --src ../dist --before <dir of an older build or src/ to measure beside it> --no-thoughtspot-sdk)
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Sdk from "../src/index.js";
import { selfSignedCertificate } from "../test/support/tls.js";
import { median, option } from "./args.js";

const args = process.argv.slice(2);
const RUNS = Number(option("runs", "5"));
const CALLS = Number(option("calls", "400"));
const CONCURRENCY = Number(option("concurrency", "8"));
const CLIENTS = Number(option("clients", "10000"));
// --src <dir>: the code to measure (default ../src; ../dist for the built package, as users run it).
const SRC = option("src", "../src");
const BEFORE = option("before", "");
const BEFORE_CLIENTS = Number(option("before-clients", "1000"));
const WITH_TS_SDK = !args.includes("--no-thoughtspot-sdk");
const HERE = dirname(fileURLToPath(import.meta.url));
const TOKEN = "bench-token-0123456789abcdef";

// ThoughtSpot's SDK is installed for the bench only, beside it (bench/.out is not committed), never a dependency.
const TS_SDK_DIR = join(HERE, ".out", "ts-sdk");

async function parent() {
  const dir = mkdtempSync(join(tmpdir(), "ts-bench-tls-"));
  try {
    const { key, cert } = selfSignedCertificate();
    writeFileSync(join(dir, "key.pem"), key);
    writeFileSync(join(dir, "cert.pem"), cert);
    if (WITH_TS_SDK && !existsSync(join(TS_SDK_DIR, "node_modules", "@thoughtspot", "rest-api-sdk"))) {
      mkdirSync(TS_SDK_DIR, { recursive: true });
      writeFileSync(join(TS_SDK_DIR, "package.json"), '{ "name": "ts-sdk-bench", "private": true }\n');
      try {
        execFileSync(
          "npm",
          ["install", "--no-save", "--no-audit", "--no-fund", "@thoughtspot/rest-api-sdk"],
          {
            cwd: TS_SDK_DIR,
            stdio: "ignore",
          },
        );
      } catch {
        console.log("(@thoughtspot/rest-api-sdk could not be installed: its variant is left out)\n");
      }
    }
    // Plain fetch and ThoughtSpot's SDK trust the CA through NODE_EXTRA_CA_CERTS, read at start-up: so the
    // measuring process is a child that starts with it.
    const child = spawn(
      process.execPath,
      ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), ...args],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          NODE_EXTRA_CA_CERTS: join(dir, "cert.pem"),
          BENCH_TLS_DIR: dir,
        },
      },
    );
    const [code] = (await once(child, "exit")) as [number];
    process.exitCode = code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const serverCode = `
const { createServer } = require("node:https");
const { readFileSync } = require("node:fs");
const dir = process.env.BENCH_TLS_DIR;
const tls = { key: readFileSync(dir + "/key.pem"), cert: readFileSync(dir + "/cert.pem") };
const users = JSON.stringify([
  { id: "u1", name: "alice", display_name: "Alice", visibility: "SHARABLE", account_status: "ACTIVE" },
  { id: "u2", name: "bob", display_name: "Bob", visibility: "SHARABLE", account_status: "ACTIVE" },
]);
const counts = {};
const open = {};
const ports = [];
const count = Number(process.argv[1]);
let ready = 0;
for (let i = 0; i < count; i++) {
  const server = createServer(tls, (req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/stats") {
        res.writeHead(200, { "Content-Type": "application/json" });
        return res.end(JSON.stringify({ counts, open }));
      }
      if (!String(req.headers.authorization).startsWith("Bearer ")) { res.writeHead(401).end(); return; }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(users);
    });
  });
  server.keepAliveTimeout = 60000;
  server.on("secureConnection", (socket) => {
    const port = server.address().port;
    counts[port]++;
    open[port]++;
    socket.on("close", () => { open[port]--; });
  });
  server.listen(0, "127.0.0.1", () => {
    counts[server.address().port] = 0;
    open[server.address().port] = 0;
    ports[i] = server.address().port;
    if (++ready === count) process.stdout.write(JSON.stringify(ports) + "\\n");
  });
}
`;

type Call = (i: number) => Promise<unknown>;

async function run(call: Call, calls: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < calls) await call(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return calls / ((performance.now() - started) / 1000);
}

const check = (users: unknown) => {
  if (!Array.isArray(users) || users.length !== 2) throw new Error("unexpected answer");
};

function resources(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of (
    process as unknown as { getActiveResourcesInfo(): string[] }
  ).getActiveResourcesInfo()) {
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((done) => setTimeout(done, 20));
  }
  return process.memoryUsage().heapUsed;
}

async function measure() {
  const dir = process.env.BENCH_TLS_DIR!;
  const ca = readFileSync(join(dir, "cert.pem"), "utf8");
  const now = (await import(`${SRC}/index.js`)) as typeof Sdk;
  const before = BEFORE
    ? ((await import(
        pathToFileURL(resolve(BEFORE, existsSync(resolve(BEFORE, "index.mjs")) ? "index.mjs" : "index.js"))
          .href
      )) as typeof Sdk)
    : undefined;
  type TsSdk = {
    ThoughtSpotRestApi: new (config: unknown) => { searchUsers(body: object): Promise<unknown> };
    createBearerAuthenticationConfig(host: string, token: () => Promise<string>): unknown;
  };
  let tsSdk: TsSdk | undefined;
  if (WITH_TS_SDK) {
    const entry = join(TS_SDK_DIR, "node_modules", "@thoughtspot", "rest-api-sdk", "dist", "index.js");
    if (existsSync(entry)) tsSdk = (await import(pathToFileURL(entry).href)) as TsSdk;
  }
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const body = { record_offset: 0, record_size: 10 };

  const variants: { name: string; make: (url: string) => Call }[] = [
    {
      name: "(a) plain fetch (global pool)",
      make: (url) => async () => {
        const response = await fetch(`${url}/api/rest/2.0/users/search`, {
          method: "POST",
          headers: {
            Accept: "application/json",
            Authorization: `Bearer ${TOKEN}`,
            "Content-Type": "application/json",
          },
          body: JSON.stringify(body),
        });
        check(await response.json());
      },
    },
    {
      name: "(b) one SDK client",
      make: (url) => {
        const ts = now.createThoughtSpotClient({ serverUrl: url, auth: { token: TOKEN } });
        return async () => check(await ts.api.v2.searchUsers(body));
      },
    },
    {
      name: "(c) a new SDK client per request",
      make: (url) => async (i) =>
        check(
          await now
            .createThoughtSpotClient({ serverUrl: url, auth: { token: `${TOKEN}-${i}` } })
            .api.v2.searchUsers(body),
        ),
    },
    {
      name: "(d) a new SDK client per request, `tls: { ca }`",
      make: (url) => async (i) =>
        check(
          await now
            .createThoughtSpotClient({ serverUrl: url, auth: { token: `${TOKEN}-${i}` }, tls: { ca } })
            .api.v2.searchUsers(body),
        ),
    },
    {
      name: "(e) one SDK client, fixed `timeoutMs`",
      make: (url) => {
        const ts = now.createThoughtSpotClient({ serverUrl: url, auth: { token: TOKEN }, timeoutMs: 30_000 });
        return async () => check(await ts.api.v2.searchUsers(body));
      },
    },
    {
      name: "(f) one SDK client, a different `timeoutMs` on every call",
      make: (url) => {
        const ts = now.createThoughtSpotClient({ serverUrl: url, auth: { token: TOKEN } });
        let n = 0;
        return async () => check(await ts.api.v2.searchUsers(body, { timeoutMs: 30_000 + n++ }));
      },
    },
  ];
  if (tsSdk) {
    const sdk = tsSdk;
    variants.push({
      name: "(g) ThoughtSpot's @thoughtspot/rest-api-sdk, a new client per request",
      make: (url) => async (i) => {
        const api = new sdk.ThoughtSpotRestApi(
          sdk.createBearerAuthenticationConfig(url, async () => `${TOKEN}-${i}`),
        );
        check(await api.searchUsers(body));
      },
    });
  }
  if (before) {
    const old = before;
    variants.push(
      {
        name: "(c0) before: a new SDK client per request",
        make: (url) => async (i) =>
          check(
            await old
              .createThoughtSpotClient({ serverUrl: url, auth: { token: `${TOKEN}-${i}` }, logger: quiet })
              .api.v2.searchUsers(body),
          ),
      },
      {
        name: "(f0) before: one SDK client, a different `timeoutMs` on every call",
        make: (url) => {
          const ts = old.createThoughtSpotClient({ serverUrl: url, auth: { token: TOKEN } });
          let n = 0;
          return async () => check(await ts.api.v2.searchUsers(body, { timeoutMs: 30_000 + n++ }));
        },
      },
    );
  }

  // One port per variant, one more for the 10 000 clients (and one for the "before" code's).
  const server = spawn(process.execPath, ["-e", serverCode, String(variants.length + 2)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env },
  });
  const [chunk] = (await once(server.stdout!, "data")) as [Buffer];
  const ports = JSON.parse(chunk.toString()) as number[];
  const urlOf = (port: number) => `https://127.0.0.1:${port}`;
  const serverStats = async () =>
    (await (await fetch(`${urlOf(ports[ports.length - 1]!)}/stats`)).json()) as {
      counts: Record<string, number>;
      open: Record<string, number>;
    };
  const stats = async () => (await serverStats()).counts;

  // 10 000 clients, one call each, then dropped: what outlives them.
  async function manyClients(sdk: typeof Sdk, count: number, port: number, label: string) {
    const url = urlOf(port);
    // Warm-up (code compiled, pool open), so the heap before holds what any later call needs too.
    await run(
      async (i) =>
        check(
          await sdk
            .createThoughtSpotClient({ serverUrl: url, auth: { token: `${TOKEN}-w${i}` }, logger: quiet })
            .api.v2.searchUsers(body),
        ),
      Math.min(count, 500),
      CONCURRENCY,
    );
    const heap0 = await settledHeap();
    const res0 = resources();
    const hs0 = (await stats())[String(port)]!;
    const started = performance.now();
    await run(
      async (i) =>
        check(
          await sdk
            .createThoughtSpotClient({ serverUrl: url, auth: { token: `${TOKEN}-${i}` }, logger: quiet })
            .api.v2.searchUsers(body),
        ),
      count,
      CONCURRENCY,
    );
    const seconds = (performance.now() - started) / 1000;
    const heap1 = await settledHeap();
    const res1 = resources();
    const hs1 = (await stats())[String(port)]!;
    const openNow = (await serverStats()).open[String(port)]!;
    // undici closes idle sockets after its keep-alive time (4 s); what a dropped client left open closes then or never.
    await new Promise((done) => setTimeout(done, 5_000));
    const openLater = (await serverStats()).open[String(port)]!;
    const kinds = [...new Set([...Object.keys(res0), ...Object.keys(res1)])].sort();
    const grown = kinds
      .map((k) => [k, (res1[k] ?? 0) - (res0[k] ?? 0)] as const)
      .filter(([, d]) => d !== 0)
      .map(([k, d]) => `${k} ${d > 0 ? "+" : ""}${d}`);
    console.log(
      `| ${label} | ${count} | ${hs1 - hs0} | ${Math.round(count / seconds)} | ${((heap1 - heap0) / 1024 / 1024).toFixed(2)} MiB | ${openNow} → ${openLater} | ${grown.join(", ") || "none"} |`,
    );
  }
  // First, while the heap holds nothing of the other variants: 10 000 clients, one call each, then dropped.
  console.log(
    "| code | clients made, one call each | TLS handshakes | calls/s | heap after GC vs before | sockets open at the server: right after → 5 s later | handles keeping Node alive vs before |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---|");
  await manyClients(now, CLIENTS, ports[variants.length]!, "this branch");
  if (before) await manyClients(before, BEFORE_CLIENTS, ports[variants.length + 1]!, "before");

  console.log(
    `\nNode ${process.version}, ${process.platform}/${process.arch}; TLS on 127.0.0.1, self-signed CA made now; ` +
      `${RUNS} runs × ${CALLS} calls, ${CONCURRENCY} at a time, per variant, variants interleaved (rotated order).\n`,
  );
  const calls = variants.map((v, i) => v.make(urlOf(ports[i]!)));
  const rps = variants.map(() => [] as number[]);
  const handshakes = variants.map(() => [] as number[]);
  for (let r = 0; r < RUNS; r++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + r) % variants.length;
      const port = String(ports[i]);
      const was = (await stats())[port]!;
      rps[i]!.push(await run(calls[i]!, CALLS, CONCURRENCY));
      handshakes[i]!.push((await stats())[port]! - was);
    }
  }
  const base = median(rps[0]!);
  console.log(
    `| variant | TLS handshakes, first run of ${CALLS} calls | handshakes, all ${RUNS} runs | median calls/s | min – max | vs plain fetch |`,
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  variants.forEach((v, i) => {
    const m = median(rps[i]!);
    console.log(
      `| ${v.name} | ${handshakes[i]![0]} | ${handshakes[i]!.reduce((a, b) => a + b, 0)} | ${Math.round(m)} | ${Math.round(
        Math.min(...rps[i]!),
      )} – ${Math.round(Math.max(...rps[i]!))} | ${(m / base).toFixed(2)}× |`,
    );
  });

  server.kill();
}

if (process.env.BENCH_TLS_DIR) {
  measure().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  parent().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
