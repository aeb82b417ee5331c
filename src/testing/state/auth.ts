// Logins as ThoughtSpot does them: passwords and the trusted-auth secret key checked against the store,
// bearer tokens and cookie sessions issued by the mock, checked on every call, expiring and revocable;
// each bound to an Org. Never accepts a token or session it did not issue.
import type { IncomingHttpHeaders } from "node:http";
import type { Answer, AnswerInput, AnswerOutput, Operation } from "../types.js";
import { asV1, badRequest, forbidden, unauthorized } from "./errors.js";
import { findOrg, type Grant, groupsOf, isMember, type MockStore, passwordOf, secret } from "./store.js";

type Loose = Record<string, unknown>;

/**
 * Login operations whose spec entries still demand a bearer token (they inherit the global security),
 * though a cluster serves them without one: the session logins and V1's trusted-auth token. The token
 * operations need no entry here: their spec entries say `security: []`.
 */
const SESSION_LOGINS = new Set(["login", "sessionLogin", "sessionAuthToken"]);

/** Whether a call of `operation` needs a live token or session. */
export const needsLogin = (operation: Operation) =>
  !SESSION_LOGINS.has(operation.iid ?? "") &&
  !(Array.isArray(operation.security) && operation.security.length === 0);

/** The spec's default validity_time_in_sec for tokens. */
const DEFAULT_VALIDITY_SECONDS = 300;
const SESSION_COOKIE = "JSESSIONID";

const header = (headers: IncomingHttpHeaders | AnswerInput["headers"], name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function sessionId(headers: IncomingHttpHeaders | AnswerInput["headers"]): string | undefined {
  const cookies = header(headers, "cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=");
  }
  return undefined;
}

const bearerOf = (headers: IncomingHttpHeaders | AnswerInput["headers"]) =>
  /^Bearer\s+(\S+)$/i.exec(header(headers, "authorization") ?? "")?.[1];

/** The grant a request carries (bearer token first, then the session cookie); undefined if none is live. */
export function authenticate(store: MockStore, headers: IncomingHttpHeaders): Grant | undefined {
  const token = bearerOf(headers);
  let grant: Grant | undefined;
  if (token !== undefined) {
    grant = store.tokens.get(token);
    if (grant && grant.expiresAt <= Date.now()) {
      store.tokens.delete(token);
      grant = undefined;
    }
  } else {
    const id = sessionId(headers);
    grant = id === undefined ? undefined : store.sessions.get(id);
  }
  // A user deleted or deactivated since the login is logged out.
  const user = grant && store.catalog.users.find((u) => u.id === grant.userId);
  return user && user.account_status === "ACTIVE" ? grant : undefined;
}

/** The answer to a call without a live token or session (the spec's 401 examples: code 10097). */
export const notAuthenticated = () =>
  unauthorized("Authentication required: the token or session is missing, expired or revoked.");

type Checked = { user: Loose; orgId: number } | { error: AnswerOutput };

/** Checks username + password or secret key, and the Org asked for, as the token and login operations do. */
function checkLogin(store: MockStore, input: Loose, org: unknown, allowSecret: boolean): Checked {
  const { catalog } = store;
  const username = String(input.username ?? "");
  const password = input.password;
  const secretKey = allowSecret ? input.secret_key : undefined;
  // The spec's 400 example for the token operations.
  if (password === undefined && secretKey === undefined)
    return { error: badRequest("Either secret_key or password must be provided.") };
  if (
    secretKey !== undefined &&
    input.auto_create === true &&
    !catalog.users.some((u) => u.name === username)
  )
    if (secretKey === catalog.credentials.secret_key) autoCreate(store, username, input);
  const user = catalog.users.find((u) => u.name === username);
  const valid =
    user !== undefined &&
    (password !== undefined
      ? password === passwordOf(catalog, username)
      : secretKey === catalog.credentials.secret_key);
  // Wrong password and unknown user answer alike (the spec's 401 example), so names cannot be probed.
  if (!valid || !user)
    return { error: unauthorized("Invalid credentials. The provided secret key or password is incorrect.") };
  // The spec's 403 example for login.
  if (user.account_status !== "ACTIVE") return { error: forbidden("User account is inactive or locked.") };
  const current = (user.current_org as { id?: number } | undefined)?.id ?? 0;
  const orgId = org === undefined || org === null || org === "" ? current : findOrg(catalog, org)?.id;
  // The spec's 400 example for login.
  if (orgId === undefined || !isMember(catalog, username, orgId))
    return { error: badRequest("The specified org_identifier does not refer to a valid or accessible org.") };
  return { user, orgId };
}

