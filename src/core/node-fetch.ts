// The base fetch on Node: requests go through the process-wide pool for the client's TLS settings
// (./pool.ts), with the timeouts carried by each request: undici's headersTimeout and bodyTimeout bound
// the wait for the headers and every pause in the body, so no AbortSignal has to go with each request
// (undici's per-request signal handling costs more than the rest of the SDK's work on a call). Answers
// read whole go through the pool's dispatch API (./dispatch.ts); streamed ones and bodies fetch must
// encode (FormData, streams) through the built-in fetch, given the same pool as its `dispatcher`.

import type { Dispatcher } from "./dispatch.js";
import type { BaseFetch } from "./engine.js";
import { globalDispatcher, poolFor, poolKey, type TlsOptions, withTimeouts } from "./pool.js";

export type { TlsOptions };

/**
 * The init the engine hands over: `timeoutMs` bounds the wait for headers and each pause in the body;
 * `stream` says the answer is handed on as it arrives rather than read whole.
 */
export type TimedInit = RequestInit & { timeoutMs?: number; stream?: boolean };

// Loaded with the first request (import() caches it), so browser bundles never carry it; if it cannot
// load, fetch does the work. No `once` from ../lazy.js: an import of it would split that into a chunk.
const loadDispatch = () => import("./dispatch.js");

/**
 * The dispatch path uses undici's handler interface as undici 5 to 7 (Node 20 to 24) define it. A later
 * major may change it, and a handler it never calls would leave requests waiting: there, fetch is used.
 */
export function dispatchSupported(undiciVersion: string | undefined): boolean {
  return /^[5-7]\./.test(undiciVersion ?? "");
}

/**
 * The fetch over the shared pool for `tls`. Holds no sockets, Agents or timers of its own: dropping the
 * client that made it leaves nothing behind. Loaded on first use (./transport-stubs.ts says the TLS warning).
 */
export function nodeFetch(tls: TlsOptions | undefined): BaseFetch {
  let pool: Dispatcher | null | undefined;
  let dispatch: typeof import("./dispatch.js") | undefined;
  let loading: Promise<Dispatcher | null> | undefined;
  // Without TLS settings the pool is Node's global dispatcher, looked up per request as fetch does.
  const global = poolKey(tls) === undefined;
  const load = () => {
    const undici = (globalThis as { process?: { versions?: Record<string, string> } }).process?.versions
      ?.undici;
    loading ??= Promise.all([
      poolFor(tls),
      dispatchSupported(undici) ? loadDispatch().catch(() => undefined) : undefined,
    ]).then(([found, module]) => {
      dispatch = module;
      pool = found ?? null;
      return pool;
    });
    return loading;
  };
  return async (url, init) => {
    const { timeoutMs = 0, stream = false, ...rest } = init as TimedInit;
    const through = pool === undefined ? await load() : global && pool ? (globalDispatcher() ?? pool) : pool;
    if (through) {
      return dispatch && !stream && dispatch.isPlainBody(rest.body)
        ? dispatch.dispatchFetch(through, url, rest, timeoutMs)
        : fetch(url, { ...rest, dispatcher: withTimeouts(through, timeoutMs) } as RequestInit);
    }
    // Not undici (another runtime's fetch): TLS settings cannot apply, and the timeout is a signal.
    if (tls) {
      throw new TypeError(
        "The tls option needs Node's built-in fetch; on other runtimes pass a `fetch` configured for your certificates",
      );
    }
    if (!timeoutMs) return fetch(url, rest);
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(url, { ...rest, signal: rest.signal ? AbortSignal.any([rest.signal, timeout]) : timeout });
  };
}
