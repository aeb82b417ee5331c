// switchOrg, logout and calls interleaved, against a cluster on 127.0.0.1 that holds logins (or calls)
// open until the test lets them go. For the password-token client and both cookie-session clients:
// no call runs in an Org or login other than its own, and no credential is left live behind.
import { afterEach, describe, expect, it } from "vitest";
import { AuthError, createThoughtSpotClient, type ThoughtSpotClientOptions } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

const V2 = "/api/rest/2.0";
const V1 = "/callosum/v1/tspublic/v1";
const PASSWORD = "held-Passw0rd!";

interface Held {
  path: string;
  release(): void;
}

/** A cluster whose tokens and sessions each belong to one Org, and which holds requests on demand. */
async function startCluster() {
  let counter = 0;
  const tokens = new Map<string, number | undefined>();
  const sessions = new Map<string, number | undefined>();
  const issued: string[] = [];
  const holds = new Map<string, number>();
  const fails = new Map<string, number>();
  const held: Held[] = [];
  const seen: ReceivedRequest[] = [];

  const bodyOf = (req: ReceivedRequest): Record<string, string> => {
    const text = req.body.toString();
    if (!text) return {};
    return String(req.headers["content-type"]).includes("x-www-form-urlencoded")
      ? Object.fromEntries(new URLSearchParams(text))
      : JSON.parse(text);
  };
  const bearer = (req: ReceivedRequest) => /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
  const cookie = (req: ReceivedRequest) => /JSESSIONID=([^;]+)/.exec(String(req.headers.cookie ?? ""))?.[1];
  const orgOf = (value: unknown) => (value === undefined ? undefined : Number(value));

  const server: TestServer = await startServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    for (const [end, count] of holds) {
      if (count > 0 && path.endsWith(end)) {
        holds.set(end, count - 1);
        await new Promise<void>((release) => held.push({ path, release }));
        break;
      }
    }
    // Processed only once released: a held call's credential is checked as it stands then.
    seen.push(req);
    for (const [end, count] of fails) {
      if (count > 0 && path.endsWith(end)) {
        fails.set(end, count - 1);
        return json(res, 503, { error: { message: { debug: "busy" } } }, { "Retry-After": "1" });
      }
    }
    const body = bodyOf(req);
    if (path === `${V2}/auth/token/full`) {
      const token = `tok-${++counter}-${"t".repeat(12)}`;
      tokens.set(token, orgOf(body.org_id));
      issued.push(token);
      const now = Date.now();
      return json(res, 200, {
        token,
        creation_time_in_millis: now,
        expiration_time_in_millis: now + 600_000,
      });
    }
    if (path === `${V2}/auth/token/revoke`) {
      const token = bearer(req);
      if (!token || !tokens.has(token)) return json(res, 401, {});
      tokens.delete(token);
      res.writeHead(204);
      return res.end();
    }
    if (path === `${V2}/auth/session/login` || path === `${V1}/session/login`) {
      if (body.password !== PASSWORD) return json(res, 401, {});
      const id = `sess-${++counter}-${"s".repeat(12)}`;
      sessions.set(id, orgOf(body.org_identifier));
      issued.push(id);
      res.writeHead(204, { "Set-Cookie": `JSESSIONID=${id}; Path=/; HttpOnly` });
      return res.end();
    }
    if (path === `${V2}/auth/session/logout` || path === `${V1}/session/logout`) {
      const id = cookie(req);
      if (id) sessions.delete(id);
      res.writeHead(204, { "Set-Cookie": "JSESSIONID=; Path=/; Max-Age=0" });
      return res.end();
    }
    const tokenOrg = tokens.get(bearer(req) ?? "");
    const sessionId = cookie(req);
    const live = tokens.has(bearer(req) ?? "") || (sessionId !== undefined && sessions.has(sessionId));
    if (!live) return json(res, 401, { error: { message: { debug: "not logged in" } } });
    const org = tokens.has(bearer(req) ?? "") ? tokenOrg : sessions.get(sessionId ?? "");
    if (path === `${V1}/session/orgs` && req.method === "PUT") {
      sessions.set(sessionId ?? "", orgOf(body.orgid));
      res.writeHead(204);
      return res.end();
    }
    if (path === `${V2}/auth/session/user`)
      return json(res, 200, { name: "tsadmin", current_org: { id: org } });
    return json(res, 404, {});
  });

  return {
    url: server.url,
    close: () => {
      for (const h of held.splice(0)) h.release();
      return server.close();
    },
    /** The next `count` requests whose path ends so wait until released. */
    hold(pathEnd: string, count: number) {
      holds.set(pathEnd, (holds.get(pathEnd) ?? 0) + count);
    },
    /** The next `count` requests whose path ends so answer 503 with Retry-After: 1. */
    fail(pathEnd: string, count: number) {
      fails.set(pathEnd, count);
    },
    held,
    releaseAll() {
      for (const h of held.splice(0)) h.release();
    },
    /** Ends every token and session (as an expiry would). */
    expire() {
      tokens.clear();
      sessions.clear();
    },
    /** The Orgs of the tokens and sessions that are still valid. */
    live: () => [...tokens.values(), ...sessions.values()],
    issued,
    seen,
    count: (pathEnd: string) =>
      seen.filter((r) => new URL(r.url, "http://x").pathname.endsWith(pathEnd)).length,
  };
}
type Cluster = Awaited<ReturnType<typeof startCluster>>;

