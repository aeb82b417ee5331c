// Failures against a real HTTP server on 127.0.0.1: typed errors, readable messages, no secrets.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthError,
  BadRequestError,
  createThoughtSpotClient,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ThoughtSpotError,
} from "../../src/index.js";
import { json, startServer, type TestServer } from "../support/server.js";

const TOKEN = "eyJhbGciOi.secret-token-value.sig";
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path.endsWith("/users/search")) {
      return json(res, 401, {
        error: {
          message: {
            code: 10002,
            incident_id_guid: "inc-1",
            trace_id_guid: "trace-9",
            debug: `Token ${TOKEN} is expired`,
          },
        },
      });
    }
    if (path.endsWith("/groups/search")) {
      res.writeHead(502, { "Content-Type": "text/html" });
      return res.end(
        `<html><head><style>body{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>`,
      );
    }
    if (path.endsWith("/orgs/search"))
      return json(res, 429, { error: { message: "slow down" } }, { "Retry-After": "120" });
    if (path.endsWith("/tags/search"))
      return json(res, 404, { error: { message: { debug: "no such tag" } } }, { "X-Request-Id": "req-42" });
    if (path.endsWith("/roles/search"))
      return json(res, 400, { error: { message: { code: 10001, debug: "bad role" } } });
    if (path.endsWith("/system")) {
      res.writeHead(200, { "Content-Type": "application/json" });
      return res.end("{not json");
    }
    return json(res, 500, { error: { message: { debug: "boom" } } });
  });
});
afterAll(() => server.close());

const client = () =>
  createThoughtSpotClient({ serverUrl: server.url, auth: { token: TOKEN }, maxRetries: 0 });

async function failure(promise: Promise<unknown>): Promise<ThoughtSpotError> {
  try {
    await promise;
  } catch (error) {
    return error as ThoughtSpotError;
  }
  throw new Error("expected the call to fail");
}

function expectNoSecret(error: ThoughtSpotError) {
  for (const text of [
    error.message,
    error.stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    String(error),
  ]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("secret-token-value");
  }
}

describe("typed errors", () => {
  it("401 → AuthError with ThoughtSpot's message, code and request id, token redacted", async () => {
    const error = await failure(client().api.v2.searchUsers());
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(error.status).toBe(401);
    expect(error.method).toBe("POST");
    expect(error.path).toBe("/api/rest/2.0/users/search");
    expect(error.operationId).toBe("searchUsers");
    expect(error.details.code).toBe(10002);
    expect(error.requestId).toBe("inc-1"); // the incident id is what ThoughtSpot support asks for
    expect(error.message).toMatch(
      /^searchUsers \(POST \/api\/rest\/2.0\/users\/search\) failed with 401 Unauthorized: Token \[REDACTED\] is expired \(code 10002\)$/,
    );
    expect(error.response?.status).toBe(401);
    expectNoSecret(error);
  });

  it("an HTML error page → ServerError with status and a short text excerpt", async () => {
    const error = await failure(client().api.v2.searchUserGroups());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.body).toBe("502 Bad Gateway nginx");
    expect(error.message).toContain("failed with 502 Bad Gateway: 502 Bad Gateway nginx");
  });

  it("429 → RateLimitError with retryAfterMs", async () => {
    const error = (await failure(client().api.v2.searchOrgs())) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it("404 → NotFoundError with the X-Request-Id header", async () => {
    const error = await failure(client().api.v2.searchTags());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe("req-42");
    expect(error.details.message).toBe("no such tag");
  });

  it("other 4xx → BadRequestError", async () => {
    const error = await failure(client().api.v2.searchRoles());
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.details).toEqual({ code: 10001, debug: "bad role", message: "bad role" });
  });

  it("a 200 whose body is not JSON → ThoughtSpotError, not a bare SyntaxError", async () => {
    const error = await failure(client().api.v2.getSystemInformation());
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("network failure → NetworkError with the URL and the cause", async () => {
    const closed = await startServer(() => {});
    const url = closed.url;
    await closed.close();
    const ts = createThoughtSpotClient({ serverUrl: url, auth: { token: TOKEN }, maxRetries: 0 });
    const error = await failure(ts.api.v2.searchUsers());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.status).toBeUndefined();
    expect(error.message).toContain(`${url}/api/rest/2.0/users/search`);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.cause).toBeDefined();
    expectNoSecret(error);
  });
});
