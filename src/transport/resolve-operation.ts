// Finds the operation row for a raw request (ts.v2.POST(...) calls carry no operationId),
// so retries and errors treat raw calls exactly like ts.api.v2 calls.
import type { OperationRow } from "../operation-row.js";

export type OperationLookup = (
  method: string,
  pathname: string,
) => { operationId: string; row: OperationRow } | undefined;

export function operationLookup(tables: Record<string, OperationRow>[], prefix = ""): OperationLookup {
  let routes: { method: string; pattern: RegExp; operationId: string; row: OperationRow }[] | undefined;
  return (method, pathname) => {
    routes ??= tables.flatMap((table) =>
      Object.entries(table).map(([operationId, row]) => ({
        method: row.method,
        operationId,
        row,
        pattern: new RegExp(
          `^${(prefix + row.path).replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, "[^/]+")}$`,
        ),
      })),
    );
    const found = routes.find((r) => r.method === method && r.pattern.test(pathname));
    return found && { operationId: found.operationId, row: found.row };
  };
}
