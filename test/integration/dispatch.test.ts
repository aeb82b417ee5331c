// The Node transport reads whole answers through undici's dispatch API instead of fetch
// (src/core/dispatch.ts). Side by side against real servers on 127.0.0.1: the same request on the wire
// and the same Response as the built-in fetch gives, and typed errors when the answer is broken.
import type { ServerResponse } from "node:http";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dispatcher, dispatchFetch } from "../../src/core/dispatch.js";
import { createEngine } from "../../src/core/engine.js";
import { AnswerReadError, UnexpectedResponseError } from "../../src/core/errors.js";
import { dispatchSupported, nodeFetch } from "../../src/core/node-fetch.js";
import {
  createThoughtSpotClient,
  NetworkError,
  RequestAbortedError,
  RequestTimeoutError,
} from "../../src/index.js";
import { levelLogger } from "../../src/logger.js";
import { Redactor } from "../../src/redact.js";
import { caught } from "../support/caught.js";
import { type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

const JSON_TEXT = JSON.stringify({
  users: Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, name: "é ü 漢" })),
});
const BIG = "x".repeat(10_000);

type Answer = (request: ReceivedRequest, res: ServerResponse) => void;
const compressed = (coding: string, bytes: Buffer) => (_q: ReceivedRequest, res: ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
  res.end(bytes);
};
const ANSWERS: Record<string, Answer> = {
  "/json": (_q, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON_TEXT);
  },
  // A reason phrase of the server's own, a Latin-1 header value and two Set-Cookie lines.
  "/reason": (_q, res) => {
    res.writeHead(418, "Short And Stout", {
      "content-type": "text/plain",
      "x-name": "caf\u00e9",
      "set-cookie": ["a=1; Path=/", "b=2; HttpOnly"],
    });
    res.end("teapot");
  },
  "/gzip": compressed("gzip", gzipSync(JSON_TEXT)),
  "/x-gzip": compressed("x-gzip", gzipSync(JSON_TEXT)),
  "/deflate": compressed("deflate", deflateSync(JSON_TEXT)),
  "/deflate-raw": compressed("deflate", deflateRawSync(JSON_TEXT)),
  "/br": compressed("br", brotliCompressSync(JSON_TEXT)),
  // Two codings: gzip applied first, then br; the reader undoes br first.
  "/gzip-br": compressed("gzip, br", brotliCompressSync(gzipSync(JSON_TEXT))),
  // A coding neither knows: the body is handed on as it came.
  "/unknown": compressed("x-custom", Buffer.from(JSON_TEXT)),
  // 2 MB of zeros in a few kB: what a gzip bomb looks like, small enough to read here.
  "/gzip-bomb": compressed("gzip", gzipSync(Buffer.alloc(2_000_000))),
  // gzip cut before its trailer: fetch accepts what arrived, and so must the dispatch path.
  "/gzip-truncated": compressed("gzip", gzipSync(JSON_TEXT).subarray(0, -8)),
  "/chunks": (_q, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    let left = 50;
    const next = () => (left-- > 0 ? res.write(BIG, next) : res.end());
    next();
  },
  "/no-content": (_q, res) => {
    res.writeHead(204, { "x-done": "yes" });
    res.end();
  },
  "/not-modified": (_q, res) => {
    res.writeHead(304, { etag: '"v1"' });
    res.end();
  },
  "/empty": (_q, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "0" });
    res.end();
  },
  "/redirect": (_q, res) => {
    res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere?ticket=secret" });
    res.end("moved");
  },
  // What the request looked like on the wire.
  "/echo": (request, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const { method, url, headers, body } = request;
    res.end(JSON.stringify({ method, url, headers, body: body.toString("base64") }));
  },
};

