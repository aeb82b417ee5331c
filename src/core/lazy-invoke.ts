// The call path (invoke with the encoder and the error reader) and the V2 operation table load on the
// first call of an operation, not at startup: startup code calls operations through here and knows only
// the names (generated/v2-names.ts).
import { once } from "../lazy.js";
import type { OperationRow } from "../operation-row.js";
import type { InvokeContext, ParseAs } from "./invoke.js";
import type { CallOptions } from "./types.js";

const loadInvoke = once(() => import("./invoke.js"));

export const loadV2Table = once(
  async () => (await import("../../generated/v2-operations.js")).v2Operations as Record<string, OperationRow>,
);

/** invoke(), loaded on first use. */
export async function invokeLazily(
  ctx: InvokeContext,
  operationId: string,
  row: OperationRow,
  input?: unknown,
  options?: CallOptions & { parseAs?: ParseAs },
): Promise<unknown> {
  return (await loadInvoke()).invoke(ctx, operationId, row, input, options);
}

/** The V2 row of an operationId (undefined if there is none); invoke loads alongside, not after. */
export async function v2Row(operationId: string): Promise<OperationRow | undefined> {
  const [table] = await Promise.all([loadV2Table(), loadInvoke()]);
  return Object.hasOwn(table, operationId) ? table[operationId] : undefined;
}

/** ts.api.v2: one method per generated operationId, listed at once; the row and invoke load on the first call. */
export function operationMethods<M>(ctx: InvokeContext, ids: readonly string[]): M {
  const methods: Record<string, unknown> = {};
  for (const operationId of ids) {
    methods[operationId] = async (input?: unknown, options?: CallOptions) =>
      invokeLazily(ctx, operationId, (await v2Row(operationId))!, input, options);
  }
  return Object.freeze(methods) as M;
}
