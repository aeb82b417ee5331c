// createThoughtSpotClient(): wires options, the transport and the typed clients together.
import createClient, { type Client } from "openapi-fetch";
import type { operations as V1Operations, paths as V1Paths } from "../generated/v1.js";
import { v1Operations } from "../generated/v1-operations.js";
import type { operations as V2Operations, paths as V2Paths } from "../generated/v2.js";
import { v2Operations } from "../generated/v2-operations.js";
import { type AuthStrategy, anonymous, staticToken } from "./auth/strategy.js";
import { type Logger, type LogLevel, levelLogger } from "./logger.js";
import { type InvokeContext, operationMethods, type RawClient } from "./operations/invoke.js";
import type { OperationMethods } from "./operations/types.js";
import { Redactor } from "./redact.js";
import { operationLookup } from "./transport/resolve-operation.js";
import { createTransport } from "./transport/transport.js";
import { normalizeServerUrl } from "./url.js";
import { encodeV1Body, encodeV1Params } from "./v1/encode.js";
import { VERSION } from "./version.js";

export type AuthOptions = { token: string };

/** V1 paths in the spec are relative to this base path. */
const V1_PREFIX = "/callosum/v1";

export interface ThoughtSpotClientOptions {
  /** The cluster, e.g. https://my.thoughtspot.cloud (a path prefix behind a proxy is kept). */
  serverUrl: string;
  auth?: AuthOptions;
  /** A fetch implementation (tests, proxies, other runtimes); defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent on every call. */
  headers?: Record<string, string>;
  /** Sent as Accept-Language on every call (ThoughtSpot localises messages and formats). */
  acceptLanguage?: string;
  /** Retries after the first attempt for retryable failures (default 2). */
  maxRetries?: number;
  /** Per-attempt timeout in ms (default 60 000; 0 disables). */
  timeoutMs?: number;
  /** Receives one line per attempt (method, path, status, duration, attempt); silent by default. */
  logger?: Logger;
  logLevel?: LogLevel;
}

export interface ThoughtSpotClient {
  readonly serverUrl: string;
  /** openapi-fetch client for V2: ts.v2.POST("/api/rest/2.0/metadata/search", { body }) → { data, error }. */
  readonly v2: Client<V2Paths>;
  /** openapi-fetch client for V1 on {serverUrl}/callosum/v1: ts.v1.GET("/tspublic/v1/session/info"). */
  readonly v1: Client<V1Paths>;
  /** One method per operationId, throwing ThoughtSpotError on failure: ts.api.v2.searchUsers({ ... }). */
  readonly api: { readonly v2: OperationMethods<V2Operations>; readonly v1: OperationMethods<V1Operations> };
}

function defaultHeaders(options: ThoughtSpotClientOptions): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "X-Requested-By": "ThoughtSpot",
  };
  // Browsers refuse to let scripts set User-Agent; everywhere else ThoughtSpot wants one.
  if (typeof (globalThis as { window?: unknown }).window === "undefined") {
    headers["User-Agent"] = `thoughtspot-rest-api/${VERSION}`;
  }
  if (options.acceptLanguage) headers["Accept-Language"] = options.acceptLanguage;
  return { ...headers, ...options.headers };
}

function authStrategy(auth: AuthOptions | undefined): AuthStrategy {
  if (auth === undefined) return anonymous;
  if (typeof auth.token === "string" && auth.token) return staticToken(auth.token);
  throw new TypeError("auth must be { token: string }");
}

export function createThoughtSpotClient(options: ThoughtSpotClientOptions): ThoughtSpotClient {
  if (!options || typeof options !== "object")
    throw new TypeError("createThoughtSpotClient needs an options object");
  const serverUrl = normalizeServerUrl(options.serverUrl);
  const redactor = new Redactor();
  redactor.add(options.auth?.token);
  const auth = authStrategy(options.auth);
  const baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const transport = createTransport({
    fetch: baseFetch,
    auth,
    redactor,
    logger: levelLogger(options.logger, options.logLevel),
    lookup: operationLookup([
      { table: v2Operations, prefix: "" },
      { table: v1Operations, prefix: V1_PREFIX },
    ]),
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  const headers = defaultHeaders(options);
  const v2 = createClient<V2Paths>({ baseUrl: serverUrl, fetch: transport, headers });
  const v1 = createClient<V1Paths>({ baseUrl: serverUrl + V1_PREFIX, fetch: transport, headers });
  const loginHint = () =>
    options.auth
      ? undefined
      : "This call needs a login: pass `auth` to createThoughtSpotClient (a token, or username and password)";
  const v2Context: InvokeContext = { client: v2 as unknown as RawClient, redactor, loginHint };
  const v1Context: InvokeContext = {
    client: v1 as unknown as RawClient,
    redactor,
    loginHint,
    encodeBody: encodeV1Body,
    encodeParams: encodeV1Params,
  };
  return {
    serverUrl,
    v2,
    v1,
    api: {
      v2: operationMethods<OperationMethods<V2Operations>>(v2Context, v2Operations),
      v1: operationMethods<OperationMethods<V1Operations>>(v1Context, v1Operations),
    },
  };
}
