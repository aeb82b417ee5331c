// File downloads: ts.download over the binary operations of both APIs.
export { download, downloadPaths } from "./download.js";
export type {
  DownloadedFile,
  DownloadInit,
  DownloadOptions,
  DownloadPath,
  V1BinaryOperationId,
  V2BinaryOperationId,
} from "./types.js";
