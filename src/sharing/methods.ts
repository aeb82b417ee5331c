// The method names of ts.sharing, beside its interface (a missing or extra name is a compile error).
import type { SharingApi } from "./api.js";

export const sharingMethods = {
  share: true,
  shareVisualization: true,
  permissionsOnObjects: true,
  permissionsOfPrincipals: true,
} as const satisfies Record<keyof SharingApi, true>;
