// Retry rules from facts (issue 20 item 7): whether an operation may be re-sent comes from the generated
// table, corrected by openapi/overlays/retry/ where an operationId reads like a read but changes state;
// and a Retry-After that is not positive falls back to the normal back-off. Servers on 127.0.0.1.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { v2Operations } from "../../generated/v2-operations.js";
import { retryAfterMs } from "../../src/core/retry.js";
import { createThoughtSpotClient, NetworkError } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { json, startServer, type TestServer } from "../support/server.js";

const overlay = JSON.parse(
  readFileSync(new URL("../../openapi/overlays/retry/v2.json", import.meta.url), "utf8"),
) as {
  entries: { operationId: string; why: string; idempotent: boolean }[];
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("operations that change state are never re-sent after a connection failure", () => {
  it("the table carries every overlay entry, each with a reason", () => {
    expect(overlay.entries.length).toBeGreaterThan(0);
    for (const entry of overlay.entries) {
      const row = v2Operations[entry.operationId as keyof typeof v2Operations] as { idempotent?: boolean };
      expect(row, entry.operationId).toBeDefined();
      expect(row.idempotent === true, entry.operationId).toBe(entry.idempotent);
      expect(entry.why.length).toBeGreaterThan(30);
    }
  });

  it("getCustomAccessToken with persist_option and validateCommunicationChannel: one send after a reset", async () => {
    // Every request is cut off before any answer: each one the server sees is one send.
    server = await startServer((_req, res) => {
      res.socket?.destroy();
    });
    const ts = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "tok-1234567890" },
      maxRetries: 3,
    });
    const custom = await caught(
      ts.api.v2.getCustomAccessToken({
        username: "analyst",
        secret_key: "sk-1234567890",
        persist_option: "APPEND",
        variable_values: [{ name: "region", values: ["EU"] }],
      } as never),
    );
    expect(custom).toBeInstanceOf(NetworkError);
    const channel = await caught(
      ts.api.v2.validateCommunicationChannel({
        channel_type: "WEBHOOK",
        channel_identifier: "hook",
        event_type: "LIVEBOARD_SCHEDULE",
      } as never),
    );
    expect(channel).toBeInstanceOf(NetworkError);
    // Raw calls read the same table.
    const raw = await caught(
      ts.v2.POST("/api/rest/2.0/system/communication-channels/validate", {
        body: {
          channel_type: "WEBHOOK",
          channel_identifier: "hook2",
          event_type: "LIVEBOARD_SCHEDULE",
        } as never,
      }),
    );
    expect(raw).toBeInstanceOf(NetworkError);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/rest/2.0/auth/token/custom",
      "/api/rest/2.0/system/communication-channels/validate",
      "/api/rest/2.0/system/communication-channels/validate",
    ]);
  });

  it("a read is still re-sent after a reset", async () => {
    let first = true;
    server = await startServer((_req, res) => {
      if (first) {
        first = false;
        return res.socket?.destroy();
      }
      json(res, 200, []);
    });
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "tok-1234567890" } });
    await expect(ts.api.v2.searchUsers()).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });
});

describe("Retry-After that is not positive", () => {
  it.each(["-5", "0", "-0.5", "Thu, 01 Jan 1970 00:00:00 GMT"])("%s → the normal back-off", (value) => {
    expect(retryAfterMs(value)).toBeUndefined();
  });

  it("positive values still count", () => {
    expect(retryAfterMs("2")).toBe(2_000);
    expect(retryAfterMs("1.5")).toBe(1_500);
    expect(retryAfterMs(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThan(25_000);
  });

  it("on the wire: a 429 with Retry-After: -5 waits the back-off (0.375 s or more), never zero", async () => {
    server = await startServer((_req, res) => {
      if (server!.requests.length === 1) return json(res, 429, {}, { "Retry-After": "-5" });
      json(res, 200, []);
    });
    const ts = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "tok-1234567890" },
      maxRetries: 1,
    });
    const started = performance.now();
    await expect(ts.api.v2.searchUsers()).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(370);
  });
});
