// createThoughtSpotClient(): assembly only. Options → one engine → the surfaces (raw clients, operation
// methods, helpers, walkers), each of which sends through that engine.
import type { paths as V1Paths } from "../generated/v1.js";
import type { paths as V2Paths } from "../generated/v2.js";
import type { V2Api } from "../generated/v2-api.js";
import { v2BasePath, v2OperationIds, v2StreamingIds } from "../generated/v2-names.js";
import { type CredentialCalls, strategyFromOptions } from "./auth/from-options.js";
import type { AuthHelpers } from "./auth/helpers.js";
import { authMethods } from "./auth/methods.js";
import { type AuthOptions, authSecrets, parseAuth } from "./auth/options.js";
import { staticToken } from "./auth/strategy.js";
import { sealError, sealSurfaces } from "./core/boundary.js";
import { type Call, createCall, type V1Context } from "./core/call.js";
import type { BaseFetch, Engine } from "./core/engine.js";
import { ThoughtSpotError } from "./core/errors.js";
import { checkHeaders } from "./core/header-check.js";
import type { InvokeContext } from "./core/invoke.js";
import { createEngine } from "./core/lazy-engine.js";
import { invokeLazily, loadV2Table, operationMethods } from "./core/lazy-invoke.js";
import { checkMiddleware, type Middleware } from "./core/middleware.js";
import type { TlsOptions } from "./core/node-fetch.js";
import { requestQueue } from "./core/queue.js";
import { rawClient } from "./core/raw-client.js";
import type { RawClient } from "./core/raw-types.js";
import { routeLookup } from "./core/routes.js";
import { deferredCookieJar, deferredNodeFetch, lazyCookieJar } from "./core/transport-stubs.js";
import type { CallOptions } from "./core/types.js";
import type { DownloadMethod } from "./download/types.js";
import { deferredPaginated, lazyNamespace, once } from "./lazy.js";
import { type Logger, type LogLevel, levelLogger } from "./logger.js";
import type { MetadataApi } from "./metadata/api.js";
import { metadataMethods } from "./metadata/methods.js";
import type { OperationRow } from "./operation-row.js";
import { paginatedOperation, paginatedOperationIds } from "./pagination/operations.js";
import type { PaginateMethod } from "./pagination/paginate.js";
import type { PaginateV1Method } from "./pagination/paginate-v1.js";
import type { GroupsApi, UsersApi } from "./principals/api.js";
import { groupsMethods, usersMethods } from "./principals/methods.js";
import { Redactor } from "./redact.js";
import { clusterReleaseSource } from "./release/cluster.js";
import type { CompatibilityReport } from "./release/compatibility.js";
import { deprecationWarner } from "./release/deprecation.js";
import { releaseHooks } from "./release/hooks.js";
import type { SharingApi } from "./sharing/api.js";
import { sharingMethods } from "./sharing/methods.js";
import type { StreamMethod } from "./streaming/stream.js";
import type { TmlApi } from "./tml/api.js";
import { tmlMethods } from "./tml/methods.js";
import { normalizeServerUrl } from "./url.js";
import type { V1OperationMethods } from "./v1/types.js";
import { VERSION } from "./version.js";

export type { AuthOptions, Middleware, TlsOptions };

const IN_BROWSER = typeof (globalThis as { window?: unknown }).window !== "undefined";
const loadV1 = once(() => import("./v1/module.js"));
const loadTml = once(() => import("./tml/api.js"));
const loadHelpers = once(() => import("./helpers-module.js"));
const loadPagination = once(() => import("./pagination/paginate.js"));
const loadPaginationV1 = once(() => import("./pagination/paginate-v1.js"));
const loadDownload = once(() => import("./download/download.js"));
const loadStream = once(() => import("./streaming/stream.js"));
const loadCompatibility = once(() => import("./release/compatibility.js"));
// The route index is only for raw ts.v2 calls: it loads with them, not at startup.
const v2Route = once(async () =>
  routeLookup((await import("../generated/v2-routes.js")).v2Routes, await loadV2Table()),
);
const loadAuthHelpers = once(() => import("./auth/helpers.js"));

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
  /** Retries after the first attempt for retryable failures (default 2; a non-negative integer). */
  maxRetries?: number;
  /** Per-attempt timeout in ms, body included (default 60 000; 0 disables; streams: the longest pause between chunks). */
  timeoutMs?: number;
  /** Receives one line per attempt (method, path, status, duration, attempt); silent by default. */
  logger?: Logger;
  logLevel?: LogLevel;
  /** Node only: a private CA, or (test clusters only) no certificate checks, for this client alone. */
  tls?: TlsOptions;
  /** TML exports reference objects by GUID (fqn) unless told otherwise; set false for releases before 8.9. */
  tmlFqn?: boolean;
  /** Functions that see every request of every surface, once per attempt (see `use`). */
  middleware?: Middleware[];
  /**
   * At most this many requests of this client on the wire at once; the rest wait in arrival order
   * (a positive integer; default: no limit). A 429 with Retry-After or a 503 then pauses the whole
   * queue. For bulk jobs 4 to 8 is a good start (README, "Options").
   */
  maxConcurrency?: number;
}

