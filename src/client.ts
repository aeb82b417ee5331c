// createThoughtSpotClient(): wires options, auth, the transport and the typed clients together.
import createClient, { type Client } from "openapi-fetch";
import type { paths as V1Paths } from "../generated/v1.js";
import { v1Operations } from "../generated/v1-operations.js";
import type { operations as V2Operations, paths as V2Paths } from "../generated/v2.js";
import { v2Operations } from "../generated/v2-operations.js";
import { type AuthOptions, authKind, authSecrets } from "./auth/options.js";
import { cookieSession } from "./auth/session-strategy.js";
import { type AuthStrategy, anonymous, staticToken } from "./auth/strategy.js";
import { cachedToken, tokenProvider } from "./auth/token-strategy.js";
import { type Logger, type LogLevel, levelLogger } from "./logger.js";
import {
  type InternalCallOptions,
  type InvokeContext,
  invoke,
  operationMethods,
  type RawClient,
} from "./operations/invoke.js";
import type { CallOptions, OperationInput, OperationMethods, OperationOutput } from "./operations/types.js";
import { Redactor } from "./redact.js";
import { createTmlApi, type TmlApi } from "./tml/api.js";
import { withCookieJar } from "./transport/cookies.js";
import { operationLookup } from "./transport/resolve-operation.js";
import { type TlsOptions, withTls } from "./transport/tls.js";
import { createTransport } from "./transport/transport.js";
import { normalizeServerUrl } from "./url.js";
import { encodeV1Body, encodeV1Params } from "./v1/encode.js";
import { v1RuntimeQuery } from "./v1/runtime-params.js";
import type { V1OperationMethods } from "./v1/types.js";
import { VERSION } from "./version.js";

export type { AuthOptions, TlsOptions };

/** V1 paths in the spec are relative to this base path. */
const V1_PREFIX = "/callosum/v1";
const IN_BROWSER = typeof (globalThis as { window?: unknown }).window !== "undefined";

export interface ThoughtSpotClientOptions {
  /** The cluster, e.g. https://my.thoughtspot.cloud (a path prefix behind a proxy is kept). */
  serverUrl: string;
  /** How to log in: { token }, { getToken }, { username, password }, { username, secretKey }, or add session: true. */
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
  /** Node only: a private CA, or (test clusters only) no certificate checks, for this client alone. */
  tls?: TlsOptions;
  /** TML exports reference objects by GUID (fqn) unless told otherwise; set false for releases before 8.9. */
  tmlFqn?: boolean;
}

type V2 = OperationMethods<V2Operations>;
type Input<K extends keyof V2Operations> = OperationInput<V2Operations[K]>;
type Output<K extends keyof V2Operations> = Promise<OperationOutput<V2Operations[K]>>;

export interface ThoughtSpotClient {
  readonly serverUrl: string;
  /** openapi-fetch client for V2: ts.v2.POST("/api/rest/2.0/metadata/search", { body }) → { data, error }. */
  readonly v2: Client<V2Paths>;
  /** openapi-fetch client for V1 on {serverUrl}/callosum/v1: ts.v1.GET("/tspublic/v1/session/info"). */
  readonly v1: Client<V1Paths>;
  /** One method per operationId, throwing ThoughtSpotError on failure: ts.api.v2.searchUsers({ ... }). */
  readonly api: { readonly v2: V2; readonly v1: V1OperationMethods };
  /** Logs in now (otherwise the first call does); a no-op for { token }. */
  login(): Promise<void>;
  /** Revokes the token this client obtained, or ends the session and clears the cookie jar. */
  logout(): Promise<void>;
  /** Logs in to another Org (username-based auth only). */
  switchOrg(orgId: number): Promise<void>;
  /** TML export and import on V2 (default) or V1, with parsed documents and typed errors. */
  readonly tml: TmlApi;
  /** Token helpers: object-scoped and custom (ABAC) tokens, validation, revocation, V1 trusted auth. */
  readonly auth: {
    objectToken(input: Input<"getObjectAccessToken">, options?: CallOptions): Output<"getObjectAccessToken">;
    customToken(input: Input<"getCustomAccessToken">, options?: CallOptions): Output<"getCustomAccessToken">;
    validateToken(token: string, options?: CallOptions): Output<"validateToken">;
    revokeToken(input?: Input<"revokeToken">, options?: CallOptions): Output<"revokeToken">;
    /** V1 session/auth/token: a trusted-authentication login token (text). */
    v1TrustedToken(input: {
      username: string;
      accessLevel?: "FULL" | "REPORT_BOOK_VIEW";
      objectId?: string;
      orgId?: number;
      secretKey?: string;
    }): Promise<string>;
  };
}

