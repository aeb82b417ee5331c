// Connections shared across clients (issue 21): clients with the same TLS settings share one pool per
// process, per-call timeouts never open connections, TLS settings keep their own pools, and one
// client's credentials never reach another's request. Servers on 127.0.0.1 count what they accept.
import { afterEach, describe, expect, it } from "vitest";
import { poolCount } from "../../src/core/pool.js";
import { createThoughtSpotClient, NetworkError } from "../../src/index.js";
import {
  type CountingServer,
  type Handle,
  selfSignedCertificate,
  startCountingServer,
} from "../support/counting-server.js";
import { type FakeThoughtSpot, startFakeThoughtSpot } from "../support/fake-thoughtspot.js";
import { json } from "../support/server.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const answer: Handle = (req, res) => {
  if (req.url?.endsWith("/report/liveboard")) {
    res.writeHead(200, { "Content-Type": "application/octet-stream" });
    return res.end(Buffer.from("%PDF-1.7 pool"));
  }
  json(res, 200, []);
};

async function server(handle: Handle = answer, tls?: { key: string; cert: string }): Promise<CountingServer> {
  const started = await startCountingServer(handle, tls);
  open.push(started);
  return started;
}

/** `calls` calls, `parallel` at a time, each through `send`. */
async function run(calls: number, parallel: number, send: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < calls) await send(next++);
    }),
  );
}

const token = (i: number) => `token-${i}-abcdefgh`;
// undici hands a socket back to its pool a moment after the answer is read; a call sent in that moment
// opens another, with plain fetch too. Sequential checks of exact counts leave that moment between calls.
const settle = () => new Promise((done) => setTimeout(done, 5));

describe("many clients, one pool", () => {
  it("a new client per request opens at most 2x the connections of plain fetch, side by side", async () => {
    const plain = await server();
    const sdk = await server();
    const body = JSON.stringify({});
    await run(80, 8, (i) =>
      fetch(`${plain.url}/api/rest/2.0/users/search`, {
        method: "POST",
        headers: { authorization: `Bearer ${token(i)}`, "content-type": "application/json" },
        body,
      }).then((r) => r.json()),
    );
    await run(80, 8, (i) =>
      createThoughtSpotClient({
        serverUrl: sdk.url,
        auth: { token: token(i) },
        maxRetries: 0,
      }).api.v2.searchUsers(),
    );
    expect(sdk.connections()).toBeGreaterThan(0);
    // One pool per client would open 80.
    expect(sdk.connections()).toBeLessThanOrEqual(Math.max(2 * plain.connections(), 8));
  });

  it("80 clients one after another use one connection", async () => {
    const s = await server();
    for (let i = 0; i < 80; i++) {
      await createThoughtSpotClient({ serverUrl: s.url, auth: { token: token(i) } }).api.v2.searchUsers();
      await settle();
    }
    expect(s.connections()).toBe(1);
  });

  it("shares the pool of Node's global fetch when no TLS option is given", async () => {
    const s = await server();
    await fetch(`${s.url}/warm`, { method: "POST" }).then((r) => r.text());
    await settle();
    expect(s.connections()).toBe(1);
    const ts = createThoughtSpotClient({ serverUrl: s.url, auth: { token: token(1) }, maxRetries: 0 });
    for (let i = 0; i < 5; i++) {
      await ts.api.v2.searchUsers();
      await settle();
    }
    expect(s.connections()).toBe(1);
  });

  it("a different timeoutMs on every call opens no more connections than a fixed one", async () => {
    const fixed = await server();
    const varying = await server();
    const a = createThoughtSpotClient({ serverUrl: fixed.url, auth: { token: token(1) }, timeoutMs: 5_000 });
    const b = createThoughtSpotClient({ serverUrl: varying.url, auth: { token: token(2) } });
    for (let i = 0; i < 40; i++) {
      await a.api.v2.searchUsers();
      await b.api.v2.searchUsers({}, { timeoutMs: 5_000 + i });
      await settle();
    }
    expect(fixed.connections()).toBe(1);
    expect(varying.connections()).toBe(1);
    // In parallel too: a pool per timeout would open one per call.
    await run(40, 4, (i) => b.api.v2.searchUsers({}, { timeoutMs: 9_000 + i }));
    expect(varying.connections()).toBeLessThanOrEqual(8);
  });

  it("downloads and multipart bodies (the fetch path) use the same pool", async () => {
    const s = await server();
    const ts = createThoughtSpotClient({ serverUrl: s.url, auth: { token: token(1) }, maxRetries: 0 });
    await ts.api.v2.searchUsers();
    await settle();
    const before = s.connections();
    for (let i = 0; i < 5; i++) {
      const bytes = await ts.download("exportLiveboardReport", {
        metadata_identifier: "lb",
        file_format: "PDF",
      });
      expect(new TextDecoder().decode(bytes as Uint8Array)).toBe("%PDF-1.7 pool");
      await settle();
    }
    expect(s.connections()).toBe(before);
  });
});

