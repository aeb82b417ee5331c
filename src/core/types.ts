// Types of the operation methods (ts.api.v2.searchUsers(...)), derived from openapi-typescript's
// `operations` interface: one input object holding path, query and body fields together.

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Content<T> = T extends { content: infer C } ? C[keyof C] : never;
type Defined<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;

type PathOf<O> = O extends { parameters: { path: infer P } } ? Defined<P> : {};
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Defined<Q> : {};
type HeaderOf<O> = O extends { parameters: { header?: infer H } } ? Omit<Defined<H>, "Accept"> : {};
type BodyOf<O> = O extends { requestBody: infer B }
  ? Defined<Content<B>>
  : O extends { requestBody?: infer B }
    ? Partial<Defined<Content<NonNullable<B>>>>
    : {};

/** Everything one operation takes: path and query parameters folded in with the body fields. */
export type OperationInput<O> = Simplify<PathOf<O> & QueryOf<O> & HeaderOf<O> & BodyOf<O>>;

type SuccessCode = 200 | 201 | 202 | 204;
type Responses<O> = O extends { responses: infer R } ? R : never;
/** The parsed success body: JSON as typed by the spec, Blob for files, nothing for 204. */
export type OperationOutput<O> = {
  [C in keyof Responses<O>]: C extends SuccessCode ? Content<Responses<O>[C]> : never;
}[keyof Responses<O>] extends infer R
  ? [R] extends [never]
    ? undefined
    : R
  : never;

/** Per-call options: they override the client's for this call only. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Extra headers for this call (Accept-Language, say). */
  headers?: Record<string, string>;
  /** Per-attempt timeout in ms; 0 disables. */
  timeoutMs?: number;
  /** Retries after the first attempt; 0 disables. */
  maxRetries?: number;
}

type IsOptional<T> = {} extends T ? true : false;

export type OperationMethod<O> =
  IsOptional<OperationInput<O>> extends true
    ? (input?: OperationInput<O>, options?: CallOptions) => Promise<OperationOutput<O>>
    : (input: OperationInput<O>, options?: CallOptions) => Promise<OperationOutput<O>>;

/** One method per operationId. */
export type OperationMethods<Ops> = { [K in keyof Ops]: OperationMethod<Ops[K]> };
