// The public entry point. Nothing outside what is exported here is public.
export {
  type AuthOptions,
  createThoughtSpotClient,
  type ThoughtSpotClient,
  type ThoughtSpotClientOptions,
  type TlsOptions,
} from "./client.js";
export type {
  ApiVersion,
  ObjectHeaderType,
  ObjectTypeInput,
  V1ObjectType,
  V2ObjectType,
} from "./enums/index.js";
export {
  Categories,
  GroupVisibility,
  GroupVisibilityV2,
  MetadataCategories,
  MetadataNames,
  MetadataSorts,
  MetadataSubtypes,
  MetadataTypes,
  OBJECT_TYPES,
  PermissionTypes,
  Privileges,
  ReportTypes,
  resolveObjectType,
  ShareModes,
  Sorts,
  TSTypes,
  TSTypesV2,
  tsTypeOf,
  v1TypeOf,
  v2TypeOf,
} from "./enums/index.js";
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
export type { TmlApi } from "./tml/api.js";
export { TmlError, TmlImportError, type TmlImportFailure, TmlParseError } from "./tml/errors.js";
export type { ExportedTml, TmlExportOptions, TmlExportResult, TmlExportTarget } from "./tml/export.js";
export type { TmlFile } from "./tml/files.js";
export type { ImportedTml, TmlImportOptions, TmlImportPolicy, TmlImportResult } from "./tml/import.js";
// TML documents (parseTml, stringifyTml, folders, migration) are in "thoughtspot-rest-api/tml".
export type * from "./tml/types.js";
export { VERSION } from "./version.js";
