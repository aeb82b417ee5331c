// A client's `maxConcurrency`: at most N requests on the wire, the rest waiting in arrival order, and
// one pause for the whole queue when the cluster says it is overloaded (429 with Retry-After, 503).
// Owns slots and waiters only; never sends, retries or times out a request itself (the engine does).

export interface RequestQueue {
  /**
   * Resolves with the slot's release function once a slot is free and no pause is on. `signal` and
   * `deadline` end the wait: the request leaves the queue, unsent, with their reason.
   */
  acquire(signal: AbortSignal | undefined, deadline: Promise<never> | undefined): Promise<() => void>;
  /** No queued request starts for `ms` (requests already on the wire go on). Longer pauses win. */
  pause(ms: number): void;
}

/** The longest shared pause: as long as the longest Retry-After the engine waits for (./retry.ts). */
const MAX_PAUSE_MS = 60_000;

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
  return createQueue(maxConcurrency);
}

interface Waiter {
  grant(release: () => void): void;
}

function createQueue(max: number): RequestQueue {
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

  return {
    acquire(signal, deadline) {
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
        signal?.addEventListener("abort", onAbort, { once: true });
        deadline?.catch(leave);
      });
    },
    pause(ms) {
      if (!(ms > 0)) return;
      const until = Date.now() + Math.min(ms, MAX_PAUSE_MS);
      if (until <= pausedUntil) return;
      pausedUntil = until;
      clearTimeout(resumeTimer);
      // Held only while requests wait: a pause with nobody queued ends without keeping Node alive.
      resumeTimer = setTimeout(pump, until - Date.now());
      if (waiting.length === 0) unref(resumeTimer);
    },
  };
}

function unref(timer: ReturnType<typeof setTimeout>) {
  (timer as { unref?: () => void }).unref?.();
}
