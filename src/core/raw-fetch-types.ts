// The few openapi-fetch types the raw clients' public surface names (middleware, header and serializer
// options), declared here with the same shapes. The package's declarations then never import
// openapi-fetch's own .d.ts, whose check costs a consumer with `skipLibCheck: false` ~155 000 type
// instantiations. Must stay assignable to openapi-fetch's (src/core/raw-call.ts hands them over; test/types/raw.test-d.ts checks).

// biome-ignore-all lint/suspicious/noConfusingVoidType: written as openapi-fetch writes them (async callbacks return Promise<void>)

/** OpenAPI parameters of the call, as openapi-fetch hands them to middleware. */
export interface RawMiddlewareParams {
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  path?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
}

/** What each middleware callback receives (openapi-fetch's MiddlewareCallbackParams). */
export interface RawMiddlewareCallbackParams {
  /** Current Request object. */
  request: Request;
  /** The path template of the call (including curly braces). */
  readonly schemaPath: string;
  readonly params: RawMiddlewareParams;
  /** Unique ID for this request. */
  readonly id: string;
  /** The raw client's options (read-only). */
  readonly options: {
    baseUrl: string;
    parseAs: "json" | "text" | "blob" | "arrayBuffer" | "stream";
    querySerializer: (query: Record<string, unknown>) => string;
    bodySerializer: (body: undefined) => unknown;
    pathSerializer: RawPathSerializer;
    fetch: typeof globalThis.fetch;
  };
}

export type RawMiddlewareOnRequest = (
  options: RawMiddlewareCallbackParams,
) => void | Request | Response | undefined | Promise<Request | Response | undefined | void>;
export type RawMiddlewareOnResponse = (
  options: RawMiddlewareCallbackParams & { response: Response },
) => void | Response | undefined | Promise<Response | undefined | void>;
export type RawMiddlewareOnError = (
  options: RawMiddlewareCallbackParams & { error: unknown },
) => void | Response | Error | Promise<void | Response | Error>;

/** openapi-fetch middleware for ts.v2.use() / ts.v1.use(): at least one of the three callbacks. */
export type RawMiddleware =
  | {
      onRequest: RawMiddlewareOnRequest;
      onResponse?: RawMiddlewareOnResponse;
      onError?: RawMiddlewareOnError;
    }
  | {
      onRequest?: RawMiddlewareOnRequest;
      onResponse: RawMiddlewareOnResponse;
      onError?: RawMiddlewareOnError;
    }
  | {
      onRequest?: RawMiddlewareOnRequest;
      onResponse?: RawMiddlewareOnResponse;
      onError: RawMiddlewareOnError;
    };

/** Headers of a raw call: a Headers init, or a record whose null/undefined values remove a header. */
export type RawHeadersOptions =
  | HeadersInit
  | Record<string, string | number | boolean | (string | number | boolean)[] | null | undefined>;

/** How query arrays and objects are written (openapi-fetch's QuerySerializerOptions). */
export interface RawQuerySerializerOptions {
  array?: { style: "form" | "spaceDelimited" | "pipeDelimited"; explode: boolean };
  object?: { style: "form" | "deepObject"; explode: boolean };
  /** Reserved characters (`:/?#[]@!$&'()*+,;=`) are sent as they are instead of percent-encoded. */
  allowReserved?: boolean;
}

export type RawPathSerializer = (pathname: string, pathParams: Record<string, unknown>) => string;
