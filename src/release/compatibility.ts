// ts.compatibility(): the operations of both APIs the connected cluster is too old for, from the
// releases in the generated tables, plus the deprecated operations and their replacements, and the
// operations ThoughtSpot marks Beta (the tables' `beta` flag).
import type { OperationRow } from "../operation-row.js";
import { releaseNeeded } from "./needed.js";
import { compareReleases, parseRelease } from "./version.js";

export type ApiName = "v2" | "v1";

export interface UnavailableOperation {
  api: ApiName;
  operationId: string;
  method: OperationRow["method"];
  path: string;
  /** The release the operation needs on this cluster. */
  availableFrom: string;
}

export interface DeprecatedOperation {
  api: ApiName;
  operationId: string;
  replacedBy?: string;
}

export interface BetaOperation {
  api: ApiName;
  operationId: string;
  method: OperationRow["method"];
  path: string;
}

export interface CompatibilityReport {
  /** The release as the cluster reports it; undefined when it does not. */
  clusterVersion: string | undefined;
  /** False when the release is missing or in a form this SDK cannot compare: then nothing is listed as unavailable. */
  comparable: boolean;
  /** Operations the cluster is older than, by API then operationId. */
  unavailable: UnavailableOperation[];
  /** Operations with a stated release that cannot be ordered against this cluster's (an unknown form). */
  undetermined: number;
  /** Operations the spec states no release for (some V1 operations): they are never listed as unavailable. */
  unstated: number;
  /** All operations of both APIs. */
  total: number;
  deprecated: DeprecatedOperation[];
  /** Operations ThoughtSpot marks Beta: they may change between releases. */
  beta: BetaOperation[];
  /** One line for a log or a demo. */
  summary: string;
}

export function compatibilityReport(
  clusterVersion: string | undefined,
  tables: Record<ApiName, Record<string, OperationRow>>,
): CompatibilityReport {
  const cluster = parseRelease(clusterVersion);
  const unavailable: UnavailableOperation[] = [];
  const deprecated: DeprecatedOperation[] = [];
  const beta: BetaOperation[] = [];
  let undetermined = 0;
  let unstated = 0;
  let total = 0;
  for (const api of ["v2", "v1"] as const) {
    for (const [operationId, row] of Object.entries(tables[api])) {
      total++;
      if (row.deprecated)
        deprecated.push({ api, operationId, ...(row.replacedBy && { replacedBy: row.replacedBy }) });
      if (row.beta) beta.push({ api, operationId, method: row.method, path: row.path });
      const needed = releaseNeeded(row, cluster);
      if (!needed) unstated++;
      else if (!cluster) continue;
      else {
        const order = compareReleases(cluster, needed);
        if (order === -1)
          unavailable.push({ api, operationId, method: row.method, path: row.path, availableFrom: needed });
        else if (order === undefined) undetermined++;
      }
    }
  }
  const perApi = (api: ApiName) => unavailable.filter((u) => u.api === api).length;
  const summary = !cluster
    ? `${clusterVersion === undefined ? "The cluster did not report its release" : `ThoughtSpot release "${clusterVersion}" is not a form this SDK can compare`}: no operation is checked (${total} operations, ${deprecated.length} deprecated, ${beta.length} Beta)`
    : `ThoughtSpot ${clusterVersion}: ${unavailable.length} of ${total} operations need a newer release (V2 ${perApi("v2")}, V1 ${perApi("v1")}); ${deprecated.length} deprecated, ${beta.length} Beta`;
  return {
    clusterVersion,
    comparable: cluster !== undefined,
    unavailable,
    undetermined: cluster ? undetermined : 0,
    unstated,
    total,
    deprecated,
    beta,
    summary,
  };
}
