// Auth that stays logged in, against the fake ThoughtSpot on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthError, createThoughtSpotClient, type ThoughtSpotClientOptions } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { type FakeThoughtSpot, startFakeThoughtSpot } from "../support/fake-thoughtspot.js";

let ts: FakeThoughtSpot;
beforeEach(async () => {
  ts = await startFakeThoughtSpot();
});
afterEach(async () => {
  vi.useRealTimers();
  await ts.close();
});

const PASSWORD = "admin-Passw0rd!";
const client = (auth: ThoughtSpotClientOptions["auth"], extra: Partial<ThoughtSpotClientOptions> = {}) =>
  createThoughtSpotClient({ serverUrl: ts.url, auth, maxRetries: 0, ...extra });
const TOKEN_FULL = "POST /api/rest/2.0/auth/token/full";
const SEARCH_USERS = "POST /api/rest/2.0/users/search";

describe("username + password → auth/token/full", () => {
  it("50 concurrent calls on a cold client cause exactly one token request", async () => {
    const api = client({ username: "tsadmin", password: PASSWORD }).api.v2;
    const results = await Promise.all(Array.from({ length: 50 }, () => api.searchUsers()));
    expect(results).toHaveLength(50);
    expect(ts.count(TOKEN_FULL)).toBe(1);
    expect(ts.count(SEARCH_USERS)).toBe(50);
  });

  it("sends org_id and validity, and reuses the cached token", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD, orgId: 7, validitySeconds: 600 });
    await c.api.v2.searchUsers();
    await c.api.v2.searchUsers();
    expect(ts.count(TOKEN_FULL)).toBe(1);
    const tokenRequest = ts.requests.find((r) => r.url.endsWith("/auth/token/full"))!;
    expect(JSON.parse(tokenRequest.body.toString())).toEqual({
      username: "tsadmin",
      password: PASSWORD,
      org_id: 7,
      validity_time_in_sec: 600,
    });
    expect(tokenRequest.headers.authorization).toBeUndefined();
  });

  it("refreshes once shortly before expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const c = client({ username: "tsadmin", password: PASSWORD, validitySeconds: 300 });
    await c.api.v2.searchUsers();
    vi.setSystemTime(Date.now() + 200_000); // 100 s left: still fresh
    await c.api.v2.searchUsers();
    expect(ts.count(TOKEN_FULL)).toBe(1);
    vi.setSystemTime(Date.now() + 75_000); // 25 s left: inside the 30 s margin
    await Promise.all([c.api.v2.searchUsers(), c.api.v2.searchUsers(), c.api.v2.searchUsers()]);
    expect(ts.count(TOKEN_FULL)).toBe(2);
  });

  it("a 401 triggers one refresh and one replay", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD });
    await c.api.v2.searchUsers();
    ts.expireEverything();
    const calls = await Promise.all(Array.from({ length: 10 }, () => c.api.v2.searchUsers()));
    expect(calls).toHaveLength(10);
    expect(ts.count(TOKEN_FULL)).toBe(2);
    expect(ts.count(SEARCH_USERS)).toBe(21); // 1 + 10 rejected + 10 replayed
  });

  it("a second 401 after the refresh is an AuthError, never a loop", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD });
    ts.inject(
      "/users/search",
      { kind: "status", status: 401 },
      { kind: "status", status: 401 },
      { kind: "status", status: 401 },
    );
    await expect(c.api.v2.searchUsers()).rejects.toBeInstanceOf(AuthError);
    expect(ts.count(SEARCH_USERS)).toBe(2);
    expect(ts.count(TOKEN_FULL)).toBe(2);
  });

  it("bad credentials → AuthError from the token call, without the password", async () => {
    const c = client({ username: "tsadmin", password: "wrong-password-123" });
    const error = await caught<AuthError>(c.api.v2.searchUsers());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.operationId).toBe("getFullAccessToken");
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain("wrong-password-123");
  });

  it("login() is eager; logout() revokes the token and the next call gets a new one", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD });
    await c.login();
    expect(ts.count(TOKEN_FULL)).toBe(1);
    expect(ts.tokens.size).toBe(1);
    await c.logout();
    expect(ts.count("POST /api/rest/2.0/auth/token/revoke")).toBe(1);
    expect(ts.tokens.size).toBe(0);
    await c.api.v2.searchUsers();
    expect(ts.count(TOKEN_FULL)).toBe(2);
  });

  it("switchOrg logs in to the other Org", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD, orgId: 1 });
    expect((await c.api.v2.getCurrentUserInfo()).current_org?.id).toBe(1);
    await c.switchOrg(2);
    expect((await c.api.v2.getCurrentUserInfo()).current_org?.id).toBe(2);
  });

  it("sends the V2 bearer token on V1 calls too", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD });
    const info = (await c.api.v1.sessionInfo()) as { userName: string };
    expect(info.userName).toBe("tsadmin");
    const v1Request = ts.requests.find((r) => r.url.endsWith("/session/info"))!;
    expect(v1Request.headers.authorization).toMatch(/^Bearer tok-/);
    expect(v1Request.headers["x-requested-by"]).toBe("ThoughtSpot");
  });
});

