// Which operations the transport may send again after a connection failure or a 5xx: the `idempotent`
// flag of the operation table. The table's first guess reads the method and the operationId's verb;
// openapi/overlays/retry/<api>.json corrects it where the verb misleads, each entry with its reason.
// Never guesses itself: an entry that names no operation, or changes nothing, fails the generation.

import { readFile } from "node:fs/promises";
import type { OperationRow } from "../emit/operation-row.js";

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

/** Applies the entries to the table's `idempotent` flags, in place. */
export function applyRetryOverlay(table: Record<string, OperationRow>, entries: RetryOverlayEntry[]): void {
  for (const entry of entries) {
    const row = Object.hasOwn(table, entry.operationId) ? table[entry.operationId] : undefined;
    if (!row) throw new Error(`retry overlay: ${entry.operationId} is not an operation of this spec`);
    if ((row.idempotent === true) === entry.idempotent) {
      throw new Error(
        `retry overlay: ${entry.operationId} is already ${entry.idempotent ? "idempotent" : "not idempotent"}; remove the entry`,
      );
    }
    if (entry.idempotent) row.idempotent = true;
    else delete row.idempotent;
  }
}
