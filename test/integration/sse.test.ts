// stream() against a real HTTP server sending Server-Sent Events with delays: order, abort, errors.
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthError,
  createThoughtSpotClient,
  RequestAbortedError,
  ThoughtSpotError,
} from "../../src/index.js";
import { type AgentStreamEvent, type SseEvent, stream } from "../../src/streaming/index.js";
import { json, startServer, type TestServer } from "../support/server.js";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const steps = [
  [{ type: "ack", node_id: "n1" }],
  [{ type: "conv_title", title: "Sales 2025 vs 2024", conv_id: "c1" }],
  [
    { type: "text-chunk", id: "t1", metadata: { format: "markdown", type: "thinking" }, content: "I need" },
    {
      type: "text-chunk",
      id: "t1",
      metadata: { format: "markdown", type: "thinking" },
      content: " to compare",
    },
  ],
  [{ type: "answer", id: "a1", title: "Compare sales", metadata: { sage_query: "[sales]" } }],
];

/** Writes each step as one SSE event, `delayMs` apart; records whether the client hung up early. */
async function sseServer(delayMs: number, events = steps) {
  const state = { closedEarly: false, sent: 0 };
  server = await startServer(async (_req, res: ServerResponse) => {
    res.on("close", () => {
      if (!res.writableFinished) state.closedEarly = true;
    });
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
    res.write(": stream start\n\n");
    for (const step of events) {
      if (state.closedEarly) return;
      // CRLF line endings and a split write, as proxies may deliver them.
      const text = `data: ${JSON.stringify(step)}\r\n\r\n`;
      res.write(text.slice(0, 7));
      await tick(delayMs / 2);
      res.write(text.slice(7));
      state.sent++;
      await tick(delayMs / 2);
    }
    res.end();
  });
  const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
  return { ts, state };
}

const input = { conversation_identifier: "conv-1", messages: ["Compare sales 2025 vs 2024"] };

describe("stream", () => {
  it("yields every object of every event, in order, with the right request", async () => {
    const { ts } = await sseServer(20);
    const seen: AgentStreamEvent[] = [];
    for await (const event of ts.stream("sendAgentConversationMessageStreaming", input)) seen.push(event);
    expect(seen).toEqual(steps.flat());
    const sent = server!.requests[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/api/rest/2.0/ai/agent/conversation/conv-1/send/stream");
    expect(sent.headers.accept).toBe("text/event-stream");
    expect(JSON.parse(sent.body.toString())).toEqual({ messages: input.messages });
  });

  it("hands out events as they arrive, not at the end", async () => {
    const { ts, state } = await sseServer(150);
    const iterator = ts.stream("sendAgentConversationMessageStreaming", input)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toEqual(steps[0]![0]);
    expect(state.sent).toBeLessThan(steps.length);
    await iterator.return?.();
  });

  it("gives the raw SSE events through .sse()", async () => {
    const { ts } = await sseServer(10);
    const raw: SseEvent[] = [];
    for await (const event of ts.stream("sendAgentMessageStreaming", input).sse()) raw.push(event);
    expect(raw.map((e) => JSON.parse(e.data))).toEqual(steps);
    expect(raw[0]).toEqual({ event: "message", data: JSON.stringify(steps[0]), id: "" });
    expect(server!.requests[0]!.url).toBe("/api/rest/2.0/ai/agent/converse/sse");
  });

  it("stops reading on abort and closes the connection", async () => {
    const { ts, state } = await sseServer(200);
    const controller = new AbortController();
    const seen: AgentStreamEvent[] = [];
    const read = async () => {
      for await (const event of ts.stream("sendAgentConversationMessageStreaming", input, {
        signal: controller.signal,
      })) {
        seen.push(event);
        if (seen.length === 2) controller.abort();
      }
    };
    await expect(read()).rejects.toBeInstanceOf(RequestAbortedError);
    expect(seen).toEqual([steps[0]![0], steps[1]![0]]);
    await tick(100);
    expect(state.closedEarly).toBe(true);
  });

  it("closes the connection when the consumer breaks out", async () => {
    const { ts, state } = await sseServer(200);
    for await (const event of ts.stream("sendAgentConversationMessageStreaming", input)) {
      expect(event.type).toBe("ack");
      break;
    }
    await tick(100);
    expect(state.closedEarly).toBe(true);
  });

  it("aborts while waiting for the next event", async () => {
    const { ts, state } = await sseServer(1000);
    const signal = AbortSignal.timeout(700);
    const started = Date.now();
    const seen: unknown[] = [];
    const read = async () => {
      for await (const event of ts.stream("sendAgentConversationMessageStreaming", input, { signal }))
        seen.push(event);
    };
    await expect(read()).rejects.toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(1300);
    expect(seen).toHaveLength(1);
    await tick(100);
    expect(state.closedEarly).toBe(true);
  });

  it("throws the typed error of a failed call, and on data that is not JSON", async () => {
    server = await startServer((req, res) => {
      if (req.url.includes("bad-json")) {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.end("data: [DONE]\n\n");
      } else json(res, 403, { error: { message: { code: 13001, debug: "No CAN_USE_SPOTTER privilege" } } });
    });
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const drain = async (conversation: string) => {
      for await (const _ of ts.stream("sendAgentConversationMessageStreaming", {
        ...input,
        conversation_identifier: conversation,
      })) {
        // reading only
      }
    };
    const denied = await drain("conv-1").catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthError);
    expect((denied as AuthError).details.message).toBe("No CAN_USE_SPOTTER privilege");
    await expect(drain("bad-json")).rejects.toThrow(ThoughtSpotError);
    await expect(drain("bad-json")).rejects.toThrow(/not JSON: \[DONE\]/);
  });

  it("refuses a second read and a non-streaming operation", async () => {
    const { ts } = await sseServer(0);
    const events = ts.stream("sendAgentConversationMessageStreaming", input);
    for await (const _ of events) {
      // drain
    }
    await expect(events[Symbol.asyncIterator]().next()).rejects.toThrow(/read once/);
    const js = stream as (...args: unknown[]) => unknown;
    expect(() => js(ts, "searchUsers", {})).toThrow(TypeError);
    // @ts-expect-error searchUsers is not a streaming operation
    expect(() => ts.stream("searchUsers", {})).toThrow(TypeError);
    expect(server!.requests).toHaveLength(1);
  });
});
