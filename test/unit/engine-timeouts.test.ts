// How the engine bounds an attempt: with a base fetch that bounds its own waits (Node: the client's
// undici Agent), no AbortSignal goes with a request unless the caller gave one, and a timer still
// bounds the whole attempt, body included; with any other fetch, a signal carries the timeout.
import { describe, expect, it } from "vitest";
import { type BaseFetch, createEngine } from "../../src/core/engine.js";
import { RequestTimeoutError } from "../../src/core/errors.js";
import { levelLogger } from "../../src/logger.js";
import { Redactor } from "../../src/redact.js";

function engineWith(fetch: BaseFetch, fetchTimeouts: boolean, timeoutMs = 60_000) {
  return createEngine({
    fetch,
    fetchTimeouts,
    middleware: [],
    redactor: new Redactor(),
    logger: levelLogger(undefined),
    origin: "http://127.0.0.1:1",
    maxRetries: 0,
    timeoutMs,
  });
}
const request = (signal?: AbortSignal) => ({
  method: "POST",
  path: "/api/rest/2.0/users/search",
  url: "http://127.0.0.1:1/api/rest/2.0/users/search",
  headers: {},
  idempotent: true,
  signal,
});
const text = async (response: Response) => response.text();

describe("attempt bounds", () => {
  it("a base fetch that bounds its own waits gets timeoutMs and no signal", async () => {
    const seen: RequestInit[] = [];
    const engine = engineWith(async (_, init) => {
      seen.push(init);
      return new Response("[]");
    }, true);
    await engine.send(request(), text);
    expect(seen[0]!.signal).toBeUndefined();
    expect((seen[0] as { timeoutMs?: number }).timeoutMs).toBe(60_000);
    const mine = new AbortController();
    await engine.send(request(mine.signal), text);
    expect(seen[1]!.signal).toBeInstanceOf(AbortSignal);
  });

  it("any other fetch gets the timeout as a signal", async () => {
    const seen: RequestInit[] = [];
    const engine = engineWith(async (_, init) => {
      seen.push(init);
      return new Response("[]");
    }, false);
    await engine.send(request(), text);
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
  });

  it("without a signal, the attempt's timer still bounds a body that never ends", async () => {
    const engine = engineWith(
      async () =>
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("[")) })),
      true,
      150,
    );
    await expect(engine.send(request(), text)).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("undici's own timeout errors (headers, body) are RequestTimeoutErrors", async () => {
    for (const code of ["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]) {
      const engine = engineWith(async () => {
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("timeout"), { code }) });
      }, true);
      await expect(engine.send(request(), text)).rejects.toBeInstanceOf(RequestTimeoutError);
    }
  });
});
