// ts.auth: tokens for other users and objects, validation and revocation, V1 trusted authentication.

import type { V2Outputs } from "../../generated/v2-api.js";
import type { Call, V1Input, V2Input, V2OperationId, V2Output } from "../core/call.js";
import { AuthError } from "../core/errors.js";
import type { CallOptions } from "../core/types.js";
import type { Redactor } from "../redact.js";
import type { CredentialCalls } from "./from-options.js";
import type { ParsedAuth } from "./options.js";

type Input<K extends V2OperationId> = V2Input<K>;
type Output<K extends keyof V2Outputs> = Promise<V2Output<K>>;

export interface AuthHelpers {
  /** A token that only opens one object (auth/token/object); the client's secret key or password fills in. */
  objectToken(input: Input<"getObjectAccessToken">, options?: CallOptions): Output<"getObjectAccessToken">;
  /** A token with custom attributes / ABAC rules (auth/token/custom). */
  customToken(input: Input<"getCustomAccessToken">, options?: CallOptions): Output<"getCustomAccessToken">;
  validateToken(token: string, options?: CallOptions): Output<"validateToken">;
  revokeToken(input?: Input<"revokeToken">, options?: CallOptions): Output<"revokeToken">;
  /** V1 session/auth/token: a trusted-authentication login token (text). */
  v1TrustedToken(
    input: {
      username: string;
      accessLevel?: "FULL" | "REPORT_BOOK_VIEW";
      objectId?: string;
      orgId?: number;
      secretKey?: string;
    },
    options?: CallOptions,
  ): Promise<string>;
}

export function createAuthHelpers(
  auth: ParsedAuth,
  call: Call,
  anonymous: CredentialCalls,
  redactor: Redactor,
): AuthHelpers {
  // The token endpoints take the caller's own credential in the body.
  const withCredential = <T extends object>(input: T): T => ({
    ...(auth.kind === "secretKey"
      ? { secret_key: auth.secretKey }
      : auth.kind === "password" || auth.kind === "session"
        ? { password: auth.password }
        : {}),
    ...input,
  });
  return {
    objectToken: (input, options) => anonymous.v2("getObjectAccessToken", withCredential(input), options),
    customToken: (input, options) => anonymous.v2("getCustomAccessToken", withCredential(input), options),
    validateToken: (token, options) => call.v2("validateToken", { token }, options),
    revokeToken: (input, options) => call.v2("revokeToken", input ?? {}, options),
    async v1TrustedToken({ username, accessLevel = "FULL", objectId, orgId, secretKey }, options) {
      const key = secretKey ?? (auth.kind === "secretKey" ? auth.secretKey : undefined);
      if (!key) throw new TypeError("v1TrustedToken needs a secretKey (in auth or in the call)");
      redactor.add(key);
      const input: V1Input<"sessionAuthToken"> = {
        secret_key: key,
        username,
        access_level: accessLevel,
        ...(objectId !== undefined && { id: objectId }),
        ...(orgId !== undefined && { orgid: orgId }),
      };
      // Checked as unknown: the answer is text, and a broken server may send anything.
      const token: unknown = await anonymous.v1("sessionAuthToken", input, options);
      if (typeof token !== "string" || token.trim() === "") {
        throw new AuthError({
          message: "V1 session/auth/token (sessionAuthToken) answered without a token",
          method: "POST",
          path: "/tspublic/v1/session/auth/token",
          operationId: "sessionAuthToken",
          status: 200,
        });
      }
      redactor.add(token);
      return token;
    },
  };
}
