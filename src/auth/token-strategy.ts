// Strategies that hold a bearer token which expires: username + password or secret key (V2
// auth/token/full), and a caller-supplied async provider. Tokens are cached per auth generation
// (./generation.ts): switchOrg and logout start a new cache, and a token obtained for an ended
// generation is revoked when it arrives, never cached or used.

import type { OutgoingHeaders } from "../core/engine.js";
import { AuthSequence, type Generation } from "./generation.js";
import type { AuthStrategy } from "./strategy.js";
import { type IssuedToken, TokenCache } from "./token-cache.js";

function bearerOf(headers: OutgoingHeaders): string | undefined {
  const value = headers.authorization;
  return value?.startsWith("Bearer ") ? value.slice(7) : undefined;
}

/** A login that completed after its generation ended (already revoked); its callers get an AuthError. */
class Superseded extends Error {}

export interface TokenHooks {
  /** The Org of the first login. */
  orgId?: number | undefined;
  /** Ends a token this client obtained (logout, a token for an Org or session left since). */
  revoke?: (token: string) => Promise<void>;
  /** The token can be asked for another Org (`issue` takes it): ts.switchOrg is offered. */
  switchOrg?: boolean;
}

export function cachedToken(
  issue: (orgId: number | undefined) => Promise<IssuedToken>,
  hooks: TokenHooks = {},
): AuthStrategy {
  const sequence = new AuthSequence(hooks.orgId);
  const revoke = async (token: string | undefined) => {
    if (token && hooks.revoke) await hooks.revoke(token);
  };
  const cacheFor = (generation: Generation) =>
    new TokenCache(async () => {
      const issued = await sequence.login(
        generation,
        () => issue(generation.org),
        (t) => revoke(t.token),
      );
      if (!issued) throw new Superseded();
      return issued.value;
    });
  // The cache of the current generation; switchOrg and logout replace it at once.
  let cache = cacheFor(sequence.current);
  const quietly = (error: unknown) => {
    if (!(error instanceof Superseded)) throw error;
  };
  /** Moves to the next generation; the old cache's token (once its login in flight settles) is revoked. */
  const leave = (reason: "switchOrg" | "logout", orgId?: number) => {
    const old = cache;
    cache = cacheFor(sequence.advance(reason, orgId));
    return async () => {
      await old.settled();
      const token = old.peek();
      old.clear();
      await revoke(token);
    };
  };

  return {
    async authorize(headers, call) {
      const generation = sequence.enter(call);
      let token: string;
      try {
        token = await cache.get();
      } catch (error) {
        throw error instanceof Superseded ? sequence.ended(generation, call) : error;
      }
      // switchOrg or logout while this call waited for its token: that token is being revoked.
      if (!sequence.isCurrent(generation)) throw sequence.ended(generation, call);
      sequence.sending(headers, generation);
      headers.authorization = `Bearer ${token}`;
    },
    async refresh({ headers }) {
      // Sent before a logout or switchOrg (or not to the cluster): the 401 is final, no new login.
      if (!sequence.renewable(headers)) return false;
      try {
        await cache.replace(bearerOf(headers));
        return true;
      } catch (error) {
        quietly(error);
        return false;
      }
    },
    async login() {
      // Superseded by a later switchOrg or logout: that one decides the state, nothing to do here.
      await cache.get().catch(quietly);
    },
    async logout() {
      await leave("logout")();
    },
    ...(hooks.switchOrg && {
      switchOrg: async (orgId: number) => {
        const ending = leave("switchOrg", orgId);
        // The old Org's token is revoked beside the new login; a failure there does not undo the switch.
        await Promise.all([ending().catch(() => undefined), cache.get().catch(quietly)]);
      },
    }),
  };
}

export type TokenProviderResult = string | { token: string; expiresAt?: Date | number };

/** `{ getToken }`: called when a token is needed; cached until the expiry it reports, if any. */
export function tokenProvider(
  hasControlCharacter: (value: string) => boolean,
  getToken: () => TokenProviderResult | Promise<TokenProviderResult>,
): AuthStrategy {
  return cachedToken(async () => {
    const result = await getToken();
    const token = typeof result === "string" ? result : result?.token;
    if (typeof token === "string" && hasControlCharacter(token)) {
      throw new TypeError(
        "auth.getToken returned a token with a line break, a character beyond Latin-1 or another control character (not shown)",
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
