// The custom fetch handed to openapi-fetch. openapi-fetch middleware cannot re-send a request,
// so credentials, 401 refresh-and-replay, retries, timeouts, logging and network errors live here.
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
import { type CallMeta, callMetaOf } from "./call-meta.js";
import type { OperationLookup } from "./resolve-operation.js";
import { backoffMs, MAX_RETRY_AFTER_MS, RETRY_STATUSES, retryAfterMs, sleep } from "./retry.js";

export interface TransportOptions {
  fetch: (request: Request) => Promise<Response>;
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

export type Transport = (request: Request) => Promise<Response>;

const KEEP_SIGNAL = Symbol("thoughtspot-rest-api.signal");

export function createTransport(options: TransportOptions): Transport {
  const { auth, redactor, logger, random } = options;

  return async function transport(original: Request): Promise<Response> {
    const url = new URL(original.url);
    const given = callMetaOf(original);
    const found = given?.operationId ? undefined : await options.lookup(original.method, url.pathname);
    const meta: CallMeta = {
      operationId: found?.operationId,
      path: found?.row.path,
      idempotent: found?.row.idempotent === true,
      ...given,
    };
    const where = { method: original.method, path: meta.path ?? url.pathname, operationId: meta.operationId };
    const maxRetries = meta.maxRetries ?? options.maxRetries;
    const timeoutMs = meta.timeoutMs ?? options.timeoutMs;
    const userSignal = original.signal;
    // A pristine copy: each attempt consumes a clone, so bodies can be sent again.
    const template = original.clone();

    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const request = template.clone();
      if (!meta.anonymous) await auth.authorize(request.headers, where);

      const timeout = timeoutMs > 0 ? new AbortController() : undefined;
      const timer = timeout && setTimeout(() => timeout.abort(), timeoutMs);
      const signals = [userSignal, timeout?.signal].filter((s): s is AbortSignal => s !== undefined);
      const started = performance.now();
      let response: Response;
      const combined = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
      try {
        response = await options.fetch(combined ? new Request(request, { signal: combined }) : request);
        // Node may collect an AbortSignal.any() result once the headers are in, and the caller's abort
        // would then never reach the body; the Response keeps it alive while the body is read.
        if (combined) Object.defineProperty(response, KEEP_SIGNAL, { value: combined });
      } catch (cause) {
        clearTimeout(timer);
        const error = failure(cause, userSignal, timeout?.signal, timeoutMs, where, original.url);
        logAttempt(error.name, started, attempt);
        if (error instanceof RequestAbortedError || !meta.idempotent || attempt > maxRetries) throw error;
        await pause(backoffMs(attempt, random), userSignal, where, original.url);
        continue;
      }
      clearTimeout(timer);
      logAttempt(response.status, started, attempt);

      if (response.status === 401 && !meta.anonymous && !refreshed && auth.refresh) {
        // One refresh (or re-login) and one replay; a second 401 is returned as is.
        refreshed = true;
        if (!(await auth.refresh({ headers: request.headers, sentAt: started }))) return response;
        await response.body?.cancel();
        continue;
      }
      if (!RETRY_STATUSES.has(response.status) || attempt > maxRetries) return response;
      // A 429 means the server did not act on the request, so even writes may go again; 5xx only reads.
      if (response.status !== 429 && !meta.idempotent) return response;
      const asked = retryAfterMs(response.headers.get("retry-after"));
      if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) return response;
      await response.body?.cancel();
      await pause(asked ?? backoffMs(attempt, random), userSignal, where, original.url);
    }

    function logAttempt(status: number | string, started: number, attempt: number) {
      if (!logger.enabled("debug") && !(logger.enabled("warn") && typeof status !== "number")) return;
      const ms = Math.round(performance.now() - started);
      const fields = { ...where, status, durationMs: ms, attempt };
      const line = `${where.method} ${where.path} ${status} ${ms}ms attempt ${attempt}`;
      if (typeof status === "number" && status < 400) logger.debug(line, fields);
      else logger.warn(line, fields);
    }
  };

  function failure(
    cause: unknown,
    userSignal: AbortSignal,
    timeoutSignal: AbortSignal | undefined,
    timeoutMs: number,
    where: Omit<ThoughtSpotErrorInit, "message">,
    url: string,
  ): ThoughtSpotError {
    const base = { ...where, url: redactor.url(url), cause };
    if (userSignal.aborted) {
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
    signal: AbortSignal,
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
