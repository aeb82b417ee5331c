import type { V1Output } from "./src/core/call.js";
import type { V1OperationId } from "./generated/v1-operations.js";
export type All = { [K in V1OperationId]: V1Output<K> };
declare const all: All; export { all };