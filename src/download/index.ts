// File downloads: ts.download over the binary operations of both APIs.
export { download, downloadOperations, downloadPaths } from "./download.js";
export type {
  DownloadedFile,
  DownloadInit,
  DownloadInput,
  DownloadMethod,
  DownloadOperationId,
  DownloadOptions,
  DownloadPath,
  V1BinaryOperationId,
  V2BinaryOperationId,
} from "./types.js";
