// Calls one operation from its generated table row: encode the single input object, send it through
// the engine, and decode the answer (JSON, text, a Blob, a stream) or throw the typed error. Loaded on
// the first call (./lazy-invoke.ts).
import type { OperationRow } from "../operation-row.js";
import type { Redactor } from "../redact.js";
import { encodeCall } from "./encode.js";
import type { Engine, OutgoingHeaders } from "./engine.js";
import { UnexpectedResponseError } from "./errors.js";
import { errorFromResponse, htmlInsteadOf, readErrorBody } from "./response-error.js";
import type { CallOptions } from "./types.js";

type Loose = Record<string, unknown>;

/** How the success body is handed back; downloads ask for "stream" whatever the row says. */
export type ParseAs = "json" | "blob" | "stream";

export interface InvokeContext {
  engine: Engine;
  api: "v1" | "v2";
  /** serverUrl, or serverUrl + /callosum/v1 for V1. */
  baseUrl: string;
  /** Headers of every call (accept, x-requested-by, user-agent, ...), names in lower case. */
  headers: OutgoingHeaders;
  credentials?: RequestCredentials | undefined;
  redactor: Redactor;
  /** Takes input keys no spec can declare (V1's numbered runtime filter keys) and returns them as query values. */
  extraQuery?: ((operationId: string, fields: Loose) => Loose | undefined) | undefined;
  /** Added to a 401 message when the client holds no credentials at all. */
  loginHint?: (() => string | undefined) | undefined;
  /** Explains an error further (e.g. the release an operation needs); may return the same error. */
  explain?: ((error: Error, operationId: string, row: OperationRow) => Promise<Error>) | undefined;
  /** ./header-check.ts's check of the headers a call sends (handed over: this chunk loads lazily). */
  checkHeaders?: ((headers: Record<string, unknown>, where: string) => void) | undefined;
  /** ./boundary.ts's sealError (handed over: importing it here would split it into a startup chunk). */
  seal: (error: unknown, redactor: Redactor) => unknown;
  /** Called before each call of an operation (deprecation warnings). */
  onCall?: ((operationId: string, row: OperationRow) => void) | undefined;
}

export async function invoke(
  ctx: InvokeContext,
  operationId: string,
  row: OperationRow,
  input: unknown = {},
  options: CallOptions & { parseAs?: ParseAs } = {},
): Promise<unknown> {
  const encoded = encodeCall(operationId, row, input, ctx.extraQuery);
  // A password in a body (createUser, changeUserPassword...) must not come back in an error or a log.
  ctx.redactor.learnFields(input);
  ctx.onCall?.(operationId, row);
  // Per-call headers and header parameters HTTP forbids: a TypeError before anything is sent (the
  // client's own headers were checked when it was made).
  if (row.headerParams) ctx.checkHeaders?.(encoded.headers, operationId);
  const headers: OutgoingHeaders = { ...ctx.headers, ...encoded.headers };
  if (options.headers) {
    ctx.checkHeaders?.(options.headers, operationId);
    for (const [name, value] of Object.entries(options.headers)) headers[name.toLowerCase()] = value;
  }
  const parseAs = options.parseAs ?? (row.binary ? "blob" : row.streaming ? "stream" : "json");
  const where = { method: row.method, path: row.path, operationId };

  try {
    return await ctx.engine.send(
      {
        // Written out rather than spread from `where`: one object shape for every call, built in one step.
        method: row.method,
        path: row.path,
        operationId,
        api: ctx.api,
        url: ctx.baseUrl + encoded.path + (encoded.query ? `?${encoded.query}` : ""),
        headers,
        body: encoded.body,
        signal: options.signal,
        credentials: ctx.credentials,
        idempotent: row.idempotent === true,
        maxRetries: options.maxRetries,
        timeoutMs: options.timeoutMs,
        stream: parseAs === "stream",
      },
      async (response, body) => {
        if (!response.ok) {
          const hint = response.status === 401 ? ctx.loginHint?.() : undefined;
          throw errorFromResponse(
            { ...where, response, body: await readErrorBody(response) },
            ctx.redactor,
            hint,
          );
        }
        if (parseAs === "stream") return response.body ? body(response) : undefined;
        if (response.status === 204 || response.headers.get("content-length") === "0") return undefined;
        if (parseAs === "blob") return response.blob();
        return decodeText(operationId, row, response, await response.text(), ctx.redactor);
      },
    );
  } catch (error) {
    const explained =
      ctx.explain && error instanceof Error ? await ctx.explain(error, operationId, row) : error;
    // ts.api and every helper's calls leave here: one scrub with the client's redactor.
    throw ctx.seal(explained, ctx.redactor);
  }
}

/** JSON answers, and V1's text answers (TML, tokens) that may or may not hold JSON. */
function decodeText(
  operationId: string,
  row: OperationRow,
  response: Response,
  text: string,
  redactor: Redactor,
): unknown {
  const type = response.headers.get("content-type") ?? "";
  const labelledJson = /json/i.test(type);
  const wantsText = row.accept?.startsWith("text/") === true;
  // An SSO login page or a proxy's page answered instead of ThoughtSpot.
  const html = htmlInsteadOf(type, text);
  if (html) throw html({ ...where(), response }, redactor);
  if (wantsText && !labelledJson && !/^\s*[[{]/.test(text)) return text;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (!labelledJson && wantsText) return text;
    throw new UnexpectedResponseError({
      ...where(),
      status: response.status,
      url: redactor.url(response.url),
      response,
      cause,
      message: `${operationId} (${row.method} ${row.path}) answered ${response.status} with a body that is not valid JSON`,
    });
  }

  function where() {
    return { method: row.method, path: row.path, operationId };
  }
}
