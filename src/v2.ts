// thoughtspot-rest-api/v2: the generated V2 types, to name request and response shapes.
// components, operations, paths and the named long enum unions (Privileges, TimeZone, ...).
export type * from "../generated/v2.js";
// One named input and output type per operation (SearchUsersInput, SearchUsersOutput), V2Api (ts.api.v2)
// and the operationId → input/output maps V2Inputs, V2Outputs.
export type * from "../generated/v2-api.js";
export { type V2OperationId, v2BasePath, v2Operations } from "../generated/v2-operations.js";
export { v2Routes } from "../generated/v2-routes.js";
// TSTypes (or raw API strings) → the V1/V2 `type` and `subtypes`, for building bodies by hand.
export {
  type ApiVersion,
  OBJECT_TYPES,
  type ObjectTypeInput,
  resolveObjectType,
  tsTypeOf,
  type V1ObjectType,
  type V2ObjectType,
  v1TypeOf,
  v2TypeOf,
} from "./enums/object-types.js";
