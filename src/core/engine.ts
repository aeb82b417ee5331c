// The one pipeline every request goes through, whichever surface sent it. Per attempt, inside the
// retry loop: middleware → credentials (the auth hook) → base fetch (TLS, cookie jar) with the timeout
// armed; then the caller's reader decodes the answer while the timeout still runs, so a body that
// stalls is bounded too. Abort, timeout and connection failures are mapped to typed errors here once,
// for headers and body alike. Redirects are never followed. Loaded with a client's first request
// (./lazy-engine.ts is what clients hold at startup).

import type { Redactor } from "../redact.js";
import {
  AnswerReadError,
  NetworkError,
  RedirectError,
  RequestAbortedError,
  RequestTimeoutError,
  ThoughtSpotError,
  UnexpectedResponseError,
} from "./errors.js";
import { checkMaxRetries, checkTimeoutMs } from "./limits.js";
import { type Middleware, type MiddlewareContext, runMiddleware } from "./middleware.js";
import type { RequestQueue, Slot } from "./queue.js";
import { backoffMs, MAX_RETRY_AFTER_MS, RETRY_STATUSES, retryAfterMs, sleep } from "./retry.js";

/** The fetch at the bottom of the pipeline: (url, init) so no Request object is built when none is needed. */
export type BaseFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface LevelLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  enabled(level: "debug" | "warn"): boolean;
}

/** What the pipeline knows about a call besides the request: its operation, and whether it may repeat. */
export interface CallInfo {
  method: string;
  /** Path template, for errors and logs (never the filled-in URL, which may hold identifiers). */
  path: string;
  operationId?: string | undefined;
  api?: "v1" | "v2" | undefined;
}

/** Request headers as a plain object with lower-case names: cheaper than Headers on every call. */
export type OutgoingHeaders = Record<string, string>;

/** Adds credentials before each attempt and, after a 401, renews them once. */
export interface AuthHook {
  authorize(headers: OutgoingHeaders, call: CallInfo): Promise<void>;
  /** True when the rejected request is worth replaying once with fresh credentials. */
  refresh?(failed: { headers: OutgoingHeaders; sentAt: number }): Promise<boolean>;
}

export interface EngineRequest extends CallInfo {
  url: string;
  /** Lower-case names; copied per attempt, so the caller's object is never changed. */
  headers: OutgoingHeaders;
  /** Re-sendable as is on every attempt: text, bytes, Blob, FormData or URLSearchParams. */
  body?: BodyInit | undefined;
  signal?: AbortSignal | undefined;
  credentials?: RequestCredentials | undefined;
  /** Reads, which may be sent again after a 5xx or a connection failure. */
  idempotent: boolean;
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  /** The body is handed on as it arrives: the timeout then bounds each pause between chunks instead. */
  stream?: boolean | undefined;
}

/** Reads one answer; `body(response)` gives the body as a stream whose failures are typed errors. */
export type Reader<T> = (
  response: Response,
  body: (response: Response) => ReadableStream<Uint8Array>,
) => Promise<T>;

export interface EngineOptions {
  fetch: BaseFetch;
  /**
   * The base fetch bounds the wait for the headers and each pause in the body itself, given
   * `timeoutMs` in its init (Node: per request, on the shared undici pool of ./pool.ts). Then no AbortSignal goes with a request
   * unless the caller gave one; a timer still bounds the whole attempt.
   */
  fetchTimeouts?: boolean;
  /** The client's middleware, in order; the array is live (ts.use adds to it). */
  middleware: Middleware[];
  redactor: Redactor;
  logger: LevelLog;
  /** Credentials are only ever added to requests for this origin. */
  origin: string;
  maxRetries: number;
  timeoutMs: number;
  /** The client's `maxConcurrency` queue (./queue.ts), shared by every engine of the client. */
  queue?: RequestQueue | undefined;
  /** For tests: the random source of the jitter. */
  random?: () => number;
}

export interface Engine {
  send<T>(request: EngineRequest, read: Reader<T>): Promise<T>;
  /** The same pipeline with credentials added before each attempt. */
  withAuth(auth: AuthHook): Engine;
}

