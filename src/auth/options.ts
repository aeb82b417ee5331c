// The `auth` option: which forms exist, and checks that fail at createThoughtSpotClient time.
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

export type AuthKind = "none" | "token" | "provider" | "password" | "secretKey" | "session";

const has = (o: object, key: string) => key in o && (o as Record<string, unknown>)[key] !== undefined;

export function authKind(auth: unknown): AuthKind {
  if (auth === undefined) return "none";
  if (!auth || typeof auth !== "object")
    throw new TypeError("auth must be an object, e.g. { token } or { username, password }");
  const a = auth as Record<string, unknown>;
  const nonEmpty = (key: string) => typeof a[key] === "string" && (a[key] as string).length > 0;
  if (has(a, "token")) {
    if (!nonEmpty("token")) throw new TypeError("auth.token must be a non-empty string");
    return "token";
  }
  if (has(a, "getToken")) {
    if (typeof a.getToken !== "function") throw new TypeError("auth.getToken must be a function");
    return "provider";
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
  if (has(a, "secretKey")) {
    if (!nonEmpty("secretKey")) throw new TypeError("auth.secretKey must be a non-empty string");
    if (has(a, "session")) throw new TypeError("auth.session works with a password, not a secretKey");
    return "secretKey";
  }
  if (!nonEmpty("password")) throw new TypeError("auth needs a password or a secretKey with the username");
  if (a.session === true || a.session === "v1") return "session";
  if (has(a, "session") && a.session !== false)
    throw new TypeError('auth.session must be true, "v1" or false');
  return "password";
}

/** Every secret an auth option holds, for the client's redactor. */
export function authSecrets(auth: unknown): string[] {
  if (!auth || typeof auth !== "object") return [];
  const a = auth as Record<string, unknown>;
  return ["token", "password", "secretKey"]
    .map((k) => a[k])
    .filter((v): v is string => typeof v === "string");
}
