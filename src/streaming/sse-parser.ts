// A Server-Sent Events parser after the WHATWG "event stream interpretation" rules: lines end in
// CRLF, LF or CR; `data:` lines join with "\n"; `event:`, `id:` and `retry:` set fields; lines
// starting with ":" are comments; a blank line dispatches. Chunks may split anywhere, even inside
// a CRLF or a multi-byte character, so text is decoded and lines are cut across pushes.
// Each character is scanned once, and a line or an event over its cap is an UnexpectedResponseError:
// a server cannot make the parser rescan or hold unbounded text.

import { UnexpectedResponseError } from "../core/errors.js";

export interface SseEvent {
  /** The `event:` field, "message" when the server sent none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen in the stream so far (it carries over to later events, as in EventSource). */
  id: string;
  /** The last `retry:` value in ms, when the server sent one. */
  retry?: number;
}

/** The longest line the parser holds, in characters (8 Mi), unless the constructor says otherwise. */
export const MAX_SSE_LINE_LENGTH = 8 * 1024 * 1024;
/** The most data one event may carry, in characters (16 Mi), unless the constructor says otherwise. */
export const MAX_SSE_EVENT_LENGTH = 16 * 1024 * 1024;

export interface SseParserOptions {
  /** Longest line (a field, a comment) in characters. Default MAX_SSE_LINE_LENGTH. */
  maxLineLength?: number;
  /** Most data (its `data:` lines joined) one event may carry. Default MAX_SSE_EVENT_LENGTH. */
  maxEventLength?: number;
  /** The call the stream answers, for the error a line or event over its cap raises. */
  where?: { method: string; path: string; operationId?: string | undefined; status?: number | undefined };
}

export class SseParser {
  readonly #decoder = new TextDecoder("utf-8");
  /** Pieces of the line not yet ended: only new text is scanned, so a long line costs linear time. */
  #pending: string[] = [];
  #pendingLength = 0;
  #afterCr = false;
  #started = false;
  #data: string[] = [];
  #dataLength = 0;
  #event = "";
  #id = "";
  #retry: number | undefined;
  readonly #maxLine: number;
  readonly #maxEvent: number;
  readonly #where: SseParserOptions["where"];
  /** Comment lines seen (without the leading ":"), for callers that watch keep-alives. */
  comments = 0;

  constructor(options: SseParserOptions = {}) {
    this.#maxLine = limit(options.maxLineLength, MAX_SSE_LINE_LENGTH, "maxLineLength");
    this.#maxEvent = limit(options.maxEventLength, MAX_SSE_EVENT_LENGTH, "maxEventLength");
    this.#where = options.where;
  }

  /**
   * Feeds bytes (or already decoded text); returns the events completed by them. A line or an
   * event over its cap throws an UnexpectedResponseError (the stream cannot be read on).
   */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === "string" ? chunk : this.#decoder.decode(chunk, { stream: true });
    if (!this.#started && text) {
      this.#started = true;
      if (text.startsWith("\uFEFF")) text = text.slice(1);
    }
    // A CR ended the previous push: an LF starting this one belongs to it.
    if (this.#afterCr && text) {
      if (text.startsWith("\n")) text = text.slice(1);
      this.#afterCr = false;
    }

    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      let line = text.slice(start, i);
      if (this.#pending.length > 0) {
        this.#checkLine(this.#pendingLength + line.length);
        this.#pending.push(line);
        line = this.#pending.join("");
        this.#pending = [];
        this.#pendingLength = 0;
      } else this.#checkLine(line.length);
      if (c === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#afterCr = true;
        }
      }
      start = i + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    if (start < text.length) {
      const rest = text.slice(start);
      this.#checkLine(this.#pendingLength + rest.length);
      this.#pending.push(rest);
      this.#pendingLength += rest.length;
    }
    return events;
  }

  /**
   * The stream ended. An event without its closing blank line is dropped, as the spec says; the
   * returned list holds only what a last decoder flush completed.
   */
  end(): SseEvent[] {
    const tail = this.#decoder.decode();
    const events = tail ? this.push(tail) : [];
    this.#pending = [];
    this.#pendingLength = 0;
    this.#data = [];
    this.#dataLength = 0;
    this.#event = "";
    return events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === "") return this.#dispatch();
    if (line.startsWith(":")) {
      this.comments++;
      return undefined;
    }
    const colon = line.indexOf(":");
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (name) {
      case "data":
        // The joined data is every line plus one "\n" between each two.
        this.#dataLength += value.length + (this.#data.length > 0 ? 1 : 0);
        if (this.#dataLength > this.#maxEvent) {
          throw this.#tooLong(
            `an event with more than ${this.#maxEvent} characters of data`,
            "maxEventLength",
          );
        }
        this.#data.push(value);
        break;
      case "event":
        this.#event = value;
        break;
      case "id":
        if (!value.includes("\0")) this.#id = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
      // Unknown fields are ignored.
    }
    return undefined;
  }

  #checkLine(length: number): void {
    if (length > this.#maxLine) {
      throw this.#tooLong(`a line longer than ${this.#maxLine} characters`, "maxLineLength");
    }
  }

  #tooLong(what: string, option: string): UnexpectedResponseError {
    // Nothing of the text is quoted: it is the server's, and large.
    const where = this.#where;
    return new UnexpectedResponseError({
      message: `${where ? `${where.operationId ?? `${where.method} ${where.path}`}: ` : ""}the event stream sent ${what}, more than the SDK reads (${option})`,
      method: where?.method as string,
      path: where?.path as string,
      operationId: where?.operationId,
      status: (where?.status ?? 200) as number,
    });
  }

  #dispatch(): SseEvent | undefined {
    const data = this.#data;
    const event = this.#event;
    this.#data = [];
    this.#dataLength = 0;
    this.#event = "";
    if (data.length === 0) return undefined;
    return {
      event: event || "message",
      data: data.join("\n"),
      id: this.#id,
      ...(this.#retry !== undefined && { retry: this.#retry }),
    };
  }
}

/**
 * Events of a byte stream, in order. Stopping early (break, return) cancels the stream, and so
 * does a line or event over its cap (the error is thrown after the connection is closed).
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  options: SseParserOptions = {},
): AsyncGenerator<SseEvent> {
  const parser = new SseParser(options);
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        done = true;
        yield* parser.end();
        return;
      }
      yield* parser.push(chunk.value);
    }
  } finally {
    // Cancelling closes the connection: the server stops producing for a reader that left.
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`SseParser: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
