// The per-call options a helper passes on to every request it makes: only those the caller set, so an
// unset one keeps the client's default. Imported by lazily loaded helpers only (not at startup).
import type { CallOptions } from "./types.js";

export function callOptionsOf({ signal, headers, timeoutMs, maxRetries }: CallOptions): CallOptions {
  return {
    ...(signal && { signal }),
    ...(headers && { headers }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(maxRetries !== undefined && { maxRetries }),
  };
}
