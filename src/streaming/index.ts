// Server-Sent Events: the parser, and ts.stream for the Spotter streaming operations.
export { readSse, type SseEvent, SseParser } from "./sse-parser.js";
export {
  type AgentStream,
  type AgentStreamEvent,
  type AgentStreamEventType,
  type StreamingOperationId,
  type StreamMethod,
  type StreamOptions,
  stream,
} from "./stream.js";
