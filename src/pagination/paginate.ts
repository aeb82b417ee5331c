// ts.paginate(operationId, input, options): every item of a paginated V2 operation, one page at a time.
// ts.paginate(path, { body, headers }, options) is the same function under its older name.
// Only record_offset and record_size are added to the caller's input: ThoughtSpot treats a field
// left out differently from the same field sent with its default.
import { v2Operations } from "../../generated/v2-operations.js";
import type { Call } from "../core/call.js";
import type { CallOptions } from "../core/types.js";
import type { OperationRow } from "../operation-row.js";
import { pageReader } from "./page-reader.js";
import { checkMaxPages, checkPageSize, createPager, type Paginated } from "./pager.js";
import type {
  PageItemOf,
  PageOf,
  PaginateArgs,
  PaginateByIdArgs,
  PaginatedOperationId,
  PaginatedOperationOf,
  PaginatedPath,
  PaginateOptions,
} from "./v2-types.js";

/** Used when neither options.pageSize nor body.record_size says. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * paginate as a client method (ts.paginate): by operationId with the same one input object as
 * ts.api.v2, or by path with openapi-fetch's { body, headers } (an alias kept for existing code).
 */
export interface PaginateMethod {
  <K extends PaginatedOperationId>(
    operationId: K,
    ...args: PaginateByIdArgs<K>
  ): Paginated<PageItemOf<K>, PageOf<K>>;
  <P extends PaginatedPath>(
    path: P,
    ...args: PaginateArgs<PaginatedOperationOf<P>>
  ): Paginated<PageItemOf<PaginatedOperationOf<P>>, PageOf<PaginatedOperationOf<P>>>;
}

/**
 * `operationId` is what the client resolved `name` to (./operations.ts) before loading this walker, which
 * is why this chunk takes it rather than resolving it again.
 */
export function paginate(
  call: Call,
  name: string,
  operationId: PaginatedOperationId,
  second?: unknown,
  third?: unknown,
): Paginated<unknown, unknown> {
  // The path form carries its input as { body, headers }; the operationId form is ts.api's input.
  let input: Record<string, unknown>;
  let options: PaginateOptions;
  if (name.startsWith("/")) {
    const init = (second ?? {}) as { body?: Record<string, unknown>; headers?: Record<string, string> };
    const given = (third ?? {}) as PaginateOptions;
    input = { ...init.body };
    options = init.headers ? { ...given, headers: { ...init.headers, ...given.headers } } : given;
  } else {
    input = { ...((second ?? {}) as Record<string, unknown>) };
    options = (third ?? {}) as PaginateOptions;
  }
  const { pageSize: asked, signal, maxPages, headers, timeoutMs, maxRetries } = options;
  const where = `paginate ${operationId}`;
  const pageSize = checkPageSize(asked ?? input.record_size ?? DEFAULT_PAGE_SIZE, where);
  const start = input.record_offset ?? 0;
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0) {
    throw new TypeError(`${where}: record_offset must be a non-negative integer`);
  }
  const perPage: CallOptions = {
    ...(headers && { headers }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(maxRetries !== undefined && { maxRetries }),
  };
  const row = v2Operations[operationId] as OperationRow;
  // The generated page rule: which input fields carry the offset and size, and how to read a page.
  const page = row.page!;

  return createPager({
    maxPages: checkMaxPages(maxPages, where),
    start,
    pageSize,
    signal,
    method: row.method,
    path: row.path,
    operationId,
    fetchPage: (offset, pageSignal) =>
      // The input was typed by the caller's overload; here it only gains the two paging fields.
      call.v2(operationId, { ...input, [page.offset]: offset, [page.size]: pageSize } as never, {
        ...perPage,
        ...(pageSignal && { signal: pageSignal }),
      }),
    read: pageReader(page, { operationId, method: row.method, path: row.path }),
  });
}
