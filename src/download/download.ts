// ts.download(path, init, options): files from the binary operations (V2 reports, logo and translation
// exports, connection metadata changes; V1 Liveboard PDF) as bytes, as an unbuffered stream, or
// written to a file. Calls go through the operation methods (Accept from the operation table, the
// client's retries, redaction and errors); only parseAs "stream" is added here.
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import type { ThoughtSpotClient } from "../client.js";
import type { ParseAs } from "../core/invoke.js";
import type { CallOptions } from "../core/types.js";
import type { OperationRow } from "../operation-row.js";
import type { DownloadedFile, DownloadInit, DownloadOptions, DownloadPath } from "./types.js";

interface Target {
  api: "v1" | "v2";
  operationId: string;
  row: OperationRow;
}

const targets = new Map<string, Target>();
for (const [api, table] of [
  ["v2", v2Operations],
  ["v1", v1Operations],
] as const) {
  for (const [operationId, row] of Object.entries(table) as [string, OperationRow][]) {
    if (row.binary) targets.set(row.path, { api, operationId, row });
  }
}

/** The binary paths download() accepts, for messages and callers without types. */
export const downloadPaths: readonly string[] = [...targets.keys()];

export function download<P extends DownloadPath>(
  ts: ThoughtSpotClient,
  path: P,
  init: DownloadInit<P>,
  options: DownloadOptions & { file: string },
): Promise<DownloadedFile>;
export function download<P extends DownloadPath>(
  ts: ThoughtSpotClient,
  path: P,
  init: DownloadInit<P>,
  options: DownloadOptions & { as: "stream"; file?: undefined },
): Promise<ReadableStream<Uint8Array>>;
export function download<P extends DownloadPath>(
  ts: ThoughtSpotClient,
  path: P,
  init: DownloadInit<P>,
  options?: DownloadOptions & { as?: "bytes"; file?: undefined },
): Promise<Uint8Array>;
export async function download(
  ts: ThoughtSpotClient,
  path: string,
  init: { body?: unknown; params?: unknown; headers?: Record<string, string> } = {},
  options: DownloadOptions = {},
): Promise<Uint8Array | ReadableStream<Uint8Array> | DownloadedFile> {
  const target = targets.get(path);
  if (!target) {
    throw new TypeError(
      `download: ${String(path)} is not a file download (one of: ${downloadPaths.join(", ")})`,
    );
  }
  if (options.as !== undefined && options.as !== "bytes" && options.as !== "stream") {
    throw new TypeError(`download: as must be "bytes" or "stream", got ${String(options.as)}`);
  }
  if (options.file !== undefined && options.as === "stream") {
    throw new TypeError('download: give either file or as: "stream", not both');
  }
  const { api, operationId } = target;
  const { signal } = options;

  // Through the client's operation methods: same encoding (V1 multipart), retries, redaction and errors;
  // the engine turns failures while the body streams into typed errors and bounds pauses between chunks.
  const input = {
    ...((init.params as { path?: Record<string, unknown> } | undefined)?.path ?? {}),
    ...(init.body as Record<string, unknown> | undefined),
  };
  const methods = (api === "v1" ? ts.api.v1 : ts.api.v2) as unknown as Record<
    string,
    (input: unknown, options: CallOptions & { parseAs: ParseAs }) => Promise<unknown>
  >;
  // Never buffered by the client: bytes mode reads the stream itself, the other modes hand it on.
  const data = await methods[operationId]!(input, {
    parseAs: "stream",
    ...(init.headers && { headers: init.headers }),
    ...(signal && { signal }),
  });
  // A 204 or an empty body comes back as no stream at all.
  const body = (data as ReadableStream<Uint8Array> | undefined) ?? new Blob([]).stream();

  if (options.file !== undefined) {
    const { streamToFile } = await import("./to-file.js");
    return streamToFile(body, options.file);
  }
  if (options.as === "stream") return body;
  const buffer = await new Response(body).arrayBuffer();
  return new Uint8Array(buffer);
}
