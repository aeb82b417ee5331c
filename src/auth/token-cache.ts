// A bearer token kept until shortly before it expires. Concurrent callers share one in-flight
// request (single flight), so N calls on a cold client cause exactly one token request.

export interface IssuedToken {
  token: string;
  /** Lifetime in ms as the server states it; unknown means "until a 401 says otherwise". */
  lifetimeMs?: number;
}

/**
 * Refresh this long before expiry: 10% of the lifetime, at least 5 s and at most 60 s, but never more
 * than a quarter of it, so a short-lived token (validitySeconds: 4) is still reused within its life.
 */
function marginMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(Math.min(5_000, lifetimeMs * 0.25), lifetimeMs * 0.1));
}

/**
 * A stated lifetime is believed down to this. Below it (an expiry before the creation time, zero,
 * not a number) the token would be fetched again on every call; a 401 still renews it sooner.
 */
export const MIN_LIFETIME_MS = 5_000;

/** The lifetime a token answer states (expiry minus creation), at least MIN_LIFETIME_MS; unknown without both. */
export function statedLifetimeMs(createdMs: unknown, expiresMs: unknown): number | undefined {
  if (typeof createdMs !== "number" || typeof expiresMs !== "number") return undefined;
  const lifetime = expiresMs - createdMs;
  return Number.isFinite(lifetime) && lifetime > MIN_LIFETIME_MS ? lifetime : MIN_LIFETIME_MS;
}

export class TokenCache {
  #current: { token: string; refreshAt: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token: the cached one, or a fresh one if it is missing or about to expire. */
  get(): Promise<string> {
    const current = this.#current;
    if (current && this.now() < current.refreshAt) return Promise.resolve(current.token);
    return this.refresh();
  }

  /** Fetches a new token, joining a request already in flight. */
  refresh(): Promise<string> {
    this.#pending ??= this.issue()
      .then(({ token, lifetimeMs }) => {
        // Expiry is measured on our clock from the stated lifetime, so server clock skew does not matter.
        const refreshAt =
          lifetimeMs === undefined
            ? Number.POSITIVE_INFINITY
            : this.now() + lifetimeMs - marginMs(lifetimeMs);
        this.#current = { token, refreshAt };
        return token;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  /** After a 401 with `failedToken`: refresh unless another caller already replaced that token. */
  async replace(failedToken: string | undefined): Promise<string> {
    if (this.#pending) return this.#pending;
    if (this.#current && failedToken !== undefined && this.#current.token !== failedToken)
      return this.#current.token;
    this.#current = undefined;
    return this.refresh();
  }

  /** Waits for a request in flight, if any, to settle (its outcome is the callers'). */
  async settled(): Promise<void> {
    await this.#pending?.catch(() => undefined);
  }

  peek(): string | undefined {
    return this.#current?.token;
  }

  clear(): void {
    this.#current = undefined;
  }
}
