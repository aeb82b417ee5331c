// Which V2 paths can be paginated (the generated rows with a page rule) and the item type each one
// yields (from the row's page rule and the generated response type).
import type { V2PagedOperations, V2PagedPaths, V2Paginated } from "../../generated/v2-api.js";
import type { CallOptions } from "../core/types.js";

/** operationIds whose row has a page rule (body takes record_offset and record_size). */
export type PaginatedOperationId = V2Paginated;

/** Their paths: the only first arguments paginate() accepts. */
export type PaginatedPath = keyof V2PagedPaths;

/** The operationId behind a paginated path. */
export type PaginatedOperationOf<P extends PaginatedPath> = V2PagedPaths[P];

type Output<K extends PaginatedOperationId> = V2PagedOperations[K]["output"];

/**
 * Data answers list rows of cell values. The spec types a row as an empty object; on the wire it is
 * an array of values in `column_names` order (read those from `.pages()`).
 */
export type DataRow = unknown[];

type ElementOrSelf<T> = T extends readonly (infer E)[] ? E : T;

/**
 * The item a walk yields, from an operation's generated page rule and its response type: a data row
 * when the rule reads rows, the elements of the `items` property, or the elements of the answer.
 * An `items` property the spec types as an object (not an array) is yielded whole.
 */
export type ItemOfRule<Rule, Answer> = Rule extends { rows: string }
  ? DataRow
  : Rule extends { items: infer N extends string }
    ? N extends keyof NonNullable<Answer>
      ? ElementOrSelf<NonNullable<NonNullable<Answer>[N]>>
      : unknown
    : ElementOrSelf<Answer>;

/** The item an iteration yields for one operation. */
export type PageItemOf<K extends PaginatedOperationId> = ItemOfRule<V2PagedOperations[K], Output<K>>;

/** What the first request of a walk sends (record_offset / record_size optional: the pager sets them). */
export type PaginateBody<K extends PaginatedOperationId> = V2PagedOperations[K]["input"];

/** True when every field of T is optional. */
export type IsOptional<T> = Partial<T> extends T ? true : false;

/** body is optional only when the operation requires no field. */
export type PaginateInit<K extends PaginatedOperationId> = {
  /** Extra headers for every page request. */
  headers?: Record<string, string>;
} & (IsOptional<PaginateBody<K>> extends true
  ? /** The request body; record_offset sets where the walk starts, record_size the page size. */
    { body?: PaginateBody<K> }
  : { body: PaginateBody<K> });

/** Per-call options (signal, headers, timeoutMs, maxRetries) apply to every page request. */
export interface PaginateOptions extends CallOptions {
  /** Items per request (record_size). Default: the input's record_size, else 100. */
  pageSize?: number;
  /**
   * Stop with a PaginationError after this many pages. Default 10 000 (DEFAULT_MAX_PAGES);
   * Infinity for no ceiling. Pages seen before always stop the walk.
   */
  maxPages?: number;
}

/** init may be left out when the body has no required field. */
export type PaginateArgs<K extends PaginatedOperationId> =
  IsOptional<PaginateBody<K>> extends true
    ? [init?: PaginateInit<K>, options?: PaginateOptions]
    : [init: PaginateInit<K>, options?: PaginateOptions];

/** One page's answer, as the spec types it (what `.pages()` yields). */
export type PageOf<K extends PaginatedOperationId> = Output<K>;

/** ts.paginate by operationId: the same one input object as ts.api.v2, optional when nothing is required. */
export type PaginateByIdArgs<K extends PaginatedOperationId> =
  IsOptional<PaginateBody<K>> extends true
    ? [input?: PaginateBody<K>, options?: PaginateOptions]
    : [input: PaginateBody<K>, options?: PaginateOptions];
