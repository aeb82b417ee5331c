// Reading ThoughtSpot's TML answers. Export and import answers list one entry per object with a
// status block; V1 wraps the list in { object: [...] }, V2 sends it bare. Errors arrive inside HTTP 200.

export type TmlStatus = "OK" | "WARNING" | "ERROR";

export interface TmlEntryStatus {
  status: TmlStatus;
  message?: string;
}

type Loose = Record<string, unknown>;

/** The per-object list of a TML answer, whichever API and release produced it. */
export function tmlEntries(answer: unknown): Loose[] {
  if (Array.isArray(answer)) return answer as Loose[];
  if (answer && typeof answer === "object") {
    const wrapped = (answer as Loose).object ?? (answer as Loose).objects;
    if (Array.isArray(wrapped)) return wrapped as Loose[];
  }
  throw new TypeError(`unexpected TML answer: ${JSON.stringify(answer)?.slice(0, 200)}`);
}

/** Status of one entry: newer releases put it in response.status, older ones in info.status. */
export function entryStatus(entry: Loose): TmlEntryStatus {
  const holder = ((entry.response as Loose | undefined) ??
    (entry.info as Loose | undefined) ??
    entry) as Loose;
  const status = (holder.status ?? {}) as Loose;
  const code = String(status.status_code ?? "OK").toUpperCase();
  const message = status.error_message ?? status.message;
  return {
    status: code === "ERROR" ? "ERROR" : code === "WARNING" ? "WARNING" : "OK",
    ...(typeof message === "string" && message && { message }),
  };
}
