// Calls one operation from its generated table row: splits the single input object into path,
// query, header and body, encodes the body as the spec says, and throws on any non-2xx answer.
import { ThoughtSpotError } from "../errors.js";
import type { OperationRow } from "../operation-row.js";
import type { Redactor } from "../redact.js";
import { type CallMeta, TS_CALL } from "../transport/call-meta.js";
import { toFormData } from "./multipart.js";
import { errorFromResponse } from "./response-error.js";
import type { CallOptions } from "./types.js";

type Loose = Record<string, unknown>;

/** For the SDK's own calls: `anonymous` skips the client's credentials (the calls that obtain them). */
export type InternalCallOptions = CallOptions & { anonymous?: boolean; parseAs?: "stream" };

export interface RawClient {
  request(
    method: string,
    path: string,
    init: Loose,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export interface InvokeContext {
  client: RawClient;
  redactor: Redactor;
  /** Encodes a body the API-specific way (V1 form fields); JSON and multipart are handled here. */
  encodeBody?: (
    row: OperationRow,
    body: Loose,
  ) => { body: unknown; headers?: Record<string, string> } | undefined;
  /** Encodes query parameters the API-specific way (V1 JSON text and "true"/"false"). */
  encodeParams?: (row: OperationRow, values: Loose | undefined) => Loose | undefined;
  /** Takes input keys no spec can declare (V1's numbered runtime filter keys) and returns them as query values. */
  extraQuery?: (operationId: string, fields: Loose) => Loose | undefined;
  /** Added to a 401 message when the client holds no credentials at all. */
  loginHint?: () => string | undefined;
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
    if (!names?.length) return undefined;
    const out: Loose = {};
    for (const name of names) if (fields[name] !== undefined) out[name] = fields[name];
    return out;
  };
  const query = take(row.queryParams);
  const extraQuery = ctx.extraQuery?.(operationId, fields);
  const encodedQuery = ctx.encodeParams ? ctx.encodeParams(row, query) : query;
  const params = {
    path: take(row.pathParams),
    // Extra values skip encodeParams: their arrays stay arrays and go out as repeated keys (val1=a&val1=b).
    query: extraQuery ? { ...encodedQuery, ...extraQuery } : encodedQuery,
    header: take(row.headerParams),
  };
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

  const headers: Record<string, string> = {
    ...(row.accept ? { Accept: row.accept } : {}),
    ...options.headers,
  };
  const init: Loose = {
    params,
    headers,
    // text/* answers (V1 tokens, GUIDs; V1 TML, which answers JSON under Accept: text/plain) are read
    // as text and parsed below when they turn out to be JSON.
    parseAs:
      (options as InternalCallOptions).parseAs ??
      (row.binary ? "blob" : row.streaming ? "stream" : row.accept?.startsWith("text/") ? "text" : "json"),
    [TS_CALL]: {
      operationId,
      path: row.path,
      idempotent: row.idempotent === true,
      maxRetries: options.maxRetries,
      timeoutMs: options.timeoutMs,
      anonymous: (options as InternalCallOptions).anonymous,
    } satisfies CallMeta,
  };
  if (options.signal) init.signal = options.signal;
  if (row.body) {
    const custom = ctx.encodeBody?.(row, bodyFields);
    if (custom) {
      init.body = custom.body;
      init.bodySerializer = (b: unknown) => b;
      Object.assign(headers, custom.headers);
    } else if (row.body === "multipart") {
      init.body = toFormData(bodyFields, row.fileFields);
      init.bodySerializer = (b: unknown) => b;
    } else {
      init.body = bodyFields;
    }
  } else if (Object.keys(bodyFields).length) {
    throw new TypeError(`${operationId}: takes no body, but got ${Object.keys(bodyFields).join(", ")}`);
  }

  let result: Awaited<ReturnType<RawClient["request"]>>;
  try {
    result = await ctx.client.request(row.method, row.path, init);
  } catch (error) {
    if (error instanceof ThoughtSpotError) throw error;
    if (error instanceof SyntaxError) throw notJson(operationId, row, error);
    throw error;
  }
  if (!result.response.ok) {
    throw errorFromResponse(
      { method: row.method, path: row.path, operationId, response: result.response, body: result.error },
      ctx.redactor,
      result.response.status === 401 ? ctx.loginHint?.() : undefined,
    );
  }
  if (typeof result.data === "string") {
    // V1 TML answers JSON under Accept: text/plain, sometimes labelled text/plain too.
    const labelledJson = /json/.test(result.response.headers.get("content-type") ?? "");
    if (labelledJson || /^\s*[[{]/.test(result.data)) {
      try {
        return JSON.parse(result.data);
      } catch (error) {
        if (labelledJson) throw notJson(operationId, row, error);
      }
    }
  }
  return result.data;
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