export interface ThoughtSpotClient {
  readonly serverUrl: string;
  /** openapi-fetch client for V2: ts.v2.POST("/api/rest/2.0/metadata/search", { body }) → { data, error }. */
  readonly v2: RawClient<V2Paths>;
  /** openapi-fetch client for V1 on {serverUrl}/callosum/v1: ts.v1.GET("/tspublic/v1/session/info"). */
  readonly v1: RawClient<V1Paths>;
  /** One method per operationId, throwing ThoughtSpotError on failure: ts.api.v2.searchUsers({ ... }). */
  readonly api: { readonly v2: V2Api; readonly v1: V1OperationMethods };
  /**
   * Adds middleware that sees every request the client sends (raw clients, ts.api, helpers, walkers,
   * downloads, streams, logins), once per attempt, before credentials are added.
   */
  use(...middleware: Middleware[]): void;
  /** Logs in now (otherwise the first call does); a no-op for { token }. */
  login(): Promise<void>;
  /**
   * Revokes the token this client obtained, or ends the session, and clears the cookie jar. Calls that
   * started before fail with AuthError rather than log in again; calls made afterwards log in afresh.
   */
  logout(): Promise<void>;
  /** Logs in to another Org (username-based auth only); every call that starts afterwards runs there. */
  switchOrg(orgId: number): Promise<void>;
  /** Token helpers: object-scoped and custom (ABAC) tokens, validation, revocation, V1 trusted auth. */
  readonly auth: AuthHelpers;
  /** TML export and import on V2 (default) or V1, with parsed documents and typed errors. */
  readonly tml: TmlApi;
  /** Search and lookups by ThoughtSpot type (TSTypes or raw API strings). */
  readonly metadata: MetadataApi;
  readonly sharing: SharingApi;
  readonly users: UsersApi;
  readonly groups: GroupsApi;
  /**
   * Every item of a paginated V2 operation, by operationId with ts.api's input:
   * for await (const u of ts.paginate("searchUsers", { record_size: 200 })). The path form
   * ts.paginate("/api/rest/2.0/users/search", { body }) is an alias.
   */
  readonly paginate: PaginateMethod;
  /** V1 list endpoints (offset/batchsize): ts.paginateV1("metadataList", { type: "PINBOARD_ANSWER_BOOK" }). */
  readonly paginateV1: PaginateV1Method;
  /**
   * Files from the binary operations, by operationId with ts.api's input (bytes, an unbuffered stream,
   * or { file } on Node): ts.download("exportLiveboardReport", { metadata_identifier, file_format: "PDF" }).
   * The path form ts.download("/api/rest/2.0/report/liveboard", { body }) is an alias.
   */
  readonly download: DownloadMethod;
  /** Spotter streaming answers as parsed event objects. */
  readonly stream: StreamMethod;
  /** The cluster's ThoughtSpot release (e.g. 10.1.0.cl), asked once and cached; undefined if it does not say. */
  clusterVersion(): Promise<string | undefined>;
  /** The operations of both APIs this cluster is too old for, with the releases they need. */
  compatibility(): Promise<CompatibilityReport>;
}

