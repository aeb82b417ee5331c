// Retries, timeouts, aborts, logging and redaction against the fake ThoughtSpot on 127.0.0.1.
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createThoughtSpotClient,
  NetworkError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  type ThoughtSpotClientOptions,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { type FakeThoughtSpot, startFakeThoughtSpot } from "../support/fake-thoughtspot.js";
import { selfSignedCertificate } from "../support/tls.js";

let ts: FakeThoughtSpot;
beforeEach(async () => {
  ts = await startFakeThoughtSpot();
});
afterEach(() => ts.close());

const PASSWORD = "admin-Passw0rd!";
const lines: string[] = [];
const logger = {
  debug: (m: string, f?: object) => lines.push(`debug ${m} ${JSON.stringify(f)}`),
  info: (m: string, f?: object) => lines.push(`info ${m} ${JSON.stringify(f)}`),
  warn: (m: string, f?: object) => lines.push(`warn ${m} ${JSON.stringify(f)}`),
  error: (m: string, f?: object) => lines.push(`error ${m} ${JSON.stringify(f)}`),
};
const client = (extra: Partial<ThoughtSpotClientOptions> = {}) =>
  createThoughtSpotClient({ serverUrl: ts.url, auth: { username: "tsadmin", password: PASSWORD }, ...extra });
const attemptTimes = (pathEnd: string) => ts.requests.filter((r) => r.url.endsWith(pathEnd)).length;

