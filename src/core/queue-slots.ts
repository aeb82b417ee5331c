// The slots of one client's maxConcurrency queue (./queue.ts): a FIFO of waiters, a count of requests
// on the wire, and the shared pause. Never sends, retries or times out anything itself.
import type { RequestQueue } from "./queue.js";
import { retryAfterMs } from "./retry.js";

/** The longest shared pause: as long as the longest Retry-After the engine waits for (./retry.ts). */
const MAX_PAUSE_MS = 60_000;

interface Waiter {
  grant(release: () => void): void;
}

export function createSlots(max: number): RequestQueue {
  let active = 0;
  const waiting: Waiter[] = [];
  let pausedUntil = 0;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;

  const paused = () => pausedUntil > Date.now();

  function slot(): () => void {
    active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      pump();
    };
  }

  function pump() {
    while (active < max && waiting.length > 0 && !paused()) waiting.shift()!.grant(slot());
  }

  function pause(ms: number) {
    if (!(ms > 0)) return;
    const until = Date.now() + Math.min(ms, MAX_PAUSE_MS);
    if (until <= pausedUntil) return;
    pausedUntil = until;
    clearTimeout(resumeTimer);
    // Held only while requests wait: a pause with nobody queued ends without keeping Node alive.
    resumeTimer = setTimeout(pump, until - Date.now());
    if (waiting.length === 0) unref(resumeTimer);
  }

  function acquire(
    signal: AbortSignal | undefined,
    deadline: Promise<never> | undefined,
  ): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (active < max && waiting.length === 0 && !paused()) return Promise.resolve(slot());
    return new Promise((resolve, reject) => {
      let done = false;
      const leave = (reason: unknown) => {
        if (done) return;
        done = true;
        const at = waiting.indexOf(waiter);
        if (at >= 0) waiting.splice(at, 1);
        signal?.removeEventListener("abort", onAbort);
        reject(reason);
      };
      const onAbort = () => leave(signal?.reason);
      const waiter: Waiter = {
        grant(release) {
          if (done) return release();
          done = true;
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
      };
      waiting.push(waiter);
      // Someone waits for the pause to end now: its timer must keep Node alive.
      if (resumeTimer && paused()) (resumeTimer as { ref?: () => void }).ref?.();
      signal?.addEventListener("abort", onAbort, { once: true });
      deadline?.catch(leave);
    });
  }

  return {
    async take(slot, signal, deadline) {
      slot.waiting = true;
      const release = await acquire(signal, deadline);
      slot.release = release;
      // The attempt was given up (its deadline) while the slot was being handed over: give it back.
      if (slot.ended) {
        release();
        throw new DOMException("the attempt ended while it waited in the queue", "AbortError");
      }
      slot.waiting = false;
    },
    answered(status, retryAfter, fallbackMs) {
      if (status !== 429 && status !== 503) return;
      const asked = retryAfterMs(retryAfter);
      if (asked !== undefined || status === 503) pause(asked ?? fallbackMs);
    },
    hold(release, timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = () => {
        clearTimeout(timer);
        release();
      };
      const touch = () => {
        clearTimeout(timer);
        if (timeoutMs > 0) timer = setTimeout(stop, timeoutMs);
      };
      touch();
      return { touch, stop };
    },
  };
}

function unref(timer: ReturnType<typeof setTimeout>) {
  (timer as { unref?: () => void }).unref?.();
}