export function createEngine(options: EngineOptions, auth?: AuthHook): Engine {
  const { redactor, logger, random, middleware, queue } = options;
  const maxRetriesDefault = checkMaxRetries(options.maxRetries, "createThoughtSpotClient");
  const timeoutDefault = checkTimeoutMs(options.timeoutMs, "createThoughtSpotClient");

  async function send<T>(request: EngineRequest, read: Reader<T>): Promise<T> {
    // The redactor's forms load with the first request (a chunk), so all a server sends is masked by them.
    const masking = redactor.loading();
    if (masking) await masking;
    const where = { method: request.method, path: request.path, operationId: request.operationId };
    const maxRetries =
      request.maxRetries === undefined ? maxRetriesDefault : checkMaxRetries(request.maxRetries, label());
    const timeoutMs =
      request.timeoutMs === undefined ? timeoutDefault : checkTimeoutMs(request.timeoutMs, label());
    const userSignal = request.signal;
    let refreshed = false;
    let retries = 0;

    // Without the caller's signal, a base fetch that bounds its own waits needs no signal per request.
    const byDeadline = options.fetchTimeouts === true && !userSignal && timeoutMs > 0;
    for (let attempt = 1; ; attempt++) {
      const timeout = timeoutMs > 0 && !byDeadline ? new AbortController() : undefined;
      const deadline = byDeadline ? attemptDeadline(timeoutMs) : undefined;
      let timer = timeout ? setTimeout(() => timeout.abort(), timeoutMs) : deadline?.timer;
      const signal =
        userSignal && timeout
          ? AbortSignal.any([userSignal, timeout.signal])
          : (userSignal ?? timeout?.signal);
      const mapError = (cause: unknown, reading: boolean) =>
        failure(cause, userSignal, timeout?.signal, timeoutMs, reading, request.stream === true);
      const started = performance.now();
      let sent = request.headers;
      let response: Response;
      // This attempt's place in the client's queue: waiting for a slot, then holding one until the answer
      // is read (a stream: until its body ends or is cancelled).
      const slot: Slot = { waiting: false, ended: false, release: noop };
      const work = attemptOnce(attempt, signal, deadline, slot, (headers) => {
        sent = headers;
      });
      try {
        response = await bounded(work, deadline);
      } catch (caught) {
        clearTimeout(timer);
        slot.ended = true;
        // The slot goes back when the request is off the wire (past the deadline, the base fetch's own
        // bound ends it), so the queue never has more than its limit on the wire.
        if (queue) work.then(slot.release, slot.release);
        // Still in the queue: nothing was sent, and the call ends here (an abort or timeout is not retried).
        if (slot.waiting) throw failure(caught, userSignal, timeout?.signal, 0, "queued", false);
        const error = deadline?.expired && caught === deadline.expired ? mapError(caught, false) : caught;
        // Errors of the caller's middleware or of the login pass through as they are.
        if (!(error instanceof NetworkError || error instanceof RequestTimeoutError)) throw error;
        logAttempt(error.name, started, attempt);
        if (!request.idempotent || retries >= maxRetries) throw error;
        retries++;
        await pause(backoffMs(retries, random));
        continue;
      }
      logAttempt(response.status, started, attempt);

      if (isRedirect(response)) {
        clearTimeout(timer);
        await response.body?.cancel().catch(() => undefined);
        slot.release();
        throw redirectError(response);
      }
      if (response.status === 401 && auth?.refresh && !refreshed) {
        // One refresh (or re-login) and one replay; a second 401 is returned as is.
        refreshed = true;
        // The login is a request of its own and queues too: this attempt's slot must not be held meanwhile.
        slot.release();
        if (await auth.refresh({ headers: sent, sentAt: started })) {
          clearTimeout(timer);
          await response.body?.cancel().catch(() => undefined);
          slot.release();
          continue;
        }
      }
      const retryable =
        RETRY_STATUSES.has(response.status) &&
        retries < maxRetries &&
        // A 429 means the server did not act on the request, so even writes may go again; 5xx only reads.
        (response.status === 429 || request.idempotent);
      // A 429 or 503 pauses the whole queue, so a bulk job backs off together.
      queue?.answered(response.status, response.headers.get("retry-after"), backoffMs(retries + 1, random));
      const asked = retryable ? retryAfterMs(response.headers.get("retry-after")) : undefined;
      if (retryable && !(asked !== undefined && asked > MAX_RETRY_AFTER_MS)) {
        clearTimeout(timer);
        await response.body?.cancel().catch(() => undefined);
        slot.release();
        retries++;
        await pause(asked ?? backoffMs(retries, random));
        continue;
      }

      // Streams: the headers are in; from here the timeout bounds each pause between chunks.
      // (With a deadline, the base fetch's own idle bound does this.)
      const idle = request.stream && timeout ? idleTimer(timeout, timeoutMs) : undefined;
      if (request.stream) clearTimeout(timer);
      // The stream keeps the combined signal alive: Node may collect an AbortSignal.any() result once
      // the headers are in, and the caller's abort would then never reach the body.
      let handedOut = false;
      const body = (r: Response) => {
        handedOut = true;
        return guardedBody(
          r,
          mapError,
          idle,
          signal,
          request.stream && queue && slot.release !== noop ? queue.hold(slot.release, timeoutMs) : undefined,
        );
      };
      try {
        return await bounded(read(response, body), request.stream ? undefined : deadline);
      } catch (error) {
        if (error instanceof ThoughtSpotError || !isTransportFailure(error, signal)) throw error;
        const mapped = mapError(error, true);
        logAttempt(mapped.name, started, attempt);
        if (mapped instanceof RequestAbortedError || !request.idempotent || retries >= maxRetries)
          throw mapped;
        retries++;
        await pause(backoffMs(retries, random));
      } finally {
        clearTimeout(timer);
        timer = undefined;
        // A stream handed out keeps its slot until its body ends; anything else is done with it now.
        if (!(request.stream && handedOut)) slot.release();
      }
    }

    function label() {
      return request.operationId ?? `${request.method} ${request.path}`;
    }

    /** The attempt's bound when no signal carries it: a timer that rejects with a timeout cause. */
    function attemptDeadline(ms: number) {
      let fire: (reason: unknown) => void = () => {};
      const promise = new Promise<never>((_, reject) => {
        fire = reject;
      });
      promise.catch(() => undefined); // nobody may be waiting when it fires
      const deadline = {
        expired: undefined as DOMException | undefined,
        promise,
        // The error is made only when the time is up: capturing a stack on every call costs.
        timer: setTimeout(() => {
          deadline.expired = new DOMException(`no complete answer within ${ms} ms`, "TimeoutError");
          fire(deadline.expired);
        }, ms),
      };
      return deadline;
    }

    /** `work`, unless the deadline comes first; a result or failure that comes later is dropped. */
    function bounded<T>(work: Promise<T>, deadline: { promise: Promise<never> } | undefined): Promise<T> {
      if (!deadline) return work;
      work.catch(() => undefined);
      return Promise.race([work, deadline.promise]);
    }

    /** One try: middleware (when there is any), then credentials, then the base fetch. */
    async function attemptOnce(
      attempt: number,
      signal: AbortSignal | undefined,
      deadline: { promise: Promise<never> } | undefined,
      slot: Slot,
      sentWith: (headers: OutgoingHeaders) => void,
    ): Promise<Response> {
      const last = async (
        url: string,
        headers: OutgoingHeaders,
        body: BodyInit | undefined,
        method: string,
      ) => {
        // Credentials go to the cluster only, whatever URL a middleware put on the request.
        if (auth && sameOrigin(url, options.origin)) await auth.authorize(headers, where);
        sentWith(headers);
        // The slot is taken after the login (a login is a request of its own, and needs a slot too).
        if (queue) await queue.take(slot, signal, deadline?.promise);
        try {
          return await options.fetch(url, {
            method,
            headers,
            redirect: "manual",
            ...(options.fetchTimeouts && { timeoutMs, stream: request.stream === true }),
            ...(body !== undefined && body !== null && { body }),
            ...(signal && { signal }),
            ...(request.credentials && { credentials: request.credentials }),
          });
        } catch (cause) {
          // A base fetch that reads the whole answer itself says when it broke off after the headers.
          const reading = cause instanceof AnswerReadError;
          // An answer too large to read into memory: the same request would get it again, so no retry.
          if (reading && cause.cause instanceof RangeError) {
            throw new UnexpectedResponseError({
              ...where,
              url: redactor.url(request.url),
              status: cause.status,
              cause: cause.cause,
              message: `${label()} answered ${cause.status}, but ${cause.cause.message}`,
            });
          }
          throw failure(
            reading ? cause.cause : cause,
            userSignal,
            signalOf(signal, userSignal),
            0,
            reading,
            false,
          );
        }
      };
      if (middleware.length === 0) {
        return last(request.url, { ...request.headers }, request.body, request.method);
      }
      const context: MiddlewareContext = {
        operationId: request.operationId,
        api: request.api,
        path: request.path,
        attempt,
      };
      const outgoing = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined && { body: request.body }),
        ...(signal && { signal }),
        redirect: "manual",
      });
      return runMiddleware(middleware, outgoing, context, async (final) =>
        last(
          final.url,
          Object.fromEntries(final.headers),
          final.body ? await final.arrayBuffer() : undefined,
          final.method,
        ),
      );
    }

    function failure(
      cause: unknown,
      user: AbortSignal | undefined,
      timeoutSignal: AbortSignal | undefined,
      ms: number,
      reading: boolean | "queued",
      stream: boolean,
    ): ThoughtSpotError {
      const base = { ...where, url: redactor.url(request.url), cause: redactor.error(cause) };
      const when =
        reading === "queued" ? " while queued (not sent)" : reading ? " while reading the answer" : "";
      if (user?.aborted) {
        return new RequestAbortedError({
          ...base,
          message: `${where.method} ${where.path} was aborted by the caller${when}`,
        });
      }
      if (timeoutSignal?.aborted || isTimeoutCause(cause)) {
        const limit = ms || timeoutMs;
        return new RequestTimeoutError({
          ...base,
          message: stream
            ? `${where.method} ${where.path}: no data for ${limit} ms${when}`
            : `${where.method} ${where.path} got no complete answer within ${limit} ms${reading === "queued" ? when : ""}`,
        });
      }
      const reason = redactor.text(describe(cause));
      return new NetworkError({
        ...base,
        message: `${where.method} ${redactor.url(request.url)} failed ${reading === true ? "while reading the answer" : "before any HTTP answer"}: ${reason}`,
      });
    }

    async function pause(ms: number) {
      try {
        await sleep(ms, userSignal);
      } catch (cause) {
        throw new RequestAbortedError({
          ...where,
          url: redactor.url(request.url),
          cause,
          message: `${where.method} ${where.path} was aborted by the caller while waiting to retry`,
        });
      }
    }

    function redirectError(response: Response): RedirectError {
      const found = safeLocation(response.headers.get("location"), request.url);
      // Its path is the server's choice, and may echo a secret.
      const location = found === undefined ? undefined : redactor.text(found);
      const to = location ? ` to ${location}` : "";
      return new RedirectError({
        ...where,
        url: redactor.url(request.url),
        status: response.status,
        location,
        response,
        message:
          `${where.operationId ?? `${where.method} ${where.path}`} was redirected (${response.status || "opaque redirect"})${to}; ` +
          "redirects are never followed. Likely an SSO login page (log in with a token or trusted authentication), " +
          "a proxy in front of ThoughtSpot, or a serverUrl that is not the cluster's own address.",
      });
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
    withAuth: (hook) => createEngine(options, hook),
  };
}