describe("retries", () => {
  it("retries a read (searchUsers) on 503, 502, 504 and succeeds", async () => {
    ts.inject("/users/search", { kind: "status", status: 503 }, { kind: "html", status: 502 });
    await expect(client().api.v2.searchUsers()).resolves.toEqual([]);
    expect(attemptTimes("/users/search")).toBe(3);
  });

  it("never retries a create (createUser) on 503", async () => {
    ts.inject("/users/create", { kind: "status", status: 503 });
    const error = await caught(
      client().api.v2.createUser({ name: "n", display_name: "N", password: "p", email: "n@example.com" }),
    );
    expect(error).toBeInstanceOf(ServerError);
    expect(attemptTimes("/users/create")).toBe(1);
  });

  it("retries even a create on 429, honouring Retry-After in seconds", async () => {
    ts.inject("/users/create", { kind: "status", status: 429, headers: { "Retry-After": "1" } });
    const started = performance.now();
    const user = await client().api.v2.createUser({
      name: "n",
      display_name: "N",
      password: "p",
      email: "n@example.com",
    });
    const elapsed = performance.now() - started;
    expect(user.name).toBe("n");
    expect(attemptTimes("/users/create")).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  it("honours Retry-After as an HTTP date", async () => {
    const when = new Date(Date.now() + 2000).toUTCString(); // second resolution: 1–2 s from now
    ts.inject("/users/search", { kind: "status", status: 503, headers: { "Retry-After": when } });
    const started = performance.now();
    await client().api.v2.searchUsers();
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(attemptTimes("/users/search")).toBe(2);
  });

  it("gives up after maxRetries with growing, jittered back-off", async () => {
    ts.inject(
      "/users/search",
      ...Array.from({ length: 5 }, () => ({ kind: "status" as const, status: 503 })),
    );
    const c = client({ maxRetries: 2 });
    await c.login();
    const started = performance.now();
    await expect(c.api.v2.searchUsers()).rejects.toBeInstanceOf(ServerError);
    const elapsed = performance.now() - started;
    expect(attemptTimes("/users/search")).toBe(3);
    // Waits of 0.5 s then 1 s, each less up to 25% jitter: between 1.125 s and ~1.5 s plus request time.
    expect(elapsed).toBeGreaterThanOrEqual(1100);
    expect(elapsed).toBeLessThan(3000);
  });

  it("per-call maxRetries overrides the client's", async () => {
    ts.inject("/users/search", { kind: "status", status: 503 });
    await expect(client().api.v2.searchUsers({}, { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(attemptTimes("/users/search")).toBe(1);
  });

  it("a Retry-After beyond 60 s is not waited out: RateLimitError with retryAfterMs", async () => {
    ts.inject("/users/search", { kind: "status", status: 429, headers: { "Retry-After": "3600" } });
    const error = await caught<RateLimitError>(client().api.v2.searchUsers());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(attemptTimes("/users/search")).toBe(1);
  });

  it("retries a read after a connection reset; a write gets a NetworkError", async () => {
    ts.inject("/users/search", { kind: "reset" });
    await expect(client().api.v2.searchUsers()).resolves.toEqual([]);
    expect(attemptTimes("/users/search")).toBe(2);

    ts.inject("/users/create", { kind: "reset" });
    await expect(
      client().api.v2.createUser({ name: "n", display_name: "N", password: "p", email: "n@example.com" }),
    ).rejects.toBeInstanceOf(NetworkError);
    expect(attemptTimes("/users/create")).toBe(1);
  });

  it("raw ts.v2 calls get the same retry rules from the operation table", async () => {
    ts.inject("/users/search", { kind: "status", status: 503 });
    const { data, response } = await client().v2.POST("/api/rest/2.0/users/search", { body: {} });
    expect(data).toEqual([]);
    expect(attemptTimes("/users/search")).toBe(2);
    // The Response handed back is the answer's, URL included.
    expect(response.url).toBe(`${ts.url}/api/rest/2.0/users/search`);
  });

  it("malformed JSON in a 200 → ThoughtSpotError", async () => {
    ts.inject("/users/search", { kind: "malformed" });
    await expect(client().api.v2.searchUsers()).rejects.toThrow(/not valid JSON/);
  });
});

describe("timeouts and aborts", () => {
  it("a slow answer → RequestTimeoutError per attempt (retried for reads)", async () => {
    ts.inject("/users/search", { kind: "slow", ms: 1500 }, { kind: "slow", ms: 1500 });
    const c = client({ timeoutMs: 200, maxRetries: 1 });
    await c.login();
    const error = await caught(c.api.v2.searchUsers());
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error.message).toMatch(/within 200 ms/);
    expect(attemptTimes("/users/search")).toBe(2);
  });

  it("per-call timeoutMs", async () => {
    ts.inject("/users/search", { kind: "slow", ms: 1500 });
    const c = client({ maxRetries: 0 });
    await c.login();
    await expect(c.api.v2.searchUsers({}, { timeoutMs: 100 })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("the caller's AbortSignal → RequestAbortedError, not a timeout, and no retry", async () => {
    ts.inject("/users/search", { kind: "slow", ms: 1500 });
    const c = client();
    await c.login();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await caught(c.api.v2.searchUsers({}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).not.toBeInstanceOf(RequestTimeoutError);
    expect(attemptTimes("/users/search")).toBe(1);
  });

  it("aborting while waiting to retry stops at once", async () => {
    ts.inject("/users/search", { kind: "status", status: 503, headers: { "Retry-After": "30" } });
    const c = client();
    await c.login();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    await expect(c.api.v2.searchUsers({}, { signal: controller.signal })).rejects.toBeInstanceOf(
      RequestAbortedError,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("logging and redaction", () => {
  it("logs method, path, status, duration and attempt; never a secret", async () => {
    lines.length = 0;
    ts.inject("/users/search", {
      kind: "status",
      status: 503,
      body: { error: { message: { debug: `echo ${PASSWORD} ${ts.secretKey}` } } },
    });
    const c = client({ logger, logLevel: "debug" });
    await c.api.v2.searchUsers();
    const search = lines.filter((l) => l.includes("/users/search"));
    expect(search[0]).toMatch(/^warn POST \/api\/rest\/2.0\/users\/search 503 \d+ms attempt 1 /);
    expect(search[1]).toMatch(/^debug POST \/api\/rest\/2.0\/users\/search 200 \d+ms attempt 2 /);
    expect(JSON.parse(search[1]!.replace(/^.*? attempt 2 /, ""))).toMatchObject({
      method: "POST",
      path: "/api/rest/2.0/users/search",
      status: 200,
      attempt: 2,
      operationId: "searchUsers",
    });
    const token = [...ts.tokens.keys()][0]!;
    for (const line of lines) {
      for (const secret of [PASSWORD, token, "JSESSIONID"]) expect(line).not.toContain(secret);
    }
  });

  it("silent by default, and info level skips per-attempt debug lines", async () => {
    lines.length = 0;
    await client({ logger, logLevel: "info" }).api.v2.searchUsers();
    expect(lines).toEqual([]);
  });

  it("no password, secret key, token or cookie in any error output", async () => {
    const secretClient = createThoughtSpotClient({
      serverUrl: ts.url,
      auth: { username: "tsadmin", secretKey: ts.secretKey },
      maxRetries: 0,
    });
    await secretClient.login();
    const token = [...ts.tokens.keys()][0]!;
    ts.inject("/users/search", {
      kind: "status",
      status: 500,
      body: { error: { message: { debug: `token=${token} key=${ts.secretKey} pw=${PASSWORD}`, code: 1 } } },
      headers: { "Set-Cookie": "JSESSIONID=sess-leak-0123456789; Path=/" },
    });
    const error = await caught(secretClient.api.v2.searchUsers());
    expect(error).toBeInstanceOf(ServerError);
    const outputs = [
      error.message,
      error.stack ?? "",
      JSON.stringify(error),
      inspect(error, { depth: 20, showHidden: false }),
      String(error),
    ];
    for (const out of outputs) {
      for (const secret of [token, ts.secretKey, "sess-leak-0123456789"]) expect(out).not.toContain(secret);
    }
    expect(error.message).toContain("[REDACTED]");
  });
});

describe("TLS, scoped to one client", () => {
  it("a self-signed cluster fails by default, works with tls.ca or rejectUnauthorized: false (with a warning)", async () => {
    const { key, cert } = selfSignedCertificate();
    const server = createServer({ key, cert }, (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("[]");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const serverUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const plain = createThoughtSpotClient({ serverUrl, auth: { token: "t-123456" }, maxRetries: 0 });
      await expect(plain.api.v2.searchUsers()).rejects.toBeInstanceOf(NetworkError);

      const withCa = createThoughtSpotClient({ serverUrl, auth: { token: "t-123456" }, tls: { ca: cert } });
      await expect(withCa.api.v2.searchUsers()).resolves.toEqual([]);

      lines.length = 0;
      const insecure = createThoughtSpotClient({
        serverUrl,
        auth: { token: "t-123456" },
        tls: { rejectUnauthorized: false },
        logger,
      });
      expect(lines.join("\n")).toMatch(/verification is OFF/);
      await expect(insecure.api.v2.searchUsers()).resolves.toEqual([]);

      // Not process-wide: a client without the option still refuses the certificate.
      await expect(plain.api.v2.searchUsers()).rejects.toBeInstanceOf(NetworkError);
      expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
