// Which V2 operations ts.paginate walks: rows with a page rule, named by operationId or (the alias)
// by path. Small and table-driven, so the client checks a name at once without loading the walker.
import { v2Operations } from "../../generated/v2-operations.js";
import type { OperationRow } from "../operation-row.js";
import type { PaginatedOperationId } from "./v2-types.js";

const table = v2Operations as Record<string, OperationRow>;
let byPath: Map<string, PaginatedOperationId> | undefined;

/** Every paginated operationId, for messages. */
export function paginatedOperationIds(): PaginatedOperationId[] {
  return Object.keys(table).filter((id) => table[id]!.page) as PaginatedOperationId[];
}

/** The operationId a walk names, by operationId or by path; undefined if it does not page. */
export function paginatedOperation(name: unknown): PaginatedOperationId | undefined {
  if (typeof name !== "string") return undefined;
  if (name.startsWith("/")) {
    byPath ??= new Map(paginatedOperationIds().map((id) => [table[id]!.path, id]));
    return byPath.get(name);
  }
  return Object.hasOwn(table, name) && table[name]!.page ? (name as PaginatedOperationId) : undefined;
}
