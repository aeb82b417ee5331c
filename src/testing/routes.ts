// Which operation a request is for, before Prism sees it (so faults, the release and auth can act on
// it), and whether the mock's release has that operation, from the generated tables' availableFrom.
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import type { OperationRow } from "../operation-row.js";
import { tooOldFor } from "../release/needed.js";
import { isOlderRelease, parseRelease } from "../release/version.js";
import type { Operation } from "./types.js";

interface Compiled {
  operation: Operation;
  pattern: RegExp;
  /** Literal segments win over templated ones, as in Prism's and Spring's routing. */
  literals: number;
}

export type Router = (method: string, path: string) => Operation | undefined;

export function createRouter(operations: Operation[]): Router {
  const compiled: Compiled[] = operations.map((operation) => {
    const segments = operation.path.split("/");
    const pattern = segments
      .map((s) => (/^\{[^}]+\}$/.test(s) ? "[^/]+" : s.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
      .join("/");
    return {
      operation,
      pattern: new RegExp(`^${pattern}/?$`),
      literals: segments.filter((s) => !s.startsWith("{")).length,
    };
  });
  return (method, path) => {
    let best: Compiled | undefined;
    for (const c of compiled)
      if (c.operation.method.toLowerCase() === method.toLowerCase() && c.pattern.test(path))
        if (!best || c.literals > best.literals) best = c;
    return best?.operation;
  };
}

/** The generated row of an operation: V2 paths start with /api/rest/2.0, V1 with /callosum/v1. */
export function rowOf(operation: Operation): OperationRow | undefined {
  const id = operation.iid ?? "";
  const table = (operation.path.startsWith("/api/rest/2.0") ? v2Operations : v1Operations) as Record<
    string,
    OperationRow
  >;
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

/** The newest release the V2 table names: what the mock reports unless told otherwise. */
export function newestRelease(): string {
  let newest = "9.0.0.cl";
  for (const row of Object.values(v2Operations) as OperationRow[])
    if (row.availableFrom && isOlderRelease(newest, row.availableFrom)) newest = row.availableFrom;
  return newest;
}

/** The release `operation` needs when the mock's release is older; undefined when it is served. */
export function missingIn(release: string, operation: Operation): string | undefined {
  const row = rowOf(operation);
  return row ? tooOldFor(row, release) : undefined;
}

/** Checks the release option: a form ThoughtSpot uses (10.1.0.cl, 9.12.5.cl, 10.1.0.sw). */
export function checkRelease(release: unknown): string {
  if (typeof release !== "string" || !parseRelease(release))
    throw new TypeError(`startMockThoughtSpot: release must be a ThoughtSpot release such as "10.1.0.cl"`);
  return release;
}
