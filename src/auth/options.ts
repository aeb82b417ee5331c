// The `auth` option: which forms exist, and checks that fail at createThoughtSpotClient time.

import { forbiddenInHeader } from "../core/header-check.js";
import type { TokenProviderResult } from "./token-strategy.js";

export type AuthOptions =
  /** A bearer token you manage. */
  | { token: string }
  /** Called whenever a token is needed; cached until the `expiresAt` it returns, if any. */
  | { getToken: () => TokenProviderResult | Promise<TokenProviderResult> }
  /** Username and password → V2 auth/token/full, cached and refreshed before expiry. */
  | { username: string; password: string; orgId?: number; validitySeconds?: number; session?: false }
  /** Trusted authentication: username and the cluster's secret key → V2 auth/token/full. */
  | { username: string; secretKey: string; orgId?: number; validitySeconds?: number }
  /** A cookie session: V2 auth/session/login (session: true) or V1 session/login (session: "v1"). */
  | { username: string; password: string; session: true | "v1"; orgId?: number };

/** The `auth` option, checked once when the client is created. */
export type ParsedAuth =
  | { kind: "none" }
  | { kind: "token"; token: string }
  | { kind: "provider"; getToken: () => TokenProviderResult | Promise<TokenProviderResult> }
  | { kind: "password"; username: string; password: string; orgId?: number; validitySeconds?: number }
  | { kind: "secretKey"; username: string; secretKey: string; orgId?: number; validitySeconds?: number }
  | { kind: "session"; username: string; password: string; session: "v2" | "v1"; orgId?: number };

export type AuthKind = ParsedAuth["kind"];

const has = (o: object, key: string) => key in o && (o as Record<string, unknown>)[key] !== undefined;
/**
 * A token goes into the Authorization header: the same rule as every header value the caller gives
 * (../core/header-check.ts), checked here because the runtime's own error would quote the token.
 */
export function hasControlCharacter(value: string): boolean {
  // A tab is allowed in header values but never in a token: refused as before.
  return forbiddenInHeader(value) || value.includes("\t");
}

export function parseAuth(auth: unknown): ParsedAuth {
  if (auth === undefined) return { kind: "none" };
  if (!auth || typeof auth !== "object")
    throw new TypeError("auth must be an object, e.g. { token } or { username, password }");
  const a = auth as Record<string, unknown>;
  const nonEmpty = (key: string) => typeof a[key] === "string" && (a[key] as string).length > 0;
  if (has(a, "token")) {
    if (!nonEmpty("token")) throw new TypeError("auth.token must be a non-empty string");
    if (hasControlCharacter(a.token as string))
      throw new TypeError(
        "auth.token holds a line break, a character beyond Latin-1 or another control character (not shown); check how it was read",
      );
    return { kind: "token", token: a.token as string };
  }
  if (has(a, "getToken")) {
    if (typeof a.getToken !== "function") throw new TypeError("auth.getToken must be a function");
    return { kind: "provider", getToken: a.getToken as () => TokenProviderResult };
  }
  if (!nonEmpty("username"))
    throw new TypeError("auth.username must be a non-empty string (or pass { token } or { getToken })");
  if (has(a, "orgId") && !Number.isInteger(a.orgId))
    throw new TypeError("auth.orgId must be an integer Org id");
  if (
    has(a, "validitySeconds") &&
    !(Number.isInteger(a.validitySeconds) && (a.validitySeconds as number) > 0)
  ) {
    throw new TypeError("auth.validitySeconds must be a positive integer");
  }
  if (has(a, "password") && has(a, "secretKey"))
    throw new TypeError("auth takes a password or a secretKey, not both");
  const username = a.username as string;
  const orgId = has(a, "orgId") ? { orgId: a.orgId as number } : {};
  const validity = has(a, "validitySeconds") ? { validitySeconds: a.validitySeconds as number } : {};
  if (has(a, "secretKey")) {
    if (!nonEmpty("secretKey")) throw new TypeError("auth.secretKey must be a non-empty string");
    if (has(a, "session")) throw new TypeError("auth.session works with a password, not a secretKey");
    return { kind: "secretKey", username, secretKey: a.secretKey as string, ...orgId, ...validity };
  }
  if (!nonEmpty("password")) throw new TypeError("auth needs a password or a secretKey with the username");
  const password = a.password as string;
  if (a.session === true || a.session === "v1") {
    return { kind: "session", username, password, session: a.session === "v1" ? "v1" : "v2", ...orgId };
  }
  if (has(a, "session") && a.session !== false)
    throw new TypeError('auth.session must be true, "v1" or false');
  return { kind: "password", username, password, ...orgId, ...validity };
}

/** Every secret an auth option holds, for the client's redactor. */
export function authSecrets(auth: ParsedAuth): string[] {
  switch (auth.kind) {
    case "token":
      return [auth.token];
    case "password":
    case "session":
      return [auth.password];
    case "secretKey":
      return [auth.secretKey];
    default:
      return [];
  }
}
