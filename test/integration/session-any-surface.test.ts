// A client created without a cookie session that logs in itself (ts.api or the raw clients, V1 or
// V2, as code ported from ThoughtSpot's Python library does) keeps the session: the cluster's first
// Set-Cookie creates the client's jar. A client that is never sent a cookie never creates one.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthError,
  createThoughtSpotClient,
  type Middleware,
  RedirectError,
  type ThoughtSpotClientOptions,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { type FakeThoughtSpot, startFakeThoughtSpot } from "../support/fake-thoughtspot.js";
import { json, startServer, type TestServer } from "../support/server.js";

// Counts the jars created (one per client at most), with the real jar behind.
const jars = vi.hoisted(() => ({ created: 0 }));
vi.mock("../../src/core/cookies.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/core/cookies.js")>();
  return {
    ...actual,
    withCookieJar: (...args: Parameters<typeof actual.withCookieJar>) => {
      jars.created++;
      return actual.withCookieJar(...args);
    },
  };
});

const V2 = "/api/rest/2.0";
const V1 = "/callosum/v1/tspublic/v1";
const PASSWORD = "admin-Passw0rd!";
const credentials = { username: "tsadmin", password: PASSWORD };

let ts: FakeThoughtSpot;
const others: TestServer[] = [];
beforeEach(async () => {
  ts = await startFakeThoughtSpot();
  jars.created = 0;
});
afterEach(async () => {
  await ts.close();
  await Promise.all(others.splice(0).map((s) => s.close()));
});
const client = (extra: Partial<ThoughtSpotClientOptions> = {}) =>
  createThoughtSpotClient({ serverUrl: ts.url, maxRetries: 0, ...extra });
const last = (pathEnd: string) => ts.requests.filter((r) => r.url.split("?")[0]!.endsWith(pathEnd)).at(-1)!;

describe("a login through any surface keeps its session", () => {
  const logins: [string, (c: ReturnType<typeof client>) => Promise<unknown>][] = [
    ["ts.api.v1.sessionLogin", (c) => c.api.v1.sessionLogin(credentials)],
    ["raw ts.v1 POST session/login", (c) => c.v1.POST("/tspublic/v1/session/login", { body: credentials })],
    ["ts.api.v2.login", (c) => c.api.v2.login(credentials)],
    [
      "raw ts.v2 POST auth/session/login",
      (c) => c.v2.POST("/api/rest/2.0/auth/session/login", { body: credentials }),
    ],
  ];

  it.each(logins)("%s on a client without auth: later calls send the cookie", async (_, login) => {
    const c = client();
    await login(c);
    expect(jars.created).toBe(1);
    expect(((await c.api.v1.sessionInfo()) as { userName: string }).userName).toBe("tsadmin");
    expect((await c.api.v2.getCurrentUserInfo()).name).toBe("tsadmin");
    expect(last("/session/info").headers.cookie).toMatch(/JSESSIONID=sess-/);
    expect(last("/auth/session/user").headers.cookie).toMatch(/JSESSIONID=sess-/);
    // The raw clients send it too.
    const { data } = await c.v1.GET("/tspublic/v1/session/info");
    expect((data as { userName: string }).userName).toBe("tsadmin");
  });

  it("on a client with token auth (session: false) too, beside the bearer", async () => {
    const c = client({ auth: { ...credentials, session: false } });
    await c.api.v1.sessionLogin(credentials);
    await c.api.v2.searchUsers();
    const search = last("/users/search");
    expect(search.headers.cookie).toMatch(/JSESSIONID=sess-/);
    expect(search.headers.authorization).toMatch(/^Bearer tok-/);
  });

  it("switchOrg clears the cookies of the old Org's state on a token client", async () => {
    const c = client({ auth: { ...credentials, orgId: 1 } });
    await c.api.v1.sessionLogin(credentials);
    await c.api.v2.searchUsers();
    expect(last("/users/search").headers.cookie).toMatch(/JSESSIONID=sess-/);
    await c.switchOrg(2);
    await c.api.v2.searchUsers();
    expect(last("/users/search").headers.cookie).toBeUndefined();
  });

  it("logout() clears the cookies: the next call is sent without them", async () => {
    const c = client();
    await c.api.v2.login(credentials);
    await c.api.v2.getCurrentUserInfo();
    await c.logout();
    const error = await caught<AuthError>(c.api.v2.getCurrentUserInfo());
    expect(error).toBeInstanceOf(AuthError);
    expect(last("/auth/session/user").headers.cookie).toBeUndefined();
  });

  it("a token-only client whose cluster sets no cookie never creates a jar", async () => {
    const c = client({ auth: { ...credentials } });
    await Promise.all([c.api.v2.searchUsers(), c.api.v1.sessionInfo()]);
    await c.logout();
    expect(jars.created).toBe(0);
    expect(ts.requests.every((r) => r.headers.cookie === undefined)).toBe(true);
  });

  it("a token client's token requests never fill the jar, even when their answers set a cookie", async () => {
    const cluster = await startServer((request, res) => {
      if (request.url.startsWith(`${V2}/auth/token/full`)) {
        const now = Date.now();
        const body = {
          token: "issued-token-abcdef",
          creation_time_in_millis: now,
          expiration_time_in_millis: now + 600_000,
        };
        return json(res, 200, body, { "Set-Cookie": "JSESSIONID=from-token-login; Path=/" });
      }
      return json(res, 200, []);
    });
    others.push(cluster);
    const c = createThoughtSpotClient({ serverUrl: cluster.url, auth: credentials });
    await c.api.v2.searchUsers({});
    await c.switchOrg(2);
    await c.api.v2.searchUsers({});
    expect(jars.created).toBe(0);
    expect(cluster.requests.every((r) => r.headers.cookie === undefined)).toBe(true);
  });

  it("concurrent logins create one jar", async () => {
    const c = client();
    await Promise.all([c.api.v2.login(credentials), c.api.v1.sessionLogin(credentials)]);
    expect(jars.created).toBe(1);
    await c.api.v2.getCurrentUserInfo();
    expect(last("/auth/session/user").headers.cookie).toMatch(/JSESSIONID=sess-/);
  });
});

