// Cookie sessions on Node: one tough-cookie jar per client, applied by fetch-cookie. Browsers keep
// cookies themselves (the client sends credentials: "include" instead). Loaded on first use, so
// clients without a cookie session (and browser bundles) never carry tough-cookie.

export interface CookieFetch {
  fetch: (request: Request) => Promise<Response>;
  clear(): Promise<void>;
}

export function withCookieJar(fetch: (request: Request) => Promise<Response>): CookieFetch {
  const loaded = Promise.all([import("fetch-cookie"), import("tough-cookie")]).then(
    ([{ default: makeFetchCookie }, { CookieJar }]) => {
      const jar = new CookieJar();
      const cookieFetch = makeFetchCookie(
        (input: RequestInfo | URL, init?: RequestInit) => fetch(new Request(input as RequestInfo, init)),
        jar,
      );
      return { jar, cookieFetch };
    },
  );
  return {
    fetch: async (request) => (await loaded).cookieFetch(request),
    clear: async () => (await loaded).jar.removeAllCookies(),
  };
}
