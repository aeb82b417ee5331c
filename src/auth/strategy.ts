// How a client proves who it is. Each form of the `auth` option becomes one strategy; the engine
// asks it for credentials before every attempt and, after a 401, for one refresh.
import type { AuthHook } from "../core/engine.js";

/** A strategy is the engine's auth hook (authorize before each attempt, refresh once after a 401) plus logins. */
export interface AuthStrategy extends AuthHook {
  /** Eager login (calls log in lazily otherwise). */
  login?(): Promise<void>;
  /** Revoke or end what login created, and forget it. */
  logout?(): Promise<void>;
  /** Move to another Org: the next login (token or session) is for that Org. */
  switchOrg?(orgId: number): Promise<void>;
}

export const anonymous: AuthStrategy = {
  async authorize() {},
};

/** `{ token }`: a bearer token the caller manages; a 401 is final. */
export function staticToken(token: string): AuthStrategy {
  return {
    async authorize(headers) {
      headers.authorization = `Bearer ${token}`;
    },
  };
}

/**
 * A strategy whose code loads on first use (the strategies that log in are not needed at startup).
 * Once loaded, authorize goes straight through; every other method waits for the load, so the order
 * of calls, logins, switchOrg and logout is the order they were made in.
 */
export function deferredStrategy(load: () => Promise<AuthStrategy>, switchesOrg: boolean): AuthStrategy {
  let loaded: AuthStrategy | undefined;
  let loading: Promise<AuthStrategy> | undefined;
  const get = () => {
    loading ??= load().then((strategy) => {
      loaded = strategy;
      return strategy;
    });
    loading.catch(() => {
      loading = undefined; // a failed chunk load may succeed on the next call
    });
    return loading;
  };
  return {
    authorize: (headers, call) =>
      loaded ? loaded.authorize(headers, call) : get().then((s) => s.authorize(headers, call)),
    refresh: async (failed) => (await get()).refresh?.(failed) ?? false,
    login: async () => (await get()).login?.(),
    logout: async () => (await get()).logout?.(),
    ...(switchesOrg && { switchOrg: async (orgId: number) => (await get()).switchOrg?.(orgId) }),
  };
}
