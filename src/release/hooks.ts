// What invoke calls around one operation: the deprecation warning before it, and the explanation of
// a "not found" answer from a cluster too old for it afterwards (the release is looked up only then).
import type { ThoughtSpotError } from "../core/errors.js";
import type { OperationRow } from "../operation-row.js";
import type { DeprecationWarner } from "./deprecation.js";
import { explainedNotFound, mayBeMissingOperation, missingOperationFacts } from "./not-found.js";

export interface ReleaseHooks {
  calling(operationId: string, row: OperationRow): void;
  failed(error: ThoughtSpotError, operationId: string, row: OperationRow): Promise<ThoughtSpotError>;
}

export function releaseHooks(
  api: "v2" | "v1",
  warn: DeprecationWarner,
  clusterVersion: () => Promise<string | undefined>,
): ReleaseHooks {
  return {
    calling: (operationId, row) => warn(api, operationId, row),
    async failed(error, operationId, row) {
      if (!(row.availableFrom || row.availableFromSoftware) || !mayBeMissingOperation(error)) return error;
      // The original error matters more than a failed lookup of the release.
      const release = await clusterVersion().catch(() => undefined);
      const facts = missingOperationFacts(error, operationId, row, release);
      return facts ? explainedNotFound(error, facts) : error;
    },
  };
}
