// Logins against the mock as against ThoughtSpot: wrong passwords and unknown users fail with the spec's
// 401, tokens are the mock's own and stop working when they expire or are revoked, V1 and V2 cookie
// sessions log in and out, duplicates answer 409 and missing ids ThoughtSpot's error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, AuthError, BadRequestError, createThoughtSpotClient } from "../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";

let mock: MockThoughtSpot;
beforeAll(async () => {
  mock = await startMockThoughtSpot({ users: { "ops.bot": "bot-password" } });
}, 120_000);
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

const statusOf = (error: unknown) => (error instanceof ApiError ? error.status : error);

describe("logins", () => {
  it("a wrong password and an unknown user both get the spec's 401, as an AuthError", async () => {
    for (const auth of [
      { username: "tsadmin", password: "wrong" },
      { username: "nobody", password: mock.credentials.password },
    ]) {
      const error = await mock
        .client({ auth })
        .api.v2.searchUsers({})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).status).toBe(401);
      expect((error as Error).message).toMatch(/Invalid credentials/);
      expect((error as Error).message).not.toContain(mock.credentials.password);
    }
    const last = mock.requests().at(-1)!;
    expect(last).toMatchObject({ operationId: "getFullAccessToken", status: 401 });
  });

  it("every example user logs in with mock.credentials.users, and the users option adds one", async () => {
    for (const [username, password] of Object.entries(mock.credentials.users).slice(0, 3)) {
      const me = await mock.client({ auth: { username, password } }).api.v2.getCurrentUserInfo();
      expect(me.name).toBe(username);
    }
    const bot = mock.client({ auth: { username: "ops.bot", password: "bot-password" } });
    expect((await bot.api.v2.getCurrentUserInfo()).name).toBe("ops.bot");
  });

  it("trusted authentication: the secret key gets a token for any user", async () => {
    const ts = mock.client({ auth: { username: "ana.garcia", secretKey: mock.credentials.secretKey } });
    expect((await ts.api.v2.getCurrentUserInfo()).name).toBe("ana.garcia");
    const wrong = mock.client({ auth: { username: "ana.garcia", secretKey: "not-the-key" } });
    expect(statusOf(await wrong.api.v2.getCurrentUserInfo().catch((e: unknown) => e))).toBe(401);
  });

  it("a token the mock never issued is refused on every operation, V2 and V1", async () => {
    const ts = createThoughtSpotClient({ serverUrl: mock.url, auth: { token: "made-up" }, maxRetries: 0 });
    expect(statusOf(await ts.api.v2.searchUsers({}).catch((e: unknown) => e))).toBe(401);
    expect(statusOf(await ts.api.v1.sessionInfo().catch((e: unknown) => e))).toBe(401);
    const none = createThoughtSpotClient({ serverUrl: mock.url, maxRetries: 0 });
    expect(statusOf(await none.api.v2.getSystemInformation().catch((e: unknown) => e))).toBe(401);
  });

  it("a revoked token stops working", async () => {
    const issued = await mock.client().api.v2.getFullAccessToken({
      username: mock.credentials.username,
      password: mock.credentials.password,
    });
    const ts = createThoughtSpotClient({ serverUrl: mock.url, auth: { token: issued.token }, maxRetries: 0 });
    await ts.api.v2.searchUsers({});
    await ts.api.v2.revokeToken({ token: issued.token });
    expect(statusOf(await ts.api.v2.searchUsers({}).catch((e: unknown) => e))).toBe(401);
  });

  it("logout() of a password client revokes its token (a revoke without a body ends the token it was sent with)", async () => {
    const ts = mock.client({
      auth: { username: mock.credentials.username, password: mock.credentials.password },
    });
    await ts.api.v2.searchUsers({});
    const token = (mock.requests().at(-1)!.headers.authorization as string).slice("Bearer ".length);
    await ts.logout();
    const revoke = mock.requests().at(-1)!;
    expect([revoke.operationId, revoke.status]).toEqual(["revokeToken", 204]);
    const stale = createThoughtSpotClient({ serverUrl: mock.url, auth: { token }, maxRetries: 0 });
    expect(statusOf(await stale.api.v2.searchUsers({}).catch((e: unknown) => e))).toBe(401);
  });

  it("a token expires after validity_time_in_sec; a password client then logs in again by itself", async () => {
    const ts = mock.client({
      auth: { username: mock.credentials.username, password: mock.credentials.password, validitySeconds: 1 },
    });
    await ts.api.v2.searchUsers({});
    const token = (mock.requests().at(-1)!.headers.authorization as string).slice("Bearer ".length);
    await new Promise((done) => setTimeout(done, 1100));
    const stale = createThoughtSpotClient({ serverUrl: mock.url, auth: { token }, maxRetries: 0 });
    expect(statusOf(await stale.api.v2.searchUsers({}).catch((e: unknown) => e))).toBe(401);
    mock.clearRequests();
    await ts.api.v2.searchUsers({});
    expect(mock.requests().map((r) => `${r.operationId} ${r.status}`)).toContain("getFullAccessToken 200");
  });

  it("deactivating a user ends its logins and refuses new ones with the spec's 403", async () => {
    const password = mock.credentials.users["ben.okafor"]!;
    const ben = mock.client({ auth: { username: "ben.okafor", password } });
    expect((await ben.api.v2.getCurrentUserInfo()).name).toBe("ben.okafor");
    await mock.client().api.v2.updateUser({ user_identifier: "ben.okafor", account_status: "INACTIVE" });
    const error = await ben.api.v2.getCurrentUserInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(403); // the 401 made the client log in again: refused
    expect((error as Error).message).toMatch(/inactive or locked/);
  });

  it("a V2 cookie session logs in, works, and stops after logout", async () => {
    const ts = mock.client({
      auth: { username: mock.credentials.username, password: mock.credentials.password, session: true },
    });
    expect((await ts.api.v2.getCurrentUserInfo()).name).toBe("tsadmin");
    const login = mock.requests().find((r) => r.operationId === "login")!;
    expect(login.status).toBe(204);
    const cookie = String(mock.requests().at(-1)!.headers.cookie);
    expect(cookie).toMatch(/JSESSIONID=/);
    await ts.logout();
    const raw = await fetch(`${mock.url}/api/rest/2.0/auth/session/user`, {
      headers: { cookie, Accept: "application/json" },
    });
    expect(raw.status).toBe(401);
  });

  it("a V2 session login with a wrong password gets the spec's 401 for login", async () => {
    const ts = mock.client({ auth: { username: "tsadmin", password: "wrong", session: true } });
    const error = await ts.api.v2.searchUsers({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/Verify that the username and password are correct/);
  });

  it("a V1 cookie session logs in and switches Org", async () => {
    const ts = mock.client({
      auth: {
        username: mock.credentials.username,
        password: mock.credentials.password,
        session: "v1",
        orgId: 1,
      },
    });
    const info = (await ts.api.v1.sessionInfo()) as { userName: string; currentOrg: { id: number } };
    expect(info).toMatchObject({ userName: "tsadmin", currentOrg: { id: 1 } });
    await ts.switchOrg(2);
    expect(((await ts.api.v1.sessionInfo()) as { currentOrg: { id: number } }).currentOrg.id).toBe(2);
  });
});

