// Turns the `auth` option into a strategy, given the client's anonymous calls (the ones that obtain
// credentials must not carry them).
import type { CallOptions } from "../operations/types.js";
import type { Redactor } from "../redact.js";
import type { AuthKind } from "./options.js";
import { cookieSession } from "./session-strategy.js";
import { type AuthStrategy, anonymous, staticToken } from "./strategy.js";
import { cachedToken, tokenProvider } from "./token-strategy.js";

type Loose = Record<string, unknown>;

export interface AnonymousCalls {
  v2(operationId: string, input: unknown, options?: CallOptions): Promise<unknown>;
  v1(operationId: string, input: unknown): Promise<unknown>;
  clearCookies(): Promise<void>;
}

export function strategyFromOptions(
  kind: AuthKind,
  auth: Loose,
  calls: AnonymousCalls,
  redactor: Redactor,
): AuthStrategy {
  let orgId = auth.orgId as number | undefined;
  switch (kind) {
    case "none":
      return anonymous;
    case "token":
      return staticToken(auth.token as string);
    case "provider":
      return tokenProvider(async () => {
        const result = await (auth.getToken as () => Promise<string | { token: string }>)();
        redactor.add(typeof result === "string" ? result : result?.token);
        return result;
      });
    case "password":
    case "secretKey": {
      const secret = kind === "secretKey" ? { secret_key: auth.secretKey } : { password: auth.password };
      const issue = async () => {
        const issued = (await calls.v2("getFullAccessToken", {
          username: auth.username,
          ...secret,
          ...(orgId !== undefined && { org_id: orgId }),
          ...(auth.validitySeconds !== undefined && { validity_time_in_sec: auth.validitySeconds }),
        })) as { token: string; creation_time_in_millis?: number; expiration_time_in_millis?: number };
        redactor.add(issued.token);
        const { creation_time_in_millis: from, expiration_time_in_millis: to } = issued;
        return {
          token: issued.token,
          ...(from !== undefined && to !== undefined && { lifetimeMs: to - from }),
        };
      };
      return cachedToken(issue, {
        // Revoking needs the token itself as the bearer, since it is the credential being ended.
        revoke: async (token) => {
          await calls.v2("revokeToken", { token }, { headers: { Authorization: `Bearer ${token}` } });
        },
        switchOrg: (id) => {
          orgId = id;
        },
      });
    }
    case "session":
      return cookieSession(
        {
          login: async (org) => {
            if (auth.session === "v1") {
              await calls.v1("sessionLogin", {
                username: auth.username,
                password: auth.password,
                rememberme: true,
              });
              if (org !== undefined) await calls.v1("sessionOrgsPut", { orgid: org });
              return;
            }
            await calls.v2("login", {
              username: auth.username,
              password: auth.password,
              remember_me: true,
              ...(org !== undefined && { org_identifier: String(org) }),
            });
          },
          logout: async () => {
            await (auth.session === "v1" ? calls.v1("sessionLogout", {}) : calls.v2("logout", undefined));
          },
          clearCookies: () => calls.clearCookies(),
        },
        orgId,
      );
  }
}
