// Which V2 operations ts.paginate walks: rows with a page rule, named by operationId or (the alias)
// by path. Read from the generated name list, so the client checks a name at once, before the table
// or the walker loads.
import { v2PaginatedPaths } from "../../generated/v2-names.js";
import type { PaginatedOperationId } from "./v2-types.js";

const paths = v2PaginatedPaths as Record<string, string>;
let byPath: Map<string, PaginatedOperationId> | undefined;

/** Every paginated operationId (also for messages: plain JavaScript callers see what they may walk). */
export function paginatedOperationIds(): PaginatedOperationId[] {
  return Object.keys(paths) as PaginatedOperationId[];
}

/** The operationId a walk names, by operationId or by path; undefined if it does not page. */
export function paginatedOperation(name: unknown): PaginatedOperationId | undefined {
  if (typeof name !== "string") return undefined;
  if (name.startsWith("/")) {
    byPath ??= new Map(paginatedOperationIds().map((id) => [paths[id]!, id]));
    return byPath.get(name);
  }
  return Object.hasOwn(paths, name) ? (name as PaginatedOperationId) : undefined;
}
