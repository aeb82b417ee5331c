// Sends requests for the typed clients. openapi-fetch middleware cannot re-send a request, so
// credentials, 401 refresh-and-replay, retries, timeouts, logging and network errors live here.
// Bodies are kept in a re-sendable form (text, bytes, FormData) instead of cloning Request
// objects per attempt: clones copy streams, which cost more than the rest of the call.
import type { AuthStrategy } from "../auth/strategy.js";
import {
  NetworkError,
  RequestAbortedError,
  RequestTimeoutError,
  type ThoughtSpotError,
  type ThoughtSpotErrorInit,
} from "../errors.js";
import type { LevelLogger } from "../logger.js";
import type { Redactor } from "../redact.js";
import type { CallMeta } from "./call-meta.js";
import type { OperationLookup } from "./resolve-operation.js";
import { backoffMs, MAX_RETRY_AFTER_MS, RETRY_STATUSES, retryAfterMs, sleep } from "./retry.js";

/** fetch as the transport calls it: a URL and a RequestInit, so nothing is copied per attempt. */
export type Send = (url: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  fetch: Send;
  auth: AuthStrategy;
  redactor: Redactor;
  logger: LevelLogger;
  lookup: OperationLookup;
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** Per attempt (default 60 s); 0 turns it off. */
  timeoutMs: number;
  /** For tests: the random source of the jitter. */
  random?: () => number;
}

export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Headers;
  /** Re-sendable as is on every attempt: text, bytes, Blob, FormData or URLSearchParams. */
  body?: BodyInit | undefined;
  /** The caller's AbortSignal, if any. */
  signal?: AbortSignal | undefined;
  credentials?: RequestCredentials | undefined;
  meta?: CallMeta | undefined;
}

export interface Transport {
  send(request: OutgoingRequest): Promise<Response>;
  /** The same, as the fetch openapi-fetch calls with a Request (ts.v2 / ts.v1). */
  fetch(request: Request): Promise<Response>;
}

const KEEP_SIGNAL = Symbol("thoughtspot-rest-api.signal");

export function createTransport(options: TransportOptions): Transport {
  const { auth, redactor, logger, random } = options;

  async function send(outgoing: OutgoingRequest): Promise<Response> {
    const { url, method, body, credentials } = outgoing;
    const given = outgoing.meta;
    const found = given?.operationId ? undefined : await options.lookup(method, new URL(url).pathname);
    const meta: CallMeta = {
      operationId: found?.operationId,
      path: found?.row.path,
      idempotent: found?.row.idempotent === true,
      ...given,
    };
    const where = { method, path: meta.path ?? new URL(url).pathname, operationId: meta.operationId };
    const maxRetries = meta.maxRetries ?? options.maxRetries;
    const timeoutMs = meta.timeoutMs ?? options.timeoutMs;
    const userSignal = outgoing.signal;

    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const headers = new Headers(outgoing.headers);
      if (!meta.anonymous) await auth.authorize(headers, where);

      const timeout = timeoutMs > 0 ? new AbortController() : undefined;
      const timer = timeout && setTimeout(() => timeout.abort(), timeoutMs);
      const signal =
        userSignal && timeout
          ? AbortSignal.any([userSignal, timeout.signal])
          : (userSignal ?? timeout?.signal);
      const started = performance.now();
      let response: Response;
      try {
        response = await options.fetch(url, {
          method,
          headers,
          ...(body !== undefined && { body }),
          ...(signal && { signal }),
          ...(credentials && { credentials }),
        });
        // Node may collect an AbortSignal.any() result once the headers are in, and the caller's abort
        // would then never reach the body; the Response keeps it alive while the body is read.
        if (signal && signal !== userSignal) Object.defineProperty(response, KEEP_SIGNAL, { value: signal });
      } catch (cause) {
        clearTimeout(timer);
        const error = failure(cause, userSignal, timeout?.signal, timeoutMs, where, url);
        logAttempt(error.name, started, attempt);
        if (error instanceof RequestAbortedError || !meta.idempotent || attempt > maxRetries) throw error;
        await pause(backoffMs(attempt, random), userSignal, where, url);
        continue;
      }
      clearTimeout(timer);
      logAttempt(response.status, started, attempt);

      if (response.status === 401 && !meta.anonymous && !refreshed && auth.refresh) {
        // One refresh (or re-login) and one replay; a second 401 is returned as is.
        refreshed = true;
        if (!(await auth.refresh({ headers, sentAt: started }))) return response;
        await response.body?.cancel();
        continue;
      }
      if (!RETRY_STATUSES.has(response.status) || attempt > maxRetries) return response;
      // A 429 means the server did not act on the request, so even writes may go again; 5xx only reads.
      if (response.status !== 429 && !meta.idempotent) return response;
      const asked = retryAfterMs(response.headers.get("retry-after"));
      if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return response;
      await response.body?.cancel();
      await pause(asked ?? backoffMs(attempt, random), userSignal, where, url);
    }

    function logAttempt(status: number | string, started: number, attempt: number) {
      if (!logger.enabled("debug") && !(logger.enabled("warn") && typeof status !== "number")) return;
      const ms = Math.round(performance.now() - started);
      const fields = { ...where, status, durationMs: ms, attempt };
      const line = `${where.method} ${where.path} ${status} ${ms}ms attempt ${attempt}`;
      if (typeof status === "number" && status < 400) logger.debug(line, fields);
      else logger.warn(line, fields);
    }
  }

  return {
    send,
    // openapi-fetch hands over a Request whose body is a one-shot stream: read it once into bytes.
    async fetch(request) {
      return send({
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body ? await request.arrayBuffer() : undefined,
        signal: request.signal,
        credentials: request.credentials,
      });
    },
  };

  function failure(
    cause: unknown,
    userSignal: AbortSignal | undefined,
    timeoutSignal: AbortSignal | undefined,
    timeoutMs: number,
    where: Omit<ThoughtSpotErrorInit, "message">,
    url: string,
  ): ThoughtSpotError {
    const base = { ...where, url: redactor.url(url), cause };
    if (userSignal?.aborted) {
      return new RequestAbortedError({
        ...base,
        message: `${where.method} ${where.path} was aborted by the caller`,
      });
    }
    if (timeoutSignal?.aborted) {
      return new RequestTimeoutError({
        ...base,
        message: `${where.method} ${where.path} got no answer within ${timeoutMs} ms`,
      });
    }
    const reason = redactor.text(describe(cause));
    return new NetworkError({
      ...base,
      message: `${where.method} ${redactor.url(url)} failed before any HTTP answer: ${reason}`,
    });
  }

  async function pause(
    ms: number,
    signal: AbortSignal | undefined,
    where: Omit<ThoughtSpotErrorInit, "message">,
    url: string,
  ) {
    try {
      await sleep(ms, signal);
    } catch (cause) {
      throw new RequestAbortedError({
        ...where,
        url: redactor.url(url),
        cause,
        message: `${where.method} ${where.path} was aborted by the caller while waiting to retry`,
      });
    }
  }
}

/** fetch's TypeError hides the real reason (ECONNRESET, ECONNREFUSED, ENOTFOUND) in `cause`. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { message?: string; code?: string; cause?: unknown };
    parts.push([e.code, e.message].filter(Boolean).join(" "));
    current = e.cause;
  }
  return parts.filter(Boolean).join(": ") || String(error);
}
