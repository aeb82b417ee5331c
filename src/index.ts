// The public entry point. Nothing outside what is exported here is public.
export {
  type AuthOptions,
  createThoughtSpotClient,
  type ThoughtSpotClient,
  type ThoughtSpotClientOptions,
} from "./client.js";
export {
  AuthError,
  BadRequestError,
  type ErrorDetails,
  NetworkError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  ThoughtSpotError,
} from "./errors.js";
export type { Logger, LogLevel } from "./logger.js";
export type { OperationRow } from "./operation-row.js";
export type { CallOptions, OperationInput, OperationMethod, OperationOutput } from "./operations/types.js";
export { VERSION } from "./version.js";
