// thoughtspot-rest-api/v1: the generated V1 types, to name request and response shapes.
export type { components, operations, paths } from "../generated/v1.js";
export { type V1OperationId, v1Operations } from "../generated/v1-operations.js";
