// Everything the V1 client needs beyond the shared core, loaded on the first V1 call.
export { v1BasePath, v1Operations } from "../../generated/v1-operations.js";
export { v1Routes } from "../../generated/v1-routes.js";
export { v1RuntimeQuery } from "./runtime-params.js";
