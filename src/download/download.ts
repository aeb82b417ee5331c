// ts.download(operationId, input, options): files from the binary operations (V2 reports, logo and
// translation exports, connection metadata changes; V1 Liveboard PDF) as bytes, as an unbuffered
// stream, or written to a file. ts.download(path, { body, params }, options) is the same function
// under its older name. Calls go through the Call port (Accept from the operation table, the
// client's retries, redaction and errors); only parseAs "stream" is added here.
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import type { Call, PortOptions } from "../core/call.js";
import { UnexpectedResponseError } from "../core/errors.js";
import type { OperationRow } from "../operation-row.js";
import type { DownloadedFile, DownloadOptions, V1BinaryOperationId, V2BinaryOperationId } from "./types.js";

interface Target {
  api: "v1" | "v2";
  operationId: string;
  row: OperationRow;
}

/** By path and by operationId: the two names of a download. */
const targets = new Map<string, Target>();
for (const [api, table] of [
  ["v2", v2Operations],
  ["v1", v1Operations],
] as const) {
  for (const [operationId, row] of Object.entries(table) as [string, OperationRow][]) {
    if (!row.binary) continue;
    targets.set(row.path, { api, operationId, row });
    targets.set(operationId, { api, operationId, row });
  }
}

/** The binary paths download() accepts, for messages and callers without types. */
export const downloadPaths: readonly string[] = [...targets.keys()].filter((k) => k.startsWith("/"));
/** The binary operationIds download() accepts. */
export const downloadOperations: readonly string[] = [...targets.keys()].filter((k) => !k.startsWith("/"));

/**
 * The most bytes mode reads into memory (512 MiB, as for answers read whole), counted once decoded:
 * a small gzip answer must not become gigabytes. `maxBytes` changes it per call; `as: "stream"` and
 * `file` have no cap (the caller reads, or the disk holds, the bytes).
 */
export const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;

/** The client's ts.download (see DownloadMethod for the typed overloads). */
export async function download(
  call: Call,
  name: string,
  second: unknown = {},
  options: DownloadOptions = {},
): Promise<Uint8Array | ReadableStream<Uint8Array> | DownloadedFile> {
  const target = typeof name === "string" ? targets.get(name) : undefined;
  if (!target) {
    throw new TypeError(
      `download: ${String(name)} is not a file download (one of: ${downloadOperations.join(", ")}; or by path: ${downloadPaths.join(", ")})`,
    );
  }
  if (options.as !== undefined && options.as !== "bytes" && options.as !== "stream") {
    throw new TypeError(`download: as must be "bytes" or "stream", got ${String(options.as)}`);
  }
  if (options.file !== undefined && options.as === "stream") {
    throw new TypeError('download: give either file or as: "stream", not both');
  }
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  if (typeof maxBytes !== "number" || !Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new TypeError(`download: maxBytes must be a positive integer, got ${String(options.maxBytes)}`);
  }
  const { api, operationId } = target;
  const { signal, headers, timeoutMs, maxRetries } = options;

  // The path form carries its input as { body, params: { path }, headers }; the operationId form is ts.api's.
  let input: Record<string, unknown>;
  let extraHeaders = headers;
  if (name.startsWith("/")) {
    const init = (second ?? {}) as { body?: unknown; params?: unknown; headers?: Record<string, string> };
    input = {
      ...((init.params as { path?: Record<string, unknown> } | undefined)?.path ?? {}),
      ...(init.body as Record<string, unknown> | undefined),
    };
    if (init.headers) extraHeaders = { ...init.headers, ...headers };
  } else input = { ...(second as Record<string, unknown>) };

  // Through the Call port: same encoding (V1 multipart), retries, redaction and errors; the engine
  // turns failures while the body streams into typed errors and bounds pauses between chunks.
  // Never buffered by the client: bytes mode reads the stream itself, the other modes hand it on.
  const callOptions: PortOptions = {
    parseAs: "stream",
    ...(extraHeaders && { headers: extraHeaders }),
    ...(signal && { signal }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(maxRetries !== undefined && { maxRetries }),
  };
  // The input was typed by the caller's overload; the operationId comes from the generated tables.
  const data: unknown =
    api === "v1"
      ? await call.v1(operationId as V1BinaryOperationId, input as never, callOptions)
      : await call.v2(operationId as V2BinaryOperationId, input as never, callOptions);
  // A 204 or an empty body comes back as no stream at all.
  const body = (data as ReadableStream<Uint8Array> | undefined) ?? new Blob([]).stream();

  if (options.file !== undefined) {
    const { streamToFile } = await import("./to-file.js");
    return streamToFile(body, options.file);
  }
  if (options.as === "stream") return body;
  return readCapped(body, maxBytes, target);
}

/** The whole body, or an UnexpectedResponseError (and the connection closed) past maxBytes. */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, target: Target) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new UnexpectedResponseError({
          method: target.row.method,
          path: target.row.path,
          operationId: target.operationId,
          status: 200,
          message: `${target.operationId} answered a file larger than ${maxBytes} bytes (once decoded), the most ts.download reads into memory (maxBytes); pass { maxBytes } to raise it, or { as: "stream" } or { file } to read it piece by piece`,
        });
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