describe("a browser page on the mock's origin", () => {
  it("serves the files option without login, and a cookie session logs in as a same-origin page would", async () => {
    const page = await startMockThoughtSpot({
      files: {
        "/index.html": "<!doctype html><script src=/sdk.js></script>",
        "/sdk.js": new Uint8Array([59]),
      },
    });
    try {
      const html = await fetch(`${page.url}/index.html`);
      expect(html.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await html.text()).toContain("<script");
      expect((await fetch(`${page.url}/sdk.js`)).headers.get("content-type")).toMatch(/javascript/);
      const login = await fetch(`${page.url}/api/rest/2.0/auth/session/login`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "x-requested-by": "ThoughtSpot",
        },
        body: JSON.stringify({ username: page.credentials.username, password: page.credentials.password }),
      });
      expect(login.status).toBe(204);
      const cookie = login.headers.get("set-cookie")!;
      expect(cookie).toMatch(/^JSESSIONID=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
      const me = await fetch(`${page.url}/api/rest/2.0/auth/session/user`, {
        headers: { cookie: cookie.split(";")[0]!, accept: "application/json" },
      });
      expect(((await me.json()) as { name: string }).name).toBe("tsadmin");
    } finally {
      await page.close();
    }
  });
});

describe("duplicates and missing ids", () => {
  it("createUser, createUserGroup and createTag with a name that exists answer 409", async () => {
    const ts = mock.client();
    const user = await ts.api.v2
      .createUser({ name: "ana.garcia", display_name: "Ana", email: "a@b.c", password: "x-Secret-1" })
      .catch((e: unknown) => e);
    expect(user).toBeInstanceOf(ApiError);
    expect((user as ApiError).status).toBe(409);
    expect((user as Error).message).toMatch(/already exists/);
    expect(
      statusOf(
        await ts.api.v2.createUserGroup({ name: "analysts", display_name: "A" }).catch((e: unknown) => e),
      ),
    ).toBe(409);
    expect(statusOf(await ts.api.v2.createTag({ name: "Retail" }).catch((e: unknown) => e))).toBe(409);
  });

  it("V1 user create: the new user logs in with its password; the same name again is the V1 spec's 409", async () => {
    const ts = mock.client();
    const input = { name: "v1.user", password: "V1-pass-word", displayname: "V1 User" };
    await ts.api.v1.userPost(input);
    const me = await mock
      .client({ auth: { username: "v1.user", password: "V1-pass-word" } })
      .api.v2.getCurrentUserInfo();
    expect(me.name).toBe("v1.user");
    const again = await ts.api.v1.userPost(input).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).status).toBe(409);
    expect((again as Error).message).toMatch(/Username not unique/);
  });

  it("a V1 session login with a wrong password: 401 in V1's error body", async () => {
    const ts = mock.client({ auth: { username: "tsadmin", password: "wrong", session: "v1" } });
    const error = await ts.api.v1.sessionInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(/Invalid credentials/);
  });

  it("updating or deleting a user, group or tag that does not exist answers 400", async () => {
    const ts = mock.client();
    for (const call of [
      () => ts.api.v2.deleteUser({ user_identifier: "nobody" }),
      () => ts.api.v2.updateUser({ user_identifier: "nobody", display_name: "x" }),
      () => ts.api.v2.deleteUserGroup({ group_identifier: "no-group" }),
      () => ts.api.v2.deleteTag({ tag_identifier: "no-tag" }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as Error).message).toMatch(/not found: no/);
    }
  });

  it("administrator-only operations answer 403 to other users", async () => {
    const ana = mock.client({
      auth: { username: "ana.garcia", password: mock.credentials.users["ana.garcia"]! },
    });
    const error = await ana.api.v2
      .createUser({ name: "by.ana", display_name: "x", email: "x@r.example", password: "x-Secret-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(403);
    expect((error as Error).message).toMatch(/ADMINISTRATION privilege required/);
    expect((await ana.api.v2.searchUsers({})).length).toBeGreaterThan(0); // reading is fine
  });

  it("a created user is found, and gone after delete", async () => {
    const ts = mock.client();
    await ts.api.v2.createUser({
      name: "new.user",
      display_name: "New",
      email: "n@r.example",
      password: "x-Secret-1",
    });
    expect((await ts.api.v2.searchUsers({ user_identifier: "new.user" })).length).toBe(1);
    await ts.api.v2.deleteUser({ user_identifier: "new.user" });
    expect(await ts.api.v2.searchUsers({ user_identifier: "new.user" })).toEqual([]);
  });
});
