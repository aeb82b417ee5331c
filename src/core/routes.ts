// The operation behind a method and path template: raw ts.v2/ts.v1 calls name their path exactly as
// the spec writes it (openapi-fetch's schemaPath), so the generated route index finds the row by key.
import type { OperationRow } from "../operation-row.js";

export type RouteLookup = (
  method: string,
  path: string,
) => { operationId: string; row: OperationRow } | undefined;

export function routeLookup(
  routes: Record<string, string>,
  table: Record<string, OperationRow>,
): RouteLookup {
  return (method, path) => {
    const key = `${method.toUpperCase()} ${path}`;
    const operationId = Object.hasOwn(routes, key) ? routes[key] : undefined;
    const row = operationId ? table[operationId] : undefined;
    return operationId && row ? { operationId, row } : undefined;
  };
}
