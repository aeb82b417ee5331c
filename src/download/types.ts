// Which paths download() accepts (rows flagged `binary` in the generated tables, V1 and V2) and what
// each takes, in openapi-fetch's shape: { body } and, where the path has some, { params: { path } }.
import type { V1Binary, V1BinaryInits, V1BinaryOperations } from "../../generated/v1-api.js";
import type { V2Binary, V2BinaryInits, V2BinaryOperations } from "../../generated/v2-api.js";
import type { CallOptions } from "../core/types.js";

export type V2BinaryOperationId = V2Binary;
export type V1BinaryOperationId = V1Binary;

/** V2 report/answer, report/liveboard, logo and translation exports, connection metadata changes; V1 Liveboard PDF. */
export type DownloadPath = keyof V2BinaryInits | keyof V1BinaryInits;

/** The path form's { body, params } per path, generated (no conditional type for a consumer to resolve). */
export type DownloadInit<P extends DownloadPath> = (V2BinaryInits & V1BinaryInits)[P] & {
  /** Extra headers (Accept is set from the spec unless given here). */
  headers?: Record<string, string>;
};

/** Per-call options (signal, headers, timeoutMs, maxRetries) apply to the request. */
export interface DownloadOptions extends CallOptions {
  /** "bytes" (default): a Uint8Array. "stream": the body as it arrives, never buffered. */
  as?: "bytes" | "stream";
  /** Node only: stream the body into this file and return { file, bytes }. */
  file?: string;
  /**
   * Bytes mode: the most bytes read into memory, once decoded (default 512 MiB); a larger file is
   * an UnexpectedResponseError. Streams and files have no cap.
   */
  maxBytes?: number;
}

/** The binary operations of both APIs, by operationId (V1 and V2 share no operationId). */
export type DownloadOperationId = V2BinaryOperationId | V1BinaryOperationId;

/** What a download by operationId takes: the same one input object as ts.api. */
export type DownloadInput<K extends DownloadOperationId> = (V2BinaryOperations &
  V1BinaryOperations)[K]["input"];

export interface DownloadedFile {
  file: string;
  /** Bytes written. */
  bytes: number;
}

/**
 * download as a client method (ts.download): by operationId with ts.api's input, or by path with
 * openapi-fetch's { body, params } (an alias kept for existing code). The result follows the options.
 */
export interface DownloadMethod {
  <K extends DownloadOperationId>(
    operationId: K,
    input: DownloadInput<K>,
    options: DownloadOptions & { file: string },
  ): Promise<DownloadedFile>;
  <K extends DownloadOperationId>(
    operationId: K,
    input: DownloadInput<K>,
    options: DownloadOptions & { as: "stream"; file?: undefined },
  ): Promise<ReadableStream<Uint8Array>>;
  <K extends DownloadOperationId>(
    operationId: K,
    input: DownloadInput<K>,
    options?: DownloadOptions & { as?: "bytes"; file?: undefined },
  ): Promise<Uint8Array>;
  <P extends DownloadPath>(
    path: P,
    init: DownloadInit<P>,
    options: DownloadOptions & { file: string },
  ): Promise<DownloadedFile>;
  <P extends DownloadPath>(
    path: P,
    init: DownloadInit<P>,
    options: DownloadOptions & { as: "stream"; file?: undefined },
  ): Promise<ReadableStream<Uint8Array>>;
  <P extends DownloadPath>(
    path: P,
    init: DownloadInit<P>,
    options?: DownloadOptions & { as?: "bytes"; file?: undefined },
  ): Promise<Uint8Array>;
}
