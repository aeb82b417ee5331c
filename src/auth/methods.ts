// The method names of ts.auth, beside its interface (a missing or extra name is a compile error).
import type { AuthHelpers } from "./helpers.js";

export const authMethods = {
  objectToken: true,
  customToken: true,
  validateToken: true,
  revokeToken: true,
  v1TrustedToken: true,
} as const satisfies Record<keyof AuthHelpers, true>;