/** Polls until `condition` holds; bounded, so a broken client fails the test instead of hanging it. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const clusters: Cluster[] = [];
afterEach(async () => {
  await Promise.all(clusters.splice(0).map((c) => c.close()));
});

const kinds = [
  {
    name: "password token",
    auth: { username: "tsadmin", password: PASSWORD, orgId: 1 },
    login: "/auth/token/full",
    // Token logins for different generations run side by side; session logins share the jar, in turn.
    concurrentLogins: 2,
    credentialOf: (r: ReceivedRequest) => String(r.headers.authorization ?? ""),
  },
  {
    name: "V2 cookie session",
    auth: { username: "tsadmin", password: PASSWORD, orgId: 1, session: true },
    login: `${V2}/auth/session/login`,
    concurrentLogins: 1,
    credentialOf: (r: ReceivedRequest) => String(r.headers.cookie ?? ""),
  },
  {
    name: "V1 cookie session",
    auth: { username: "tsadmin", password: PASSWORD, orgId: 1, session: "v1" },
    login: `${V1}/session/login`,
    concurrentLogins: 1,
    credentialOf: (r: ReceivedRequest) => String(r.headers.cookie ?? ""),
  },
] as const;

describe.each(kinds)("$name", (kind) => {
  async function setup(extra: Partial<ThoughtSpotClientOptions> = {}) {
    const cluster = await startCluster();
    clusters.push(cluster);
    const ts = createThoughtSpotClient({
      serverUrl: cluster.url,
      auth: kind.auth as ThoughtSpotClientOptions["auth"],
      maxRetries: 0,
      ...extra,
    });
    const org = async () => (await ts.api.v2.getCurrentUserInfo()).current_org?.id;
    return { cluster, ts, org };
  }

  it("switchOrg during the first login: the next call runs in the new Org; the old Org's login is ended", async () => {
    const { cluster, ts, org } = await setup();
    cluster.hold(kind.login, 1);
    const first = caught<AuthError>(org());
    await until(() => cluster.held.length === 1, "the first login to arrive");
    const switched = ts.switchOrg(2);
    cluster.releaseAll();
    await switched;
    expect(await org()).toBe(2);
    // The call that waited for the Org 1 login is not sent with it, nor moved to Org 2.
    const error = await first;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/not sent: switchOrg\(\)/);
    expect(cluster.live()).toEqual([2]);
  });

  it("logout during the first login: the late login is ended, not used, and the next call logs in afresh", async () => {
    const { cluster, ts, org } = await setup();
    cluster.hold(kind.login, 1);
    const first = caught<AuthError>(org());
    await until(() => cluster.held.length === 1, "the first login to arrive");
    const loggedOut = ts.logout();
    cluster.releaseAll();
    await loggedOut;
    const error = await first;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toMatch(/not sent: logout\(\)/);
    expect(cluster.live()).toEqual([]);
    const late = cluster.issued[0]!;
    expect(cluster.count("/auth/session/user")).toBe(0);

    expect(await org()).toBe(1);
    const next = cluster.seen.find((r) => r.url.endsWith("/auth/session/user"))!;
    expect(kind.credentialOf(next)).not.toContain(late);
    expect(cluster.issued).toHaveLength(2);
  });

  it("logout while calls are in flight: their 401s are AuthErrors and leave no new login behind", async () => {
    const { cluster, ts, org } = await setup();
    await ts.login();
    const logins = cluster.count(kind.login);
    cluster.hold("/auth/session/user", 3);
    const calls = [caught<AuthError>(org()), caught<AuthError>(org()), caught<AuthError>(org())];
    await until(() => cluster.held.length === 3, "three calls to arrive");
    await ts.logout();
    expect(cluster.live()).toEqual([]);
    cluster.releaseAll();
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(AuthError);
    expect(cluster.count(kind.login)).toBe(logins);
    expect(cluster.live()).toEqual([]);
  });

  it("switchOrg(2) and switchOrg(3) at once: the last one wins, and the other Org's login is ended", async () => {
    const { cluster, ts, org } = await setup();
    await ts.login();
    cluster.hold(kind.login, kind.concurrentLogins);
    const both = Promise.all([ts.switchOrg(2), ts.switchOrg(3)]);
    await until(() => cluster.held.length === kind.concurrentLogins, "the switch logins to arrive");
    // The later switch's login answers first; the earlier one's answer comes last.
    for (const h of cluster.held.splice(0).reverse()) {
      h.release();
      await new Promise((r) => setTimeout(r, 20));
    }
    await both;
    expect(await org()).toBe(3);
    expect(cluster.live()).toEqual([3]);
  });

  it("a call being retried when switchOrg resolves is not sent again in the new Org", async () => {
    const { cluster, ts, org } = await setup({ maxRetries: 1 });
    await ts.login();
    cluster.fail("/auth/session/user", 1);
    const first = caught<AuthError>(org());
    await until(() => cluster.count("/auth/session/user") === 1, "the 503");
    await ts.switchOrg(2); // within the 1 s Retry-After pause
    const error = await first;
    expect(error).toBeInstanceOf(AuthError);
    expect(cluster.count("/auth/session/user")).toBe(1);
    expect(await org()).toBe(2);
  });
});

describe("a token provider ({ getToken })", () => {
  it("logout while calls are in flight: their 401s are AuthErrors and getToken is not asked again", async () => {
    const cluster = await startCluster();
    clusters.push(cluster);
    // The provider's tokens come from the cluster's own token endpoint, so the cluster knows them.
    let asked = 0;
    const getToken = async () => {
      asked++;
      const response = await fetch(`${cluster.url}${V2}/auth/token/full`, { method: "POST", body: "{}" });
      return ((await response.json()) as { token: string }).token;
    };
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { getToken }, maxRetries: 0 });
    const org = () => ts.api.v2.getCurrentUserInfo();
    await org();
    cluster.hold("/auth/session/user", 2);
    const calls = [caught<AuthError>(org()), caught<AuthError>(org())];
    await until(() => cluster.held.length === 2, "two calls to arrive");
    await ts.logout();
    // A provider's token is the caller's to revoke; here the cluster ends it, as an expiry would.
    cluster.expire();
    cluster.releaseAll();
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(AuthError);
    expect(asked).toBe(1);
    await org(); // a call made after the logout asks for a token again
    expect(asked).toBe(2);
  });
});
