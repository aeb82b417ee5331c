// The release an operation needs on a given cluster: the Software release ThoughtSpot's docs give for
// Software clusters where there is one, else the release the spec states.
import type { OperationRow } from "../operation-row.js";
import { isOlderRelease, parseRelease, type Release } from "./version.js";

export function releaseNeeded(
  row: Pick<OperationRow, "availableFrom" | "availableFromSoftware">,
  cluster: Release | string | undefined,
): string | undefined {
  const parsed = typeof cluster === "string" ? parseRelease(cluster) : cluster;
  if (parsed?.channel === "software" && row.availableFromSoftware) return row.availableFromSoftware;
  return row.availableFrom;
}

/** The release the operation needs, when the cluster is known to be older than it; else undefined. */
export function tooOldFor(
  row: Pick<OperationRow, "availableFrom" | "availableFromSoftware">,
  cluster: string | undefined,
): string | undefined {
  const needed = releaseNeeded(row, cluster);
  return needed && isOlderRelease(cluster, needed) ? needed : undefined;
}
