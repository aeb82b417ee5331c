// Turns the parsed `auth` option into a strategy. A fixed { token } (or none) is ready at once; the
// strategies that log in load with the first call or login (./login-strategies.ts). Their logins go
// out through the credential calls: the same pipeline as every call, without the client's own
// credentials (they are what is obtained).
import type { Call } from "../core/call.js";
import type { Redactor } from "../redact.js";
import { hasControlCharacter, type ParsedAuth } from "./options.js";
import { type AuthStrategy, anonymous, deferredStrategy, staticToken } from "./strategy.js";

/** The Call port without the client's credentials (they are what these calls obtain), and the jar. */
export interface CredentialCalls extends Call {
  clearCookies(): Promise<void>;
  /** The same port with this bearer token added by the auth hook (after middleware, cluster origin only). */
  withBearer(token: string): Call;
}

export function strategyFromOptions(
  auth: ParsedAuth,
  calls: CredentialCalls,
  redactor: Redactor,
): AuthStrategy {
  if (auth.kind === "none") return anonymous;
  if (auth.kind === "token") return staticToken(auth.token);
  return deferredStrategy(
    async () =>
      (await import("./login-strategies.js")).loginStrategy(auth, calls, redactor, hasControlCharacter),
    // A provider's token has no Org to move to.
    auth.kind !== "provider",
  );
}
