// Answers that are read whole go out through the shared undici pool (./pool.ts) directly (its dispatch API)
// rather than through fetch. fetch wraps each request and answer in WHATWG streams, and on Node that
// costs more than the rest of a call (bench/RESULTS.md, "Request throughput"). The bytes are then
// handed on as a Response, so nothing above can tell: status, reason phrase, headers (Set-Cookie lines
// kept apart, values read as Latin-1 as fetch reads them), url, and a body decoded from gzip, deflate
// or br. Streamed answers and bodies that are streams themselves still go through fetch.
import { importNode } from "../node-only.js";
import { AnswerReadError } from "./errors.js";

/** The part of undici's Dispatcher this file uses (Node's Agent has it on every supported release). */
export interface Dispatcher {
  dispatch(options: DispatchOptions, handler: DispatchHandler): boolean;
}

interface DispatchOptions {
  origin: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
  /** Per request (0: none): the pool is shared, so the bounds travel with each request. */
  headersTimeout?: number;
  bodyTimeout?: number;
}

/** Node Buffers, seen through the Uint8Array type so no declaration here needs Node's types. */
type Chunk = Uint8Array & { toString(encoding: "latin1"): string };

interface DispatchHandler {
  onConnect(abort: (reason?: unknown) => void): void;
  onHeaders(status: number, rawHeaders: (Chunk | string)[], resume: () => void, statusText: string): boolean;
  onData(chunk: Chunk): boolean;
  onComplete(trailers: unknown): void;
  onError(error: unknown): void;
}

type PlainBody = string | ArrayBuffer | ArrayBufferView | URLSearchParams | null | undefined;

/** Bodies this path sends as they are; FormData, Blob and streams go through fetch, which encodes them. */
export function isPlainBody(body: unknown): body is PlainBody {
  return (
    body === undefined ||
    body === null ||
    typeof body === "string" ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof URLSearchParams
  );
}

/**
 * The most an answer read whole may hold, as sent and once decoded: V8 cannot make a string much longer
 * anyway, and a hostile server (or a gzip bomb) must not fill the memory before the timeout.
 */
export const MAX_ANSWER_BYTES = 512 * 1024 * 1024;

// Statuses whose answer never has a body.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Sends `init` to `url` through `agent` and reads the whole answer. `timeoutMs` (0: none) bounds the
 * whole exchange here too: a body that keeps trickling in never pauses long enough for the Agent's own
 * bounds, and must not be read on after the call has given up.
 */
export function dispatchFetch(
  agent: Dispatcher,
  url: string,
  init: RequestInit,
  timeoutMs = 0,
  maxBytes = MAX_ANSWER_BYTES,
): Promise<Response> {
  const target = new URL(url);
  const method = init.method ?? "GET";
  const headers = outgoingHeaders(init.headers);
  const body = plainBody(init.body as PlainBody, headers);
  // What fetch would add: any type accepted, and the compressions it can decode.
  headers.accept ??= "*/*";
  headers["accept-encoding"] ??= target.protocol === "https:" ? "br, gzip, deflate" : "gzip, deflate";
  const signal = init.signal ?? undefined;

  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let abort: ((reason?: unknown) => void) | undefined;
    let stopped: { reason: unknown } | undefined;
    // Before undici hands over its abort function (the request may still wait for a connection), the
    // reason is kept and given as soon as it does.
    const stop = (reason: unknown) => {
      stopped ??= { reason };
      abort?.(reason);
    };
    let status = 0;
    let statusText = "";
    let rawHeaders: (Chunk | string)[] = [];
    const chunks: Chunk[] = [];
    let received = 0;
    const onAbort = () => stop(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () => stop(new DOMException(`no complete answer within ${timeoutMs} ms`, "TimeoutError")),
            timeoutMs,
          )
        : undefined;
    const settled = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };

    agent.dispatch(
      {
        origin: target.origin,
        path: target.pathname + target.search,
        method,
        headers,
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      },
      {
        onConnect(abortRequest) {
          abort = abortRequest;
          if (stopped) abortRequest(stopped.reason);
        },
        onHeaders(code, raw, _resume, text) {
          status = code;
          statusText = text ?? "";
          rawHeaders = raw;
          return true;
        },
        onData(chunk) {
          received += chunk.length;
          if (received > maxBytes) {
            stop(tooLarge(maxBytes));
            return false;
          }
          chunks.push(chunk);
          return true;
        },
        onComplete() {
          settled();
          answer(url, method, status, statusText, rawHeaders, chunks, maxBytes).then(resolve, reject);
        },
        onError(error) {
          settled();
          // After the headers, the failure happened while the body was read (a reset, a pause too long).
          reject(status ? new AnswerReadError(error, status) : error);
        },
      },
    );
  });
}

