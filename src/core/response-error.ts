// Turns an answer that is not the operation's success into the matching ApiError subclass, redacted.
import type { OperationRow } from "../operation-row.js";
import type { Redactor } from "../redact.js";
import {
  type ApiError,
  errorClassForStatus,
  parseErrorDetails,
  RateLimitError,
  requestIdOf,
  textExcerpt,
  UnexpectedResponseError,
} from "./errors.js";
import { retryAfterMs } from "./retry.js";

export interface FailedCall {
  method: string;
  path: string;
  operationId?: string | undefined;
  response: Response;
  /** The body: parsed JSON, or the raw text. */
  body: unknown;
}

/** Error bodies are read as text and parsed when they are JSON; a page that is not JSON stays text. */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const SSO_HINT =
  "an SSO login page or a proxy answered instead of ThoughtSpot: check serverUrl, and log in with a token or trusted authentication";

export function errorFromResponse(call: FailedCall, redactor: Redactor, hint?: string): ApiError {
  const { response } = call;
  const html =
    typeof call.body === "string" && looksLikeHtml(response.headers.get("content-type"), call.body);
  const body =
    typeof call.body === "string" ? textExcerpt(redactor.text(head(call.body))) : redactor.value(call.body);
  const details = redactor.value(parseErrorDetails(body));
  const Class = errorClassForStatus(response.status);
  const said = details.message ?? (typeof body === "string" && body ? body : undefined);
  const code = details.code === undefined ? "" : ` (code ${details.code})`;
  const who = call.operationId
    ? `${call.operationId} (${call.method} ${call.path})`
    : `${call.method} ${call.path}`;
  // The reason phrase and the request id are the server's words too: a hostile one may echo a secret there.
  const reason = response.statusText ? redactor.text(response.statusText) : "";
  const status = `${response.status}${reason ? ` ${reason}` : ""}`;
  const extra = [hint, html ? `The answer is an HTML page: ${SSO_HINT}` : undefined]
    .filter(Boolean)
    .join(". ");
  const init = {
    message: `${who} failed with ${status}${said ? `: ${said}` : ""}${code}${extra ? `. ${extra}` : ""}`,
    method: call.method,
    path: call.path,
    url: redactor.url(response.url),
    status: response.status,
    body,
    details,
    requestId: redactedId(requestIdOf(response, body), redactor),
    operationId: call.operationId,
    response,
  };
  if (Class === RateLimitError) {
    return new RateLimitError({ ...init, retryAfterMs: retryAfterMs(response.headers.get("retry-after")) });
  }
  return new Class(init);
}

function looksLikeHtml(contentType: string | null, text: string): boolean {
  const head = text.slice(0, 512);
  return (
    /^\s*<(?:!doctype|html|head|body)\b/i.test(head) ||
    (/html/i.test(contentType ?? "") && /^\s*</.test(head))
  );
}

/** A success status whose body is an HTML page, where the operation answers JSON or text. */
export function htmlInsteadOf(
  contentType: string,
  text: string,
): ((call: Omit<FailedCall, "body">, redactor: Redactor) => UnexpectedResponseError) | undefined {
  if (!looksLikeHtml(contentType, text)) return undefined;
  return (call, redactor) => {
    const excerpt = textExcerpt(redactor.text(head(text)));
    const who = call.operationId
      ? `${call.operationId} (${call.method} ${call.path})`
      : `${call.method} ${call.path}`;
    return new UnexpectedResponseError({
      message: `${who} answered ${call.response.status} with an HTML page${excerpt ? ` ("${excerpt}")` : ""}: ${SSO_HINT}`,
      method: call.method,
      path: call.path,
      operationId: call.operationId,
      url: redactor.url(call.response.url),
      status: call.response.status,
      body: excerpt,
      response: call.response,
    });
  };
}

/**
 * The part of a page an excerpt can come from (textExcerpt reads its first 16 KiB), with room for a
 * secret that starts inside it: scrubbing a whole page of hundreds of megabytes would be wasted.
 */
function head(text: string): string {
  return text.length > 65_536 ? text.slice(0, 65_536) : text;
}

function redactedId(id: string | undefined, redactor: Redactor): string | undefined {
  return id === undefined ? undefined : redactor.text(id);
}

/** Where an answer came from: the operation, and its method and path template when the helper knows them. */
export interface AnswerSource {
  operationId: string;
  method?: string | undefined;
  path?: string | undefined;
  status?: number | undefined;
}

/** The V2 table, told by ./lazy-invoke.ts when it loads (not imported: that would put it at startup). */
let v2Table: Record<string, OperationRow> | undefined;

export function knowV2Table(table: Record<string, OperationRow>): void {
  v2Table = table;
}

/** The V2 row of an operation, once the table has loaded (it has, after any V2 call); for error messages. */
function loadedV2Row(operationId: string): OperationRow | undefined {
  return v2Table && Object.hasOwn(v2Table, operationId) ? v2Table[operationId] : undefined;
}

/**
 * A success answer whose shape is not what the operation answers (a helper expected a list and got a
 * string, say): an UnexpectedResponseError naming the operation, never a bare TypeError. The message
 * describes the shape without quoting the answer (a cut-off excerpt could hold part of a secret);
 * the answer itself is its `body`, scrubbed at the boundary like every error's.
 */
export function unexpectedAnswer(
  source: AnswerSource,
  expected: string,
  answer: unknown,
): UnexpectedResponseError {
  const row = source.method && source.path ? undefined : loadedV2Row(source.operationId);
  const method = source.method ?? row?.method;
  const path = source.path ?? row?.path;
  const where = method && path ? ` (${method} ${path})` : "";
  return new UnexpectedResponseError({
    message: `${source.operationId}${where} answered with an unexpected shape: expected ${expected}, got ${shapeOf(answer)}`,
    method,
    path,
    operationId: source.operationId,
    status: source.status,
    body: answer,
  });
}

/** A few words on a value's shape (type, length, first keys), never its contents. */
export function shapeOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "no body";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return `text of ${value.length} characters`;
  if (typeof value !== "object") return `a ${typeof value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return "an empty object";
  const shown = keys.slice(0, 8).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return `an object with ${keys.length === 1 ? "key" : "keys"} ${shown.join(", ")}${keys.length > 8 ? ", …" : ""}`;
}
