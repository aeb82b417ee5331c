// paginateV1(ts, operationId, input, options): the V1 list endpoints that page with offset/batchsize.
// Which operations page, where their items are and how the last page shows: the generated page rule.
import type { V1PagedOperations, V1Paginated } from "../../generated/v1-api.js";
import { v1Operations } from "../../generated/v1-operations.js";
import type { Call } from "../core/call.js";
import type { CallOptions } from "../core/types.js";
import type { OperationRow } from "../operation-row.js";
import { pageReader } from "./page-reader.js";
import { checkMaxPages, checkPageSize, createPager, type Paginated } from "./pager.js";
import { DEFAULT_PAGE_SIZE } from "./paginate.js";
import type { IsOptional, ItemOfRule } from "./v2-types.js";

type Loose = Record<string, unknown>;

/**
 * V1 operations paginateV1 walks: the generated rows with a page rule. pinboarddata also takes
 * offset/batchsize but answers one data page per visualization, keyed by id (its x-page says so):
 * call it directly.
 */
export type V1PaginatedOperationId = V1Paginated;

/** The item a walk yields, from the row's page rule and the generated response type. */
export type V1PageItemOf<K extends V1PaginatedOperationId> = ItemOfRule<V1PagedOperations[K], V1PageOf<K>>;

/** Per-call options (signal, headers, timeoutMs, maxRetries) apply to every page request. */
export interface PaginateV1Options extends CallOptions {
  /** Items per request (batchsize). Default: input.batchsize, else 100. */
  pageSize?: number;
  /**
   * Stop with a PaginationError after this many pages. Default 10 000 (DEFAULT_MAX_PAGES);
   * Infinity for no ceiling. Pages seen before always stop the walk.
   */
  maxPages?: number;
}

const paginatedV1 = (Object.entries(v1Operations) as [string, OperationRow][])
  .filter(([, row]) => row.page)
  .map(([id]) => id);

type Input<K extends V1PaginatedOperationId> = V1PagedOperations[K]["input"];
/** One page's answer, as the spec types it (what `.pages()` yields). */
export type V1PageOf<K extends V1PaginatedOperationId> = V1PagedOperations[K]["output"];

/** input may be left out when the operation requires nothing. */
export type PaginateV1Args<K extends V1PaginatedOperationId> =
  IsOptional<Input<K>> extends true
    ? [input?: Input<K>, options?: PaginateV1Options]
    : [input: Input<K>, options?: PaginateV1Options];

/** paginateV1 as a client method (ts.paginateV1). */
export type PaginateV1Method = <K extends V1PaginatedOperationId>(
  operationId: K,
  ...args: PaginateV1Args<K>
) => Paginated<V1PageItemOf<K>, V1PageOf<K>>;

export function paginateV1<K extends V1PaginatedOperationId>(
  call: Call,
  operationId: K,
  ...[input, options = {}]: PaginateV1Args<K>
): Paginated<V1PageItemOf<K>, V1PageOf<K>> {
  const row = (Object.hasOwn(v1Operations, operationId) ? v1Operations[operationId] : undefined) as
    | OperationRow
    | undefined;
  if (!row?.page) {
    throw new TypeError(
      `paginateV1: ${String(operationId)} is not a paginated V1 operation (one of: ${paginatedV1.join(", ")})`,
    );
  }
  const page = row.page;
  const fields = { ...((input ?? {}) as Loose) };
  if (fields.pagenumber !== undefined) {
    throw new TypeError(`paginateV1 ${operationId}: pages by offset; leave pagenumber out`);
  }
  const { pageSize: asked, signal, maxPages, headers, timeoutMs, maxRetries } = options as PaginateV1Options;
  const pageSize = checkPageSize(asked ?? fields.batchsize ?? DEFAULT_PAGE_SIZE, `paginateV1 ${operationId}`);
  // V1 reads offset -1 as "the first item", which is offset 0 for counting.
  const given = fields.offset ?? 0;
  if (typeof given !== "number" || !Number.isInteger(given) || given < -1) {
    throw new TypeError(`paginateV1 ${operationId}: offset must be an integer ≥ -1`);
  }
  const perPage: CallOptions = {
    ...(headers && { headers }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(maxRetries !== undefined && { maxRetries }),
  };

  return createPager({
    maxPages: checkMaxPages(maxPages, `paginateV1 ${operationId}`),
    start: Math.max(given, 0),
    pageSize,
    signal,
    method: row.method,
    path: row.path,
    operationId,
    fetchPage: (offset, pageSignal) =>
      // The input was typed by the caller; here it only gains the two paging fields.
      call.v1(
        operationId as V1PaginatedOperationId,
        { ...fields, [page.offset]: offset, [page.size]: pageSize } as never,
        {
          ...perPage,
          ...(pageSignal && { signal: pageSignal }),
        },
      ),
    read: pageReader(page, { operationId, method: row.method, path: row.path }),
  }) as Paginated<V1PageItemOf<K>, V1PageOf<K>>;
}
