// One row of the generated operation tables (generated/v1-operations.ts, generated/v2-operations.ts).
export interface OperationRow {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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
  paginated?: true;
  binary?: true;
  multipart?: true;
  streaming?: true;
  deprecated?: true;
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
