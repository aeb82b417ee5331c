// The client's middleware: functions that see every request the SDK sends, whichever surface sent it
// (ts.v2/ts.v1, ts.api, helpers, walkers, downloads, streams, logins), once per attempt.

export interface MiddlewareContext {
  /** The operation behind the request, when it is one of the spec's (raw calls to unknown paths have none). */
  readonly operationId: string | undefined;
  readonly api: "v1" | "v2" | undefined;
  /** Path template of the operation (never the filled-in URL). */
  readonly path: string | undefined;
  /** 1 for the first try, 2 for the first retry or the replay after a refreshed login, ... */
  readonly attempt: number;
}

/**
 * Change the request, answer without calling `next`, or look at the response. Credentials are added
 * after the middleware (closer to the wire), so a middleware never sees the Authorization header.
 */
export type Middleware = (
  request: Request,
  next: (request: Request) => Promise<Response>,
  context: MiddlewareContext,
) => Promise<Response>;

/** Runs `chain` in order around `last`; each middleware may call `next` at most once. */
export function runMiddleware(
  chain: readonly Middleware[],
  request: Request,
  context: MiddlewareContext,
  last: (request: Request) => Promise<Response>,
): Promise<Response> {
  const step = (index: number, current: Request): Promise<Response> => {
    const middleware = chain[index];
    if (!middleware) return last(current);
    let called = false;
    return Promise.resolve(
      middleware(
        current,
        (next) => {
          if (called) throw new TypeError("middleware: next() may be called only once per request");
          called = true;
          if (!(next instanceof Request)) throw new TypeError("middleware: next() takes a Request");
          return step(index + 1, next);
        },
        context,
      ),
    ).then((response) => {
      if (!(response instanceof Response)) {
        throw new TypeError("middleware: must resolve to a Response (return next(request) to pass it on)");
      }
      return response;
    });
  };
  return step(0, request);
}

export function checkMiddleware(value: unknown): Middleware {
  if (typeof value !== "function") {
    throw new TypeError("middleware must be a function (request, next, context) => Promise<Response>");
  }
  return value as Middleware;
}
