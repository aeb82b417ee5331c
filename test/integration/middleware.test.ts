// The client's middleware sees every request of every surface, once per attempt, with the operation
// behind it; it may change the request, answer without sending, or look at the response; it never sees
// the credentials, which are added after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createThoughtSpotClient,
  type Middleware,
  type MiddlewareContext,
  TSTypes,
} from "../../src/index.js";
import { json, startServer, type TestServer } from "../support/server.js";

const V2 = "/api/rest/2.0";
const V1 = "/callosum/v1/tspublic/v1";

let server: TestServer;
let failNext = 0;
beforeAll(async () => {
  server = await startServer((request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    if (failNext > 0 && path === `${V2}/users/search`) {
      failNext--;
      return json(response, 503, { error: { message: { debug: "busy" } } });
    }
    if (path === `${V2}/auth/token/full`)
      return json(response, 200, {
        token: "issued-token-123",
        expiration_time_in_millis: Date.now() + 3_600_000,
        creation_time_in_millis: Date.now(),
      });
    if (path === `${V2}/report/liveboard`) {
      response.writeHead(200, { "Content-Type": "application/pdf" });
      return response.end("%PDF-1.4 stub");
    }
    if (path.endsWith("/send/stream")) {
      response.writeHead(200, { "Content-Type": "text/event-stream" });
      return response.end('data: [{"type":"text","content":"hi"}]\n\n');
    }
    if (path === `${V1}/metadata/list`) return json(response, 200, { headers: [], isLastBatch: true });
    if (path === `${V1}/session/info`) return json(response, 200, { userName: "tsadmin" });
    return json(response, 200, []);
  });
});
afterAll(() => server?.close());

function recorder() {
  const seen: (MiddlewareContext & { authorization: string | null; url: string })[] = [];
  const middleware: Middleware = async (request, next, context) => {
    seen.push({ ...context, authorization: request.headers.get("authorization"), url: request.url });
    return next(request);
  };
  return { seen, middleware };
}

