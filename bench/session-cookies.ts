// Cost per call of a long-lived cookie-session client whose server sets cookies on every answer
// (issue #20, item 4): a load balancer rotating a stickiness cookie, and a hostile server sending 600
// cookies per answer. The client is the real one (cookie jar, redactor, engine) over an in-memory
// fetch, so the numbers are the SDK's own cost per call, not the network's. Alongside, in the same
// run: the redactor alone, as it is now and as it was (every value taught forever, re-sorted per add).
// Run: npx tsx bench/session-cookies.ts   (options: --calls 100000 --batch 1000)
import { createThoughtSpotClient } from "../src/index.js";
import { Redactor } from "../src/redact.js";
import { option } from "./args.js";

const CALLS = Number(option("calls", "100000"));
const BATCH = Number(option("batch", "1000"));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const fmt = (ms: number) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);

/** A session client over an in-memory ThoughtSpot whose answers carry `cookies(call)`. */
function sessionClient(cookies: (call: number) => string[]) {
  let call = 0;
  const fetch = async (request: Request) => {
    await request.arrayBuffer();
    const headers = new Headers({ "Content-Type": "application/json" });
    if (request.url.endsWith("/auth/session/login")) {
      headers.append("Set-Cookie", "JSESSIONID=bench-session-0123456789; Path=/; HttpOnly");
      const login = new Response(null, { status: 204, headers });
      Object.defineProperty(login, "url", { value: request.url });
      return login;
    }
    for (const line of cookies(call++)) headers.append("Set-Cookie", line);
    const response = new Response('[{"id":"u1","name":"alice"}]', { status: 200, headers });
    Object.defineProperty(response, "url", { value: request.url });
    return response;
  };
  return createThoughtSpotClient({
    serverUrl: "http://127.0.0.1:9",
    auth: { username: "bench", password: "bench-password", session: true },
    fetch,
    maxRetries: 0,
  });
}

/** Per-call time of each batch of `batch` sequential calls. */
async function perCall(ts: ReturnType<typeof sessionClient>, calls: number, batch: number) {
  const batches: number[] = [];
  for (let done = 0; done < calls; done += batch) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) await ts.api.v2.searchUsers({});
    batches.push((performance.now() - started) / batch);
  }
  return batches;
}

function report(title: string, batches: number[], calls: number) {
  const head = median(batches.slice(1, 6));
  const tail = median(batches.slice(-5));
  console.log(
    `| ${title} | ${calls.toLocaleString("en")} | ${fmt(head)} | ${fmt(tail)} | ${(tail / head).toFixed(2)} |`,
  );
}

/** The redactor as it was: every value kept, a duplicate check and a re-sort per add. */
class FormerRedactor {
  #variants: string[] = [];
  add(secret: string) {
    const form = new URLSearchParams({ x: secret }).toString().slice(2);
    const json = JSON.stringify(secret).slice(1, -1);
    for (const v of new Set([secret, encodeURIComponent(secret), form, json]))
      if (v && !this.#variants.includes(v)) this.#variants.push(v);
    this.#variants.sort((a, b) => b.length - a.length);
  }
}

function redactorAlone(adds: number, batch: number) {
  const value = (n: number) => `AWSALB-${n.toString(36)}-${"v".repeat(100)}`;
  const timed = (add: (n: number) => void) => {
    const batches: number[] = [];
    for (let done = 0; done < adds; done += batch) {
      const started = performance.now();
      for (let i = done; i < done + batch; i++) add(i);
      batches.push((performance.now() - started) / batch);
    }
    return batches;
  };
  const now = new Redactor(["bench-password"]);
  const former = new FormerRedactor();
  return {
    now: timed((n) => now.cookie("AWSALB\u0000\u0000/", value(n))),
    former: timed((n) => former.add(value(n))),
  };
}

/** Both clients, batch by batch in turn, so a busy machine slows both alike. */
async function sideBySide(
  a: ReturnType<typeof sessionClient>,
  b: ReturnType<typeof sessionClient>,
  calls: number,
  batch: number,
) {
  const one = async (ts: ReturnType<typeof sessionClient>) => {
    const started = performance.now();
    for (let i = 0; i < batch; i++) await ts.api.v2.searchUsers({});
    return (performance.now() - started) / batch;
  };
  const times = { a: [] as number[], b: [] as number[] };
  for (let done = 0; done < calls; done += batch) {
    times.a.push(await one(a));
    times.b.push(await one(b));
  }
  return times;
}

async function main() {
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log(
    "| scenario | calls | per call, batches 2-6 (median) | per call, last 5 batches (median) | last / first |",
  );
  console.log("|---|---:|---:|---:|---:|");

  const sticky = sessionClient((n) => [`AWSALB=${n.toString(36)}${"s".repeat(120)}; Path=/; Max-Age=604800`]);
  const plain = sessionClient(() => []);
  await sticky.login();
  await plain.login();
  const run = await sideBySide(sticky, plain, CALLS, BATCH);
  report("session client, stickiness cookie rotated on every answer", run.a, CALLS);
  report("the same, side by side: session client, no cookies after login", run.b, CALLS);
  const ratio = run.a.map((t, i) => t / run.b[i]!);
  console.log(
    `| rotated / no cookies, batch by batch | ${CALLS.toLocaleString("en")} | ${median(ratio.slice(1, 6)).toFixed(2)} | ${median(ratio.slice(-5)).toFixed(2)} | ${(median(ratio.slice(-5)) / median(ratio.slice(1, 6))).toFixed(2)} |`,
  );

  const hostileCalls = Math.min(CALLS, 2_000);
  const flood = sessionClient((n) =>
    Array.from({ length: 600 }, (_, i) => `c${i}=${n.toString(36)}-${i}-${"h".repeat(24)}; Path=/`),
  );
  await flood.login();
  report(
    "session client, 600 cookies (same names, new values) per answer",
    await perCall(flood, hostileCalls, 100),
    hostileCalls,
  );

  const adds = Math.min(CALLS, 40_000);
  const alone = redactorAlone(adds, BATCH);
  report("the redactor alone: a rotated cookie value (now)", alone.now, adds);
  report("the redactor alone: the same values, as it was (taught forever, re-sorted)", alone.former, adds);
}

await main();
