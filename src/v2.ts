// thoughtspot-rest-api/v2: the generated V2 types, to name request and response shapes.
export type { components, operations, paths } from "../generated/v2.js";
export { type V2OperationId, v2Operations } from "../generated/v2-operations.js";
