// What invoke calls around one operation: the deprecation warning before it, and the explanation of
// a "not found" answer from a cluster too old for it afterwards (the release is looked up only then,
// and the code that compares releases loads only then too: most programs never need it).
import type { ThoughtSpotError } from "../core/errors.js";
import { once } from "../lazy.js";
import type { OperationRow } from "../operation-row.js";
import type { DeprecationWarner } from "./deprecation.js";

const loadNotFound = once(() => import("./not-found.js"));

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
      if (!(row.availableFrom || row.availableFromSoftware)) return error;
      // A chunk that fails to load must not hide the original error.
      const explain = await loadNotFound().catch(() => undefined);
      if (!explain?.mayBeMissingOperation(error)) return error;
      const { explainedNotFound, missingOperationFacts } = explain;
      // The original error matters more than a failed lookup of the release.
      const release = await clusterVersion().catch(() => undefined);
      const facts = missingOperationFacts(error, operationId, row, release);
      return facts ? explainedNotFound(error, facts) : error;
    },
  };
}
