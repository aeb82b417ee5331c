// Which V2 paths can be paginated (derived from the generated table's `paginated` flag) and the item
// type each one yields (derived from its response; hand-picked only where the answer wraps its array).
import type { components, operations } from "../../generated/v2.js";
import type { v2Operations } from "../../generated/v2-operations.js";
import type { CallOptions, OperationInput, OperationOutput } from "../core/types.js";

type Table = typeof v2Operations;
type Schemas = components["schemas"];

/** operationIds whose row has `paginated: true` (body takes record_offset and record_size). */
export type PaginatedOperationId = {
  [K in keyof Table]: Table[K] extends { paginated: true } ? K : never;
}[keyof Table];

/** Their paths: the only first arguments paginate() accepts. */
export type PaginatedPath = Table[PaginatedOperationId]["path"];

/** The operationId behind a paginated path. */
export type PaginatedOperationOf<P extends PaginatedPath> = {
  [K in PaginatedOperationId]: Table[K]["path"] extends P ? K : never;
}[PaginatedOperationId];

type Output<K extends PaginatedOperationId> = OperationOutput<operations[K]>;
type Element<T> = T extends readonly (infer E)[] ? E : never;

/**
 * Data answers list rows of cell values. The spec types a row as an empty object; on the wire it is
 * an array of values in `column_names` order (read those from `.pages()`).
 */
export type DataRow = unknown[];

/** Answers that wrap their items in an object: which array is yielded, typed from the response. */
interface WrappedItems {
  fetchAnswerData: DataRow;
  searchData: DataRow;
  /** One entry per visualization per page: each visualization pages its own rows. */
  fetchLiveboardData: Schemas["LiveboardContent"];
  fetchAsyncImportTaskStatus: Element<NonNullable<Output<"fetchAsyncImportTaskStatus">["status_list"]>>;
  /** The spec says "object"; ThoughtSpot's docs and answers hold an array of per-object entries. */
  fetchObjectPrivileges: Record<string, unknown>;
  fetchPermissionsOfPrincipals: Element<
    NonNullable<Output<"fetchPermissionsOfPrincipals">["principal_permission_details"]>
  >;
  fetchPermissionsOnMetadata: Element<
    NonNullable<Output<"fetchPermissionsOnMetadata">["metadata_permission_details"]>
  >;
  searchCollections: Element<Output<"searchCollections">["collections"]>;
  searchWebhookConfigurations: Element<Output<"searchWebhookConfigurations">["webhooks"]>;
}

/** The item an iteration yields for one operation. */
export type PageItemOf<K extends PaginatedOperationId> = K extends keyof WrappedItems
  ? WrappedItems[K]
  : Element<Output<K>>;

/** What the first request of a walk sends (record_offset / record_size optional: the pager sets them). */
export type PaginateBody<K extends PaginatedOperationId> = OperationInput<operations[K]>;

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
  /** Stop with a PaginationError after this many pages: a guard for unattended scripts. */
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
