// ts.v2 and ts.v1: openapi-fetch clients (typed paths, `{ data, error }` results, their own `use()`
// middleware) whose requests are encoded by the one encoder and sent through the engine. openapi-fetch
// is told the operation it already knows (method and path template), so the row's encoding, Accept,
// retry rule and errors apply exactly as they do for ts.api. openapi-fetch loads on the first call.
import type { ClientOptions, Client as FetchClient, Middleware as FetchMiddleware } from "openapi-fetch";
import { once } from "../lazy.js";
import type { OperationRow } from "../operation-row.js";
import { type EncodedCall, encodeCall } from "./encode.js";
import type { Engine } from "./engine.js";
import type { RawClient } from "./raw-types.js";

const loadOpenapiFetch = once(() => import("openapi-fetch"));
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
// Statuses whose Response must have no body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

type Loose = Record<string, unknown>;
type Found = { operationId: string; row: OperationRow };

export interface RawClientOptions {
  api: "v1" | "v2";
  /** serverUrl and the API's base path, or a loader of it (V1's lives in its lazily loaded table). */
  baseUrl: string | (() => Promise<string>);
  headers: Record<string, string>;
  credentials?: RequestCredentials | undefined;
  engine: () => Engine;
  /** The operation behind a method and path template, from the generated table (V1's loads lazily). */
  route: (method: string, path: string) => Promise<Found | undefined>;
  extraQuery?: () => Promise<((operationId: string, fields: Loose) => Loose | undefined) | undefined>;
  /** Called before each call of a spec operation (deprecation warnings). */
  onCall?: ((operationId: string, row: OperationRow) => void) | undefined;
  /** Learns secret-named fields of each call's body, so no error or log line can echo them. */
  redactor: { learnFields(input: unknown): void };
}

interface RawInit {
  params?: { path?: Loose; query?: Loose; header?: Loose };
  body?: unknown;
  headers?: HeadersInit;
  parseAs?: string;
  signal?: AbortSignal;
  [key: string]: unknown;
}

export function rawClient<Paths extends {}>(options: RawClientOptions): RawClient<Paths> {
  const middleware: FetchMiddleware[] = [];
  let created: FetchClient<Paths> | undefined;
  const client = once(async () => {
    const clientOptions: ClientOptions = {
      baseUrl: typeof options.baseUrl === "string" ? options.baseUrl : await options.baseUrl(),
      headers: options.headers,
      ...(options.credentials && { credentials: options.credentials }),
    };
    created = (await loadOpenapiFetch()).default<Paths>(clientOptions);
    created.use(...middleware);
    return created;
  });

  async function call(method: string, path: string, init: RawInit = {}) {
    const c = (await client()) as unknown as Record<string, (p: string, i: unknown) => Promise<unknown>>;
    const found = await options.route(method, path);
    options.redactor.learnFields(init.body);
    const stream = init.parseAs === "stream";
    const info = {
      method,
      path,
      operationId: found?.operationId,
      api: options.api,
      idempotent: found ? found.row.idempotent === true : method === "GET",
      stream,
    };
    // The engine sends what openapi-fetch built (after its own middleware), and buffers the body while
    // the attempt's timeout runs, unless the caller asked for a stream.
    const fetch = async (request: Request) => {
      const sent = request.body ? await request.arrayBuffer() : undefined;
      return options.engine().send(
        {
          ...info,
          url: request.url,
          headers: Object.fromEntries(request.headers),
          body: sent,
          signal: init.signal ?? request.signal,
          credentials: options.credentials,
        },
        async (response, body) => {
          if (stream && response.ok) return rebuilt(response, body(response));
          return rebuilt(response, NULL_BODY.has(response.status) ? null : await response.arrayBuffer());
        },
      );
    };
    if (!found) return c[method]!(path, { ...init, fetch });
    const encoded = encodeRaw(found, init, await options.extraQuery?.());
    options.onCall?.(found.operationId, found.row);
    return c[method]!(path, {
      ...init,
      // openapi-fetch calls these instead of its own serializers: the one encoder already did the work.
      params: { ...init.params, path: init.params?.path ?? {} },
      pathSerializer: (url: string) => url.slice(0, url.length - found.row.path.length) + encoded.path,
      querySerializer: () => encoded.query,
      bodySerializer: () => encoded.body,
      ...(encoded.body !== undefined && init.body === undefined && { body: {} }),
      headers: mergeHeaders(encoded.headers, init.headers),
      fetch,
    });
  }

  const out: Record<string, unknown> = {
    use(...added: FetchMiddleware[]) {
      middleware.push(...added);
      created?.use(...added);
    },
    eject(...removed: FetchMiddleware[]) {
      for (const m of removed) {
        const at = middleware.indexOf(m);
        if (at >= 0) middleware.splice(at, 1);
      }
      created?.eject(...removed);
    },
    request: (method: string, path: string, init?: RawInit) => call(String(method).toUpperCase(), path, init),
  };
  for (const name of METHODS) out[name] = (path: string, init?: RawInit) => call(name, path, init);
  return out as unknown as RawClient<Paths>;
}

function rebuilt(response: Response, body: BodyInit | null): Response {
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The raw call's path, query, header parameters and body folded into one input, as ts.api takes it. */
function encodeRaw(
  found: Found,
  init: RawInit,
  extraQuery: ((operationId: string, fields: Loose) => Loose | undefined) | undefined,
): EncodedCall {
  const { path, query, header } = init.params ?? {};
  const body = init.body;
  if (
    body !== undefined &&
    (body === null || typeof body !== "object" || Array.isArray(body) || body instanceof FormData)
  ) {
    throw new TypeError(`${found.operationId}: the body must be an object of fields`);
  }
  return encodeCall(
    found.operationId,
    found.row,
    { ...header, ...query, ...path, ...(body as Loose) },
    extraQuery,
  );
}

function mergeHeaders(encoded: Record<string, string>, given: HeadersInit | undefined): Headers {
  const headers = new Headers(encoded);
  if (given instanceof Headers || Array.isArray(given))
    for (const [k, v] of new Headers(given)) headers.set(k, v);
  else {
    // openapi-fetch's plain-object headers: null or undefined removes a header.
    for (const [name, value] of Object.entries(given ?? {}) as [string, unknown][]) {
      if (value === null || value === undefined) headers.delete(name);
      else headers.set(name, String(value));
    }
  }
  return headers;
}
