// Facts about one call that the transport needs but a Request cannot carry: which operation it is,
// whether it may be retried, and per-call overrides. openapi-fetch copies unknown init keys onto
// the Request it builds, so facade calls pass these under TS_CALL and the transport reads them back.

export const TS_CALL = "tsCall" as const;

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

export function callMetaOf(request: Request): CallMeta | undefined {
  return (request as Request & { [TS_CALL]?: CallMeta })[TS_CALL];
}
