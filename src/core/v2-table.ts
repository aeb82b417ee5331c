// The V2 operation table, loaded on first use rather than at startup: startup code knows only the
// names (generated/v2-names.ts); every call reads its row from here.

import { once } from "../lazy.js";
import type { OperationRow } from "../operation-row.js";

export const loadV2Table = once(
  async () => (await import("../../generated/v2-operations.js")).v2Operations as Record<string, OperationRow>,
);
