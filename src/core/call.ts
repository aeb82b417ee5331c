// The typed Call port: how helpers, token code and walkers call an operation, by operationId with one
// input object, typed from the generated `operations`. Built over invoke() on the client's contexts,
// so middleware, auth, retries and release hooks apply exactly as they do to ts.api.
import type { V1Inputs, V1OperationId, V1Outputs } from "../../generated/v1-api.js";
import type { V2Inputs, V2OperationId, V2Outputs } from "../../generated/v2-api.js";
import type { OperationRow } from "../operation-row.js";
import type { InvokeContext, ParseAs } from "./invoke.js";
import { invokeLazily, invokeV2 } from "./lazy-invoke.js";
import type { CallOptions } from "./types.js";

export type { V2OperationId };

/** Per-call options, plus (for downloads and streams only) how the success body is handed back. */
export interface PortOptions extends CallOptions {
  /** "stream": the body unread, whatever the row says (downloads, SSE). */
  parseAs?: ParseAs;
}

// Inputs and outputs looked up in the generated maps: a generic call reads one entry, and nothing is
// instantiated per operation.
/** What one V2 operation takes (the same single input object as ts.api.v2). */
export type V2Input<K extends V2OperationId> = V2Inputs[K];
/** What one V1 operation takes (the same single input object as ts.api.v1). */
export type V1Input<K extends V1OperationId> = V1Inputs[K];
// Outputs are constrained by their own map's keys (the same ids as V2OperationId): a consumer's lib check
// then relates K to them at once instead of comparing it with each of the operationIds.
/** One V2 operation's result. */
export type V2Output<K extends keyof V2Outputs> = V2Outputs[K];
/** One V1 operation's result. */
export type V1Output<K extends keyof V1Outputs> = V1Outputs[K];

/**
 * call.v2("searchUsers", { record_size: 10 }) → the generated response type. A misspelled operationId
 * or field is a compile error, which is the point: helpers cannot drift from the spec silently.
 */
export interface Call {
  v2<K extends V2OperationId>(
    operationId: K,
    input: NoInfer<V2Input<K>>,
    options?: PortOptions,
  ): Promise<V2Output<K>>;
  v1<K extends V1OperationId>(
    operationId: K,
    input: NoInfer<V1Input<K>>,
    options?: PortOptions,
  ): Promise<V1Output<K>>;
}

/** The V1 context carries its table: V1 rows load with the V1 chunk, never at startup. */
export type V1Context = InvokeContext & { table: Record<string, OperationRow> };

const noV2Operation = (operationId: string) => new TypeError(`no V2 operation ${String(operationId)}`);

/** A Call over these contexts (the same ones ts.api uses, or the credential-free ones for logins). */
export function createCall(v2: InvokeContext, v1: () => Promise<V1Context>): Call {
  return {
    // An unknown operationId is reachable only from plain JavaScript or a stale cast: said plainly,
    // before any request.
    v2: (operationId, input, options) =>
      invokeV2(v2, operationId, input, options, noV2Operation) as Promise<never>,
    v1: async (operationId, input, options) => {
      const ctx = await v1();
      const row = Object.hasOwn(ctx.table, operationId) ? ctx.table[operationId] : undefined;
      if (!row) throw new TypeError(`no V1 operation ${String(operationId)}`);
      return invokeLazily(ctx, operationId, row, input, options) as Promise<never>;
    },
  };
}
