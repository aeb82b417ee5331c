// Warns through the client's logger, once per operation per client, when a deprecated operation is
// called, naming the replacement the spec gives. Silent without a logger.
import type { Logger } from "../logger.js";
import type { OperationRow } from "../operation-row.js";

export type DeprecationWarner = (api: "v2" | "v1", operationId: string, row: OperationRow) => void;

export function deprecationWarner(logger: Pick<Logger, "warn">): DeprecationWarner {
  const warned = new Set<string>();
  return (api, operationId, row) => {
    if (!row.deprecated || warned.has(`${api} ${operationId}`)) return;
    warned.add(`${api} ${operationId}`);
    const instead = row.replacedBy ? `; use ts.api.${api}.${row.replacedBy} instead` : "";
    logger.warn(`${operationId} (${row.method} ${row.path}) is deprecated by ThoughtSpot${instead}`, {
      operationId,
      ...(row.replacedBy && { replacedBy: row.replacedBy }),
    });
  };
}