function defaultHeaders(options: ThoughtSpotClientOptions): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json", "X-Requested-By": "ThoughtSpot" };
  // Browsers refuse to let scripts set User-Agent; everywhere else ThoughtSpot wants one.
  if (!IN_BROWSER) headers["User-Agent"] = `thoughtspot-rest-api/${VERSION}`;
  if (options.acceptLanguage) headers["Accept-Language"] = options.acceptLanguage;
  return { ...headers, ...options.headers };
}

export function createThoughtSpotClient(options: ThoughtSpotClientOptions): ThoughtSpotClient {
  if (!options || typeof options !== "object")
    throw new TypeError("createThoughtSpotClient needs an options object");
  const serverUrl = normalizeServerUrl(options.serverUrl);
  const kind = authKind(options.auth);
  if (options.tls && options.fetch) {
    throw new TypeError("tls configures the built-in fetch; with your own fetch, set its TLS options there");
  }
  const logger = levelLogger(options.logger, options.logLevel);
  const redactor = new Redactor();
  for (const secret of authSecrets(options.auth)) redactor.add(secret);

  let baseFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  if (options.tls) baseFetch = withTls(options.tls, (message) => logger.warn(message));
  const jar = kind === "session" && !IN_BROWSER ? withCookieJar(baseFetch) : undefined;

  let strategy: AuthStrategy = anonymous;
  const transport = createTransport({
    fetch: jar?.fetch ?? baseFetch,
    auth: {
      authorize: (h, c) => strategy.authorize(h, c),
      refresh: (f) => strategy.refresh?.(f) ?? Promise.resolve(false),
    },
    redactor,
    logger,
    lookup: operationLookup([
      { table: v2Operations, prefix: "" },
      { table: v1Operations, prefix: V1_PREFIX },
    ]),
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
  });

  const headers = defaultHeaders(options);
  const credentials = kind === "session" && IN_BROWSER ? ({ credentials: "include" } as const) : {};
  const v2 = createClient<V2Paths>({ baseUrl: serverUrl, fetch: transport, headers, ...credentials });
  const v1 = createClient<V1Paths>({
    baseUrl: serverUrl + V1_PREFIX,
    fetch: transport,
    headers,
    ...credentials,
  });
  const loginHint = () =>
    kind === "none"
      ? "This call needs a login: pass `auth` to createThoughtSpotClient (a token, or username and password)"
      : undefined;
  const v2Context: InvokeContext = { client: v2 as unknown as RawClient, redactor, loginHint };
  const v1Context: InvokeContext = {
    client: v1 as unknown as RawClient,
    redactor,
    loginHint,
    encodeBody: encodeV1Body,
    encodeParams: encodeV1Params,
    extraQuery: v1RuntimeQuery,
  };
  const api = {
    v2: operationMethods<V2>(v2Context, v2Operations),
    v1: operationMethods<V1OperationMethods>(v1Context, v1Operations),
  };
  // Calls that obtain credentials go without the client's own.
  const anonymousV2 = (id: keyof typeof v2Operations, input: unknown, callOptions: CallOptions = {}) =>
    invoke(v2Context, id, v2Operations[id], input, {
      ...callOptions,
      anonymous: true,
    } as InternalCallOptions);
  const anonymousV1 = (id: keyof typeof v1Operations, input: unknown) =>
    invoke(v1Context, id, v1Operations[id], input, { anonymous: true } as InternalCallOptions);

  const auth = (options.auth ?? {}) as Record<string, unknown>;
  let orgId = auth.orgId as number | undefined;
  const secret = auth.secretKey === undefined ? { password: auth.password } : { secret_key: auth.secretKey };
  const fullToken = async () => {
    const issued = (await anonymousV2("getFullAccessToken", {
      username: auth.username,
      ...secret,
      ...(orgId !== undefined && { org_id: orgId }),
      ...(auth.validitySeconds !== undefined && { validity_time_in_sec: auth.validitySeconds }),
    })) as { token: string; creation_time_in_millis?: number; expiration_time_in_millis?: number };
    redactor.add(issued.token);
    const { creation_time_in_millis: from, expiration_time_in_millis: to } = issued;
    return { token: issued.token, ...(from !== undefined && to !== undefined && { lifetimeMs: to - from }) };
  };

  switch (kind) {
    case "token":
      strategy = staticToken(auth.token as string);
      break;
    case "provider":
      strategy = tokenProvider(async () => {
        const result = await (auth.getToken as () => Promise<string | { token: string }>)();
        redactor.add(typeof result === "string" ? result : result?.token);
        return result;
      });
      break;
    case "password":
    case "secretKey":
      strategy = cachedToken(fullToken, {
        revoke: async (token) => {
          await invoke(v2Context, "revokeToken", v2Operations.revokeToken, { token }, {
            anonymous: true,
            headers: { Authorization: `Bearer ${token}` },
          } as InternalCallOptions);
        },
        switchOrg: (id) => {
          orgId = id;
        },
      });
      break;
    case "session":
      strategy = cookieSession(
        {
          login: async (org) => {
            if (auth.session === "v1") {
              await anonymousV1("sessionLogin", {
                username: auth.username,
                password: auth.password,
                rememberme: true,
              });
              if (org !== undefined) await anonymousV1("sessionOrgsPut", { orgid: org });
              return;
            }
            await anonymousV2("login", {
              username: auth.username,
              password: auth.password,
              remember_me: true,
              ...(org !== undefined && { org_identifier: String(org) }),
            });
          },
          logout: async () => {
            if (auth.session === "v1") await anonymousV1("sessionLogout", {});
            else await anonymousV2("logout", undefined);
          },
          clearCookies: async () => jar?.clear(),
        },
        orgId,
      );
      break;
  }

  const withCredential = <T extends Record<string, unknown>>(input: T): T => ({
    ...(auth.secretKey !== undefined
      ? { secret_key: auth.secretKey }
      : auth.password !== undefined
        ? { password: auth.password }
        : {}),
    ...input,
  });

  type Call = (input: Record<string, unknown>, options?: CallOptions) => Promise<unknown>;
  const v2Call = api.v2 as unknown as Record<string, Call>;
  const v1Call = api.v1 as unknown as Record<string, Call>;
  const tml = createTmlApi({
    defaultFqn: options.tmlFqn ?? true,
    v2Export: (i, o) => v2Call.exportMetadataTML!(i, o),
    v2ExportBatch: (i) => v2Call.exportMetadataTMLBatched!(i),
    v1Export: (i, o) => v1Call.metadataTmlExport!(i, o),
    v2Import: (i, o) => v2Call.importMetadataTML!(i, o),
    v2ImportAsync: (i, o) => v2Call.importMetadataTMLAsync!(i, o),
    v2AsyncStatus: (i, o) => v2Call.fetchAsyncImportTaskStatus!(i, o),
    v1Import: (i, o) => v1Call.metadataTmlImport!(i, o),
  });

  return {
    serverUrl,
    v2,
    v1,
    api,
    tml,
    login: async () => strategy.login?.(),
    logout: async () => strategy.logout?.(),
    switchOrg: async (id) => {
      if (!Number.isInteger(id)) throw new TypeError("switchOrg needs an integer Org id");
      if (!strategy.switchOrg)
        throw new TypeError("switchOrg needs username-based auth ({ username, password | secretKey })");
      await strategy.switchOrg(id);
    },
    auth: {
      objectToken: (input, callOptions) =>
        anonymousV2(
          "getObjectAccessToken",
          withCredential(input),
          callOptions,
        ) as Output<"getObjectAccessToken">,
      customToken: (input, callOptions) =>
        anonymousV2(
          "getCustomAccessToken",
          withCredential(input),
          callOptions,
        ) as Output<"getCustomAccessToken">,
      validateToken: (token, callOptions) => api.v2.validateToken({ token }, callOptions),
      revokeToken: (input, callOptions) => api.v2.revokeToken(input ?? {}, callOptions),
      v1TrustedToken: async ({ username, accessLevel = "FULL", objectId, orgId: org, secretKey }) => {
        const key = secretKey ?? (auth.secretKey as string | undefined);
        if (!key) throw new TypeError("v1TrustedToken needs a secretKey (in auth or in the call)");
        redactor.add(key);
        const token = (await anonymousV1("sessionAuthToken", {
          secret_key: key,
          username,
          access_level: accessLevel,
          ...(objectId !== undefined && { id: objectId }),
          ...(org !== undefined && { orgid: org }),
        })) as string;
        redactor.add(token);
        return token;
      },
    },
  };
}