describe("clients made and dropped", () => {
  it("leave no timer, handle or pool behind", async () => {
    const s = await server();
    const kinds = () => {
      const out: Record<string, number> = {};
      for (const kind of process.getActiveResourcesInfo()) out[kind] = (out[kind] ?? 0) + 1;
      return out;
    };
    const warm = async (n: number) =>
      run(n, 8, (i) =>
        createThoughtSpotClient({
          serverUrl: s.url,
          auth: { token: token(i) },
          timeoutMs: 10_000 + i,
        }).api.v2.searchUsers(),
      );
    await warm(50);
    await settle();
    const pools = poolCount();
    const before = kinds();
    const connectionsBefore = s.connections();
    await warm(400);
    await settle();
    const after = kinds();
    // Timers of calls are cleared when they end.
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    // Socket handles (both ends live in this process) only for connections the shared pool added, not per client.
    const added = s.connections() - connectionsBefore;
    expect((after.TCPSocketWrap ?? 0) - (before.TCPSocketWrap ?? 0)).toBeLessThanOrEqual(2 * added);
    expect(poolCount()).toBe(pools);
    expect(s.connections()).toBeLessThanOrEqual(16);
  });
});

describe("TLS settings", () => {
  const pair = selfSignedCertificate();

  it("clients with the same private CA share one pool; rejectUnauthorized: false has its own", async () => {
    const s = await server(answer, pair);
    const pools = poolCount();
    for (let i = 0; i < 20; i++) {
      // A new options object (and a new string) each time: the pool is found by the CA's text.
      const ts = createThoughtSpotClient({
        serverUrl: s.url,
        auth: { token: token(i) },
        tls: { ca: `${pair.cert}` },
      });
      await expect(ts.api.v2.searchUsers()).resolves.toEqual([]);
      await settle();
    }
    expect(s.connections()).toBe(1);
    expect(poolCount()).toBe(pools + 1);

    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    for (let i = 0; i < 5; i++) {
      const insecure = createThoughtSpotClient({
        serverUrl: s.url,
        auth: { token: token(i) },
        tls: { rejectUnauthorized: false },
        logger: quiet,
      });
      await insecure.api.v2.searchUsers();
      await settle();
    }
    // One more handshake: the insecure pool never lends its sockets to the CA clients, nor borrows theirs.
    expect(s.connections()).toBe(2);
    expect(poolCount()).toBe(pools + 2);

    // A download through the CA pool (fetch with the pool as dispatcher) trusts the same CA.
    const withCa = createThoughtSpotClient({
      serverUrl: s.url,
      auth: { token: token(9) },
      tls: { ca: pair.cert },
    });
    await expect(
      withCa.download("exportLiveboardReport", { metadata_identifier: "lb", file_format: "PDF" }),
    ).resolves.toBeInstanceOf(Uint8Array);
    expect(s.connections()).toBe(2);

    // And a client without the option still refuses the certificate: nothing of it is process-wide.
    const plain = createThoughtSpotClient({ serverUrl: s.url, auth: { token: token(1) }, maxRetries: 0 });
    await expect(plain.api.v2.searchUsers()).rejects.toBeInstanceOf(NetworkError);
  });
});

describe("credentials stay per client", () => {
  it("tokens: every request carries its own client's token, under interleaving", async () => {
    const seen: { who: string; auth: string }[] = [];
    const s = await server((req, res) => {
      seen.push({ who: String(req.headers["x-who"]), auth: String(req.headers.authorization) });
      // Answers come back out of order, so requests of different clients overlap on the shared sockets.
      setTimeout(() => json(res, 200, []), Math.floor(Math.random() * 5));
    });
    const clients = Array.from({ length: 6 }, (_, i) =>
      createThoughtSpotClient({
        serverUrl: s.url,
        auth: { token: token(i) },
        headers: { "x-who": String(i) },
      }),
    );
    await run(120, 12, (i) => clients[i % clients.length]!.api.v2.searchUsers());
    expect(seen).toHaveLength(120);
    for (const { who, auth } of seen) expect(auth).toBe(`Bearer ${token(Number(who))}`);
  });

  it("session cookies: each client sends only the cookie of its own login", async () => {
    const fake: FakeThoughtSpot = await startFakeThoughtSpot();
    open.push(fake);
    fake.users.analyst = { password: "analyst-Passw0rd!" };
    const admin = createThoughtSpotClient({
      serverUrl: fake.url,
      auth: { username: "tsadmin", password: "admin-Passw0rd!", session: true },
      headers: { "x-who": "tsadmin" },
    });
    const analyst = createThoughtSpotClient({
      serverUrl: fake.url,
      auth: { username: "analyst", password: "analyst-Passw0rd!", session: true },
      headers: { "x-who": "analyst" },
    });
    await run(40, 8, (i) => (i % 2 ? admin : analyst).api.v2.searchUsers());
    const calls = fake.requests.filter((r) => r.url.endsWith("/users/search"));
    expect(calls).toHaveLength(40);
    for (const call of calls) {
      const id = /JSESSIONID=([^;]+)/.exec(String(call.headers.cookie))?.[1];
      expect(fake.sessions.get(String(id))?.user).toBe(call.headers["x-who"]);
    }
  });
});
