// The public entry point. Nothing outside what is exported here is public.

// Types the public signatures above refer to, exported so users can name them (and the API reference links them).
export type { AuthHelpers } from "./auth/helpers.js";
export type { TokenProviderResult } from "./auth/token-strategy.js";
export {
  type AuthOptions,
  createThoughtSpotClient,
  type ThoughtSpotClient,
  type ThoughtSpotClientOptions,
  type TlsOptions,
} from "./client.js";
export type { V1Input, V1Output, V2Input, V2Output } from "./core/call.js";
export type { ThoughtSpotErrorInit } from "./core/errors.js";
export {
  ApiError,
  AuthError,
  BadRequestError,
  type ErrorDetails,
  NetworkError,
  NotFoundError,
  PaginationError,
  RateLimitError,
  RedirectError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  ThoughtSpotError,
  UnexpectedResponseError,
} from "./core/errors.js";
export type { Middleware, MiddlewareContext } from "./core/middleware.js";
export type {
  RawHeadersOptions,
  RawMiddleware,
  RawMiddlewareCallbackParams,
  RawMiddlewareOnError,
  RawMiddlewareOnRequest,
  RawMiddlewareOnResponse,
  RawMiddlewareParams,
  RawPathSerializer,
  RawQuerySerializerOptions,
} from "./core/raw-fetch-types.js";
export type { RawClient } from "./core/raw-types.js";
export type { CallOptions, OperationInput, OperationMethod, OperationOutput } from "./core/types.js";
export {
  type AnswerRecord,
  type AnswerTable,
  answerRecords,
  answerTables,
  type DateMode,
  type DateRange,
  type RecordsOptions,
  type RecordValue,
} from "./data/records.js";
export type { DownloadedFile, DownloadOptions, DownloadPath } from "./download/index.js";
export type {
  DownloadInit,
  DownloadInput,
  DownloadMethod,
  DownloadOperationId,
  V1BinaryOperationId,
  V2BinaryOperationId,
} from "./download/types.js";
export type { V1MetadataSubtype, V1MetadataType, V2MetadataType, V2ShareMode } from "./enums/api-types.js";
export { GroupVisibility, GroupVisibilityV2 } from "./enums/groups.js";
export {
  Categories,
  MetadataCategories,
  MetadataNames,
  MetadataSorts,
  MetadataSubtypes,
  MetadataTypes,
  Sorts,
} from "./enums/metadata.js";
export type {
  ApiVersion,
  ObjectHeaderType,
  ObjectTypeInput,
  V1ObjectType,
  V2ObjectType,
} from "./enums/object-types.js";
export { Privileges } from "./enums/privileges.js";
export { ReportTypes } from "./enums/reports.js";
export { PermissionTypes, ShareModes } from "./enums/sharing.js";
export { TSTypes, TSTypesV2 } from "./enums/ts-types.js";
export type { Logger, LogLevel } from "./logger.js";
export type { ListObjectHeadersInput, MetadataApi, MetadataSearchInput, TagInput } from "./metadata/api.js";
export type {
  GroupDetails,
  HeaderInfo,
  LiveboardDetails,
  UserDetails,
  VisualizationInfo,
} from "./metadata/details.js";
export { ObjectLookupError } from "./metadata/errors.js";
export type { HttpMethod, OperationRow, PageRule } from "./operation-row.js";
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
export type { PaginateMethod } from "./pagination/paginate.js";
export type { PaginateV1Args, PaginateV1Method, V1PageOf } from "./pagination/paginate-v1.js";
export type { PageOf, PaginateArgs, PaginateByIdArgs, PaginatedOperationId } from "./pagination/v2-types.js";
export type { GroupsApi, SyncPrincipal, UsersApi } from "./principals/api.js";
export { type UserPreferences, userPreferences } from "./principals/preferences.js";
export type {
  ApiName,
  BetaOperation,
  CompatibilityReport,
  DeprecatedOperation,
  UnavailableOperation,
} from "./release/compatibility.js";
export { compareReleases, parseRelease, type Release, type ReleaseChannel } from "./release/version.js";
export type { PermissionsOnObjectsInput, ShareInput, SharingApi } from "./sharing/api.js";
export {
  type ContentShareMode,
  type PrincipalRef,
  type ShareMode,
  SharePermissions,
  sharePermissions,
} from "./sharing/permissions.js";
export type { AgentStream, AgentStreamEvent, SseEvent, StreamOptions } from "./streaming/index.js";
export type { AgentStreamEventType, StreamingOperationId, StreamMethod } from "./streaming/stream.js";
export type { TmlApi } from "./tml/api.js";
export type { TmlDeploySwaps } from "./tml/deploy/apply.js";
export type {
  TmlDeployOptions,
  TmlDeployProgress,
  TmlDeployResult,
  TmlDeploySource,
  TmlDeploySourceClient,
} from "./tml/deploy/deploy.js";
export type { TmlDeployMapping, TmlDeployMappingEntry } from "./tml/deploy/mapping.js";
export type {
  TmlDeployFilter,
  TmlDeployFilters,
  TmlExportSetOptions,
  TmlSelection,
  TmlSelectionType,
} from "./tml/deploy/plan.js";
export type { TmlDeployedObject, TmlDeployOutcome, TmlDeployReport } from "./tml/deploy/report.js";
export {
  TmlDeployError,
  TmlError,
  TmlImportError,
  type TmlImportFailure,
  TmlParseError,
} from "./tml/errors.js";
export type {
  ExportedTml,
  TmlExportOptions,
  TmlExportResult,
  TmlExportTarget,
  TmlExportType,
} from "./tml/export.js";
export type { TmlFile } from "./tml/files.js";
export type { ImportedTml, TmlImportOptions, TmlImportPolicy, TmlImportResult } from "./tml/import.js";
export type { TmlStatus } from "./tml/results.js";
// TML documents (parseTml, stringifyTml, folders, migration) are in "thoughtspot-rest-api/tml".
export type * from "./tml/types.js";
export { VERSION } from "./version.js";
