// The SSE parser: the WHATWG field rules, and the same events whatever the chunk boundaries.
import { describe, expect, it } from "vitest";
import { ThoughtSpotError, UnexpectedResponseError } from "../../src/core/errors.js";
import { readSse, type SseEvent, SseParser } from "../../src/streaming/index.js";
import { MAX_SSE_EVENT_LENGTH, MAX_SSE_LINE_LENGTH } from "../../src/streaming/sse-parser.js";

const encoder = new TextEncoder();

function parseChunks(chunks: Uint8Array[]): SseEvent[] {
  const parser = new SseParser();
  return [...chunks.flatMap((c) => parser.push(c)), ...parser.end()];
}

// Every line ending (LF, CRLF, CR), a comment, multi-line data, event/id/retry, an empty data line,
// a field without a colon, and multi-byte characters (2-byte é, 4-byte emoji) to split mid-character.
const sample =
  "\uFEFF: keep-alive\n" +
  'data: [{"type":"ack","node_id":"n1"}]\n\n' +
  "event: update\r\nid: 7\r\ndata: line one\r\ndata:line two é\r\n\r\n" +
  "retry: 1500\rdata: 😀 smile\r\r" +
  "data\ndata:\n\n" +
  "id\nevent: ignored-no-data\n\n" +
  'data: {"type":"text-chunk","content":"Hello"}\n\n' +
  "data: unfinished";

const expected: SseEvent[] = [
  { event: "message", data: '[{"type":"ack","node_id":"n1"}]', id: "" },
  { event: "update", data: "line one\nline two é", id: "7" },
  { event: "message", data: "😀 smile", id: "7", retry: 1500 },
  { event: "message", data: "\n", id: "7", retry: 1500 },
  { event: "message", data: '{"type":"text-chunk","content":"Hello"}', id: "", retry: 1500 },
];

