// The SSE parser: the WHATWG field rules, and the same events whatever the chunk boundaries.
import { describe, expect, it } from "vitest";
import { readSse, type SseEvent, SseParser } from "../../src/streaming/index.js";

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

  it("gives the same events for every split into two and three chunks", () => {
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