describe("middleware on every surface", () => {
  it("one middleware sees a call from each surface, with its operationId and API, never the token", async () => {
    const { seen, middleware } = recorder();
    const ts = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { username: "tsadmin", password: "s3cret-pass" },
      middleware: [middleware],
      maxRetries: 0,
    });
    await ts.v2.POST("/api/rest/2.0/users/search", { body: {} });
    await ts.v1.GET("/tspublic/v1/session/info");
    await ts.api.v2.searchUserGroups({});
    await ts.api.v1.sessionInfo();
    await ts.paginate("/api/rest/2.0/metadata/search", { body: {} }).toArray();
    await ts.paginateV1("metadataList", { type: "PINBOARD_ANSWER_BOOK" }).toArray();
    await ts.download("/api/rest/2.0/report/liveboard", {
      body: { metadata_identifier: "lb", file_format: "PDF" },
    });
    for await (const _ of ts.stream("sendAgentConversationMessageStreaming", {
      conversation_identifier: "c1",
      messages: ["hi"],
    }));
    await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    await ts.logout();

    const ids = seen.map((s) => `${s.api} ${s.operationId}`);
    expect(ids).toEqual([
      "v2 searchUsers",
      "v2 getFullAccessToken", // the login the first call needs, through the same pipeline
      "v1 sessionInfo",
      "v2 searchUserGroups",
      "v1 sessionInfo",
      "v2 searchMetadata",
      "v1 metadataList",
      "v2 exportLiveboardReport",
      "v2 sendAgentConversationMessageStreaming",
      "v2 searchMetadata",
      "v2 revokeToken",
    ]);
    expect(seen.every((s) => s.attempt === 1)).toBe(true);
    // Credentials are added after the middleware, revokeToken's bearer (the token it ends) included.
    expect(seen.filter((s) => s.authorization !== null).map((s) => s.operationId)).toEqual([]);
    expect(
      server.requests
        .slice(-seen.length)
        .every((r) => r.headers.authorization !== undefined || r.url.endsWith("/auth/token/full")),
    ).toBe(true);
  });

  it("ts.use adds middleware later; it runs once per attempt inside the retry loop", async () => {
    const { seen, middleware } = recorder();
    const ts = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "static-token-1" },
      maxRetries: 2,
    });
    ts.use(middleware);
    failNext = 2;
    const started = Date.now();
    await ts.api.v2.searchUsers({});
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(seen.map((s) => [s.operationId, s.attempt])).toEqual([
      ["searchUsers", 1],
      ["searchUsers", 2],
      ["searchUsers", 3],
    ]);
  });

  it("may change the request, answer without sending, and see the response", async () => {
    const statuses: number[] = [];
    const addHeader: Middleware = async (request, next) => {
      const headers = new Headers(request.headers);
      headers.set("X-Trace", "trace-42");
      const response = await next(new Request(request, { headers }));
      statuses.push(response.status);
      return response;
    };
    const cached: Middleware = async (request, next, context) =>
      context.operationId === "searchOrgs" ? Response.json([{ id: 7, name: "from cache" }]) : next(request);
    const ts = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "static-token-1" },
      middleware: [addHeader, cached],
    });

    const before = server.requests.length;
    expect(await ts.api.v2.searchOrgs({})).toEqual([{ id: 7, name: "from cache" }]);
    expect(server.requests.length).toBe(before);
    await ts.api.v2.searchRoles({});
    const sent = server.requests.at(-1)!;
    expect(sent.headers["x-trace"]).toBe("trace-42");
    expect(sent.headers.authorization).toBe("Bearer static-token-1");
    expect(statuses).toEqual([200, 200]);
  });

  it("a middleware that sends the request elsewhere does not take the credentials along", async () => {
    const other = await startServer((_, response) => json(response, 200, []));
    try {
      const redirect: Middleware = (request, next) =>
        next(new Request(other.url + new URL(request.url).pathname, request));
      const ts = createThoughtSpotClient({
        serverUrl: server.url,
        auth: { token: "static-token-1" },
        middleware: [redirect],
      });
      await ts.api.v2.searchRoles({});
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]!.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it("logout's revoke call: its bearer is added after middleware, and never sent to another origin", async () => {
    const other = await startServer((_, response) => json(response, 204, {}));
    try {
      const { seen, middleware } = recorder();
      const elsewhere: Middleware = (request, next, context) =>
        context.operationId === "revokeToken"
          ? next(new Request(other.url + new URL(request.url).pathname, request))
          : next(request);
      const ts = createThoughtSpotClient({
        serverUrl: server.url,
        auth: { username: "tsadmin", password: "s3cret-pass" },
        middleware: [middleware, elsewhere],
        maxRetries: 0,
      });
      await ts.login();
      await ts.logout();
      expect(seen.map((s) => [s.operationId, s.authorization])).toEqual([
        ["getFullAccessToken", null],
        ["revokeToken", null],
      ]);
      // The re-routed revoke reached the other server without the token, as bearer or in its body.
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]!.headers.authorization).toBeUndefined();
      expect(other.requests[0]!.body.toString()).not.toContain("issued-token-123");
    } finally {
      await other.close();
    }
  });

  it("openapi-fetch's own middleware (ts.v2.use) still runs for raw calls, and only for them", async () => {
    const seenRaw: string[] = [];
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "static-token-1" } });
    ts.v2.use({ onRequest: ({ schemaPath }) => void seenRaw.push(schemaPath) });
    await ts.v2.POST("/api/rest/2.0/users/search", { body: {} });
    await ts.api.v2.searchUsers({});
    expect(seenRaw).toEqual(["/api/rest/2.0/users/search"]);
  });

  it("ts.v2.use and eject apply whether the raw call path has loaded or not", async () => {
    const seen: string[] = [];
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "static-token-1" } });
    const early = { onRequest: () => void seen.push("early") };
    const late = { onRequest: () => void seen.push("late") };
    ts.v2.use(early);
    // Two first calls at once, and middleware added while their code loads: both calls see both.
    const search = () => ts.v2.POST("/api/rest/2.0/users/search", { body: {} });
    const first = Promise.all([search(), search()]);
    ts.v2.use(late);
    await first;
    expect(seen.sort()).toEqual(["early", "early", "late", "late"]);
    seen.length = 0;
    ts.v2.eject(early);
    await search();
    expect(seen).toEqual(["late"]);
  });

  it("refuses middleware that is not a function", () => {
    expect(() =>
      createThoughtSpotClient({ serverUrl: server.url, middleware: [{} as unknown as Middleware] }),
    ).toThrow(TypeError);
  });
});