const servers: TestServer[] = [];
let base: string;
beforeAll(async () => {
  base = (
    await serve((request, res) => {
      const answer = ANSWERS[request.url.split("?")[0]!];
      if (answer) answer(request, res);
      else res.writeHead(404).end();
    })
  ).url;
});
afterAll(() => Promise.all(servers.map((server) => server.close())));
async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}
const client = (serverUrl: string, options: { maxRetries?: number; timeoutMs?: number } = {}) =>
  createThoughtSpotClient({ serverUrl, auth: { token: "t0k3n-value" }, ...options });

const dispatched = nodeFetch(undefined);

/** Everything a reader can see of a Response, but the Date header (the two answers differ by a tick). */
async function seen(response: Response) {
  return {
    status: response.status,
    statusText: response.statusText,
    url: response.url,
    headers: [...response.headers].filter(([name]) => name !== "date"),
    setCookie: response.headers.getSetCookie(),
    body: response.body ? Buffer.from(await response.arrayBuffer()).toString("base64") : null,
  };
}

describe("answers: the dispatch path gives the Response fetch gives", () => {
  const cases: [string, string][] = [
    ...Object.keys(ANSWERS)
      .filter((path) => path !== "/echo")
      .map((path): [string, string] => ["GET", path]),
    ["HEAD", "/json"],
    ["POST", "/gzip"],
  ];
  it.each(cases)("%s %s", async (method, path) => {
    const init: RequestInit = { method, redirect: "manual", headers: { accept: "application/json" } };
    const viaFetch = await seen(await fetch(base + path, init));
    const viaDispatch = await seen(await dispatched(base + path, init));
    expect(viaDispatch).toEqual(viaFetch);
  });

  it("an answer read whole resolves when the body is complete; a streamed one when its headers are in", async () => {
    let finish: () => void = () => undefined;
    const slow = await serve((_q, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first part, ");
      finish = () => res.end("last part");
    });
    // Streamed (ts.stream, downloads): fetch hands the body on as it arrives.
    const streamed = await dispatched(slow.url, { method: "GET", stream: true } as RequestInit);
    const reader = streamed.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first part, ");
    finish();
    await reader.cancel();
    // Read whole: nothing until the last byte is in.
    let whole: Response | undefined;
    const pending = dispatched(slow.url, { method: "GET" }).then((r) => {
      whole = r;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(whole).toBeUndefined();
    finish();
    await pending;
    expect(await whole!.text()).toBe("first part, last part");
  });
});

describe("requests: the dispatch path puts on the wire what fetch puts there", () => {
  const bytes = new TextEncoder().encode('{"a":1}');
  const inits: [string, RequestInit][] = [
    ["JSON text", { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' }],
    ["text without a type", { method: "POST", body: "plain words" }],
    ["a form", { method: "POST", body: new URLSearchParams({ name: "a b", flag: "true" }) }],
    ["bytes", { method: "PUT", headers: { "content-type": "application/octet-stream" }, body: bytes }],
    ["an ArrayBuffer", { method: "POST", body: bytes.buffer as ArrayBuffer }],
    ["a query and no body", { method: "GET" }],
    ["a Headers object", { method: "DELETE", headers: new Headers({ "X-Requested-By": "ThoughtSpot" }) }],
    [
      "header pairs",
      {
        method: "POST",
        headers: [
          ["X-A", "1"],
          ["Accept", "text/plain"],
        ],
        body: "z",
      },
    ],
  ];
  // fetch adds these on its own; the SDK sets its own User-Agent, and ThoughtSpot reads neither other.
  const FETCH_ONLY = new Set(["accept-language", "sec-fetch-mode", "user-agent"]);
  const wire = async (response: Response) => {
    const echo = (await response.json()) as { headers: Record<string, string> };
    for (const name of FETCH_ONLY) delete echo.headers[name];
    return echo;
  };
  it.each(inits)("%s", async (_name, init) => {
    const url = `${base}/echo?x=1&y=%C3%A9`;
    const viaFetch = await wire(await fetch(url, init));
    const viaDispatch = await wire(await dispatched(url, init));
    expect(viaDispatch).toEqual(viaFetch);
  });
});

describe("broken answers are typed errors", () => {
  it("a status outside HTTP's range is a NetworkError naming it", async () => {
    const odd = await serve((_q, res) => res.writeHead(600).end("{}"));
    const error = await caught(client(odd.url, { maxRetries: 0 }).api.v2.searchUsers());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/status 600/);
  });

  it("a body that is not the gzip it claims is a NetworkError while reading, retried for a read", async () => {
    const bad = await serve((_q, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end("this is not gzip at all");
    });
    const error = await caught(client(bad.url, { maxRetries: 1 }).api.v2.searchUsers());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/while reading the answer/);
    expect(bad.requests).toHaveLength(2);
  });

  it("the caller's abort in the middle of a body ends the call at once, as an abort while reading", async () => {
    const stalled = await serve((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial": ');
    });
    const controller = new AbortController();
    const call = caught(
      client(stalled.url, { timeoutMs: 10_000 }).api.v2.searchUsers({}, { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 100);
    const error = await call;
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error.message).toMatch(/while reading the answer/);
  });

  it("a body that trickles in without end times out, and the connection is dropped, not read on", async () => {
    let closed = false;
    let ticks = 0;
    const trickle = await serve((_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      // One byte every 20 ms: never a pause long enough for the Agent's idle bound. Stops by itself.
      const timer = setInterval(() => {
        if (++ticks > 500) res.end("]");
        else res.write(" ");
      }, 20);
      res.on("close", () => {
        closed = true;
        clearInterval(timer);
      });
    });
    const error = await caught(client(trickle.url, { timeoutMs: 300, maxRetries: 0 }).api.v2.searchUsers());
    expect(error).toBeInstanceOf(RequestTimeoutError);
    for (let i = 0; i < 50 && !closed; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(true);
    expect(ticks).toBeLessThan(100);
  });
});

describe("which undici gets the dispatch path", () => {
  it("the majors whose handler interface is tested (Node 20 to 24); fetch for any other", () => {
    expect(dispatchSupported(process.versions.undici)).toBe(true);
    expect(["5.28.4", "6.24.1", "7.29.1"].map(dispatchSupported)).toEqual([true, true, true]);
    expect(["8.0.0", "4.16.0", "", undefined].map(dispatchSupported)).toEqual([false, false, false, false]);
  });
});

describe("answers too large to read into memory", () => {
  const agent = async () => {
    await fetch("data:,"); // makes Node load undici, which registers its global dispatcher
    const registry = globalThis as unknown as Record<symbol, { constructor: new (o: object) => Dispatcher }>;
    return new registry[Symbol.for("undici.globalDispatcher.1")]!.constructor({});
  };
  const tooLarge = async (path: string, maxBytes: number) => {
    const error = await caught<AnswerReadError>(dispatchFetch(await agent(), base + path, {}, 0, maxBytes));
    expect(error).toBeInstanceOf(AnswerReadError);
    expect(error.status).toBe(200);
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(String((error.cause as Error).message)).toMatch(new RegExp(`larger than ${maxBytes} bytes`));
  };

  it("as sent: the transfer stops at the limit", () => tooLarge("/chunks", 100_000));
  it("once decoded: a small gzip body that inflates past the limit", () => tooLarge("/gzip-bomb", 100_000));
  it("the engine makes it an UnexpectedResponseError with the status, and does not ask again", async () => {
    let calls = 0;
    const engine = createEngine({
      fetch: async () => {
        calls++;
        throw new AnswerReadError(new RangeError("the answer is larger than 10 bytes"), 200);
      },
      middleware: [],
      redactor: new Redactor(),
      logger: levelLogger(undefined),
      origin: base,
      maxRetries: 2,
      timeoutMs: 0,
    });
    const request = { method: "POST", path: "/x", url: `${base}/x`, headers: {}, idempotent: true };
    const error = await caught(engine.send(request, async (r) => r.text()));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/larger than 10 bytes/);
    expect(calls).toBe(1);
  });
});
