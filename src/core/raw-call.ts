// The call path of ts.v2 and ts.v1 (./raw-client.ts), loaded on the first raw call: openapi-fetch is
// created here, and each request is encoded by the one encoder and sent through the engine.
import type { ClientOptions } from "openapi-fetch";
import { type EncodedCall, encodeCall } from "./encode.js";
import type { Found, Loose, RawClientOptions, RawInit, RawState } from "./raw-client.js";

// Statuses whose Response must have no body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** One raw client's send function, over its openapi-fetch client, made with the middleware so far. */
export async function rawCaller<Paths extends {}>(
  options: RawClientOptions,
  state: RawState,
): Promise<(method: string, path: string, init?: RawInit) => Promise<unknown>> {
  const clientOptions: ClientOptions = {
    baseUrl: typeof options.baseUrl === "string" ? options.baseUrl : await options.baseUrl(),
    headers: options.headers,
    ...(options.credentials && { credentials: options.credentials }),
  };
  const created = (await import("openapi-fetch")).default<Paths>(clientOptions);
  created.use(...state.middleware);
  state.created = created;
  const c = created as unknown as Record<string, (p: string, i: unknown) => Promise<unknown>>;

  return async function call(method: string, path: string, init: RawInit = {}) {
    // Caller mistakes fail here, before openapi-fetch builds a Request (whose TypeError quotes the value).
    checkRawInit(method, path, init, options.checkHeaders);
    const found = await options.route(method, path);
    options.redactor.learnFields(init.body);
    options.redactor.learnFields(init.params);
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
    if (!found) return redactedError(await c[method]!(path, { ...init, fetch }));
    const encoded = encodeRaw(found, init, await options.extraQuery?.());
    options.onCall?.(found.operationId, found.row);
    return redactedError(
      await c[method]!(path, {
        ...init,
        // openapi-fetch calls these instead of its own serializers: the one encoder already did the work.
        params: { ...init.params, path: init.params?.path ?? {} },
        pathSerializer: (url: string) => url.slice(0, url.length - found.row.path.length) + encoded.path,
        querySerializer: () => encoded.query,
        bodySerializer: () => encoded.body,
        ...(encoded.body !== undefined && init.body === undefined && { body: {} }),
        headers: mergeHeaders(encoded.headers, init.headers),
        fetch,
      }),
    );
  };

  /** openapi-fetch's `{ error }` is the answer's body: handed out scrubbed, like every error's body. */
  function redactedError(result: unknown): unknown {
    const r = result as { error?: unknown } | undefined;
    if (r && typeof r === "object" && r.error !== undefined) r.error = options.redactor.value(r.error);
    return result;
  }
}

/** The answer again, with its body read under the attempt's timeout (or guarded, for a stream). */
function rebuilt(response: Response, body: BodyInit | null): Response {
  const out = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A built Response has no URL of its own; the caller's `{ response }` should still say where it came from.
  Object.defineProperty(out, "url", { value: response.url });
  return out;
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

/** Per-call headers and path parameters a request cannot carry: a TypeError before anything is built. */
function checkRawInit(
  method: string,
  path: string,
  init: RawInit,
  checkHeaders: RawClientOptions["checkHeaders"],
): void {
  const where = `${method} ${path}`;
  checkHeaders(init.params?.header, where);
  const given = init.headers;
  if (Array.isArray(given)) checkHeaders(Object.fromEntries(given as [string, string][]), where);
  else if (given && !(given instanceof Headers)) checkHeaders(given as Record<string, unknown>, where);
  for (const [name, value] of Object.entries(init.params?.path ?? {})) {
    try {
      if (typeof value === "string") encodeURIComponent(value);
    } catch {
      // Only a lone surrogate makes it throw (a URIError): text with no UTF-8 form.
      throw new TypeError(
        `${where}: path parameter "${name}" has a lone UTF-16 surrogate (text cut in the middle of a character)`,
      );
    }
  }
}
