// Finds the operation row for a raw request (ts.v2.POST(...) calls carry no operationId),
// so retries and errors treat raw calls exactly like ts.api calls.
import type { OperationRow } from "../operation-row.js";

type Found = { operationId: string; row: OperationRow } | undefined;
export type OperationLookup = (method: string, pathname: string) => Promise<Found>;
type Table = Record<string, OperationRow>;

export interface RouteTable {
  /** The table, or a loader for one that is loaded on first use (V1). */
  table: Table | (() => Promise<Table>);
  /** Where the table's paths start below serverUrl (V1: /callosum/v1). */
  prefix: string;
}

interface Route {
  method: string;
  pattern: RegExp;
  operationId: string;
  row: OperationRow;
}

function compile(table: Table, prefix: string): Route[] {
  return Object.entries(table).map(([operationId, row]) => {
    const literal = (prefix + row.path).replace(/[.*+?^$()|[\]\\]/g, "\\$&");
    // Anchored at the end only: serverUrl may carry a proxy prefix before the API path.
    return {
      method: row.method,
      operationId,
      row,
      pattern: new RegExp(`${literal.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    };
  });
}

export function operationLookup(tables: RouteTable[]): OperationLookup {
  // Compiled on first use: most clients only call through ts.api, which needs no lookup.
  const compiled = new Map<RouteTable, Route[]>();
  return async (method, pathname) => {
    for (const entry of tables) {
      if (entry.prefix && !pathname.includes(`${entry.prefix}/`)) continue;
      let routes = compiled.get(entry);
      if (!routes) {
        routes = compile(typeof entry.table === "function" ? await entry.table() : entry.table, entry.prefix);
        compiled.set(entry, routes);
      }
      const found = routes.find((r) => r.method === method && r.pattern.test(pathname));
      if (found) return { operationId: found.operationId, row: found.row };
    }
    return undefined;
  };
}