/** `url` is on `origin` (scheme, host and port), without parsing it on every call. */
function sameOrigin(url: string, origin: string): boolean {
  return url.startsWith(origin) && (url.length === origin.length || "/?#".includes(url[origin.length]!));
}

/** The timeout signal of a combined signal, for telling a timeout from a caller's abort. */
function signalOf(signal: AbortSignal | undefined, user: AbortSignal | undefined): AbortSignal | undefined {
  return signal === user ? undefined : signal;
}

function isRedirect(response: Response): boolean {
  return (response.status >= 300 && response.status < 400) || response.type === "opaqueredirect";
}

/** The Location header as an absolute URL without query or fragment (they may carry tickets or tokens). */
function safeLocation(location: string | null, base: string): string | undefined {
  if (!location) return undefined;
  try {
    const url = new URL(location, base);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return undefined;
  }
}

// undici's own bounds (the client's Agent on Node): no headers in time, a pause in the body, no connection.
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);

function isTimeoutCause(cause: unknown): boolean {
  let current = cause as { name?: string; code?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.name === "TimeoutError" || (current.code && TIMEOUT_CODES.has(current.code))) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/** fetch and body reads fail with TypeError (terminated, other side closed) or DOMException (abort). */
function isTransportFailure(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  const name = (error as { name?: string } | undefined)?.name;
  return (
    error instanceof TypeError || name === "AbortError" || name === "TimeoutError" || name === "SocketError"
  );
}

/** A slot not taken (a client without maxConcurrency, or not yet granted). */
const noop = () => {};

export interface IdleTimer {
  touch(): void;
  stop(): void;
}

function idleTimer(controller: AbortController, ms: number): IdleTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), ms);
  };
  touch();
  return { touch, stop: () => clearTimeout(timer) };
}

/** The response body with read failures turned into typed errors, and the idle timer fed per chunk. */
function guardedBody(
  response: Response,
  mapError: (cause: unknown, reading: boolean) => ThoughtSpotError,
  idle: IdleTimer | undefined,
  keepAlive: AbortSignal | undefined,
  slot: IdleTimer | undefined,
): ReadableStream<Uint8Array> {
  const source = response.body;
  if (!source) {
    idle?.stop();
    slot?.stop();
    return new ReadableStream({ start: (c) => c.close() });
  }
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      slot?.touch();
      try {
        const { done, value } = await reader.read();
        if (done) {
          idle?.stop();
          slot?.stop();
          controller.close();
        } else {
          idle?.touch();
          controller.enqueue(value);
        }
      } catch (cause) {
        idle?.stop();
        slot?.stop();
        controller.error(cause instanceof ThoughtSpotError ? cause : mapError(cause, true));
      }
    },
    async cancel(reason) {
      void keepAlive;
      idle?.stop();
      slot?.stop();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
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
