// A broken, slow or hostile ThoughtSpot (or something in front of it), played by servers on 127.0.0.1:
// the client must not be turned against its user — no credentials or bodies re-sent elsewhere by a
// redirect, no escape from a path template, no secret in any error, no hang, no endless walk.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AuthError,
  BadRequestError,
  createThoughtSpotClient,
  NetworkError,
  PaginationError,
  RedirectError,
  RequestTimeoutError,
  ThoughtSpotError,
  UnexpectedResponseError,
} from "../../src/index.js";
import { json, type ReceivedRequest, serversPerTest } from "../support/server.js";

const V2 = "/api/rest/2.0";
const V1 = "/callosum/v1/tspublic/v1";
const serve = serversPerTest();
const pathOf = (request: ReceivedRequest) => new URL(request.url, "http://x").pathname;
const token = (res: Parameters<typeof json>[0]) =>
  json(res, 200, {
    token: "issued-token-abcdef",
    creation_time_in_millis: Date.now(),
    expiration_time_in_millis: Date.now() + 3_600_000,
  });

/** Every way an error can be shown: message, JSON, inspect output and the cause chain. */
function shown(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    parts.push(String((current as Error).message), inspect(current, { depth: 6 }));
    if (current instanceof ThoughtSpotError) parts.push(JSON.stringify(current.toJSON()));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("redirects are never followed", () => {
  it("a Location whose path echoes the token does not bring it into the error", async () => {
    const secret = "t0ken-in-location-0123456789";
    const cluster = await serve((_, res) => {
      res.writeHead(302, { Location: `/sso/${secret}/login` });
      res.end();
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: secret }, maxRetries: 0 });
    const error = (await caught(ts.api.v2.searchUsers({}))) as RedirectError;
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toMatch(/\/sso\/.+\/login$/);
    expect(shown(error)).not.toContain(secret);
  });

  it.each([
    ["password", { username: "tsadmin", password: "pa55-word!" }],
    ["trusted authentication", { username: "tsadmin", secretKey: "secret-key-123" }],
  ])("a 307 on the %s login does not re-post the credentials to another origin", async (_, auth) => {
    const elsewhere = await serve((_, res) => token(res));
    const cluster = await serve((_, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}${V2}/auth/token/full?ticket=abc123` });
      res.end();
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth, maxRetries: 0 });
    const error = await caught(ts.api.v2.searchUsers({}));
    expect(error).toBeInstanceOf(RedirectError);
    expect(elsewhere.requests).toHaveLength(0);
    const redirect = error as RedirectError;
    expect(redirect.status).toBe(307);
    expect(redirect.location).toBe(`${elsewhere.url}${V2}/auth/token/full`);
    expect(redirect.message).toContain(`${elsewhere.url}${V2}/auth/token/full`);
    expect(redirect.message).not.toContain("ticket");
    expect(redirect.message).toMatch(/SSO login page|proxy|serverUrl/);
  });

  it("a write redirected to another origin is an error, not a success, and is not re-sent", async () => {
    const elsewhere = await serve((_, res) => json(res, 200, { id: "u-1" }));
    const cluster = await serve((_, res) => {
      res.writeHead(308, { Location: `${elsewhere.url}${V2}/users/create` });
      res.end();
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(
      ts.api.v2.createUser({ name: "jane", display_name: "Jane", email: "j@x.io", password: "n3w-pass" }),
    );
    expect(error).toBeInstanceOf(RedirectError);
    expect(elsewhere.requests).toHaveLength(0);
    expect(cluster.requests).toHaveLength(1);
  });

  it("raw calls and same-origin redirects are not followed either", async () => {
    const cluster = await serve((request, res) => {
      if (pathOf(request) === `${V2}/users/search`) {
        res.writeHead(302, { Location: "/login?next=%2F" });
        return res.end();
      }
      return json(res, 200, []);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    await expect(ts.v2.POST("/api/rest/2.0/users/search", { body: {} })).rejects.toBeInstanceOf(
      RedirectError,
    );
    expect(cluster.requests.map(pathOf)).toEqual([`${V2}/users/search`]);
  });

  it("the cookie jar does not follow a redirect on the session login", async () => {
    const elsewhere = await serve((_, res) => json(res, 200, {}));
    const cluster = await serve((_, res) => {
      res.writeHead(302, {
        Location: `${elsewhere.url}/sso/login`,
        "Set-Cookie": "JSESSIONID=jar-cookie-1; Path=/",
      });
      res.end();
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", password: "pa55-word!", session: true },
    });
    await expect(ts.login()).rejects.toBeInstanceOf(RedirectError);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("a Secure session cookie is never sent over plain http", async () => {
    const cluster = await serve((request, res) => {
      if (pathOf(request) === `${V2}/auth/session/login`) {
        res.writeHead(204, { "Set-Cookie": "JSESSIONID=secure-only-cookie; Path=/; Secure; HttpOnly" });
        return res.end();
      }
      return json(res, 200, []);
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", password: "pa55-word!", session: true },
    });
    await ts.api.v2.searchUsers({});
    const search = cluster.requests.find((r) => pathOf(r) === `${V2}/users/search`)!;
    expect(search.headers.cookie ?? "").not.toContain("secure-only-cookie");
  });
});

describe("path parameters stay in their template", () => {
  it.each([
    [".", /would leave its place/],
    ["..", /would leave its place/],
    ["", /is empty/],
    ["   ", /is blank/],
  ])("%j is a TypeError before any request", async (value, why) => {
    const cluster = await serve((_, res) => json(res, 200, {}));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(ts.api.v2.deleteVariable({ identifier: value }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as Error).message)).toMatch(/deleteVariable: path parameter "identifier"/);
    expect(String((error as Error).message)).toMatch(why);
    await expect(ts.api.v2.updateUser({ user_identifier: value })).rejects.toThrow(
      /updateUser: path parameter "user_identifier"/,
    );
    await expect(
      ts.v2.POST("/api/rest/2.0/users/{user_identifier}/update", {
        params: { path: { user_identifier: value } },
        body: {},
      }),
    ).rejects.toThrow(TypeError);
    expect(cluster.requests).toHaveLength(0);
  });

  it.each([
    [{}],
    [["a", "b"]],
    [null],
    [Number.NaN],
  ])("%j is a TypeError before any request", async (value) => {
    const cluster = await serve((_, res) => json(res, 200, {}));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    await expect(ts.api.v2.deleteVariable({ identifier: value as never })).rejects.toThrow(TypeError);
    expect(cluster.requests).toHaveLength(0);
  });

  it("separators and line breaks are encoded within the one segment", async () => {
    const cluster = await serve((_, res) => json(res, 200, {}));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    await ts.api.v2.deleteVariable({ identifier: "../a/b?c#d\r\n" });
    expect(cluster.requests[0]!.url).toBe(`${V2}/template/variables/..%2Fa%2Fb%3Fc%23d%0D%0A/delete`);
  });
});

describe("secrets never leak", () => {
  it("a server that echoes the token in its reason phrase and request-id headers", async () => {
    const secret = "t0ken-in-headers-0123456789";
    const cluster = await serve((request, res) => {
      const echo = String(request.headers.authorization);
      res.writeHead(500, `Failed for ${echo}`, {
        "Content-Type": "text/plain",
        "X-Request-Id": echo,
        "X-Callosum-Incident-Id": encodeURIComponent(echo),
      });
      res.end("upstream failure");
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: secret }, maxRetries: 0 });
    const error = (await caught(ts.api.v2.createTag({ name: "t" }))) as ThoughtSpotError;
    expect(error.status).toBe(500);
    expect(error.requestId).toBeDefined();
    expect(shown(error)).not.toContain(secret);
  });

  it("a server that echoes the session cookie", async () => {
    const cluster = await serve((request, res) => {
      if (pathOf(request) === `${V2}/auth/session/login`) {
        res.writeHead(204, { "Set-Cookie": "JSESSIONID=c00k; Path=/" });
        return res.end();
      }
      return json(res, 500, { error: { message: { debug: `session ${request.headers.cookie} is broken` } } });
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", password: "pa55-word!", session: true },
      maxRetries: 0,
    });
    const error = await caught(ts.api.v2.createUser({ name: "x", display_name: "x", email: "x@x.io" }));
    expect(shown(error)).not.toContain("c00k");
  });

  it.each([
    ["a form-encoded echo", "p@ss!word"],
    ["a JSON-escaped echo", 'qu"ote\\slash'],
    ["a short password", "abc"],
  ])("a V1 login error with %s", async (_, password) => {
    const cluster = await serve((request, res) =>
      json(res, 401, {
        code: 401,
        debug: `bad login: ${request.body.toString()} / ${JSON.stringify(password)}`,
      }),
    );
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", password, session: "v1" },
    });
    const error = await caught(ts.login());
    expect(error).toBeInstanceOf(AuthError);
    const text = shown(error);
    for (const form of [
      password,
      encodeURIComponent(password),
      new URLSearchParams({ p: password }).toString().slice(2),
      JSON.stringify(password).slice(1, -1),
    ]) {
      expect(text).not.toContain(form);
    }
  });

  it.each([
    ["createUser", { name: "jane", display_name: "Jane", email: "j@x.io", password: "Secr3t!new" }],
    [
      "changeUserPassword",
      { user_identifier: "jane", current_password: "0ld-Pass", new_password: "Secr3t!new" },
    ],
    ["activateUser", { user_identifier: "jane", auth_token: "act1vation-token", password: "Secr3t!new" }],
  ])("%s: a password in the body, echoed by the server", async (operationId, input) => {
    const cluster = await serve((request, res) =>
      json(res, 400, { error: { message: { debug: `rejected ${request.body.toString()}` } } }),
    );
    const logged: string[] = [];
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { token: "static-token-1" },
      logger: {
        debug: (m, f) => logged.push(m, JSON.stringify(f)),
        info: () => {},
        warn: (m, f) => logged.push(m, JSON.stringify(f)),
        error: () => {},
      },
      logLevel: "debug",
    });
    const api = ts.api.v2 as unknown as Record<string, (i: unknown) => Promise<unknown>>;
    const error = await caught(api[operationId]!(input));
    expect(error).toBeInstanceOf(BadRequestError);
    const text = shown(error) + logged.join("\n");
    for (const secret of Object.values(input).filter((v) => /ecr|ld-|act1/.test(v)))
      expect(text).not.toContain(secret);
  });

  it("a TmlImportError whose answer echoes the Authorization header", async () => {
    const cluster = await serve((request, res) =>
      json(res, 200, [
        {
          response: {
            status: { status_code: "ERROR", error_message: `denied for ${request.headers.authorization}` },
          },
        },
      ]),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "tml-static-token-9" } });
    const error = await caught(ts.tml.import(["guid: 1\ntable:\n  name: t\n"]));
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(shown(error)).not.toContain("tml-static-token-9");
  });

  it("a serverUrl without a scheme that holds user:pass@ is never echoed", () => {
    let error: unknown;
    try {
      createThoughtSpotClient({ serverUrl: "admin:hunter2@my.thoughtspot.cloud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as Error).message)).not.toContain("hunter2");
  });

  it("a token with a character beyond Latin-1 is refused before any request, without quoting it", () => {
    // The runtime's own header error would quote the value; the check is the one every header gets.
    let message = "";
    try {
      createThoughtSpotClient({ serverUrl: "https://ts.example.com", auth: { token: "tok-Секрет-123" } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/beyond Latin-1/);
    expect(message).not.toContain("Секрет");
  });

  it("a token with a line break is refused without quoting it", async () => {
    expect(() =>
      createThoughtSpotClient({
        serverUrl: "https://ts.example.com",
        auth: { token: "abc-line\nbreak-secret" },
      }),
    ).toThrow(/control character \(not shown\)/);
    let message = "";
    try {
      createThoughtSpotClient({
        serverUrl: "https://ts.example.com",
        auth: { token: "abc-line\nbreak-secret" },
      });
    } catch (e) {
      message = String((e as Error).message);
    }
    expect(message).not.toContain("break-secret");
    const ts = createThoughtSpotClient({
      serverUrl: "https://ts.example.com",
      auth: { getToken: () => "provided\r\ntoken-secret" },
    });
    const error = await caught(ts.api.v2.searchUsers({}));
    expect(String((error as Error).message)).not.toContain("token-secret");
  });
});

describe("timeouts cover the whole attempt", () => {
  it("a body that stalls after the headers", async () => {
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write("[{");
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { token: "static-token-1" },
      timeoutMs: 300,
      maxRetries: 0,
    });
    await expect(ts.api.v2.searchUsers({})).rejects.toBeInstanceOf(RequestTimeoutError);
    await expect(ts.v2.POST("/api/rest/2.0/users/search", { body: {} })).rejects.toBeInstanceOf(
      RequestTimeoutError,
    );
  });

  it("a body that trickles in for longer than the timeout", async () => {
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent++ > 40) {
          clearInterval(timer);
          if (!res.destroyed) res.end("1]");
          return;
        }
        res.write(sent === 1 ? "[" : "1,");
      }, 50);
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { token: "static-token-1" },
      timeoutMs: 400,
      maxRetries: 0,
    });
    await expect(ts.api.v2.searchUsers({})).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("a download stream gets an idle timeout between chunks instead", async () => {
    let stall = false;
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "application/pdf" });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || (stall && sent === 3)) return clearInterval(timer);
        if (sent++ === 10) {
          clearInterval(timer);
          return res.end("end");
        }
        res.write("chunk");
      }, 100);
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { token: "static-token-1" },
      timeoutMs: 400,
      maxRetries: 0,
    });
    const init = { body: { metadata_identifier: "lb", file_format: "PDF" as const } };
    // 1.1 s in all, never more than 100 ms between chunks: well within an idle timeout of 400 ms.
    const bytes = await ts.download("/api/rest/2.0/report/liveboard", init);
    expect(new TextDecoder().decode(bytes)).toBe(`${"chunk".repeat(10)}end`);
    stall = true;
    await expect(ts.download("/api/rest/2.0/report/liveboard", init)).rejects.toBeInstanceOf(
      RequestTimeoutError,
    );
  });

  it("a connection reset while reading a read operation's body is retried; a write's is a NetworkError", async () => {
    let resets = 1;
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      if (resets-- > 0) {
        res.write("[{");
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      res.end(`[${" ".repeat(98)}]`);
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { token: "static-token-1" },
      maxRetries: 2,
    });
    expect(await ts.api.v2.searchUsers({})).toEqual([]);
    expect(cluster.requests).toHaveLength(2);
    resets = 1;
    const error = await caught(ts.api.v2.createTag({ name: "t" }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/while reading the answer/);
  });
});

describe("options are validated", () => {
  it.each([
    ["maxRetries", Number.NaN],
    ["maxRetries", -1],
    ["maxRetries", 1.5],
    ["timeoutMs", Number.POSITIVE_INFINITY],
    ["timeoutMs", Number.NaN],
    ["timeoutMs", -1],
    ["timeoutMs", "abc"],
    ["timeoutMs", 2 ** 31],
  ])("%s: %s is a TypeError at creation and per call", async (name, value) => {
    expect(() => createThoughtSpotClient({ serverUrl: "https://ts.example.com", [name]: value })).toThrow(
      new RegExp(name),
    );
    const cluster = await serve((_, res) => json(res, 200, []));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    await expect(ts.api.v2.searchUsers({}, { [name]: value })).rejects.toThrow(new RegExp(name));
    expect(cluster.requests).toHaveLength(0);
  });
});

const LOGIN_PAGE =
  "<!DOCTYPE html><html><head><title>Sign in</title><script>var x=1</script></head><body><h1>Sign in with Okta</h1></body></html>";

describe("HTML where JSON or text was expected", () => {
  it("a JSON operation answering a login page with 200", async () => {
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(LOGIN_PAGE);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = (await caught(ts.api.v2.searchUsers({}))) as UnexpectedResponseError;
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/HTML page/);
    expect(error.message).toMatch(/Sign in with Okta/);
    expect(error.message).toMatch(/SSO/);
    expect(error.message).not.toContain("var x");
  });

  it("a V1 text operation (v1TrustedToken) does not return the page as its token", async () => {
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(LOGIN_PAGE);
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", secretKey: "secret-key-123" },
    });
    await expect(ts.auth.v1TrustedToken({ username: "jane" })).rejects.toBeInstanceOf(
      UnexpectedResponseError,
    );
  });

  it("an error status with an HTML page says so, with status and excerpt", async () => {
    const cluster = await serve((_, res) => {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { token: "static-token-1" },
      maxRetries: 0,
    });
    const error = (await caught(ts.api.v2.searchUsers({}))) as ThoughtSpotError;
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/502 Bad Gateway nginx/);
    expect(error.message).toMatch(/HTML page/);
  });
});

describe("tokens", () => {
  it("a token answer without a token is an AuthError, never Bearer undefined", async () => {
    const cluster = await serve((request, res) =>
      pathOf(request) === `${V2}/auth/token/full`
        ? json(res, 200, { valid_for_user_id: "u1" })
        : json(res, 200, []),
    );
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", password: "pa55-word!" },
    });
    await expect(ts.api.v2.searchUsers({})).rejects.toBeInstanceOf(AuthError);
    expect(cluster.requests.map(pathOf)).toEqual([`${V2}/auth/token/full`]);
  });

  it("a short-lived token (validitySeconds: 4) is reused within its lifetime", async () => {
    const cluster = await serve((request, res) => {
      if (pathOf(request) !== `${V2}/auth/token/full`) return json(res, 200, []);
      const now = Date.now();
      return json(res, 200, {
        token: "short-lived-token",
        creation_time_in_millis: now,
        expiration_time_in_millis: now + 4_000,
      });
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", password: "pa55-word!", validitySeconds: 4 },
    });
    for (let i = 0; i < 5; i++) await ts.api.v2.searchUsers({});
    expect(cluster.requests.filter((r) => pathOf(r) === `${V2}/auth/token/full`)).toHaveLength(1);
  });

  it.each([
    ["an expiry before the creation time", -3_600_000],
    ["an expiry equal to the creation time", 0],
    ["a lifetime of 1 ms", 1],
  ])("a token answer with %s is kept for a sane minimum, not fetched on every call", async (_, lifetime) => {
    const cluster = await serve((request, res) => {
      if (pathOf(request) !== `${V2}/auth/token/full`) return json(res, 200, []);
      const now = Date.now();
      return json(res, 200, {
        token: "nonsense-lifetime-token",
        creation_time_in_millis: now,
        expiration_time_in_millis: now + lifetime,
      });
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { username: "tsadmin", password: "pa55-word!" },
    });
    for (let i = 0; i < 5; i++) await ts.api.v2.searchUsers({});
    expect(cluster.requests.filter((r) => pathOf(r) === `${V2}/auth/token/full`)).toHaveLength(1);
  });
});

describe("walks end", () => {
  it("a server that ignores record_offset makes a PaginationError, not an endless walk", async () => {
    const page = Array.from({ length: 10 }, (_, i) => ({ id: `u${i}`, name: `user ${i}` }));
    const cluster = await serve((_, res) => json(res, 200, page));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(
      ts.paginate("/api/rest/2.0/users/search", { body: {} }, { pageSize: 10 }).toArray(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(cluster.requests).toHaveLength(2);
  });

  it("V1 walks too", async () => {
    const headers = Array.from({ length: 5 }, (_, i) => ({ id: `g${i}`, name: `lb ${i}` }));
    const cluster = await serve((_, res) => json(res, 200, { headers, isLastBatch: false }));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    await expect(
      ts.paginateV1("metadataList", { type: "PINBOARD_ANSWER_BOOK" }, { pageSize: 5 }).toArray(),
    ).rejects.toBeInstanceOf(PaginationError);
  });

  it("maxPages caps a walk whose pages differ", async () => {
    let n = 0;
    const cluster = await serve((_, res) =>
      json(
        res,
        200,
        Array.from({ length: 2 }, () => ({ id: `u${n++}` })),
      ),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    await expect(
      ts.paginate("/api/rest/2.0/users/search", { body: {} }, { pageSize: 2, maxPages: 3 }).toArray(),
    ).rejects.toThrow(/more than 3 pages/);
    expect(cluster.requests).toHaveLength(3);
    await expect(
      ts.paginate("/api/rest/2.0/users/search", { body: {} }, { maxPages: 0 }).toArray(),
    ).rejects.toThrow(TypeError);
  });
});

describe("hostile error bodies", () => {
  it("a large HTML error page becomes a short excerpt", async () => {
    const page = `<html><body>${"<div><span>x</span>".repeat(50_000)}</body></html>`;
    const cluster = await serve((_, res) => {
      res.writeHead(500, { "Content-Type": "text/html" });
      res.end(page);
    });
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: { token: "static-token-1" },
      maxRetries: 0,
    });
    const error = (await caught(ts.api.v2.createTag({ name: "t" }))) as ThoughtSpotError;
    expect(error.status).toBe(500);
    expect(String(error.body).length).toBeLessThanOrEqual(201);
  });

  it("a deeply nested JSON error body gives a typed error, not a RangeError", async () => {
    const depth = 200_000;
    const cluster = await serve((_, res) => {
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end(`${'{"a":['.repeat(depth)}1${"]}".repeat(depth)}`);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(ts.api.v2.createTag({ name: "t" }));
    expect(error).toBeInstanceOf(BadRequestError);
  });
});

void V1;
