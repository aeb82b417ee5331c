// One row of the generated operation tables. This file is the source: the generator copies it,
// below its header, to generated/operation-row.ts, which src/ re-exports.

/** HTTP method of an operation. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * How one page of a paginated operation reads, derived from the response schema (or stated by an
 * overlay where the schema cannot tell): where the items are, and how the last page shows.
 */
export interface PageRule {
  /** Request fields that carry the offset and the page size. */
  offset: "record_offset" | "offset";
  size: "record_size" | "batchsize";
  /** The answer's property that holds the items; absent when the answer is the array itself. */
  items?: string;
  /** Each item holds rows in this property, and the rows are what is yielded (data answers). */
  rows?: string;
  /**
   * The operation pages inside each item: the route from an item to its inner arrays. The walk ends
   * when no inner array came back full; an answer whose `items` is an object is one item and ends it.
   */
  inner?: string[];
  /** A flag in the answer that marks the last page: its route, and the value that means "last". */
  lastFlag?: { at: string[]; last: boolean };
}

export interface OperationRow {
  method: HttpMethod;
  path: string;
  tag: string;
  /** Parameter names by location; the facade folds them into the call's single input object. */
  pathParams?: string[];
  queryParams?: string[];
  headerParams?: string[];
  /** Request body encoding, when the operation takes a body. */
  body?: "json" | "multipart" | "form";
  /** Success media type to send as Accept when it is not application/json. */
  accept?: string;
  /** The operation pages and its page rule is known (`page`); ts.paginate / paginateV1 walk it. */
  paginated?: true;
  page?: PageRule;
  binary?: true;
  multipart?: true;
  streaming?: true;
  deprecated?: true;
  /** ThoughtSpot marks the operation Beta (its description's Beta badge): it may change between releases. */
  beta?: true;
  /** Release the operation is available from (V2: the spec's "Version: X or later"; V1: ThoughtSpot's docs). */
  availableFrom?: string;
  /** V1: the Software release, where ThoughtSpot's docs give one apart from the Cloud release. */
  availableFromSoftware?: string;
  /** Deprecated operations: the operation the spec names as the replacement. */
  replacedBy?: string;
  idempotent?: true;
  /** V1: form fields that carry JSON text (x-json-encoded). */
  jsonFields?: string[];
  /** V1: multipart fields that are files. */
  fileFields?: string[];
  /** V1: numbered runtime key families the operation takes (from x-dynamic-query-params). */
  runtimeQuery?: ("filter" | "sort" | "parameter")[];
  /** Required input names, checked before any request for callers without types. */
  required?: string[];
}
