// thoughtspot-rest-api/v1: the generated V1 types, to name request and response shapes.
// components, operations, paths and the named long enum unions.
export type * from "../generated/v1.js";
// One named input and output type per operation (SessionLoginInput, SessionLoginOutput), V1Api (ts.api.v1)
// and the operationId → input/output maps V1Inputs, V1Outputs.
export type * from "../generated/v1-api.js";
export { type V1OperationId, v1BasePath, v1Operations } from "../generated/v1-operations.js";
export { v1Routes } from "../generated/v1-routes.js";
// TSTypes (or raw API strings) → the V1/V2 `type` and `subtypes` (also exported by ./v2).
export { OBJECT_TYPES, resolveObjectType, tsTypeOf, v1TypeOf, v2TypeOf } from "./enums/object-types.js";
// Types the runtime helpers above take and return, so users can name them.
export type {
  RuntimeFilterQuery,
  RuntimeParameterQuery,
  RuntimeQuery,
  RuntimeSortQuery,
  RuntimeValue,
} from "./v1/runtime-params.js";
// V1 runtime filters, sorts and Parameters (numbered query keys) for pinboarddata, searchdata and the PDF export.
export {
  type RuntimeFilter,
  type RuntimeFilterOperator,
  type RuntimeParameter,
  type RuntimeSort,
  runtimeFilters,
  runtimeParameters,
  runtimeQuery,
  runtimeSorts,
} from "./v1/runtime-params.js";
export type {
  V1JsonValue,
  V1OperationInput,
  V1OperationMethod,
  V1OperationMethods,
  V1RuntimeFilterInput,
  V1RuntimeParameterInput,
  V1RuntimeSortInput,
  V1WidenJson,
} from "./v1/types.js";