/** Any HeadersInit as one record with lower-case names (what the engine hands over already is one). */
function outgoingHeaders(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init) return out;
  const entries =
    init instanceof Headers || Array.isArray(init) ? init : Object.entries(init as Record<string, string>);
  for (const [name, value] of entries as Iterable<[string, string]>) {
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? String(value) : `${out[key]}, ${value}`;
  }
  return out;
}

/** The body as undici sends it, with the content type fetch would give a text or form body. */
function plainBody(body: PlainBody, headers: Record<string, string>): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") {
    headers["content-type"] ??= "text/plain;charset=UTF-8";
    return body;
  }
  if (body instanceof URLSearchParams) {
    headers["content-type"] ??= "application/x-www-form-urlencoded;charset=UTF-8";
    return body.toString();
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

async function answer(
  url: string,
  method: string,
  status: number,
  statusText: string,
  rawHeaders: (Chunk | string)[],
  chunks: Chunk[],
  maxBytes: number,
): Promise<Response> {
  if (status < 200 || status > 599) {
    throw new TypeError(`the server answered with status ${status}, which HTTP does not define`);
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    headers.append(latin1(rawHeaders[i]!), latin1(rawHeaders[i + 1]!));
  }
  const empty = NULL_BODY.has(status) || method === "HEAD";
  let bytes = concat(chunks);
  const coding = headers.get("content-encoding");
  if (coding && !empty && bytes.length > 0) {
    try {
      bytes = await decode(bytes, coding, maxBytes);
    } catch (error) {
      throw new AnswerReadError(error, status);
    }
  }
  const response = new Response(empty ? null : (bytes as Uint8Array<ArrayBuffer>), {
    status,
    statusText,
    headers,
  });
  // fetch's answer knows its URL (errors name it, redacted); a built Response has none.
  Object.defineProperty(response, "url", { value: url });
  return response;
}

function latin1(value: Chunk | string): string {
  return typeof value === "string" ? value : value.toString("latin1");
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const CODINGS = new Set(["gzip", "x-gzip", "deflate", "br"]);

/**
 * Undoes the content codings, last applied first, as fetch does; a coding it does not know leaves the
 * body as it came (fetch does the same). Truncated gzip and deflate are accepted, as fetch accepts them.
 */
async function decode(bytes: Uint8Array, header: string, maxBytes: number): Promise<Uint8Array> {
  const codings = header
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)
    .reverse();
  if (codings.some((c) => !CODINGS.has(c))) return bytes;
  const zlib = await importNode("node:zlib");
  const bounded = { maxOutputLength: maxBytes };
  const lenient = {
    ...bounded,
    flush: zlib.constants.Z_SYNC_FLUSH,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  };
  type Inflate = (
    input: Uint8Array,
    options: object,
    done: (error: Error | null, out: Uint8Array) => void,
  ) => void;
  const run = (fn: Inflate, input: Uint8Array, options: object) =>
    new Promise<Uint8Array>((resolve, reject) =>
      fn(input, options, (error, out) =>
        error
          ? reject((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? tooLarge(maxBytes) : error)
          : resolve(out),
      ),
    );
  for (const coding of codings) {
    if (coding === "br") bytes = await run(zlib.brotliDecompress, bytes, bounded);
    else if (coding === "deflate") {
      // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the first byte tells.
      bytes = await run((bytes[0]! & 0x0f) === 0x08 ? zlib.inflate : zlib.inflateRaw, bytes, lenient);
    } else bytes = await run(zlib.gunzip, bytes, lenient);
  }
  return bytes;
}

function tooLarge(maxBytes: number): RangeError {
  return new RangeError(`the answer is larger than ${maxBytes} bytes, the most the SDK reads into memory`);
}
