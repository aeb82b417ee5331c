// Typed errors for everything that can go wrong on a call. Built only through the factories below,
// which receive text that has already been redacted, so no secret can reach message, stack or JSON.

export interface ErrorDetails {
  /** ThoughtSpot's message (V2 error.message.debug/message, or V1 debug/message). */
  message?: string;
  code?: string | number;
  debug?: unknown;
}

export interface ThoughtSpotErrorInit {
  message: string;
  method: string;
  /** Path template (e.g. /api/rest/2.0/users/{user_identifier}/update) or, failing that, the URL path. */
  path: string;
  url?: string;
  status?: number;
  body?: unknown;
  details?: ErrorDetails;
  requestId?: string;
  operationId?: string;
  response?: Response;
  cause?: unknown;
}

const inspect = Symbol.for("nodejs.util.inspect.custom");

export class ThoughtSpotError extends Error {
  override name = "ThoughtSpotError";
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
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

  toJSON() {
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

/** 400 and other 4xx without a class of their own. */
export class BadRequestError extends ThoughtSpotError {
  override name = "BadRequestError";
}
/** 401 or 403: not logged in, expired, or not allowed. */
export class AuthError extends ThoughtSpotError {
  override name = "AuthError";
}
export class NotFoundError extends ThoughtSpotError {
  override name = "NotFoundError";
  /** When the cluster is older than the operation: the release the operation needs, and the cluster's. */
  readonly availableFrom: string | undefined;
  readonly clusterVersion: string | undefined;
  constructor(init: ThoughtSpotErrorInit & { availableFrom?: string; clusterVersion?: string }) {
    super(init);
    this.availableFrom = init.availableFrom;
    this.clusterVersion = init.clusterVersion;
  }
  override toJSON() {
    return { ...super.toJSON(), availableFrom: this.availableFrom, clusterVersion: this.clusterVersion };
  }
}
export class RateLimitError extends ThoughtSpotError {
  override name = "RateLimitError";
  /** Milliseconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(init: ThoughtSpotErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
export class ServerError extends ThoughtSpotError {
  override name = "ServerError";
}
/** No answer within the per-attempt timeout. */
export class RequestTimeoutError extends ThoughtSpotError {
  override name = "RequestTimeoutError";
}
/** The caller's AbortSignal fired. */
export class RequestAbortedError extends ThoughtSpotError {
  override name = "RequestAbortedError";
}
/** Connection refused or reset, DNS failure, TLS failure: no HTTP answer at all. */
export class NetworkError extends ThoughtSpotError {
  override name = "NetworkError";
}

export function errorClassForStatus(status: number): typeof ThoughtSpotError {
  if (status === 401 || status === 403) return AuthError;
  if (status === 404) return NotFoundError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
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

export function requestIdOf(response: Response | undefined, body: unknown): string | undefined {
  const header =
    response?.headers.get("x-request-id") ??
    response?.headers.get("x-callosum-incident-id") ??
    response?.headers.get("x-trace-id");
  if (header) return header;
  const found = JSON.stringify(body ?? null).match(
    /"(?:trace_id_guid|incident_id_guid|incident_id)"\s*:\s*"([^"]+)"/,
  );
  return found?.[1];
}

/** A short, readable excerpt of a non-JSON body (an HTML error page from a proxy, say). */
export function textExcerpt(text: string, max = 200): string {
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

/** One object of a TML import that ThoughtSpot did not accept. */
export interface TmlImportFailure {
  /** Position in the list given to tml.import. */
  index: number;
  name: string | undefined;
  message: string;
}

/**
 * A TML import where some objects failed. ThoughtSpot reports these inside an HTTP 200 answer, so
 * this is raised by the SDK after reading the answer; `result` holds every object's outcome.
 */
export class TmlImportError extends ThoughtSpotError {
  override name = "TmlImportError";
  readonly failures: TmlImportFailure[];
  readonly result: unknown;

  constructor(init: {
    method: string;
    path: string;
    operationId: string;
    failures: TmlImportFailure[];
    result: unknown;
  }) {
    const lines = init.failures.map((f) => `- #${f.index} ${f.name ?? "(unnamed)"}: ${f.message}`);
    super({
      message: `TML import: ${init.failures.length} object(s) failed\n${lines.join("\n")}`,
      method: init.method,
      path: init.path,
      operationId: init.operationId,
      status: 200,
    });
    this.failures = init.failures;
    this.result = init.result;
  }
}
