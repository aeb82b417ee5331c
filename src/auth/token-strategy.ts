// Strategies that hold a bearer token which expires: username + password or secret key (V2
// auth/token/full), and a caller-supplied async provider. Tokens are cached and refreshed.
import { hasControlCharacter } from "./options.js";
import { type AuthStrategy, bearerOf } from "./strategy.js";
import { type IssuedToken, TokenCache } from "./token-cache.js";

export function cachedToken(
  issue: () => Promise<IssuedToken>,
  hooks: { revoke?: (token: string) => Promise<void>; switchOrg?: (orgId: number) => void } = {},
): AuthStrategy {
  const cache = new TokenCache(issue);
  return {
    async authorize(headers) {
      headers.authorization = `Bearer ${await cache.get()}`;
    },
    async refresh({ headers }) {
      await cache.replace(bearerOf(headers));
      return true;
    },
    async login() {
      await cache.get();
    },
    async logout() {
      const token = cache.peek();
      cache.clear();
      if (token && hooks.revoke) await hooks.revoke(token);
    },
    ...(hooks.switchOrg && {
      switchOrg: async (orgId: number) => {
        hooks.switchOrg?.(orgId);
        cache.clear();
        await cache.get();
      },
    }),
  };
}

export type TokenProviderResult = string | { token: string; expiresAt?: Date | number };

/** `{ getToken }`: called when a token is needed; cached until the expiry it reports, if any. */
export function tokenProvider(
  getToken: () => TokenProviderResult | Promise<TokenProviderResult>,
): AuthStrategy {
  return cachedToken(async () => {
    const result = await getToken();
    const token = typeof result === "string" ? result : result?.token;
    if (typeof token === "string" && hasControlCharacter(token)) {
      throw new TypeError(
        "auth.getToken returned a token with a line break or another control character (not shown)",
      );
    }
    if (typeof result === "string" && result) return { token: result };
    if (result && typeof result === "object" && typeof result.token === "string" && result.token) {
      if (result.expiresAt === undefined) return { token: result.token };
      const expiresAt = result.expiresAt instanceof Date ? result.expiresAt.getTime() : result.expiresAt;
      return { token: result.token, lifetimeMs: Math.max(0, expiresAt - Date.now()) };
    }
    throw new TypeError("auth.getToken must return a token string or { token, expiresAt? }");
  });
}
