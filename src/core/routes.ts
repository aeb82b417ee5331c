// The operation behind a method and path template: raw ts.v2/ts.v1 calls name their path exactly as
// the spec writes it (openapi-fetch's schemaPath), so a map lookup finds the row, no pattern matching.
import type { OperationRow } from "../operation-row.js";

export type RouteLookup = (
  method: string,
  path: string,
) => { operationId: string; row: OperationRow } | undefined;

export function routeIndex(table: Record<string, OperationRow>): RouteLookup {
  let index: Map<string, { operationId: string; row: OperationRow }> | undefined;
  return (method, path) => {
    // Built on first use: most clients only call through ts.api, which needs no lookup.
    index ??= new Map(
      Object.entries(table).map(([operationId, row]) => [`${row.method} ${row.path}`, { operationId, row }]),
    );
    return index.get(`${method.toUpperCase()} ${path}`);
  };
}