/** Trusted authentication's auto_create: a user made on first token request. */
function autoCreate(store: MockStore, username: string, input: Loose) {
  store.catalog.users.push({
    id: `59481331-ee53-42be-a548-${String(0x800 + store.next()).padStart(12, "0")}`,
    name: username,
    display_name: String(input.display_name ?? username),
    visibility: "SHARABLE",
    email: input.email,
    account_type: "LOCAL_USER",
    account_status: "ACTIVE",
    creation_time_in_millis: Date.now(),
    user_groups: [],
    current_org: { id: 0, name: "Primary" },
  });
}

/** Issues a bearer token; the store remembers it until it expires or is revoked. */
export function issueToken(
  store: MockStore,
  user: Loose,
  orgId: number,
  seconds = DEFAULT_VALIDITY_SECONDS,
  scope: Grant["scope"] = "FULL",
): { token: string; grant: Grant } {
  const now = Date.now();
  for (const [old, grant] of store.tokens) if (grant.expiresAt <= now) store.tokens.delete(old);
  const token = secret("ts-mock-token.");
  const grant: Grant = {
    userId: String(user.id),
    username: String(user.name),
    orgId,
    createdAt: now,
    expiresAt: now + seconds * 1000,
    scope,
  };
  store.tokens.set(token, grant);
  return { token, grant };
}

function tokenAnswer(token: string, grant: Grant): AnswerOutput {
  return {
    json: {
      token,
      creation_time_in_millis: grant.createdAt,
      expiration_time_in_millis: grant.expiresAt,
      scope: { access_type: grant.scope, org_id: grant.orgId },
      valid_for_user_id: grant.userId,
      valid_for_username: grant.username,
    },
  };
}

/** getCustomAccessToken's answer (the spec's AccessToken): org and user as objects. */
function customTokenAnswer(store: MockStore, token: string, grant: Grant): AnswerOutput {
  const org = store.catalog.orgs.find((o) => o.id === grant.orgId);
  return {
    json: {
      id: token.slice(-12),
      token,
      org: { id: grant.orgId, name: org?.name ?? null },
      user: { id: grant.userId, name: grant.username },
      creation_time_in_millis: grant.createdAt,
      expiration_time_in_millis: grant.expiresAt,
    },
  };
}

const issue =
  (store: MockStore, scope: Grant["scope"], custom = false): Answer =>
  ({ input }) => {
    const checked = checkLogin(store, input, input.org_id, true);
    if ("error" in checked) return checked.error;
    const seconds = Number(input.validity_time_in_sec ?? DEFAULT_VALIDITY_SECONDS);
    const { token, grant } = issueToken(store, checked.user, checked.orgId, seconds, scope);
    return custom ? customTokenAnswer(store, token, grant) : tokenAnswer(token, grant);
  };

/** A cookie session, as V2 auth/session/login and V1 session/login start it. */
function startSession(store: MockStore, user: Loose, orgId: number): AnswerOutput {
  const id = secret("");
  store.sessions.set(id, {
    userId: String(user.id),
    username: String(user.name),
    orgId,
    createdAt: Date.now(),
    expiresAt: Number.POSITIVE_INFINITY,
    scope: "FULL",
  });
  return {
    status: 204,
    headers: { "Set-Cookie": `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` },
  };
}

const endSession = (store: MockStore, headers: AnswerInput["headers"]): AnswerOutput => {
  const id = sessionId(headers);
  if (id !== undefined) store.sessions.delete(id);
  return {
    status: 204,
    headers: { "Set-Cookie": `${SESSION_COOKIE}=; Path=/; HttpOnly; Max-Age=0` },
  };
};

