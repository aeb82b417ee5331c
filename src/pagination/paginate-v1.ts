// paginateV1(ts, operationId, input, options): the V1 list endpoints that page with offset/batchsize.
// V1 list answers end either with a short page or with isLastBatch: true; both stop the walk.
import type { components, operations } from "../../generated/v1.js";
import { v1Operations } from "../../generated/v1-operations.js";
import type { Call, V1Output } from "../core/call.js";
import type { CallOptions, OperationInput } from "../core/types.js";
import { checkMaxPages, checkPageSize, createPager, type Page, type Paginated } from "./pager.js";
import { DEFAULT_PAGE_SIZE } from "./paginate.js";
import type { IsOptional } from "./v2-types.js";

type Schemas = components["schemas"];
type Loose = Record<string, unknown>;

/** Which array each operation's answer holds its items in, and the item type. */
interface V1Items {
  metadataList: Schemas["MetadataHeader"];
  metadataListas: Schemas["MetadataHeader"];
  metadataListobjectheaders: Schemas["MetadataHeader"];
  connectionList: Schemas["MetadataHeader"];
  sessionOrgsGet: Schemas["SessionOrg"];
  /** A row of cell values, in the page's columnNames order (read those from `.pages()`). */
  searchdata: unknown[];
}

/**
 * V1 operations paginateV1 walks. pinboarddata also takes offset/batchsize but answers one data page
 * per visualization, keyed by id, each paging on its own: call it directly.
 */
export type V1PaginatedOperationId = keyof V1Items;
export type V1PageItemOf<K extends V1PaginatedOperationId> = V1Items[K];

/** Per-call options (signal, headers, timeoutMs, maxRetries) apply to every page request. */
export interface PaginateV1Options extends CallOptions {
  /** Items per request (batchsize). Default: input.batchsize, else 100. */
  pageSize?: number;
  /** Stop with a PaginationError after this many pages: a guard for unattended scripts. */
  maxPages?: number;
}

const field = (answer: unknown, name: string): unknown =>
  answer && typeof answer === "object" ? (answer as Loose)[name] : undefined;
const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

const headerList = (answer: unknown, pageSize: number): Page<unknown> => {
  const items = asArray(field(answer, "headers"));
  return { items, last: items.length < pageSize || field(answer, "isLastBatch") === true };
};

const readers: Record<V1PaginatedOperationId, (answer: unknown, pageSize: number) => Page<unknown>> = {
  metadataList: headerList,
  metadataListas: headerList,
  connectionList: headerList,
  metadataListobjectheaders: (answer, pageSize) => {
    const items = asArray(answer);
    return { items, last: items.length < pageSize };
  },
  sessionOrgsGet: (answer, pageSize) => {
    const items = asArray(field(answer, "orgs"));
    return { items, last: items.length < pageSize };
  },
  searchdata: (answer, pageSize) => {
    const items = asArray(field(answer, "data"));
    return { items, last: items.length < pageSize };
  },
};

type Input<K extends V1PaginatedOperationId> = OperationInput<operations[K]>;
/** One page's answer, as the spec types it (what `.pages()` yields). */
export type V1PageOf<K extends V1PaginatedOperationId> = V1Output<K>;

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
  const read = Object.hasOwn(readers, operationId) ? readers[operationId] : undefined;
  if (!read) {
    throw new TypeError(
      `paginateV1: ${String(operationId)} is not a paginated V1 operation (one of: ${Object.keys(readers).join(", ")})`,
    );
  }
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
  const row = v1Operations[operationId];
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
      call.v1(operationId as V1PaginatedOperationId, { ...fields, offset, batchsize: pageSize } as never, {
        ...perPage,
        ...(pageSignal && { signal: pageSignal }),
      }),
    read,
  }) as Paginated<V1PageItemOf<K>, V1PageOf<K>>;
}
