// The method names of ts.tml, beside its interface (a missing or extra name is a compile error).
import type { TmlApi } from "./api.js";

export const tmlMethods = {
  export: true,
  exportBatch: true,
  import: true,
  exportToFolder: true,
  importFromFolder: true,
  exportSet: true,
  deploy: true,
} as const satisfies Record<keyof TmlApi, true>;
