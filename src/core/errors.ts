// The SDK's error tree. One root, ThoughtSpotError, so one `catch` covers everything thrown on purpose:
//   ThoughtSpotError
//   ├─ ApiError (an HTTP answer that is not a success) → BadRequestError, AuthError, NotFoundError,
//   │    RateLimitError, ServerError, RedirectError, UnexpectedResponseError
//   ├─ NetworkError, RequestTimeoutError, RequestAbortedError (no usable answer)
//   ├─ PaginationError (a walk that would not end)
//   ├─ TmlError → TmlParseError, TmlImportError, TmlDeployError (src/tml/errors.ts)
//   └─ ObjectLookupError (src/metadata/errors.ts)
// Programming mistakes found before any request are TypeErrors instead. Wherever an error is built,
// it leaves the SDK through one step (./boundary.ts sealError) that scrubs every field, the cause
// chain included, with the client's redactor, so no secret can reach message, stack, JSON or inspect.

export interface ErrorDetails {
  /** ThoughtSpot's message (V2 error.message.debug/message, or V1 debug/message). */
  message?: string;
  code?: string | number;
  debug?: unknown;
}

export interface ThoughtSpotErrorInit {
  message: string;
  /** HTTP method and path template of the call, when the error belongs to one. */
  method?: string | undefined;
  /** Path template (e.g. /api/rest/2.0/users/{user_identifier}/update) or, failing that, the URL path. */
  path?: string | undefined;
  url?: string | undefined;
  status?: number | undefined;
  body?: unknown;
  details?: ErrorDetails | undefined;
  requestId?: string | undefined;
  operationId?: string | undefined;
  response?: Response | undefined;
  cause?: unknown;
}

const inspect = Symbol.for("nodejs.util.inspect.custom");

export class ThoughtSpotError extends Error {
  override name = "ThoughtSpotError";
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly url: string | undefined;
  /** Parsed error body (JSON when it parses, else a short text excerpt), redacted. */
  readonly body: unknown;
  readonly details: ErrorDetails;
  readonly requestId: string | undefined;
  readonly operationId: string | undefined;
  declare readonly response: Response | undefined;

