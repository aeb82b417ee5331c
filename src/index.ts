// The public entry point. Nothing outside what is exported here is public.
export {
  type AuthOptions,
  createThoughtSpotClient,
  type ThoughtSpotClient,
  type ThoughtSpotClientOptions,
  type TlsOptions,
} from "./client.js";
export type { DownloadedFile, DownloadOptions, DownloadPath } from "./download/index.js";
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
export type { ListObjectHeadersInput, MetadataApi, MetadataSearchInput } from "./metadata/api.js";
export type { GroupDetails, LiveboardDetails, UserDetails } from "./metadata/details.js";
export { ObjectLookupError } from "./metadata/errors.js";
export type { OperationRow } from "./operation-row.js";
export type { CallOptions, OperationInput, OperationMethod, OperationOutput } from "./operations/types.js";
export type {
  DataRow,
  PageItemOf,
  Paginated,
  PaginatedPath,
  PaginateOptions,
  PaginateV1Options,
  V1PageItemOf,
  V1PaginatedOperationId,
} from "./pagination/index.js";
export type { GroupsApi, UsersApi } from "./principals/api.js";
export { type SyncPrincipal, type UserPreferences, userPreferences } from "./principals/api.js";
export type { ShareInput, SharingApi } from "./sharing/api.js";
export {
  type ContentShareMode,
  type PrincipalRef,
  type ShareMode,
  SharePermissions,
  sharePermissions,
} from "./sharing/permissions.js";
export type { AgentStream, AgentStreamEvent, SseEvent, StreamOptions } from "./streaming/index.js";
export type { TmlApi } from "./tml/api.js";
export { TmlError, TmlImportError, type TmlImportFailure, TmlParseError } from "./tml/errors.js";
export type { ExportedTml, TmlExportOptions, TmlExportResult, TmlExportTarget } from "./tml/export.js";
export type { TmlFile } from "./tml/files.js";
export type { ImportedTml, TmlImportOptions, TmlImportPolicy, TmlImportResult } from "./tml/import.js";
// TML documents (parseTml, stringifyTml, folders, migration) are in "thoughtspot-rest-api/tml".
export type * from "./tml/types.js";
export { VERSION } from "./version.js";