describe("the jar's rules stay as they are", () => {
  it("a Set-Cookie from another origin (a middleware sent the call there) creates no jar", async () => {
    const other = await startServer((_, res) => {
      res.writeHead(204, { "Set-Cookie": "JSESSIONID=elsewhere-cookie; Path=/" });
      res.end();
    });
    others.push(other);
    const elsewhere: Middleware = (request, next, context) =>
      context.operationId === "login"
        ? next(new Request(other.url + new URL(request.url).pathname, request))
        : next(request);
    const c = client({ middleware: [elsewhere] });
    await c.api.v2.login(credentials);
    expect(jars.created).toBe(0);
    await expect(c.api.v2.getCurrentUserInfo()).rejects.toBeInstanceOf(AuthError);
    expect(last("/auth/session/user").headers.cookie).toBeUndefined();
  });

  it("a Secure cookie set over plain http is never sent back over it", async () => {
    const cluster = await startServer((request, res) => {
      if (request.url.startsWith(`${V2}/auth/session/login`)) {
        res.writeHead(204, { "Set-Cookie": "JSESSIONID=secure-only-cookie; Path=/; Secure; HttpOnly" });
        return res.end();
      }
      return json(res, 200, []);
    });
    others.push(cluster);
    const c = createThoughtSpotClient({ serverUrl: cluster.url });
    await c.api.v2.login(credentials);
    await c.api.v2.searchUsers({});
    const search = cluster.requests.find((r) => r.url.startsWith(`${V2}/users/search`))!;
    expect(search.headers.cookie ?? "").not.toContain("secure-only-cookie");
  });

  it("a redirect that sets a cookie is not followed, and the cookie is never echoed in an error", async () => {
    const elsewhere = await startServer((_, res) => json(res, 200, {}));
    others.push(elsewhere);
    const cluster = await startServer((request, res) => {
      if (request.url.startsWith(`${V1}/session/login`)) {
        res.writeHead(302, {
          Location: `${elsewhere.url}/sso`,
          "Set-Cookie": "JSESSIONID=c00kie-echo-1; Path=/",
        });
        return res.end();
      }
      return json(res, 500, { error: { message: { debug: `session ${request.headers.cookie} is broken` } } });
    });
    others.push(cluster);
    const c = createThoughtSpotClient({ serverUrl: cluster.url, maxRetries: 0 });
    await expect(c.api.v1.sessionLogin(credentials)).rejects.toBeInstanceOf(RedirectError);
    expect(elsewhere.requests).toHaveLength(0);
    const error = await caught(c.api.v2.searchUsers({}));
    // The cookie went along (it was kept), and the server's echo of it is masked.
    expect(cluster.requests.at(-1)!.headers.cookie).toContain("c00kie-echo-1");
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("c00kie-echo-1");
  });
});
