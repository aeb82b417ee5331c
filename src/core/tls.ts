// TLS settings for self-signed or private-CA clusters, scoped to one client: an undici Agent used
// as this client's dispatcher, never a process-wide setting (NODE_TLS_REJECT_UNAUTHORIZED).

export interface TlsOptions {
  /** PEM certificate(s) of the CA that signed the cluster's certificate. */
  ca?: string | string[];
  /** false turns certificate checks off for this client. Only for test clusters: it allows interception. */
  rejectUnauthorized?: boolean;
}

import type { BaseFetch as Send } from "./engine.js";

type Dispatcher = object;
type AgentClass = new (options: { connect: Record<string, unknown> }) => Dispatcher;

// Node's fetch is undici; its Agent class is reachable through the global dispatcher that undici
// registers under this well-known symbol, so no second copy of undici is needed.
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

async function nodeAgentClass(): Promise<AgentClass> {
  const registry = globalThis as unknown as Record<symbol, { constructor: AgentClass } | undefined>;
  if (!registry[GLOBAL_DISPATCHER]) await fetch("data:,").catch(() => undefined); // loads undici
  const agent = registry[GLOBAL_DISPATCHER];
  if (!agent) {
    throw new TypeError(
      "The tls option needs Node's built-in fetch; on other runtimes pass a `fetch` configured for your certificates",
    );
  }
  return agent.constructor;
}

export function withTls(tls: TlsOptions, warn: (message: string) => void): Send {
  if (tls.rejectUnauthorized === false) {
    warn("TLS certificate verification is OFF for this ThoughtSpot client (tls.rejectUnauthorized: false)");
  }
  let dispatcher: Promise<Dispatcher> | undefined;
  return async (url, init) => {
    dispatcher ??= nodeAgentClass().then(
      (Agent) =>
        new Agent({
          connect: {
            ...(tls.ca !== undefined && { ca: tls.ca }),
            ...(tls.rejectUnauthorized === false && { rejectUnauthorized: false }),
          },
        }),
    );
    return fetch(url, { ...init, dispatcher: await dispatcher } as RequestInit);
  };
}
