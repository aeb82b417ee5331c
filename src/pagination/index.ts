// Pagination helpers: ts.paginate (V2 record_offset/record_size) and paginateV1 (V1 offset/batchsize).

export { DEFAULT_MAX_PAGES, type Paginated } from "./pager.js";
export { DEFAULT_PAGE_SIZE, type PaginateMethod, paginate } from "./paginate.js";
export {
  type PaginateV1Args,
  type PaginateV1Method,
  type PaginateV1Options,
  paginateV1,
  type V1PageItemOf,
  type V1PaginatedOperationId,
} from "./paginate-v1.js";
export type {
  DataRow,
  PageItemOf,
  PaginateArgs,
  PaginatedOperationId,
  PaginatedOperationOf,
  PaginatedPath,
  PaginateInit,
  PaginateOptions,
} from "./v2-types.js";
