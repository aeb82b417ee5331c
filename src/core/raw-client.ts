// ts.v2 and ts.v1: openapi-fetch clients (typed paths, `{ data, error }` results, their own `use()`
// middleware) whose requests are encoded by the one encoder and sent through the engine. openapi-fetch
// is told the operation it already knows (method and path template), so the row's encoding, Accept,
// retry rule and errors apply exactly as they do for ts.api. This is the surface, ready at once (use and
// eject are synchronous); the call path (./raw-call.ts) and openapi-fetch load on the first call.
import { once } from "../lazy.js";
import type { OperationRow } from "../operation-row.js";
import type { Redactor } from "../redact.js";
import type { Engine } from "./engine.js";
import type { RawMiddleware as FetchMiddleware } from "./raw-fetch-types.js";
import type { RawClient } from "./raw-types.js";

const loadRawCall = once(() => import("./raw-call.js"));
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

export type Loose = Record<string, unknown>;
export type Found = { operationId: string; row: OperationRow };

export interface RawClientOptions {
  api: "v1" | "v2";
  /** serverUrl and the API's base path, or a loader of it (V1's lives in its lazily loaded table). */
  baseUrl: string | (() => Promise<string>);
  headers: Record<string, string>;
  credentials?: RequestCredentials | undefined;
  engine: () => Engine;
  /** ./header-check.ts's check, handed over so the lazily loaded call path does not import it. */
  checkHeaders: (headers: Record<string, unknown> | undefined, where: string) => void;
  /** The operation behind a method and path template, from the generated table (V1's loads lazily). */
  route: (method: string, path: string) => Promise<Found | undefined>;
  extraQuery?: () => Promise<((operationId: string, fields: Loose) => Loose | undefined) | undefined>;
  /** Called before each call of a spec operation (deprecation warnings). */
  onCall?: ((operationId: string, row: OperationRow) => void) | undefined;
  /** Learns secret-named fields of each call's body, so no error or log line can echo them; scrubs `{ error }`. */
  redactor: Pick<Redactor, "learnFields" | "value">;
}

export interface RawInit {
  params?: { path?: Loose; query?: Loose; header?: Loose };
  body?: unknown;
  headers?: HeadersInit;
  parseAs?: string;
  signal?: AbortSignal;
  [key: string]: unknown;
}

/** What the surface and the call path share: the middleware so far, and the openapi-fetch client once made. */
export interface RawState {
  middleware: FetchMiddleware[];
  created?: { use(...added: FetchMiddleware[]): void; eject(...removed: FetchMiddleware[]): void };
}

type Send = (method: string, path: string, init?: RawInit) => Promise<unknown>;

export function rawClient<Paths extends {}>(options: RawClientOptions): RawClient<Paths> {
  const state: RawState = { middleware: [] };
  // One send function per raw client, made once (concurrent first calls share it and its openapi-fetch client).
  let ready: Send | undefined;
  const caller = once(async (): Promise<Send> => {
    ready = await (await loadRawCall()).rawCaller<Paths>(options, state);
    return ready;
  });
  // Once loaded, calls go straight through: no extra await per request.
  const call: Send = (method, path, init) =>
    ready ? ready(method, path, init) : caller().then((send) => send(method, path, init));

  const out: Record<string, unknown> = {
    use(...added: FetchMiddleware[]) {
      state.middleware.push(...added);
      state.created?.use(...added);
    },
    eject(...removed: FetchMiddleware[]) {
      for (const m of removed) {
        const at = state.middleware.indexOf(m);
        if (at >= 0) state.middleware.splice(at, 1);
      }
      state.created?.eject(...removed);
    },
    request: (method: string, path: string, init?: RawInit) => call(String(method).toUpperCase(), path, init),
  };
  for (const name of METHODS) out[name] = (path: string, init?: RawInit) => call(name, path, init);
  return out as unknown as RawClient<Paths>;
}