  constructor(init: ThoughtSpotErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.url = init.url;
    this.body = init.body;
    this.details = init.details ?? {};
    this.requestId = init.requestId;
    this.operationId = init.operationId;
    // Not enumerable: the Response carries headers (Set-Cookie) that must not show up in logs or JSON.
    Object.defineProperty(this, "response", { value: init.response, enumerable: false });
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      url: this.url,
      operationId: this.operationId,
      requestId: this.requestId,
      details: this.details,
      body: this.body,
    };
  }

  [inspect]() {
    return `${this.stack ?? `${this.name}: ${this.message}`}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** The server answered, and not with success: status, method, path template, operationId and body say how. */
export class ApiError extends ThoughtSpotError {
  override name = "ApiError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
}

/** 400 and other 4xx without a class of their own. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
/** 401 or 403: not logged in, expired, or not allowed. */
export class AuthError extends ApiError {
  override name = "AuthError";
}
/** 404 or 405: no such object, or no such endpoint on this cluster. */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
  /** When the cluster is older than the operation: the release the operation needs, and the cluster's. */
  readonly availableFrom: string | undefined;
  readonly clusterVersion: string | undefined;
  constructor(
    init: ThoughtSpotErrorInit & { availableFrom?: string | undefined; clusterVersion?: string | undefined },
  ) {
    super(init);
    this.availableFrom = init.availableFrom;
    this.clusterVersion = init.clusterVersion;
  }
  override toJSON() {
    return { ...super.toJSON(), availableFrom: this.availableFrom, clusterVersion: this.clusterVersion };
  }
}
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(init: ThoughtSpotErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
export class ServerError extends ApiError {
  override name = "ServerError";
}
/** A 3xx answer to an API call (an SSO login page, a proxy, a wrong serverUrl): never followed. */
export class RedirectError extends ApiError {
  override name = "RedirectError";
  /** Where it pointed, without query string or fragment. */
  readonly location: string | undefined;
  constructor(init: ThoughtSpotErrorInit & { location?: string | undefined }) {
    super(init);
    this.location = init.location;
  }
}
/** A success status with a body that is not what the operation answers (an HTML page where JSON was due). */
export class UnexpectedResponseError extends ApiError {
  override name = "UnexpectedResponseError";
}
/** A walk over pages that would not end: the server sent the same page again, or the page cap was reached. */
export class PaginationError extends ThoughtSpotError {
  override name = "PaginationError";
}
/** No answer within the per-attempt timeout, or a body that stalled. */
export class RequestTimeoutError extends ThoughtSpotError {
  override name = "RequestTimeoutError";
}
/** The caller's AbortSignal fired. */
export class RequestAbortedError extends ThoughtSpotError {
  override name = "RequestAbortedError";
}
/** Connection refused or reset, DNS failure, TLS failure: no (complete) HTTP answer. */
export class NetworkError extends ThoughtSpotError {
  override name = "NetworkError";
}

/**
 * Not part of the tree (the engine turns it into one of the typed errors): thrown by a base fetch that reads the
 * answer whole itself (./dispatch.ts), when it broke off after the headers. Kept here, beside the errors
 * the lazily loaded parts already share, so it adds no chunk of its own to a split bundle.
 */
export class AnswerReadError extends Error {
  constructor(
    override readonly cause: unknown,
    /** The answer's status, which had arrived. */
    readonly status: number,
  ) {
    super("the answer broke off while it was read", { cause });
    this.name = "AnswerReadError";
  }
}

export function errorClassForStatus(status: number): typeof ApiError {
  if (status === 401 || status === 403) return AuthError;
  if (status === 404 || status === 405) return NotFoundError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  if (status >= 300 && status < 400) return RedirectError;
  return BadRequestError;
}

/** Reads ThoughtSpot's error shapes: V2 {error:{message:{code,debug}}} and V1 {code,debug,message}. */
export function parseErrorDetails(body: unknown): ErrorDetails {
  if (!body || typeof body !== "object") return {};
  const root = body as Record<string, unknown>;
  const inner = (root.error && typeof root.error === "object" ? root.error : root) as Record<string, unknown>;
  const message = inner.message;
  const source = (message && typeof message === "object" ? message : inner) as Record<string, unknown>;
  const details: ErrorDetails = {};
  const text = typeof message === "string" ? message : (source.debug ?? source.message ?? inner.debug);
  if (typeof text === "string" && text) details.message = text;
  const code = source.code ?? inner.code;
  if (typeof code === "string" || typeof code === "number") details.code = code;
  if (source.debug !== undefined) details.debug = source.debug;
  return details;
}

const ID_FIELDS = new Set(["trace_id_guid", "incident_id_guid", "incident_id"]);

export function requestIdOf(response: Response | undefined, body: unknown): string | undefined {
  const header =
    response?.headers.get("x-request-id") ??
    response?.headers.get("x-callosum-incident-id") ??
    response?.headers.get("x-trace-id");
  if (header) return header;
  return findField(body, 0);
}

/** A request id anywhere in the first levels of an error body (bounded: bodies may be hostile). */
function findField(value: unknown, depth: number): string | undefined {
  if (!value || typeof value !== "object" || depth > 4) return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (ID_FIELDS.has(key) && typeof v === "string") return v;
    const found = findField(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A short, readable excerpt of a non-JSON body (an HTML error page from a proxy, say). Linear in its size. */
export function textExcerpt(text: string, max = 200): string {
  // Only the head of a page is read: an excerpt never needs more, and hostile pages may be huge.
  const head = text.slice(0, 16_384);
  let plain = "";
  let inTag = false;
  let skipping: string | undefined;
  const lower = head.toLowerCase();
  for (let i = 0; i < head.length && plain.length <= max * 2; i++) {
    const c = head[i]!;
    if (skipping) {
      if (c === "<" && lower.startsWith(`</${skipping}`, i)) {
        skipping = undefined;
        inTag = true;
      }
      continue;
    }
    if (inTag) {
      if (c === ">") {
        inTag = false;
        plain += " ";
      }
      continue;
    }
    if (c === "<") {
      inTag = true;
      if (lower.startsWith("<script", i)) skipping = "script";
      else if (lower.startsWith("<style", i)) skipping = "style";
      continue;
    }
    plain += c;
  }
  plain = plain.replace(/\s+/g, " ").trim();
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}
