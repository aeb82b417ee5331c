// How a client proves who it is. Each form of the `auth` option becomes one strategy; the engine
// asks it for credentials before every attempt and, after a 401, for one refresh.
import type { AuthHook, OutgoingHeaders } from "../core/engine.js";

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

export function bearerOf(headers: OutgoingHeaders): string | undefined {
  const value = headers.authorization;
  return value?.startsWith("Bearer ") ? value.slice(7) : undefined;
}
