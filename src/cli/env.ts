// Clients of `thoughtspot-rest-api` from the environment: TS_SERVER_URL with TS_TOKEN, or TS_USERNAME and
// TS_PASSWORD or TS_SECRET_KEY (the variables of examples/), and TS_TARGET_* for the target of a deploy.
// It never sends one cluster's credentials to another: a target on another server needs its own.
import { type AuthOptions, createThoughtSpotClient, type ThoughtSpotClient } from "../index.js";
import { UsageError } from "./args.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** Names of the variables, for --help. */
export const ENV_HELP = `Environment:
  TS_SERVER_URL        the cluster (the source of export and deploy; where import goes)
  TS_USERNAME          with TS_PASSWORD or TS_SECRET_KEY (trusted authentication)
  TS_PASSWORD
  TS_SECRET_KEY
  TS_TOKEN             a bearer token instead of a username
  TS_ORG_ID            the Org to log into (also --org)
  TS_TARGET_SERVER_URL the target of a deploy (default: TS_SERVER_URL)
  TS_TARGET_USERNAME   target credentials, like the TS_ ones; on the same server they default to
  TS_TARGET_PASSWORD   the TS_ ones, on another server they must be given
  TS_TARGET_SECRET_KEY
  TS_TARGET_TOKEN
  TS_TARGET_ORG_ID     the target Org (also --target-org)
`;

function orgOf(value: string | number | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${name} is an Org id (a whole number), not ${String(value)}`);
  return n;
}

function authOf(env: Env, prefix: string, orgId: number | undefined): AuthOptions | undefined {
  const token = env[`${prefix}TOKEN`];
  if (token) return { token };
  const username = env[`${prefix}USERNAME`];
  if (!username) return undefined;
  const base = { username, ...(orgId !== undefined && { orgId }) };
  const secretKey = env[`${prefix}SECRET_KEY`];
  if (secretKey) return { ...base, secretKey };
  const password = env[`${prefix}PASSWORD`];
  if (password) return { ...base, password };
  throw new UsageError(`set ${prefix}PASSWORD or ${prefix}SECRET_KEY for ${prefix}USERNAME`);
}

function serverOf(env: Env, name: string): string {
  const url = env[name];
  if (!url) throw new UsageError(`set ${name} (and credentials: see --help)`);
  return url;
}

/** The client of TS_* (source of exports and deploys; where `tml import` goes). */
export function sourceClient(env: Env, org?: number): ThoughtSpotClient {
  const serverUrl = serverOf(env, "TS_SERVER_URL");
  const orgId = org ?? orgOf(env.TS_ORG_ID, "TS_ORG_ID");
  const auth = authOf(env, "TS_", orgId);
  if (!auth) throw new UsageError("set TS_USERNAME with TS_PASSWORD or TS_SECRET_KEY, or TS_TOKEN");
  if (orgId !== undefined && "token" in auth)
    throw new UsageError("an Org needs username-based credentials (TS_TOKEN is already bound to its Org)");
  return createThoughtSpotClient({ serverUrl, auth });
}

/** The client of TS_TARGET_* (falling back to TS_* on the same server). */
export function targetClient(env: Env, org?: number): ThoughtSpotClient {
  const serverUrl = env.TS_TARGET_SERVER_URL || serverOf(env, "TS_SERVER_URL");
  const sameServer = !env.TS_TARGET_SERVER_URL || sameOrigin(env.TS_TARGET_SERVER_URL, env.TS_SERVER_URL);
  const orgId = org ?? orgOf(env.TS_TARGET_ORG_ID, "TS_TARGET_ORG_ID");
  const auth =
    authOf(env, "TS_TARGET_", orgId) ??
    (sameServer ? authOf(env, "TS_", orgId ?? orgOf(env.TS_ORG_ID, "TS_ORG_ID")) : undefined);
  if (!auth) {
    throw new UsageError(
      sameServer
        ? "set TS_TARGET_USERNAME with a password or secret key, TS_TARGET_TOKEN, or the TS_ credentials"
        : "the target is another server: set TS_TARGET_USERNAME with TS_TARGET_PASSWORD or TS_TARGET_SECRET_KEY, or TS_TARGET_TOKEN",
    );
  }
  if (orgId !== undefined && "token" in auth)
    throw new UsageError(
      "a target Org needs username-based credentials (a token is already bound to its Org)",
    );
  return createThoughtSpotClient({ serverUrl, auth });
}

export function parseOrg(value: unknown, flag: string): number | undefined {
  return orgOf(value as string | number | undefined, flag);
}

function sameOrigin(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
