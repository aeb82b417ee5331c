// A Server-Sent Events parser after the WHATWG "event stream interpretation" rules: lines end in
// CRLF, LF or CR; `data:` lines join with "\n"; `event:`, `id:` and `retry:` set fields; lines
// starting with ":" are comments; a blank line dispatches. Chunks may split anywhere, even inside
// a CRLF or a multi-byte character, so text is decoded and lines are cut across pushes.

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

export class SseParser {
  readonly #decoder = new TextDecoder("utf-8");
  #buffer = "";
  #afterCr = false;
  #started = false;
  #data: string[] = [];
  #event = "";
  #id = "";
  #retry: number | undefined;
  /** Comment lines seen (without the leading ":"), for callers that watch keep-alives. */
  comments = 0;

  /** Feeds bytes (or already decoded text); returns the events completed by them. */
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
    this.#buffer += text;

    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.#buffer.slice(start, i);
      if (c === 13) {
        if (i + 1 < this.#buffer.length) {
          if (this.#buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#afterCr = true;
        }
      }
      start = i + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  /**
   * The stream ended. An event without its closing blank line is dropped, as the spec says; the
   * returned list holds only what a last decoder flush completed.
   */
  end(): SseEvent[] {
    const tail = this.#decoder.decode();
    const events = tail ? this.push(tail) : [];
    this.#buffer = "";
    this.#data = [];
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

  #dispatch(): SseEvent | undefined {
    const data = this.#data;
    const event = this.#event;
    this.#data = [];
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

/** Events of a byte stream, in order. Stopping early (break, return) cancels the stream. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
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
