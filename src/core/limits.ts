// The checks of a client's and a call's maxRetries and timeoutMs: a TypeError naming the caller's value.
// Shared by the engine and the startup wrapper that checks them when a client is made (./lazy-engine.ts).

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** maxRetries: a non-negative integer (NaN from an unset environment variable must not retry forever). */
export function checkMaxRetries(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${where}: maxRetries must be a non-negative integer, got ${shown(value)}`);
  }
  return value;
}

/** timeoutMs: 0 (no timeout) or a positive integer that setTimeout can hold. */
export function checkTimeoutMs(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_TIMEOUT_MS) {
    throw new TypeError(
      `${where}: timeoutMs must be 0 (no timeout) or a positive integer up to ${MAX_TIMEOUT_MS}, got ${shown(value)}`,
    );
  }
  return value;
}

function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : String(value);
}
