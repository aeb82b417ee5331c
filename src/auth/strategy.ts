// How a client proves who it is. Each form of the `auth` option becomes one strategy; the transport
// asks it for credentials before every attempt and, after a 401, for one refresh.

export interface RequestContext {
  method: string;
  path: string;
  operationId?: string | undefined;
}

export interface FailedAttempt {
  /** Headers the rejected attempt carried (to tell whether its token is still the current one). */
  headers: Headers;
  /** When the rejected attempt was sent (performance.now()), to skip a re-login that already happened. */
  sentAt: number;
}

export interface AuthStrategy {
  /** Adds credentials (the Authorization header) to a request about to be sent. */
  authorize(headers: Headers, context: RequestContext): Promise<void>;
  /** After a 401: obtain fresh credentials; true when the request is worth replaying once. */
  refresh?(failed: FailedAttempt): Promise<boolean>;
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
      headers.set("Authorization", `Bearer ${token}`);
    },
  };
}

export function bearerOf(headers: Headers): string | undefined {
  const value = headers.get("authorization");
  return value?.startsWith("Bearer ") ? value.slice(7) : undefined;
}
