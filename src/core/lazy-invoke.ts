// The call path (invoke with the encoder and the error reader) and the V2 operation table load on the
// first call of an operation, not at startup: startup code calls operations through here and knows only
// the names (generated/v2-names.ts). Once loaded, calls go straight to invoke, with no extra await.
import { methodsOnRead, once } from "../lazy.js";
import type { OperationRow } from "../operation-row.js";
import type { InvokeContext, ParseAs } from "./invoke.js";
import { preloadEngine } from "./lazy-engine.js";
import type { CallOptions } from "./types.js";

type Invoke = typeof import("./invoke.js").invoke;
type Table = Record<string, OperationRow>;

let invokeLoaded: Invoke | undefined;
let v2Loaded: { table: Table; invoke: Invoke } | undefined;

const loadInvoke = once(async () => {
  invokeLoaded = (await import("./invoke.js")).invoke;
  return invokeLoaded;
});

export const loadV2Table = once(
  async () => (await import("../../generated/v2-operations.js")).v2Operations as Table,
);

// Both at once, so the first V2 call waits for one round of chunk loads, not two in a row. The error
// reader (in invoke's chunk already) is told the table, to name a row in its messages.
const loadV2 = once(async () => {
  const [table, invoke, errors] = await Promise.all([
    loadV2Table(),
    loadInvoke(),
    import("./response-error.js"),
  ]);
  errors.knowV2Table(table);
  v2Loaded = { table, invoke };
  return v2Loaded;
});

/** invoke(), loaded on first use. */
export function invokeLazily(
  ctx: InvokeContext,
  operationId: string,
  row: OperationRow,
  input?: unknown,
  options?: CallOptions & { parseAs?: ParseAs },
): Promise<unknown> {
  if (invokeLoaded) return invokeLoaded(ctx, operationId, row, input, options);
  preloadEngine(ctx.redactor);
  return loadInvoke().then((invoke) => invoke(ctx, operationId, row, input, options));
}

/** Calls a V2 operation by operationId; one the table does not have is rejected with `unknown`'s error. */
export function invokeV2(
  ctx: InvokeContext,
  operationId: string,
  input: unknown,
  options: (CallOptions & { parseAs?: ParseAs }) | undefined,
  unknown: (operationId: string) => Error,
): Promise<unknown> {
  const run = ({ table, invoke }: { table: Table; invoke: Invoke }) => {
    const row = Object.hasOwn(table, operationId) ? table[operationId] : undefined;
    return row ? invoke(ctx, operationId, row, input, options) : Promise.reject(unknown(operationId));
  };
  if (v2Loaded) return run(v2Loaded);
  preloadEngine(ctx.redactor);
  return loadV2().then(run);
}

/**
 * ts.api.v2: one method per generated operationId, listed at once (Object.keys, `in`); the row and invoke
 * load on the first call. Each method is made when first read (see methodsOnRead).
 */
export function operationMethods<M>(ctx: InvokeContext, ids: readonly string[]): M {
  const missing = (id: string) => new TypeError(`ts.api.v2.${id}: no such row in the V2 table`);
  return methodsOnRead(
    () => [...ids],
    (name) => ids.includes(name),
    (operationId) => (input?: unknown, options?: CallOptions) =>
      invokeV2(ctx, operationId, input, options, missing),
  ) as M;
}
