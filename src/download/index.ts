// File downloads: ts.download over the binary operations of both APIs.
export { download, downloadPaths } from "./download.js";
export type {
  DownloadedFile,
  DownloadInit,
  DownloadMethod,
  DownloadOptions,
  DownloadPath,
  V1BinaryOperationId,
  V2BinaryOperationId,
} from "./types.js";