describe("SseParser", () => {
  const bytes = encoder.encode(sample);

  it("parses the sample in one chunk", () => {
    expect(parseChunks([bytes])).toEqual(expected);
  });

  // Every pair of split points of the sample: tens of thousands of parses, CPU-bound (a loaded machine
  // needs more than the default 5 s).
  it("gives the same events for every split into two and three chunks", { timeout: 60_000 }, () => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(parseChunks([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(expected);
      for (let j = i; j <= bytes.length; j += 1) {
        const events = parseChunks([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]);
        if (JSON.stringify(events) !== JSON.stringify(expected)) {
          throw new Error(`split at ${i}/${j}: ${JSON.stringify(events)}`);
        }
      }
    }
  });

  it("gives the same events byte by byte, and as text split at every character", () => {
    expect(parseChunks([...bytes].map((b) => Uint8Array.of(b)))).toEqual(expected);
    const parser = new SseParser();
    const events = [...[...sample].flatMap((c) => parser.push(c)), ...parser.end()];
    expect(events).toEqual(expected);
  });

  it("counts comments and drops an event without its closing blank line", () => {
    const parser = new SseParser();
    expect(parser.push(": one\n:two\n\ndata: x")).toEqual([]);
    expect(parser.end()).toEqual([]);
    expect(parser.comments).toBe(2);
  });

  it("keeps a CR at a chunk end from splitting the next LF into an empty line", () => {
    const parser = new SseParser();
    expect(parser.push("data: a\r")).toEqual([]);
    expect(parser.push("\n")).toEqual([]);
    expect(parser.push("")).toEqual([]);
    // The CR ends the blank line at once; the LF after it must not count as another line.
    expect(parser.push("\r")).toEqual([{ event: "message", data: "a", id: "" }]);
    expect(parser.push("\ndata: b\n\n")).toEqual([{ event: "message", data: "b", id: "" }]);
  });

  it("ignores an id holding NUL and a retry that is not a number", () => {
    const parser = new SseParser();
    expect(parser.push("id: 1\n\nid: a\0b\nretry: 1s\ndata: x\n\n")).toEqual([
      { event: "message", data: "x", id: "1" },
    ]);
  });
});

describe("readSse", () => {
  it("reads a byte stream and cancels it when the reader stops early", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode("data: 1\n\ndata: 2\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: string[] = [];
    for await (const event of readSse(body)) {
      seen.push(event.data);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(["1", "2", "1"]);
    expect(cancelled).toBe(true);
  });
});

describe("budgets", () => {
  it("reads a long line sent in small chunks in linear time (each character scanned once)", () => {
    // 4 Mi characters in 1 KiB chunks: rescanning the held text on every push (the old parser) does
    // about 8 billion character reads here; scanning once does 4 million.
    const parser = new SseParser();
    const piece = "x".repeat(1024);
    const started = performance.now();
    expect(parser.push("data: ")).toEqual([]);
    for (let i = 0; i < 4096; i++) expect(parser.push(piece)).toEqual([]);
    const [event] = parser.push("\n\n");
    expect(event?.data.length).toBe(4096 * 1024);
    // A guard against a hang only; the cost is asserted by the count above, not by time.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("has documented default caps: a line of 8 Mi and an event of 16 Mi characters", () => {
    expect(MAX_SSE_LINE_LENGTH).toBe(8 * 1024 * 1024);
    expect(MAX_SSE_EVENT_LENGTH).toBe(16 * 1024 * 1024);
  });

  it("refuses a line over the cap with an UnexpectedResponseError, whether it ends or not", () => {
    const parser = new SseParser({ maxLineLength: 100 });
    parser.push("data: ");
    parser.push("y".repeat(90));
    let error: unknown;
    try {
      parser.push("y".repeat(10));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect((error as Error).message).toContain("a line longer than 100 characters");
    expect((error as Error).message).toContain("maxLineLength");
    // The server's text is never quoted.
    expect((error as Error).message).not.toContain("yyyy");
    // A line of exactly the cap, ended in one push, is fine; one more character is not.
    expect(new SseParser({ maxLineLength: 7 }).push("data: a\n\n")).toEqual([
      { event: "message", data: "a", id: "" },
    ]);
    expect(() => new SseParser({ maxLineLength: 7 }).push("data: ab\n\n")).toThrow(UnexpectedResponseError);
    // A comment counts as a line too.
    expect(() => new SseParser({ maxLineLength: 7 }).push(`:${"k".repeat(20)}`)).toThrow(/line longer/);
  });

  it("refuses an event whose data lines add up past the cap", () => {
    const parser = new SseParser({ maxEventLength: 10 });
    // 4 + 1 + 4 = 9 characters joined: fine.
    expect(parser.push("data: abcd\ndata: efgh\n\n")).toEqual([
      { event: "message", data: "abcd\nefgh", id: "" },
    ]);
    // The count starts again with each event; 5 + 1 + 5 = 11 is over.
    expect(() => parser.push("data: abcde\ndata: fghij\n")).toThrow(/more than 10 characters of data/);
  });

  it("names the call in the error when given, and rejects nonsense caps with a TypeError", () => {
    const parser = new SseParser({
      maxLineLength: 5,
      where: { method: "POST", path: "/api/rest/2.0/ai/x", operationId: "sendAgentMessageStreaming" },
    });
    let error: UnexpectedResponseError | undefined;
    try {
      parser.push("data: 123456\n");
    } catch (e) {
      error = e as UnexpectedResponseError;
    }
    expect(error?.operationId).toBe("sendAgentMessageStreaming");
    expect(error?.status).toBe(200);
    expect(error?.message).toMatch(/^sendAgentMessageStreaming: the event stream sent a line longer than 5/);
    expect(() => new SseParser({ maxLineLength: 0 })).toThrow(TypeError);
    expect(() => new SseParser({ maxEventLength: Number.NaN })).toThrow(TypeError);
  });

  it("readSse cancels the stream when a line is over the cap", async () => {
    let cancelled = false;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        // An endless line: without a cap the reader would hold it all.
        controller.enqueue(encoder.encode("z".repeat(1000)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const reading = (async () => {
      for await (const _ of readSse(body, { maxLineLength: 50_000 })) {
        /* no event ever completes */
      }
    })();
    await expect(reading).rejects.toBeInstanceOf(UnexpectedResponseError);
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(60);
  });
});