function defaultHeaders(options: ThoughtSpotClientOptions): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json", "X-Requested-By": "ThoughtSpot" };
  // Browsers refuse to let scripts set User-Agent; everywhere else ThoughtSpot wants one.
  if (!IN_BROWSER) headers["User-Agent"] = `thoughtspot-rest-api/${VERSION}`;
  checkHeaders({ ...options.headers, "Accept-Language": options.acceptLanguage }, "createThoughtSpotClient");
  if (options.acceptLanguage) headers["Accept-Language"] = options.acceptLanguage;
  // Lower-case names, as the engine keeps them (a user's "accept" replaces the default "Accept").
  return Object.fromEntries(
    Object.entries({ ...headers, ...options.headers }).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

/**
 * The fetch at the bottom of the pipeline: the user's, the browser's, or on Node undici's, over the
 * process-wide pool for the client's TLS settings, with the timeouts per request (`timeouts: true`, no
 * signal per call).
 */
function baseFetchOf(
  options: ThoughtSpotClientOptions,
  warn: (message: string) => void,
): { fetch: BaseFetch; timeouts: boolean } {
  const userFetch = options.fetch;
  if (userFetch) return { fetch: (url, init) => userFetch(new Request(url, init)), timeouts: false };
  if (IN_BROWSER && !options.tls)
    return { fetch: (url, init) => globalThis.fetch(url, init), timeouts: false };
  return { fetch: deferredNodeFetch(options.tls, warn), timeouts: true };
}

/**
 * ts.api.v1: methods appear by operationId; the V1 table and encoders load on the first call. Once
 * loaded, `in`, Object.keys and property descriptors answer from the table (before, nothing is listed).
 */
function v1Methods(context: () => Promise<V1Context>) {
  let table: Record<string, OperationRow> | undefined;
  const methods = new Map<string, (input?: unknown, options?: CallOptions) => Promise<unknown>>();
  const method = (name: string) => {
    let found = methods.get(name);
    if (!found) {
      found = async (input?: unknown, options?: CallOptions) => {
        const ctx = await context();
        table = ctx.table;
        const row = Object.hasOwn(ctx.table, name) ? ctx.table[name] : undefined;
        if (!row) throw new TypeError(`ts.api.v1.${name} is not a V1 operation`);
        return invokeLazily(ctx, name, row, input, options);
      };
      methods.set(name, found);
    }
    return found;
  };
  const known = (name: string | symbol): name is string =>
    typeof name === "string" && table !== undefined && Object.hasOwn(table, name);
  return new Proxy({} as V1OperationMethods, {
    get(_, name) {
      // Not a thenable, and no symbol keys: `await ts.api.v1` must not look like a promise.
      if (typeof name !== "string" || name === "then") return undefined;
      // Before the table loads, any name may be an operation; the call says if it is not.
      if (table !== undefined && !Object.hasOwn(table, name)) return undefined;
      return method(name);
    },
    has: (_, name) => known(name),
    ownKeys: () => (table ? Object.keys(table) : []),
    getOwnPropertyDescriptor: (_, name) =>
      known(name)
        ? { value: method(name), writable: false, enumerable: true, configurable: true }
        : undefined,
  });
}

export function createThoughtSpotClient(options: ThoughtSpotClientOptions): ThoughtSpotClient {
  if (!options || typeof options !== "object")
    throw new TypeError("createThoughtSpotClient needs an options object");
  const serverUrl = normalizeServerUrl(options.serverUrl);
  const auth = parseAuth(options.auth);
  if (options.tls && options.fetch) {
    throw new TypeError("tls configures the built-in fetch; with your own fetch, set its TLS options there");
  }
  if (options.middleware !== undefined && !Array.isArray(options.middleware)) {
    throw new TypeError("middleware must be an array of functions");
  }
  const middleware = (options.middleware ?? []).map(checkMiddleware);
  const logger = levelLogger(options.logger, options.logLevel);
  // The client's own credentials are pinned: masked for the client's whole life, whatever else it learns.
  const redactor = new Redactor(authSecrets(auth));

  const session = auth.kind === "session";
  const base = baseFetchOf(options, (message) => logger.warn(message));
  const origin = new URL(serverUrl).origin;
  // On Node every client keeps cookies: a session client's jar loads now, any other's when the cluster
  // first sets a cookie (a login made through ts.api or the raw clients keeps its session).
  const jar = IN_BROWSER
    ? undefined
    : session
      ? deferredCookieJar(base.fetch, redactor)
      : lazyCookieJar(base.fetch, redactor, origin);
  const engineOptions = {
    fetch: jar?.fetch ?? base.fetch,
    fetchTimeouts: base.timeouts,
    middleware,
    redactor,
    logger,
    origin,
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
    // One queue for the client: logins and token calls take their slots like every other request.
    queue: requestQueue(options.maxConcurrency),
  };
  const engine = createEngine(engineOptions);
  // Without a cookie session, token requests and revokes never touch the jar: a late answer to a
  // login for an Org or session left since cannot leave a cookie behind.
  const credentialEngine = session ? engine : createEngine({ ...engineOptions, fetch: base.fetch });

  const headers = defaultHeaders(options);
  const credentials = session && IN_BROWSER ? ("include" as const) : undefined;
  const loginHint = () =>
    auth.kind === "none"
      ? "This call needs a login: pass `auth` to createThoughtSpotClient (a token, or username and password)"
      : undefined;
  const v1Module = once(async () => {
    const m = await loadV1();
    return { ...m, route: routeLookup(m.v1Routes, m.v1Operations as Record<string, OperationRow>) };
  });
  type Explain = (api: "v1" | "v2") => Pick<InvokeContext, "onCall" | "explain">;
  const contexts = (
    through: Engine,
    explained?: Explain,
  ): { v2: InvokeContext; v1: () => Promise<V1Context> } => {
    const shared = {
      engine: through,
      headers,
      redactor,
      loginHint,
      credentials,
      checkHeaders,
      seal: sealError,
    };
    const v2: InvokeContext = { ...shared, api: "v2", baseUrl: serverUrl + v2BasePath, ...explained?.("v2") };
    const v1 = once(async () => {
      const m = await v1Module();
      return {
        ...shared,
        api: "v1" as const,
        baseUrl: serverUrl + m.v1BasePath,
        extraQuery: m.v1RuntimeQuery,
        table: m.v1Operations as Record<string, OperationRow>,
        ...explained?.("v1"),
      };
    });
    return { v2, v1 };
  };

  const open = contexts(credentialEngine);
  const credentialCalls: CredentialCalls = {
    ...createCall(open.v2, open.v1),
    clearCookies: async () => jar?.clear(),
    withBearer: (token) => {
      const bearer = contexts(credentialEngine.withAuth(staticToken(token)));
      return createCall(bearer.v2, bearer.v1);
    },
  };
  const strategy = strategyFromOptions(auth, credentialCalls, redactor);
  // Credential calls (logins, token requests) go through `credentialEngine`; every other call through this.
  const authed = engine.withAuth(strategy);
  // The release is learnt through calls without the release hooks, so a 404 there cannot ask again.
  const quiet = contexts(authed);
  const quietCall = createCall(quiet.v2, quiet.v1);
  const clusterRelease = clusterReleaseSource((api, id) =>
    api === "v2" ? quietCall.v2(id as "getSystemInformation", {}) : quietCall.v1(id as "sessionInfo", {}),
  );
  // Deprecation warnings before a call, and "not found" errors explained by the cluster's release after it.
  const warnDeprecated = deprecationWarner(logger);
  const calls = contexts(authed, (api) => {
    const hooks = releaseHooks(api, warnDeprecated, clusterRelease.get);
    return {
      onCall: hooks.calling,
      explain: async (error, id, row) =>
        error instanceof ThoughtSpotError ? hooks.failed(error, id, row) : error,
    };
  });
  const api = {
    v2: operationMethods<V2Api>(calls.v2, v2OperationIds),
    v1: v1Methods(calls.v1),
  };
  // Helpers, token code and walkers call operations through this typed port, over the same contexts.
  const call: Call = createCall(calls.v2, calls.v1);

  const raw = { headers, credentials, redactor, checkHeaders, engine: () => authed };
  const v2 = rawClient<V2Paths>({
    ...raw,
    api: "v2",
    baseUrl: serverUrl + v2BasePath,
    onCall: (id, row) => warnDeprecated("v2", id, row),
    route: async (method, path) => (await v2Route())(method, path),
  });
  const v1 = rawClient<V1Paths>({
    ...raw,
    api: "v1",
    // The V1 table (and its base path) loads on the first V1 call, not at startup.
    baseUrl: async () => serverUrl + (await v1Module()).v1BasePath,
    onCall: (id, row) => warnDeprecated("v1", id, row),
    route: async (method, path) => (await v1Module()).route(method, path),
    extraQuery: async () => (await v1Module()).v1RuntimeQuery,
  });

  const principals = once(async () => (await loadHelpers()).createPrincipalsApi(call));

  const client: ThoughtSpotClient = {
    serverUrl,
    v2,
    v1,
    api,
    use: (...added) => {
      middleware.push(...added.map(checkMiddleware));
    },
    login: async () => strategy.login?.(),
    logout: async () => {
      try {
        await strategy.logout?.();
      } finally {
        // A session client's jar is the strategy's; any other client forgets the cookies it was given.
        if (!session) await jar?.clear();
      }
    },
    switchOrg: async (id) => {
      if (!Number.isInteger(id)) throw new TypeError("switchOrg needs an integer Org id");
      if (!strategy.switchOrg)
        throw new TypeError("switchOrg needs username-based auth ({ username, password | secretKey })");
      // Cookies the cluster set in the old Org's state (a token client keeps them too) are not sent on.
      await Promise.all([strategy.switchOrg(id), session ? undefined : jar?.clear()]);
    },
    auth: lazyNamespace<AuthHelpers>(
      async () => (await loadAuthHelpers()).createAuthHelpers(auth, call, credentialCalls, redactor),
      authMethods,
    ),
    tml: lazyNamespace<TmlApi>(
      async () =>
        (await loadTml()).createTmlApi(call, options.tmlFqn ?? true, (value) => redactor.value(value)),
      tmlMethods,
    ),
    metadata: lazyNamespace<MetadataApi>(
      async () =>
        (await loadHelpers()).createMetadataApi(call, (input, walkOptions) =>
          client.paginate("searchMetadata", input, walkOptions),
        ),
      metadataMethods,
    ),
    sharing: lazyNamespace<SharingApi>(
      async () => (await loadHelpers()).createSharingApi(call),
      sharingMethods,
    ),
    users: lazyNamespace<UsersApi>(async () => (await principals()).users, usersMethods),
    groups: lazyNamespace<GroupsApi>(async () => (await principals()).groups, groupsMethods),
    paginate: ((name: string, ...args: unknown[]) => {
      // Checked now, not on first use: plain JavaScript gets its TypeError before anything is sent.
      const operationId = paginatedOperation(name);
      if (!operationId) {
        throw new TypeError(
          `paginate: ${String(name)} is not a paginated V2 operation (one of: ${paginatedOperationIds().join(", ")})`,
        );
      }
      return deferredPaginated(async () =>
        (await loadPagination()).paginate(call, name, operationId, ...args),
      );
    }) as PaginateMethod,
    paginateV1: ((operationId: string, ...args: unknown[]) =>
      deferredPaginated(async () =>
        (await loadPaginationV1()).paginateV1(call, operationId as never, ...(args as [])),
      )) as PaginateV1Method,
    download: (async (name: string, input?: unknown, downloadOptions?: never) =>
      (await loadDownload()).download(call, name, input, downloadOptions)) as DownloadMethod,
    stream: ((operation: string, input: unknown, streamOptions?: { signal?: AbortSignal }) => {
      if (!(v2StreamingIds as readonly string[]).includes(operation)) {
        throw new TypeError(`stream: ${String(operation)} is not a streaming operation`);
      }
      // The SSE reader loads when iteration starts; nothing is sent before that.
      const started = once(async () =>
        (await loadStream()).stream(call, operation as never, input as never, streamOptions),
      );
      return {
        async *[Symbol.asyncIterator]() {
          yield* await started();
        },
        async *sse() {
          yield* (await started()).sse();
        },
      };
    }) as StreamMethod,
    clusterVersion: () => clusterRelease.get(),
    compatibility: async () => {
      const [version, m, v2Table, v1Table] = await Promise.all([
        clusterRelease.get(),
        loadCompatibility(),
        loadV2Table(),
        v1Module(),
      ]);
      return m.compatibilityReport(version, { v2: v2Table, v1: v1Table.v1Operations });
    },
  };
  // Every error leaves through one boundary that scrubs it with this client's redactor (./core/boundary.ts).
  return sealSurfaces(client, redactor);
}
