// Reading ThoughtSpot's TML answers. Export and import answers list one entry per object with a
// status block; V1 wraps the list in { object: [...] }, V2 sends it bare. Errors arrive inside HTTP 200.

import { type AnswerSource, unexpectedAnswer } from "../core/response-error.js";

export type TmlStatus = "OK" | "WARNING" | "ERROR";

export interface TmlEntryStatus {
  status: TmlStatus;
  message?: string;
}

type Loose = Record<string, unknown>;

/**
 * The per-object list of a TML answer, whichever API and release produced it; any other shape is an
 * UnexpectedResponseError naming the operation (entries that are not objects count as empty ones).
 */
export function tmlEntries(answer: unknown, source: AnswerSource): Loose[] {
  const list = Array.isArray(answer)
    ? answer
    : answer && typeof answer === "object"
      ? ((answer as Loose).object ?? (answer as Loose).objects)
      : undefined;
  if (!Array.isArray(list))
    throw unexpectedAnswer(source, "a list of objects (or { object: [...] })", answer);
  return list.map((entry) => (entry && typeof entry === "object" ? (entry as Loose) : {}));
}

/** Status of one entry: newer releases put it in response.status, older ones in info.status. */
export function entryStatus(entry: Loose): TmlEntryStatus {
  const holder = objectOr(entry.response) ?? objectOr(entry.info) ?? entry;
  const status = objectOr(holder.status) ?? {};
  const code = String(status.status_code ?? "OK").toUpperCase();
  const message = status.error_message ?? status.message;
  return {
    status: code === "ERROR" ? "ERROR" : code === "WARNING" ? "WARNING" : "OK",
    ...(typeof message === "string" && message && { message }),
  };
}

const objectOr = (value: unknown): Loose | undefined =>
  value && typeof value === "object" ? (value as Loose) : undefined;
