// A client's `maxConcurrency`: at most N requests on the wire, the rest waiting in arrival order, and
// one pause for the whole queue when the cluster says it is overloaded (429 with Retry-After, 503).
// Owns the option and the client's queue; never sends, retries or times out a request itself (the
// engine does). The slots themselves (./queue-slots.ts) load with the first request of a client that
// sets the option, so browser bundles that never do carry none of it.
import { once } from "../lazy.js";

export interface RequestQueue {
  /**
   * Resolves with the slot's release function once a slot is free and no pause is on. `signal` and
   * `deadline` end the wait: the request leaves the queue, unsent, with their reason.
   */
  acquire(signal: AbortSignal | undefined, deadline: Promise<never> | undefined): Promise<() => void>;
  /** No queued request starts for `ms` (requests already on the wire go on). Longer pauses win. */
  pause(ms: number): void;
}

/** Reads the `maxConcurrency` option: undefined → no queue; otherwise a positive integer. */
export function requestQueue(maxConcurrency: unknown): RequestQueue | undefined {
  if (maxConcurrency === undefined) return undefined;
  if (
    typeof maxConcurrency !== "number" ||
    !Number.isInteger(maxConcurrency) ||
    maxConcurrency < 1 ||
    maxConcurrency > 2 ** 31 - 1
  ) {
    throw new TypeError(
      `createThoughtSpotClient: maxConcurrency must be a positive integer (leave it out for no limit), got ${
        typeof maxConcurrency === "number" ? maxConcurrency : typeof maxConcurrency
      }`,
    );
  }
  const max = maxConcurrency;
  let slots: RequestQueue | undefined;
  const load = once(async () => {
    slots = (await import("./queue-slots.js")).createSlots(max);
    return slots;
  });
  return {
    // Calls that arrive while the slots load keep their order: the .then callbacks run in turn.
    acquire: (signal, deadline) =>
      slots ? slots.acquire(signal, deadline) : load().then((q) => q.acquire(signal, deadline)),
    // A pause follows an answer, so the slots have loaded by then.
    pause: (ms) => slots?.pause(ms),
  };
}
