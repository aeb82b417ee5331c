// When to try again and how long to wait. Exponential back-off with jitter; Retry-After wins.

export const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server asking for a longer pause than this gets a RateLimitError instead of a silent stall. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Parses Retry-After: delta seconds or an HTTP date. A wait that is not positive (0, a negative number,
 * a date already past) or not understood is undefined: the normal back-off applies, never none.
 */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim() ?? "";
  // An HTTP date names its day or month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse also reads "-5".
  const ms = /^\d+(\.\d+)?$/.test(text)
    ? Math.round(Number(text) * 1000)
    : /[a-z]/i.test(text)
      ? Date.parse(text) - now
      : Number.NaN;
  return ms > 0 ? ms : undefined;
}

/** Delay before retry number `retry` (1-based): 0.5 s, 1 s, 2 s … capped at 8 s, minus up to 25% jitter. */
export function backoffMs(retry: number, random = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** (retry - 1), MAX_DELAY_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
