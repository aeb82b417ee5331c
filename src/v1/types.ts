// Input types for ts.api.v1 that match what the V1 serializer accepts, not only what goes on the wire:
// JSON-encoded fields (jsonFields in generated/v1-operations.ts) are typed `string` by the spec, but
// src/v1/encode.ts JSON.stringifies arrays and objects for them, so callers may pass the value itself.
// The Liveboard data and PDF calls also take the numbered runtime filter/sort/Parameter keys.
import type { V1Api, V1Inputs, V1JsonFields, V1OperationId } from "../../generated/v1-api.js";
import type { RuntimeFilterOperator } from "./runtime-params.js";

/** What a JSON-encoded field takes: JSON text as before, or the array/object to encode. */
export type V1JsonValue = string | readonly unknown[] | Readonly<Record<string, unknown>>;

/** The names of an operation's JSON-encoded fields (never when it has none). */
export type V1JsonFieldsOf<K extends V1OperationId> = K extends keyof V1JsonFields ? V1JsonFields[K] : never;

// What the generated input types (generated/v1-api.ts) are built from.
/** An input whose JSON-encoded fields F also take the value itself; optional stays optional. */
export type V1WidenJson<I, F extends PropertyKey> = { [P in keyof I]: P extends F ? V1JsonValue : I[P] };
// The numbered runtime keys, written out rather than mapped from RuntimeFilterQuery & co: a consumer's
// lib check then has no mapped type over template-literal index signatures to resolve. Each key may be
// left out; asc<n> also takes a boolean.
/** The numbered runtime filter keys (col1, op1, val1, ...) an input may carry. */
export interface V1RuntimeFilterInput {
  [key: `col${number}`]: string | undefined;
  [key: `op${number}`]: RuntimeFilterOperator | undefined;
  [key: `val${number}`]: string | string[] | undefined;
}
/** The numbered runtime sort keys (sortCol1, asc1, ...). */
export interface V1RuntimeSortInput {
  [key: `sortCol${number}`]: string | undefined;
  [key: `asc${number}`]: string | boolean | undefined;
}
/** The numbered runtime Parameter keys (param1, paramVal1, ...). */
export interface V1RuntimeParameterInput {
  [key: `param${number}`]: string | undefined;
  [key: `paramVal${number}`]: string | undefined;
}

/** Everything one V1 operation takes, as ts.api.v1 accepts it (the generated <OperationId>Input). */
export type V1OperationInput<K extends V1OperationId> = V1Inputs[K];

export type V1OperationMethod<K extends keyof V1Api> = V1Api[K];

/** ts.api.v1: one documented method per V1 operationId, generated (generated/v1-api.ts). */
export type V1OperationMethods = V1Api;