describe("trusted authentication (secret key)", () => {
  it("sends secret_key, not a password, to auth/token/full", async () => {
    const c = client({ username: "jane", secretKey: ts.secretKey });
    await c.api.v2.searchUsers();
    const body = JSON.parse(ts.requests.find((r) => r.url.endsWith("/auth/token/full"))!.body.toString());
    expect(body).toEqual({ username: "jane", secret_key: ts.secretKey });
  });

  it("objectToken fills in the client's secret key", async () => {
    const c = client({ username: "jane", secretKey: ts.secretKey });
    ts.inject("/auth/token/object", { kind: "status", status: 200, body: { token: "obj-token-123456" } });
    const result = await c.auth.objectToken({ username: "viewer", object_id: "lb-1" });
    expect(result.token).toBe("obj-token-123456");
    const body = JSON.parse(ts.requests.find((r) => r.url.endsWith("/auth/token/object"))!.body.toString());
    expect(body).toEqual({ secret_key: ts.secretKey, username: "viewer", object_id: "lb-1" });
  });
});

describe("token and provider", () => {
  it("a static token's 401 is final: one request, AuthError", async () => {
    const c = client({ token: "static-token-abcdef" });
    await expect(c.api.v2.searchUsers()).rejects.toBeInstanceOf(AuthError);
    expect(ts.count(SEARCH_USERS)).toBe(1);
  });

  it("getToken is called when needed and cached by the expiry it returns", async () => {
    const issue = async () => {
      const now = Date.now();
      const token = `provided-${now}-${Math.random()}`;
      ts.tokens.set(token, { user: "tsadmin", expiresAt: now + 300_000 });
      return { token, expiresAt: new Date(now + 300_000) };
    };
    const getToken = vi.fn(issue);
    const c = client({ getToken });
    await Promise.all([c.api.v2.searchUsers(), c.api.v2.searchUsers(), c.api.v2.searchUsers()]);
    expect(getToken).toHaveBeenCalledTimes(1);
    ts.expireEverything();
    await c.api.v2.searchUsers(); // 401 → provider again → replay
    expect(getToken).toHaveBeenCalledTimes(2);
  });
});

describe("cookie sessions", () => {
  it("V2 auth/session/login keeps JSESSIONID in the client's jar", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD, session: true });
    await Promise.all([c.api.v2.searchUsers(), c.api.v2.searchUsers()]);
    expect(ts.count("POST /api/rest/2.0/auth/session/login")).toBe(1);
    const search = ts.requests.filter((r) => r.url.endsWith("/users/search"));
    for (const r of search) {
      expect(r.headers.cookie).toMatch(/JSESSIONID=sess-/);
      expect(r.headers.authorization).toBeUndefined();
    }
    // The session serves V1 calls as well.
    expect(((await c.api.v1.sessionInfo()) as { userName: string }).userName).toBe("tsadmin");
  });

  it("one jar per client", async () => {
    const a = client({ username: "tsadmin", password: PASSWORD, session: true });
    const b = client({ token: "static-token-abcdef" });
    await a.api.v2.searchUsers();
    await expect(b.api.v2.searchUsers()).rejects.toBeInstanceOf(AuthError);
    const last = ts.requests.at(-1)!;
    expect(last.headers.cookie).toBeUndefined();
  });

  it("an ended session → one re-login and one replay", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD, session: true });
    await c.api.v2.searchUsers();
    ts.expireEverything();
    await Promise.all([c.api.v2.searchUsers(), c.api.v2.searchUsers(), c.api.v2.searchUsers()]);
    expect(ts.count("POST /api/rest/2.0/auth/session/login")).toBe(2);
  });

  it("logout ends the session and clears the jar", async () => {
    const c = client({ username: "tsadmin", password: PASSWORD, session: true });
    await c.login();
    expect(ts.sessions.size).toBe(1);
    await c.logout();
    expect(ts.count("POST /api/rest/2.0/auth/session/logout")).toBe(1);
    expect(ts.sessions.size).toBe(0);
    ts.users.tsadmin!.password = "changed-password"; // a new login would fail: prove no cookie is left
    await expect(c.api.v2.searchUsers()).rejects.toBeInstanceOf(AuthError);
    expect(ts.requests.at(-1)!.headers.cookie).toBeUndefined();
  });

  it('session: "v1" logs in with V1 session/login (form, X-Requested-By)', async () => {
    const c = client({ username: "tsadmin", password: PASSWORD, session: "v1" });
    expect(((await c.api.v1.sessionInfo()) as { userName: string }).userName).toBe("tsadmin");
    const login = ts.requests.find((r) => r.url.endsWith("/tspublic/v1/session/login"))!;
    expect(login.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(login.body.toString()))).toEqual({
      username: "tsadmin",
      password: PASSWORD,
      rememberme: "true",
    });
  });
});

describe("no login", () => {
  it("a V1 call without auth → AuthError that says to log in", async () => {
    const c = client(undefined);
    const error = await caught<AuthError>(c.api.v1.sessionInfo());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/needs a login: pass `auth`/);
  });

  it("bad auth options fail when the client is created", () => {
    expect(() => client({ username: "a" } as never)).toThrow(/password or a secretKey/);
    expect(() => client({ token: "" })).toThrow(/auth.token/);
    expect(() => client({ username: "a", password: "p", secretKey: "s" } as never)).toThrow(/not both/);
    expect(() => client({ username: "a", password: "p", orgId: 1.5 })).toThrow(/orgId/);
  });
});