export function authAnswers(store: MockStore): Record<string, Answer> {
  return {
    getFullAccessToken: issue(store, "FULL"),
    getObjectAccessToken: issue(store, "REPORT_BOOK_VIEW"),
    getCustomAccessToken: issue(store, "FULL", true),
    login: ({ input }) => {
      const checked = checkLogin(store, input, input.org_identifier, false);
      // V2 session login answers bad credentials with the spec's 401 example for login.
      if ("error" in checked)
        return checked.error.status === 401
          ? unauthorized("Authentication failed. Verify that the username and password are correct.")
          : checked.error;
      return startSession(store, checked.user, checked.orgId);
    },
    logout: ({ headers }) => endSession(store, headers),
    sessionLogin: ({ input }) => {
      const checked = checkLogin(store, input, input.orgid, false);
      return "error" in checked ? asV1(checked.error) : startSession(store, checked.user, checked.orgId);
    },
    sessionLogout: ({ headers }) => endSession(store, headers),
    sessionOrgsPut: ({ input, headers, caller }) => {
      // Switches the Org of the session (or token) the call came with.
      const grant = authenticate(store, headers as IncomingHttpHeaders);
      const org = findOrg(store.catalog, input.orgid);
      if (!grant || !caller || !org || !isMember(store.catalog, caller.username, org.id))
        return asV1(badRequest("The specified org_identifier does not refer to a valid or accessible org."));
      grant.orgId = org.id;
      return { status: 204 };
    },
    sessionAuthToken: ({ input }) => {
      const checked = checkLogin(store, input, input.orgid, true);
      if ("error" in checked) return asV1(checked.error);
      const { token } = issueToken(store, checked.user, checked.orgId);
      return { status: 200, headers: { "Content-Type": "text/plain" }, body: token };
    },
    revokeToken: ({ input, headers }) => {
      const user = input.user_identifier;
      // With neither field, the token the call was sent with: the spec's description ("revokes the
      // token issued for the current user session") and ThoughtSpot's Python library, which sends no body.
      const token =
        typeof input.token === "string" ? input.token : user === undefined ? bearerOf(headers) : undefined;
      // The spec's 400 example for revokeToken.
      if (token === undefined && user === undefined)
        return badRequest("Either user_identifier or token must be provided.");
      if (token !== undefined) store.tokens.delete(token);
      if (user !== undefined)
        for (const [t, grant] of store.tokens)
          if (grant.userId === user || grant.username === user) store.tokens.delete(t);
      return { status: 204 };
    },
    validateToken: ({ input }) => {
      const grant = store.tokens.get(String(input.token));
      // The spec's 400 examples for validateToken.
      if (!grant) return badRequest("The provided token is malformed and cannot be parsed.");
      if (grant.expiresAt <= Date.now()) return badRequest("The provided token has expired.");
      return {
        json: {
          creation_time_in_millis: grant.createdAt,
          expiration_time_in_millis: grant.expiresAt,
          scope: { access_type: grant.scope, org_id: grant.orgId },
          valid_for_user_id: grant.userId,
          token_type: "BEARER",
        },
      };
    },
  };
}

/** Who is logged in and what the cluster runs: realistic answers (Prism's examples with `realistic: false`). */
export function systemAnswers(store: MockStore): Record<string, Answer> {
  const userOf = (request: AnswerInput) =>
    store.catalog.users.find((u) => u.id === request.caller?.userId) ?? store.catalog.users[0]!;
  const orgName = (id: number) => store.catalog.orgs.find((o) => o.id === id)?.name ?? "Primary";
  return {
    getCurrentUserInfo: (request) => {
      const orgId = request.caller?.orgId ?? 0;
      const user = userOf(request);
      // The user's groups in the Org it works in: groups belong to one Org.
      const inOrg = new Set(groupsOf(store.catalog, orgId).map((g) => g.id));
      const groups = ((user.user_groups as { id?: unknown }[] | undefined) ?? []).filter((g) =>
        inOrg.has(g.id),
      );
      return { json: { ...user, user_groups: groups, current_org: { id: orgId, name: orgName(orgId) } } };
    },
    getCurrentUserToken: (request) => {
      const bearer = bearerOf(request.headers);
      const live = bearer === undefined ? undefined : store.tokens.get(bearer);
      if (bearer && live) return tokenAnswer(bearer, live);
      const { token, grant } = issueToken(store, userOf(request), request.caller?.orgId ?? 0);
      return tokenAnswer(token, grant);
    },
    getSystemInformation: () => ({
      json: {
        id: "8f0d3c52-6b1e-4f8a-9a53-2d1e0c7b9f10",
        name: "retail-analytics.mock.thoughtspot",
        release_version: store.release,
        time_zone: "Europe/Berlin",
        locale: "en-US",
        date_format: "MM/dd/yyyy",
        api_version: "v2",
        type: "SAAS",
        environment: "PROD",
        license: "EnterpriseSaaS",
      },
    }),
    sessionInfo: (request) => {
      const user = userOf(request);
      const orgId = request.caller?.orgId ?? 0;
      return {
        json: {
          userName: user.name,
          userDisplayName: user.display_name,
          userGUID: user.id,
          releaseVersion: store.release,
          apiVersion: "v1",
          privileges:
            user.name === "tsadmin" ? ["ADMINISTRATION", "AUTHORING", "DATADOWNLOADING"] : ["AUTHORING"],
          timezone: "Europe/Berlin",
          currentOrg: { id: orgId, name: orgName(orgId) },
        },
      };
    },
  };
}
