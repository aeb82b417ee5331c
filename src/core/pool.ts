// Connection pools for the whole process, keyed by TLS settings: clients with the same settings share
// sockets, so a client made per user per request costs no handshake. Owns no credentials, cookies or
// timeouts (those travel with each request) and never closes a pool a client may still use.

import type { Dispatcher } from "./dispatch.js";

export interface TlsOptions {
  /** PEM certificate(s) of the CA that signed the cluster's certificate. */
  ca?: string | string[];
  /** false turns certificate checks off for this client. Only for test clusters: it allows interception. */
  rejectUnauthorized?: boolean;
}

type AgentClass = new (options: { connect: Record<string, unknown> }) => Dispatcher;

// Node's fetch is undici; its global dispatcher is registered under this well-known symbol. Clients
// without TLS settings send through it (read per request, so a dispatcher the application installs
// later with setGlobalDispatcher — a proxy, say — applies to the SDK as it does to fetch).
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");
type Registry = Record<symbol, Dispatcher | undefined>;

/** Node's global dispatcher, once undici is loaded (a first fetch loads it). */
export function globalDispatcher(): Dispatcher | undefined {
  return (globalThis as unknown as Registry)[GLOBAL_DISPATCHER];
}

/** Loads undici (Node's fetch) if nothing has yet; undefined when this runtime's fetch is not undici. */
export async function loadGlobalDispatcher(): Promise<Dispatcher | undefined> {
  if (!globalDispatcher()) await fetch("data:,").catch(() => undefined);
  return globalDispatcher();
}

/**
 * The pool key of a TLS setting; undefined for none (the global dispatcher). Same CA text and the
 * same check setting share a pool, whichever client asks.
 */
export function poolKey(tls: TlsOptions | undefined): string | undefined {
  const ca = tls?.ca === undefined ? undefined : [tls.ca].flat();
  const off = tls?.rejectUnauthorized === false;
  if (!ca && !off) return undefined;
  return JSON.stringify([ca ?? null, off]);
}

// One Agent per distinct TLS setting, for the life of the process: their number is the number of
// distinct settings in use, not the number of clients or calls.
const pools = new Map<string, Promise<Dispatcher | undefined>>();

/** The pool for these TLS settings: the global dispatcher, or the shared Agent of this setting. */
export function poolFor(tls: TlsOptions | undefined): Promise<Dispatcher | undefined> {
  const key = poolKey(tls);
  if (key === undefined) return loadGlobalDispatcher();
  let pool = pools.get(key);
  if (!pool) {
    const connect = {
      ...(tls?.ca !== undefined && { ca: tls.ca }),
      ...(tls?.rejectUnauthorized === false && { rejectUnauthorized: false }),
    };
    pool = loadGlobalDispatcher().then((global) => {
      const Agent = (global as { constructor?: AgentClass } | undefined)?.constructor;
      try {
        return Agent ? new Agent({ connect }) : undefined;
      } catch {
        return undefined; // the application replaced the global dispatcher with one of another kind
      }
    });
    pools.set(key, pool);
  }
  return pool;
}

/** How many TLS-specific pools the process holds (tests and benchmarks). */
export function poolCount(): number {
  return pools.size;
}

/**
 * `pool` with this request's timeouts: a view, not a pool (no sockets, no timers), handed to fetch as its
 * `dispatcher`. undici takes headersTimeout and bodyTimeout per request (0: none).
 */
export function withTimeouts(pool: Dispatcher, timeoutMs: number): Dispatcher {
  return {
    dispatch: (options, handler) =>
      pool.dispatch({ ...options, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }, handler),
  };
}
