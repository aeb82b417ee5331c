// The base fetch on Node: this client's own undici Agent, which carries the TLS settings (a private CA,
// or no checks for a test cluster — never a process-wide setting) and the timeouts. The Agent's
// headersTimeout and bodyTimeout bound the wait for the headers and every pause in the body, so no
// AbortSignal has to go with each request: undici's per-request signal handling (listeners and a
// finalizer per request) costs more than the rest of the SDK's work on a call. Answers read whole go
// through the Agent's dispatch API (./dispatch.ts); streamed ones through the built-in fetch.

export interface TlsOptions {
  /** PEM certificate(s) of the CA that signed the cluster's certificate. */
  ca?: string | string[];
  /** false turns certificate checks off for this client. Only for test clusters: it allows interception. */
  rejectUnauthorized?: boolean;
}

import type { Dispatcher } from "./dispatch.js";
import type { BaseFetch } from "./engine.js";

type AgentClass = new (options: {
  connect: Record<string, unknown>;
  headersTimeout: number;
  bodyTimeout: number;
}) => Dispatcher;

// Node's fetch is undici; its Agent class is reachable through the global dispatcher that undici
// registers under this well-known symbol, so no second copy of undici is needed.
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

async function nodeAgentClass(): Promise<AgentClass | undefined> {
  const registry = globalThis as unknown as Record<symbol, { constructor: AgentClass } | undefined>;
  if (!registry[GLOBAL_DISPATCHER]) await fetch("data:,").catch(() => undefined); // loads undici
  return registry[GLOBAL_DISPATCHER]?.constructor;
}

/**
 * The init the engine hands over: `timeoutMs` bounds the wait for headers and each pause in the body;
 * `stream` says the answer is handed on as it arrives rather than read whole.
 */
export type TimedInit = RequestInit & { timeoutMs?: number; stream?: boolean };

// Loaded with the first Agent (import() caches it), so browser bundles never carry it; if it cannot
// load, fetch does the work. No `once` from ../lazy.js: an import of it would split that into a chunk.
const loadDispatch = () => import("./dispatch.js");

/**
 * The dispatch path uses undici's handler interface as undici 5 to 7 (Node 20 to 24) define it. A later
 * major may change it, and a handler it never calls would leave requests waiting: there, fetch is used.
 */
export function dispatchSupported(undiciVersion: string | undefined): boolean {
  return /^[5-7]\./.test(undiciVersion ?? "");
}

/** The fetch with this client's Agent. Loaded on first use (./transport-stubs.ts says the TLS warning). */
export function nodeFetch(tls: TlsOptions | undefined): BaseFetch {
  const connect = {
    ...(tls?.ca !== undefined && { ca: tls.ca }),
    ...(tls?.rejectUnauthorized === false && { rejectUnauthorized: false }),
  };
  // One Agent per timeout in use (the client's, and any per-call ones); resolved ones are kept for sync use.
  const ready = new Map<number, Dispatcher | null>();
  const pending = new Map<number, Promise<Dispatcher | null>>();
  let dispatch: typeof import("./dispatch.js") | undefined;
  const agentFor = async (ms: number): Promise<Dispatcher | null> => {
    let loading = pending.get(ms);
    if (!loading) {
      const undici = (globalThis as { process?: { versions?: Record<string, string> } }).process?.versions
        ?.undici;
      loading = Promise.all([
        nodeAgentClass(),
        dispatchSupported(undici) ? loadDispatch().catch(() => undefined) : undefined,
      ]).then(([Agent, module]) => {
        dispatch = module;
        const agent = Agent ? new Agent({ connect, headersTimeout: ms, bodyTimeout: ms }) : null;
        ready.set(ms, agent);
        return agent;
      });
      pending.set(ms, loading);
    }
    return loading;
  };
  return async (url, init) => {
    const { timeoutMs = 0, stream = false, ...rest } = init as TimedInit;
    const agent = ready.has(timeoutMs) ? ready.get(timeoutMs) : await agentFor(timeoutMs);
    if (agent) {
      return dispatch && !stream && dispatch.isPlainBody(rest.body)
        ? dispatch.dispatchFetch(agent, url, rest, timeoutMs)
        : fetch(url, { ...rest, dispatcher: agent } as RequestInit);
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
