// How a client proves who it is. Each option of `auth` becomes one strategy; the transport asks it
// for credentials before every attempt and, after a 401, for a single refresh.

export interface RequestContext {
  method: string;
  path: string;
  operationId?: string | undefined;
}

export interface AuthStrategy {
  /** Adds credentials (Authorization header) to a request about to be sent. */
  authorize(headers: Headers, context: RequestContext): Promise<void>;
  /** After a 401: obtain fresh credentials; true when the request is worth replaying once. */
  refresh?(): Promise<boolean>;
  /** Eager login (the first call logs in lazily otherwise). */
  login?(): Promise<void>;
  /** Revoke or end what login created, and forget it. */
  logout?(): Promise<void>;
  /** The current bearer token, if this strategy has one (sent on V1 calls too). */
  currentToken?(): string | undefined;
}

export const anonymous: AuthStrategy = {
  async authorize() {},
};

/** `{ token }`: a bearer token the caller manages. */
export function staticToken(token: string): AuthStrategy {
  return {
    async authorize(headers) {
      headers.set("Authorization", `Bearer ${token}`);
    },
    currentToken: () => token,
  };
}
