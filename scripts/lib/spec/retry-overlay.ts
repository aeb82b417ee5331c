// Which operations the transport may send again after a connection failure or a 5xx: the `idempotent`
// flag of the operation table. The table's first guess reads the method and the operationId's verb;
// openapi/overlays/retry/<api>.json corrects it where the verb misleads, each entry with its reason.
// Never guesses itself: an entry that names no operation, or changes nothing, is reported.

import { readFile } from "node:fs/promises";
import type { OperationRow } from "../emit/operation-row.js";
import type { PatchReport } from "./patches.js";

export interface RetryOverlayEntry {
  operationId: string;
  why: string;
  /** false: changes state, never re-sent after a connection failure or a 5xx. true: only reads. */
  idempotent: boolean;
}

/** Reads openapi/overlays/retry/<api>.json: { "entries": [{ "operationId", "why", "idempotent" }] }; none → []. */
export async function readRetryOverlay(file: string): Promise<RetryOverlayEntry[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return [];
  }
  const raw = JSON.parse(text) as { entries?: unknown };
  if (!Array.isArray(raw.entries)) throw new Error(`retry overlay ${file}: needs "entries" (array)`);
  return (raw.entries as Record<string, unknown>[]).map((e) => {
    if (typeof e.operationId !== "string" || typeof e.why !== "string" || typeof e.idempotent !== "boolean") {
      throw new Error(
        `retry overlay ${file}: every entry needs "operationId", "why" and "idempotent" (boolean)`,
      );
    }
    return { operationId: e.operationId, why: e.why, idempotent: e.idempotent };
  });
}

/**
 * Applies the entries to the table's `idempotent` flags, in place, reported like the patches: an entry
 * for an operation this spec lacks (an older release) is not applicable; one that changes nothing is
 * not needed (the update flow lists both).
 */
export function applyRetryOverlay(
  table: Record<string, OperationRow>,
  entries: RetryOverlayEntry[],
): PatchReport {
  const report: PatchReport = { applied: [], notApplicable: [], notNeeded: [] };
  for (const entry of entries) {
    const name = `retry:${entry.operationId}`;
    const row = Object.hasOwn(table, entry.operationId) ? table[entry.operationId] : undefined;
    if (!row) {
      report.notApplicable.push({ file: name, reason: `no operation ${entry.operationId}` });
      continue;
    }
    if ((row.idempotent === true) === entry.idempotent) {
      report.notNeeded.push(name);
      continue;
    }
    if (entry.idempotent) row.idempotent = true;
    else delete row.idempotent;
    report.applied.push(name);
  }
  return report;
}
