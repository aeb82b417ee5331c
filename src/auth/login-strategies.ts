// The strategies that log in (a token provider, password or secret key for auth/token/full, a cookie
// session), built from the parsed `auth` option. Loaded on the first call (./from-options.ts), so a
// client with a fixed { token } never carries them. Logins go out through the credential calls.
import { AuthError } from "../core/errors.js";
import type { Redactor } from "../redact.js";
import type { CredentialCalls } from "./from-options.js";
import type { ParsedAuth } from "./options.js";
import { cookieSession } from "./session-strategy.js";
import type { AuthStrategy } from "./strategy.js";
import { statedLifetimeMs } from "./token-cache.js";
import { cachedToken, tokenProvider } from "./token-strategy.js";

export type LoginAuth = Exclude<ParsedAuth, { kind: "none" } | { kind: "token" }>;

/** ./options.ts's check of a token, handed over: importing it here would split it into a startup chunk. */
export type ControlCheck = (value: string) => boolean;

export function loginStrategy(
  auth: LoginAuth,
  calls: CredentialCalls,
  redactor: Redactor,
  hasControlCharacter: ControlCheck,
): AuthStrategy {
  switch (auth.kind) {
    case "provider":
      return tokenProvider(hasControlCharacter, async () => {
        const result = await auth.getToken();
        redactor.add(typeof result === "string" ? result : result?.token);
        return result;
      });
    case "password":
    case "secretKey": {
      const secret = auth.kind === "secretKey" ? { secret_key: auth.secretKey } : { password: auth.password };
      const issue = async (orgId: number | undefined) => {
        const issued = await calls.v2("getFullAccessToken", {
          username: auth.username,
          ...secret,
          ...(orgId !== undefined && { org_id: orgId }),
          ...(auth.validitySeconds !== undefined && { validity_time_in_sec: auth.validitySeconds }),
        });
        // Checked as unknown: a hostile or broken server may send anything where the spec says string.
        const token = checkedToken((issued as { token?: unknown } | undefined)?.token, hasControlCharacter);
        redactor.add(token);
        const lifetimeMs = statedLifetimeMs(
          issued?.creation_time_in_millis,
          issued?.expiration_time_in_millis,
        );
        return { token, ...(lifetimeMs !== undefined && { lifetimeMs }) };
      };
      return cachedToken(issue, {
        orgId: auth.orgId,
        // revokeToken ends the token it is sent with (the body is not needed), and that bearer is added
        // like every credential: after middleware, and only for the cluster's origin.
        revoke: async (token) => {
          await calls.withBearer(token).v2("revokeToken", {});
        },
        switchOrg: true,
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
function checkedToken(token: unknown, hasControlCharacter: ControlCheck): string {
  const why =
    typeof token !== "string" || token.trim() === ""
      ? "holds no token"
      : hasControlCharacter(token)
        ? "holds a token with a character beyond Latin-1 or a control character (not shown)"
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
