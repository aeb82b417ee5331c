// A client's `maxConcurrency`: at most N requests on the wire, the rest waiting in arrival order, and
// one pause for the whole queue when the cluster says it is overloaded (429 with Retry-After, 503).
// Owns the option and the client's queue; never sends, retries or times out a request itself (the
// engine does). The slots themselves (./queue-slots.ts) load with the first request of a client that
// sets the option, so browser bundles that never do carry none of it.
import { once } from "../lazy.js";
import type { IdleTimer } from "./engine.js";

/** One attempt's place in the queue: waiting for a slot, then holding one until `release`. */
export interface Slot {
  waiting: boolean;
  /** The attempt failed or timed out: a slot granted now goes straight back. */
  ended: boolean;
  /** Gives the slot back; any number of calls, the first one counts. */
  release: () => void;
}

export interface RequestQueue {
  /**
   * Waits for a free slot and no pause, then sets `slot.release`. `signal` and `deadline` end the wait:
   * the request leaves the queue, unsent, with their reason.
   */
  take(slot: Slot, signal: AbortSignal | undefined, deadline: Promise<never> | undefined): Promise<void>;
  /** An answer came: a 429 with Retry-After, or a 503, pauses the whole queue (`fallbackMs` without one). */
  answered(status: number, retryAfter: string | null, fallbackMs: number): void;
  /**
   * A stream's slot: `touch` on every read, `stop` when its body ends, fails or is cancelled; and given
   * back after `timeoutMs` without a read (0: never), so a body nobody reads cannot hold the queue.
   */
  hold(release: () => void, timeoutMs: number): IdleTimer;
}

/** Reads the `maxConcurrency` option: undefined → no queue; otherwise a positive integer. */
export function requestQueue(maxConcurrency: unknown): RequestQueue | undefined {
  if (maxConcurrency === undefined) return undefined;
  if (!Number.isInteger(maxConcurrency) || (maxConcurrency as number) < 1) {
    throw new TypeError(`maxConcurrency must be a positive integer, got ${String(maxConcurrency)}`);
  }
  const max = maxConcurrency as number;
  let slots: RequestQueue | undefined;
  const load = once(async () => {
    slots = (await import("./queue-slots.js")).createSlots(max);
    return slots;
  });
  return {
    // Calls that arrive while the slots load keep their order: the .then callbacks run in turn.
    take: (slot, signal, deadline) =>
      slots ? slots.take(slot, signal, deadline) : load().then((q) => q.take(slot, signal, deadline)),
    // An answer follows a slot taken, so the slots have loaded by then.
    answered: (status, retryAfter, fallbackMs) => slots?.answered(status, retryAfter, fallbackMs),
    // A stream holds a slot it acquired, so the slots have loaded by then too.
    hold: (release, ms) => slots!.hold(release, ms),
  };
}
