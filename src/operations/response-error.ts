// Turns a non-2xx answer into the matching ThoughtSpotError subclass, redacted.
import {
  errorClassForStatus,
  parseErrorDetails,
  RateLimitError,
  requestIdOf,
  type ThoughtSpotError,
  textExcerpt,
} from "../errors.js";
import type { Redactor } from "../redact.js";
import { retryAfterMs } from "../transport/retry.js";

export interface FailedCall {
  method: string;
  path: string;
  operationId?: string | undefined;
  response: Response;
  /** The body as openapi-fetch read it: parsed JSON, or the raw text. */
  body: unknown;
}

export function errorFromResponse(call: FailedCall, redactor: Redactor, hint?: string): ThoughtSpotError {
  const { response } = call;
  const body =
    typeof call.body === "string" ? textExcerpt(redactor.text(call.body)) : redactor.value(call.body);
  const details = redactor.value(parseErrorDetails(body));
  const Class = errorClassForStatus(response.status);
  const said = details.message ?? (typeof body === "string" && body ? body : undefined);
  const code = details.code === undefined ? "" : ` (code ${details.code})`;
  const who = call.operationId
    ? `${call.operationId} (${call.method} ${call.path})`
    : `${call.method} ${call.path}`;
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  const init = {
    message: `${who} failed with ${status}${said ? `: ${said}` : ""}${code}${hint ? `. ${hint}` : ""}`,
    method: call.method,
    path: call.path,
    url: redactor.url(response.url),
    status: response.status,
    body,
    details,
    requestId: requestIdOf(response, body),
    operationId: call.operationId,
    response,
  };
  if (Class === RateLimitError) {
    return new RateLimitError({ ...init, retryAfterMs: retryAfterMs(response.headers.get("retry-after")) });
  }
  return new Class(init);
}
