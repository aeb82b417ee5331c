// ts.paginate(path, init, options): every item of a paginated V2 operation, one page at a time.
// Only record_offset and record_size are added to the caller's body: ThoughtSpot treats a field
// left out differently from the same field sent with its default.
import { v2Operations } from "../../generated/v2-operations.js";
import type { ThoughtSpotClient } from "../client.js";
import type { OperationRow } from "../operation-row.js";
import { pageReader } from "./page-reader.js";
import { checkMaxPages, checkPageSize, createPager, type Paginated } from "./pager.js";
import type {
  PageItemOf,
  PaginateArgs,
  PaginatedOperationId,
  PaginatedOperationOf,
  PaginatedPath,
  PaginateOptions,
} from "./v2-types.js";

/** Used when neither options.pageSize nor body.record_size says. */
export const DEFAULT_PAGE_SIZE = 100;

type Call = (
  input: unknown,
  options: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<unknown>;

const paginatedByPath = new Map<string, PaginatedOperationId>(
  (Object.entries(v2Operations) as [string, OperationRow][])
    .filter(([, row]) => row.page)
    .map(([operationId, row]) => [row.path, operationId as PaginatedOperationId]),
);

/** paginate as a client method (ts.paginate). */
export type PaginateMethod = <P extends PaginatedPath>(
  path: P,
  ...args: PaginateArgs<PaginatedOperationOf<P>>
) => Paginated<PageItemOf<PaginatedOperationOf<P>>>;

export function paginate<P extends PaginatedPath>(
  ts: ThoughtSpotClient,
  path: P,
  ...[init, options = {}]: PaginateArgs<PaginatedOperationOf<P>>
): Paginated<PageItemOf<PaginatedOperationOf<P>>> {
  const operationId = paginatedByPath.get(path);
  if (!operationId) {
    // Plain JavaScript callers get no compile error, so say it before any request goes out.
    throw new TypeError(
      `paginate: ${String(path)} is not a paginated V2 operation (one of: ${[...paginatedByPath.keys()].join(", ")})`,
    );
  }
  const { pageSize: asked, signal, maxPages } = options as PaginateOptions;
  const body = { ...((init?.body ?? {}) as Record<string, unknown>) };
  const pageSize = checkPageSize(asked ?? body.record_size ?? DEFAULT_PAGE_SIZE, `paginate ${path}`);
  const start = body.record_offset ?? 0;
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0) {
    throw new TypeError(`paginate ${path}: record_offset must be a non-negative integer`);
  }
  const call = (ts.api.v2 as unknown as Record<string, Call>)[operationId]!;
  const headers = init?.headers;
  const row = v2Operations[operationId] as OperationRow;
  const page = row.page!;

  return createPager({
    maxPages: checkMaxPages(maxPages, `paginate ${path}`),
    start,
    pageSize,
    signal,
    method: row.method,
    path,
    operationId,
    fetchPage: (offset, pageSignal) =>
      call(
        { ...body, [page.offset]: offset, [page.size]: pageSize },
        { ...(pageSignal && { signal: pageSignal }), ...(headers && { headers }) },
      ),
    read: pageReader(page),
  }) as Paginated<PageItemOf<PaginatedOperationOf<P>>>;
}
