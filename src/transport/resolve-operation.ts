// Finds the operation row for a raw request (ts.v2.POST(...) calls carry no operationId),
// so retries and errors treat raw calls exactly like ts.api.v2 calls.
import type { OperationRow } from "../operation-row.js";

export type OperationLookup = (
  method: string,
  pathname: string,
) => { operationId: string; row: OperationRow } | undefined;

export interface RouteTable {
  table: Record<string, OperationRow>;
  /** Where the table's paths start below serverUrl (V1: /callosum/v1). */
  prefix: string;
}

export function operationLookup(tables: RouteTable[]): OperationLookup {
  let routes: { method: string; pattern: RegExp; operationId: string; row: OperationRow }[] | undefined;
  return (method, pathname) => {
    // Built on first use: most clients only ever call through ts.api, which needs no lookup.
    routes ??= tables.flatMap(({ table, prefix }) =>
      Object.entries(table).map(([operationId, row]) => {
        const literal = (prefix + row.path).replace(/[.*+?^$()|[\]\\]/g, "\\$&");
        // Anchored at the end only: serverUrl may carry a proxy prefix before the API path.
        return {
          method: row.method,
          operationId,
          row,
          pattern: new RegExp(`${literal.replace(/\{[^}]+\}/g, "[^/]+")}$`),
        };
      }),
    );
    const found = routes.find((r) => r.method === method && r.pattern.test(pathname));
    return found && { operationId: found.operationId, row: found.row };
  };
}
