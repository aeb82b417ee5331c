// Calls one operation from its generated table row: splits the single input object into path,
// query, header and body, encodes the body as the spec says, and throws on any non-2xx answer.
// It builds the request itself and hands it to the transport: going through openapi-fetch would
// add a Request object and a stream copy per call for nothing the table does not already say.
import { ThoughtSpotError } from "../errors.js";
import type { OperationRow } from "../operation-row.js";
import type { Redactor } from "../redact.js";
import type { ReleaseHooks } from "../release/hooks.js";
import type { OutgoingRequest } from "../transport/transport.js";
import { toFormData } from "./multipart.js";
import { errorFromResponse } from "./response-error.js";
import type { CallOptions } from "./types.js";

type Loose = Record<string, unknown>;

/** For the SDK's own calls: `anonymous` skips the client's credentials (the calls that obtain them). */
export type InternalCallOptions = CallOptions & { anonymous?: boolean; parseAs?: "stream" };

export interface InvokeContext {
  send: (request: OutgoingRequest) => Promise<Response>;
  /** serverUrl, or serverUrl + /callosum/v1 for V1. */
  baseUrl: string;
  /** Headers of every call (Accept, X-Requested-By, User-Agent, ...). */
  headers: Record<string, string>;
  credentials?: RequestCredentials;
  redactor: Redactor;
  /** Encodes a body the API-specific way (V1 form fields); JSON and multipart are handled here. */
  encodeBody?: (
    row: OperationRow,
    body: Loose,
  ) => { body: BodyInit; headers?: Record<string, string> } | undefined;
  /** Encodes query parameters the API-specific way (V1 JSON text and "true"/"false"). */
  encodeParams?: (row: OperationRow, values: Loose | undefined) => Loose | undefined;
  /** Takes input keys no spec can declare (V1's numbered runtime filter keys) and returns them as query values. */
  extraQuery?: (operationId: string, fields: Loose) => Loose | undefined;
  /** Added to a 401 message when the client holds no credentials at all. */
  loginHint?: () => string | undefined;
  /** Deprecation warnings, and "not found" errors explained by the cluster's release. */
  release?: ReleaseHooks;
}

/** Path parameters filled in (encoded), query appended; arrays repeat their key (val1=a&val1=b). */
function urlOf(baseUrl: string, row: OperationRow, path: Loose, query: Loose | undefined): string {
  const filled = row.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(path[name])),
  );
  if (!query) return baseUrl + filled;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      search.append(key, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  const text = search.toString();
  return text ? `${baseUrl}${filled}?${text}` : baseUrl + filled;
}

export async function invoke(
  ctx: InvokeContext,
  operationId: string,
  row: OperationRow,
  input: unknown = {},
  options: CallOptions = {},
): Promise<unknown> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new TypeError(`${operationId}: the input must be an object of parameters and body fields`);
  }
  const fields = input as Loose;
  for (const name of row.required ?? []) {
    if (fields[name] === undefined || fields[name] === null) {
      throw new TypeError(`${operationId}: missing required "${name}"`);
    }
  }

  const take = (names: readonly string[] | undefined) => {
    const out: Loose = {};
    for (const name of names ?? []) if (fields[name] !== undefined) out[name] = fields[name];
    return out;
  };
  const query = row.queryParams ? take(row.queryParams) : undefined;
  const extraQuery = ctx.extraQuery?.(operationId, fields);
  const encodedQuery = ctx.encodeParams ? ctx.encodeParams(row, query) : query;
  const paramNames = new Set([
    ...(row.pathParams ?? []),
    ...(row.queryParams ?? []),
    ...(row.headerParams ?? []),
    ...Object.keys(extraQuery ?? {}),
  ]);
  const bodyFields: Loose = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!paramNames.has(key) && value !== undefined) bodyFields[key] = value;
  }

  const headers = new Headers(ctx.headers);
  if (row.accept) headers.set("Accept", row.accept);
  for (const [name, value] of Object.entries(take(row.headerParams))) headers.set(name, String(value));
  let body: BodyInit | undefined;
  if (row.body) {
    const custom = ctx.encodeBody?.(row, bodyFields);
    if (custom) {
      body = custom.body;
      for (const [name, value] of Object.entries(custom.headers ?? {})) headers.set(name, value);
    } else if (row.body === "multipart") {
      body = toFormData(bodyFields, row.fileFields); // fetch sets the multipart boundary
    } else {
      body = JSON.stringify(bodyFields);
      headers.set("Content-Type", "application/json");
    }
  } else if (Object.keys(bodyFields).length) {
    throw new TypeError(`${operationId}: takes no body, but got ${Object.keys(bodyFields).join(", ")}`);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  ctx.release?.calling(operationId, row);

  const response = await ctx.send({
    url: urlOf(
      ctx.baseUrl,
      row,
      take(row.pathParams),
      extraQuery ? { ...encodedQuery, ...extraQuery } : encodedQuery,
    ),
    method: row.method,
    headers,
    body,
    signal: options.signal,
    credentials: ctx.credentials,
    meta: {
      operationId,
      path: row.path,
      idempotent: row.idempotent === true,
      maxRetries: options.maxRetries,
      timeoutMs: options.timeoutMs,
      anonymous: (options as InternalCallOptions).anonymous,
    },
  });

  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    const error = errorFromResponse(
      { method: row.method, path: row.path, operationId, response, body: parsed },
      ctx.redactor,
      response.status === 401 ? ctx.loginHint?.() : undefined,
    );
    throw ctx.release ? await ctx.release.failed(error, operationId, row) : error;
  }
  const parseAs =
    (options as InternalCallOptions).parseAs ?? (row.binary ? "blob" : row.streaming ? "stream" : "text");
  if (parseAs === "stream") {
    // The body outlives the Response the transport kept the combined abort signal on, so it is piped
    // through the caller's own signal: an abort while the body is read ends it.
    if (!response.body || !options.signal) return response.body ?? undefined;
    return response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), {
      signal: options.signal,
    });
  }
  if (response.status === 204 || response.headers.get("content-length") === "0") return undefined;
  if (parseAs === "blob") return response.blob();
  const text = await response.text();
  // JSON answers, and V1's text/* answers that hold JSON (TML under Accept: text/plain).
  const labelledJson = /json/.test(response.headers.get("content-type") ?? "");
  if (row.accept?.startsWith("text/") && !labelledJson && !/^\s*[[{]/.test(text)) return text;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!labelledJson && row.accept?.startsWith("text/")) return text;
    throw notJson(operationId, row, error);
  }
}

function notJson(operationId: string, row: OperationRow, cause: unknown): ThoughtSpotError {
  return new ThoughtSpotError({
    message: `${operationId} (${row.method} ${row.path}) answered with a body that is not valid JSON`,
    method: row.method,
    path: row.path,
    operationId,
    cause,
  });
}

/** ts.api.v2 / ts.api.v1: one method per operationId, straight from the generated table. */
export function operationMethods<M>(ctx: InvokeContext, table: Record<string, OperationRow>): M {
  const methods: Record<string, unknown> = {};
  for (const [operationId, row] of Object.entries(table)) {
    methods[operationId] = (input?: unknown, options?: CallOptions) =>
      invoke(ctx, operationId, row, input, options);
  }
  return Object.freeze(methods) as M;
}
