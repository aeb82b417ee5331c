// Turns the parsed `auth` option into a strategy. Its logins go out through the credential calls:
// the same pipeline as every call, without the client's own credentials (they are what is obtained).
import type { Call } from "../core/call.js";
import { AuthError } from "../core/errors.js";
import type { Redactor } from "../redact.js";
import { hasControlCharacter, type ParsedAuth } from "./options.js";
import { cookieSession } from "./session-strategy.js";
import { type AuthStrategy, anonymous, staticToken } from "./strategy.js";
import { cachedToken, tokenProvider } from "./token-strategy.js";

/** The Call port without the client's credentials (they are what these calls obtain), and the jar. */
export interface CredentialCalls extends Call {
  clearCookies(): Promise<void>;
}

export function strategyFromOptions(
  auth: ParsedAuth,
  calls: CredentialCalls,
  redactor: Redactor,
): AuthStrategy {
  switch (auth.kind) {
    case "none":
      return anonymous;
    case "token":
      return staticToken(auth.token);
    case "provider":
      return tokenProvider(async () => {
        const result = await auth.getToken();
        redactor.add(typeof result === "string" ? result : result?.token);
        return result;
      });
    case "password":
    case "secretKey": {
      let orgId = auth.orgId;
      const secret = auth.kind === "secretKey" ? { secret_key: auth.secretKey } : { password: auth.password };
      const issue = async () => {
        const issued = await calls.v2("getFullAccessToken", {
          username: auth.username,
          ...secret,
          ...(orgId !== undefined && { org_id: orgId }),
          ...(auth.validitySeconds !== undefined && { validity_time_in_sec: auth.validitySeconds }),
        });
        // Checked as unknown: a hostile or broken server may send anything where the spec says string.
        const token = checkedToken((issued as { token?: unknown } | undefined)?.token);
        redactor.add(token);
        const from = issued?.creation_time_in_millis;
        const to = issued?.expiration_time_in_millis;
        return {
          token,
          ...(typeof from === "number" && typeof to === "number" && { lifetimeMs: to - from }),
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
            await (auth.session === "v1" ? calls.v1("sessionLogout", {}) : calls.v2("logout", {}));
          },
          clearCookies: () => calls.clearCookies(),
        },
        auth.orgId,
      );
  }
}

/** A token answer must hold a usable token: never send `Authorization: Bearer undefined`. */
function checkedToken(token: unknown): string {
  const why =
    typeof token !== "string" || token.trim() === ""
      ? "holds no token"
      : hasControlCharacter(token)
        ? "holds a token with a control character (not shown)"
        : undefined;
  if (!why) return token as string;
  throw new AuthError({
    message: `ThoughtSpot's answer to getFullAccessToken (POST /api/rest/2.0/auth/token/full) ${why}`,
    method: "POST",
    path: "/api/rest/2.0/auth/token/full",
    operationId: "getFullAccessToken",
    status: 200,
  });
}
