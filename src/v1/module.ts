// Everything the V1 client needs beyond the shared core, loaded on the first V1 call.
export { v1Operations } from "../../generated/v1-operations.js";
export { v1RuntimeQuery } from "./runtime-params.js";
