// Types of the raw clients ts.v2 and ts.v1. openapi-fetch stays the runtime; these types are the SDK's own.
// openapi-fetch infers its `init` argument as a generic, which turns off excess-property checks (a
// misspelled body field compiles) and costs ~9 000 type instantiations per call. Here the init is typed
// from the path and method alone, so every level of body, query and path parameters is checked, and a
// call costs a few hundred instantiations.
import type {
  RawHeadersOptions,
  RawMiddleware,
  RawPathSerializer,
  RawQuerySerializerOptions,
} from "./raw-fetch-types.js";

/** The methods ThoughtSpot's specs use. */
export type RawMethod = "get" | "put" | "post" | "delete" | "patch";

/** The paths that have an operation for this method (openapi-typescript writes `post?: never` for the others). */
export type PathsWith<Paths, M extends RawMethod> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]?: never } ? never : P;
}[keyof Paths];

type Content<T> = T extends { content: infer C } ? C[keyof C] : never;

/** `params` is required when the operation has a required path, query or header parameter. */
type ParamsPart<O> = O extends { parameters: infer P }
  ? {} extends P
    ? { params?: P }
    : { params: P }
  : { params?: never };

type BodyPart<O> = O extends { requestBody: infer B }
  ? { body: Content<B> }
  : O extends { requestBody?: infer B }
    ? [Content<NonNullable<B>>] extends [never]
      ? { body?: never }
      : { body?: Content<NonNullable<B>> }
    : { body?: never };

/** How the success body is read; "json" (the default) gives the spec's type. */
export type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream";

/**
 * Per-call options openapi-fetch takes beside params and body. The RequestInit fields are listed one by
 * one: an Omit<RequestInit, ...> would be re-instantiated for every call.
 */
export interface RawCallOptions<A extends ParseAs = ParseAs> {
  baseUrl?: string;
  headers?: RawHeadersOptions;
  parseAs?: A;
  querySerializer?: RawQuerySerializerOptions | ((query: never) => string);
  bodySerializer?: (body: never) => unknown;
  pathSerializer?: RawPathSerializer;
  fetch?: (input: Request) => Promise<Response>;
  middleware?: RawMiddleware[];
  signal?: AbortSignal | null;
  cache?: RequestInit["cache"];
  credentials?: RequestInit["credentials"];
  integrity?: string;
  keepalive?: boolean;
  mode?: RequestInit["mode"];
  // Spelled out: the DOM lib of TypeScript before 5.2 has no RequestInit["priority"].
  priority?: "high" | "low" | "auto";
  redirect?: RequestInit["redirect"];
  referrer?: string;
  referrerPolicy?: RequestInit["referrerPolicy"];
}

/** The second argument of a raw call: the operation's params and body, and per-call options. */
export type RawInit<O, A extends ParseAs = "json"> = ParamsPart<O> & BodyPart<O> & RawCallOptions<A>;

type SuccessCode = 200 | 201 | 202 | 203 | 204 | 206;
type Responses<O> = O extends { responses: infer R } ? R : never;
type Success<O> = {
  [C in keyof Responses<O>]: C extends SuccessCode ? Content<Responses<O>[C]> : never;
}[keyof Responses<O>];
type Failure<O> = {
  [C in keyof Responses<O>]: C extends SuccessCode ? never : Content<Responses<O>[C]>;
}[keyof Responses<O>];

interface Bodies<T> {
  json: T;
  text: string;
  blob: Blob;
  arrayBuffer: ArrayBuffer;
  stream: ReadableStream<Uint8Array> | null;
}

/** What a raw call resolves to, as openapi-fetch returns it: data on success, error otherwise. */
export type RawResult<O, A extends ParseAs = "json"> =
  | {
      data: Bodies<[Success<O>] extends [never] ? undefined : Success<O>>[A];
      error?: never;
      response: Response;
    }
  | { data?: never; error: [Failure<O>] extends [never] ? unknown : Failure<O>; response: Response };

/** The init is optional when nothing in it is required. */
type InitArgs<O, A extends ParseAs> = {} extends ParamsPart<O> & BodyPart<O>
  ? [init?: RawInit<O, A>]
  : [init: RawInit<O, A>];

// Per-path lookups, written as conditional types inside mapped types: only the member for the called
// path is ever resolved, and TypeScript does not expand them over every path while inferring `P`.
type ArgsByPath<Paths, M extends RawMethod, A extends ParseAs> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: infer O } ? InitArgs<O, A> : never;
};
type ResultByPath<Paths, M extends RawMethod, A extends ParseAs> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: infer O } ? RawResult<O, A> : never;
};

type RawMethodCall<Paths, M extends RawMethod> = <P extends PathsWith<Paths, M>, A extends ParseAs = "json">(
  path: P,
  ...init: ArgsByPath<Paths, M, A>[P]
) => Promise<ResultByPath<Paths, M, A>[P]>;

/**
 * ts.v2 / ts.v1: typed paths, bodies and responses; errors are values; openapi-fetch middleware.
 * TypeScript shows no per-path docs on a call's path string; each operation's docs are on its
 * ts.api method (V2Api / V1Api, exported by the /v2 and /v1 entries).
 */
export interface RawClient<Paths> {
  GET: RawMethodCall<Paths, "get">;
  PUT: RawMethodCall<Paths, "put">;
  POST: RawMethodCall<Paths, "post">;
  DELETE: RawMethodCall<Paths, "delete">;
  PATCH: RawMethodCall<Paths, "patch">;
  /** The same with the method as an argument: ts.v2.request("post", path, init). */
  request<M extends RawMethod, P extends PathsWith<Paths, M>, A extends ParseAs = "json">(
    method: M,
    path: P,
    ...init: ArgsByPath<Paths, M, A>[P]
  ): Promise<ResultByPath<Paths, M, A>[P]>;
  /** Registers openapi-fetch middleware for this client's raw calls. */
  use(...middleware: RawMiddleware[]): void;
  /** Unregisters middleware. */
  eject(...middleware: RawMiddleware[]): void;
}
