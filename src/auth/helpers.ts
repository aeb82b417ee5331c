// ts.auth: tokens for other users and objects, validation and revocation, V1 trusted authentication.
import type { operations as V2Operations } from "../../generated/v2.js";
import { AuthError } from "../core/errors.js";
import type { CallOptions, OperationInput, OperationMethods, OperationOutput } from "../core/types.js";
import type { Redactor } from "../redact.js";
import type { CredentialCalls } from "./from-options.js";
import type { ParsedAuth } from "./options.js";

type Input<K extends keyof V2Operations> = OperationInput<V2Operations[K]>;
type Output<K extends keyof V2Operations> = Promise<OperationOutput<V2Operations[K]>>;

export interface AuthHelpers {
  /** A token that only opens one object (auth/token/object); the client's secret key or password fills in. */
  objectToken(input: Input<"getObjectAccessToken">, options?: CallOptions): Output<"getObjectAccessToken">;
  /** A token with custom attributes / ABAC rules (auth/token/custom). */
  customToken(input: Input<"getCustomAccessToken">, options?: CallOptions): Output<"getCustomAccessToken">;
  validateToken(token: string, options?: CallOptions): Output<"validateToken">;
  revokeToken(input?: Input<"revokeToken">, options?: CallOptions): Output<"revokeToken">;
  /** V1 session/auth/token: a trusted-authentication login token (text). */
  v1TrustedToken(input: {
    username: string;
    accessLevel?: "FULL" | "REPORT_BOOK_VIEW";
    objectId?: string;
    orgId?: number;
    secretKey?: string;
  }): Promise<string>;
}

export function createAuthHelpers(
  auth: ParsedAuth,
  api: OperationMethods<V2Operations>,
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
    objectToken: (input, options) =>
      anonymous.v2("getObjectAccessToken", withCredential(input), options) as Output<"getObjectAccessToken">,
    customToken: (input, options) =>
      anonymous.v2("getCustomAccessToken", withCredential(input), options) as Output<"getCustomAccessToken">,
    validateToken: (token, options) => api.validateToken({ token }, options),
    revokeToken: (input, options) => api.revokeToken(input ?? {}, options),
    async v1TrustedToken({ username, accessLevel = "FULL", objectId, orgId, secretKey }) {
      const key = secretKey ?? (auth.kind === "secretKey" ? auth.secretKey : undefined);
      if (!key) throw new TypeError("v1TrustedToken needs a secretKey (in auth or in the call)");
      redactor.add(key);
      const token = (await anonymous.v1("sessionAuthToken", {
        secret_key: key,
        username,
        access_level: accessLevel,
        ...(objectId !== undefined && { id: objectId }),
        ...(orgId !== undefined && { orgid: orgId }),
      })) as unknown;
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
