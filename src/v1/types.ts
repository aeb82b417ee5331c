// Input types for ts.api.v1 that match what the V1 serializer accepts, not only what goes on the wire:
// JSON-encoded fields (jsonFields in generated/v1-operations.ts) are typed `string` by the spec, but
// src/v1/encode.ts JSON.stringifies arrays and objects for them, so callers may pass the value itself.
// The Liveboard data and PDF calls also take the numbered runtime filter/sort/Parameter keys.
import type { operations } from "../../generated/v1.js";
import type { V1OperationId, v1Operations } from "../../generated/v1-operations.js";
import type { CallOptions, OperationInput, OperationOutput } from "../core/types.js";
import type {
  RuntimeFilterQuery,
  RuntimeParameterQuery,
  RuntimeSortQuery,
  V1_RUNTIME_QUERY_OPERATIONS,
} from "./runtime-params.js";

/** What a JSON-encoded field takes: JSON text as before, or the array/object to encode. */
export type V1JsonValue = string | readonly unknown[] | Readonly<Record<string, unknown>>;

type Rows = typeof v1Operations;
/** The names of an operation's JSON-encoded fields (never when it has none). */
export type V1JsonFieldsOf<K extends V1OperationId> = Rows[K] extends { jsonFields: readonly (infer F)[] }
  ? F
  : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Widens the JSON-encoded fields of one input; a homomorphic map, so optional stays optional. */
type WidenJson<I, F> = [F] extends [never] ? I : { [P in keyof I]: P extends F ? V1JsonValue : I[P] };

type Loosen<Q> = { [P in keyof Q]?: Q[P] | (P extends `asc${number}` ? boolean : never) };
type RuntimeKeysOf<K> = K extends keyof typeof V1_RUNTIME_QUERY_OPERATIONS
  ? (typeof V1_RUNTIME_QUERY_OPERATIONS)[K][number] extends infer Family
    ? ("filter" extends Family ? Loosen<RuntimeFilterQuery> : {}) &
        ("sort" extends Family ? Loosen<RuntimeSortQuery> : {}) &
        ("parameter" extends Family ? Loosen<RuntimeParameterQuery> : {})
    : {}
  : {};

/** Everything one V1 operation takes, as ts.api.v1 accepts it. */
export type V1OperationInput<K extends V1OperationId> = Simplify<
  WidenJson<OperationInput<operations[K]>, V1JsonFieldsOf<K>>
> &
  RuntimeKeysOf<K>;

export type V1OperationMethod<K extends V1OperationId> =
  {} extends V1OperationInput<K>
    ? (input?: V1OperationInput<K>, options?: CallOptions) => Promise<OperationOutput<operations[K]>>
    : (input: V1OperationInput<K>, options?: CallOptions) => Promise<OperationOutput<operations[K]>>;

/** ts.api.v1: one method per V1 operationId. */
export type V1OperationMethods = { [K in V1OperationId]: V1OperationMethod<K> };
