// Facts about one call that the transport needs beyond the request itself: which operation it is,
// whether it may be retried, and per-call overrides. ts.api calls know them from the generated
// table; raw ts.v2/ts.v1 calls get them from a lookup of the method and path.

export interface CallMeta {
  operationId?: string;
  /** Path template, for errors and logs (never the filled-in URL, which may hold identifiers). */
  path?: string;
  idempotent?: boolean;
  /** Skip the client's credentials (the calls that obtain them). */
  anonymous?: boolean;
  maxRetries?: number;
  timeoutMs?: number;
}
