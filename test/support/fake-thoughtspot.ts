// A small fake ThoughtSpot on 127.0.0.1: issues expiring tokens, keeps cookie sessions, requires
// X-Requested-By on V1, and injects faults on demand (401, 429, 503, resets, slow or broken answers).
import type { ServerResponse } from "node:http";
import { json, type ReceivedRequest, startServer, type TestServer } from "./server.js";

export type Fault =
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: "reset" }
  | { kind: "slow"; ms: number }
  | { kind: "html"; status: number }
  | { kind: "malformed" };

export interface FakeThoughtSpot extends TestServer {
  users: Record<string, { password: string }>;
  secretKey: string;
  tokenLifetimeSec: number;
  /** Calls per "METHOD /path" (pathname without query). */
  hits: Map<string, number>;
  tokens: Map<string, { user: string; expiresAt: number; orgId?: number }>;
  sessions: Map<string, { user: string; orgId?: number }>;
  /** Faults served, in order, to the next calls of a path (pathname ending). */
  inject(pathEnd: string, ...faults: Fault[]): void;
  expireEverything(): void;
  count(key: string): number;
}

const V2 = "/api/rest/2.0";
const V1 = "/callosum/v1/tspublic/v1";

export async function startFakeThoughtSpot(): Promise<FakeThoughtSpot> {
  const faults = new Map<string, Fault[]>();
  let counter = 0;
  const state = {
    users: { tsadmin: { password: "admin-Passw0rd!" } } as Record<string, { password: string }>,
    secretKey: "secret-key-0123456789abcdef",
    tokenLifetimeSec: 300,
    hits: new Map<string, number>(),
    tokens: new Map<string, { user: string; expiresAt: number; orgId?: number }>(),
    sessions: new Map<string, { user: string; orgId?: number }>(),
  };

  const bodyOf = (req: ReceivedRequest): Record<string, unknown> => {
    const text = req.body.toString();
    if (!text) return {};
    if (String(req.headers["content-type"]).includes("application/x-www-form-urlencoded")) {
      return Object.fromEntries(new URLSearchParams(text));
    }
    return JSON.parse(text);
  };
  const sessionOf = (req: ReceivedRequest) => {
    const id = /JSESSIONID=([^;]+)/.exec(String(req.headers.cookie ?? ""))?.[1];
    return id ? state.sessions.get(id) : undefined;
  };
  const bearerOf = (req: ReceivedRequest) => {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const entry = token ? state.tokens.get(token) : undefined;
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  };
  const unauthorized = (res: ServerResponse) =>
    json(res, 401, {
      error: { message: { code: 10002, debug: "Unauthorized: token expired or session ended" } },
    });

  const server = await startServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const key = `${req.method} ${path}`;
    state.hits.set(key, (state.hits.get(key) ?? 0) + 1);

    for (const [end, queue] of faults) {
      if (!path.endsWith(end) || queue.length === 0) continue;
      const fault = queue.shift() as Fault;
      if (fault.kind === "reset") {
        res.socket?.destroy();
        return;
      }
      if (fault.kind === "slow") await new Promise((r) => setTimeout(r, fault.ms));
      else if (fault.kind === "html") {
        res.writeHead(fault.status, { "Content-Type": "text/html" });
        return res.end("<html><body><h1>Service Unavailable</h1></body></html>");
      } else if (fault.kind === "malformed") {
        res.writeHead(200, { "Content-Type": "application/json" });
        return res.end('{"truncated": ');
      } else
        return json(
          res,
          fault.status,
          fault.body ?? { error: { message: { debug: `injected ${fault.status}` } } },
          fault.headers,
        );
    }

    if (path.startsWith(V1) && req.headers["x-requested-by"] !== "ThoughtSpot") {
      return json(res, 400, { code: 10000, debug: "X-Requested-By header is required" });
    }
    const body = bodyOf(req);

    if (path === `${V2}/auth/token/full`) {
      const user = String(body.username);
      const ok =
        body.secret_key === state.secretKey ||
        (body.password !== undefined && state.users[user]?.password === body.password);
      if (!ok) return json(res, 401, { error: { message: { debug: "Bad credentials" } } });
      const token = `tok-${++counter}-${"x".repeat(16)}`;
      const validity = Number(body.validity_time_in_sec ?? state.tokenLifetimeSec);
      const now = Date.now();
      const orgId = body.org_id === undefined ? undefined : Number(body.org_id);
      state.tokens.set(token, {
        user,
        expiresAt: now + validity * 1000,
        ...(orgId !== undefined && { orgId }),
      });
      return json(res, 200, {
        token,
        creation_time_in_millis: now,
        expiration_time_in_millis: now + validity * 1000,
        scope: { access_type: "FULL", org_id: orgId ?? 0 },
        valid_for_user_id: "u-1",
        valid_for_username: user,
      });
    }
    if (path === `${V2}/auth/token/revoke`) {
      // Without a token in the body, the bearer's own token is revoked (the spec's description).
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
      const token = String(body.token ?? bearer ?? "");
      if (!bearerOf(req)) return unauthorized(res);
      state.tokens.delete(token);
      res.writeHead(204);
      return res.end();
    }
    if (path === `${V2}/auth/session/login` || path === `${V1}/session/login`) {
      const user = String(body.username);
      if (state.users[user]?.password !== body.password)
        return json(res, 401, { error: { message: { debug: "Bad credentials" } } });
      const id = `sess-${++counter}-${"y".repeat(16)}`;
      const orgId = body.org_identifier === undefined ? undefined : Number(body.org_identifier);
      state.sessions.set(id, { user, ...(orgId !== undefined && { orgId }) });
      res.writeHead(204, { "Set-Cookie": [`JSESSIONID=${id}; Path=/; HttpOnly`, "clientId=abc; Path=/"] });
      return res.end();
    }
    if (path === `${V2}/auth/session/logout` || path === `${V1}/session/logout`) {
      const id = /JSESSIONID=([^;]+)/.exec(String(req.headers.cookie ?? ""))?.[1];
      if (id) state.sessions.delete(id);
      res.writeHead(204, { "Set-Cookie": "JSESSIONID=; Path=/; Max-Age=0" });
      return res.end();
    }

    const who = bearerOf(req) ?? sessionOf(req);
    if (!who) return unauthorized(res);
    if (path === `${V2}/users/create`) return json(res, 200, { id: `u-${++counter}`, name: body.name });
    if (path === `${V2}/auth/session/user`)
      return json(res, 200, { name: who.user, current_org: { id: who.orgId ?? 0 } });
    if (path === `${V1}/session/info`) return json(res, 200, { userName: who.user, orgId: who.orgId ?? 0 });
    if (path.startsWith(V2) || path.startsWith(V1)) return json(res, 200, []);
    return json(res, 404, { error: { message: { debug: `no route ${path}` } } });
  });

  // One object: tests change users, secretKey or tokenLifetimeSec and the handler sees it.
  return Object.assign(state, server, {
    inject(pathEnd: string, ...list: Fault[]) {
      faults.set(pathEnd, [...(faults.get(pathEnd) ?? []), ...list]);
    },
    expireEverything() {
      state.tokens.clear();
      state.sessions.clear();
    },
    count(key: string) {
      return state.hits.get(key) ?? 0;
    },
  });
}
