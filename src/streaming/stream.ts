// ts.stream(operation, input, options): a Spotter streaming answer as it arrives. ThoughtSpot sends
// one SSE event per step, whose data is a JSON array of event objects (`data: [{"type": ...}, ...]`);
// iterating yields those objects one by one, in order.
import type { V2Streaming, V2StreamingOperations } from "../../generated/v2-api.js";
import { v2Operations } from "../../generated/v2-operations.js";
import type { Call } from "../core/call.js";
import { RequestAbortedError, UnexpectedResponseError } from "../core/errors.js";
import { readSse, type SseEvent } from "./sse-parser.js";

/** Operations whose row has `streaming: true` (they answer text/event-stream). */
export type StreamingOperationId = V2Streaming;

/** Event types ThoughtSpot documents; others may appear and are passed on as they are. */
export type AgentStreamEventType =
  | "ack"
  | "conv_title"
  | "notification"
  | "text-chunk"
  | "text"
  | "answer"
  | "error";

/**
 * One object from an event's data array. Documented fields by type: ack {node_id}; conv_title
 * {title, conv_id}; notification {group_id, metadata, code}; text-chunk and text {id, group_id,
 * metadata: {format, type}, content}; answer {id, group_id, metadata: {sage_query, session_id,
 * title}, title}; error. An `error` object is yielded like any other: the HTTP call succeeded.
 */
export interface AgentStreamEvent {
  type: AgentStreamEventType | (string & {});
  [field: string]: unknown;
}

export interface StreamOptions {
  /** Aborting stops the request or the reading, and closes the connection. */
  signal?: AbortSignal;
}

/** Iterate once: each iteration would send the message again. */
export interface AgentStream extends AsyncIterable<AgentStreamEvent> {
  /** The raw SSE events instead of the parsed objects (instead of, not as well as, iterating). */
  sse(): AsyncIterable<SseEvent>;
}

/** The operations whose row says `streaming` (they answer text/event-stream). */
const STREAMING: ReadonlySet<string> = new Set(
  Object.entries(v2Operations as Record<string, { streaming?: true }>)
    .filter(([, row]) => row.streaming)
    .map(([id]) => id),
);

/** stream as a client method (ts.stream). */
export type StreamMethod = <K extends StreamingOperationId>(
  operation: K,
  input: V2StreamingOperations[K]["input"],
  options?: StreamOptions,
) => AgentStream;

export function stream<K extends StreamingOperationId>(
  call: Call,
  operation: K,
  input: V2StreamingOperations[K]["input"],
  options: StreamOptions = {},
): AgentStream {
  if (!STREAMING.has(operation)) {
    throw new TypeError(
      `stream: ${String(operation)} is not a streaming operation (one of: ${[...STREAMING].join(", ")})`,
    );
  }
  const { signal } = options;
  const row = v2Operations[operation];
  const where = { method: row.method, path: row.path, operationId: operation };
  let used = false;

  const aborted = (cause: unknown) =>
    new RequestAbortedError({ ...where, message: `${operation} was aborted by the caller`, cause });

  async function* events(): AsyncGenerator<SseEvent> {
    if (used)
      throw new TypeError(
        `stream: ${operation} can be read once (reading again would send the message again)`,
      );
    used = true;
    // The engine turns an abort, a timeout or a reset while the body streams into typed errors; the
    // check per event stops a consumer that aborts while events are already buffered.
    if (signal?.aborted) throw aborted(signal.reason);
    // The row says streaming, so invoke hands back the body unread.
    const answer: unknown = await call.v2(operation as StreamingOperationId, input as never, {
      ...(signal && { signal }),
    });
    const body = answer as ReadableStream<Uint8Array> | undefined;
    if (!body) return;
    for await (const event of readSse(body, { where })) {
      if (signal?.aborted) throw aborted(signal.reason);
      yield event;
    }
  }

  async function* objects(): AsyncGenerator<AgentStreamEvent> {
    for await (const event of events()) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.data);
      } catch (cause) {
        // Quoted only whole (a cut-off excerpt could hold part of a secret that no mask then finds);
        // the data is also the error's body. The boundary scrubs both.
        const data = event.data.length <= 120 ? `: ${event.data}` : ` (${event.data.length} characters)`;
        throw new UnexpectedResponseError({
          ...where,
          status: 200,
          message: `${operation} sent an event whose data is not JSON${data}`,
          body: event.data,
          cause,
        });
      }
      // ThoughtSpot sends arrays; a lone object is taken as an array of one.
      for (const item of Array.isArray(parsed) ? parsed : [parsed]) yield item as AgentStreamEvent;
    }
  }

  return {
    [Symbol.asyncIterator]: () => objects(),
    sse: () => ({ [Symbol.asyncIterator]: () => events() }),
  };
}
