// Sharing vocabulary shared by V1 (security/share, metadata/listas) and V2 (security/metadata/share).
import type { V1PermissionType, V1ShareMode, V2ShareMode } from "./api-types.js";

/**
 * Access levels when sharing an object. EDIT is the Python library's friendlier name for MODIFY.
 * Checked against both APIs, so a value either one drops breaks the build.
 */
export const ShareModes = {
  READ_ONLY: "READ_ONLY",
  NO_ACCESS: "NO_ACCESS",
  MODIFY: "MODIFY",
  EDIT: "MODIFY",
} as const satisfies Record<string, Extract<V1ShareMode, V2ShareMode>>;
export type ShareModes = (typeof ShareModes)[keyof typeof ShareModes];

/** V1 security/metadata/permissions: EFFECTIVE (including via groups) or DEFINED (explicit shares). */
export const PermissionTypes = {
  EFFECTIVE: "EFFECTIVE",
  DEFINED: "DEFINED",
} as const satisfies Record<string, V1PermissionType>;
export type PermissionTypes = (typeof PermissionTypes)[keyof typeof PermissionTypes];
