// Cookie sessions on Node: one tough-cookie jar per client, applied by fetch-cookie. Browsers keep
// cookies themselves (the client sends credentials: "include" instead). Loaded on first use, so
// clients without a cookie session (and browser bundles) never carry tough-cookie.

import type { Send } from "./transport.js";

export interface CookieFetch {
  fetch: Send;
  clear(): Promise<void>;
}

export function withCookieJar(fetch: Send): CookieFetch {
  const loaded = Promise.all([import("fetch-cookie"), import("tough-cookie")]).then(
    ([{ default: makeFetchCookie }, { CookieJar }]) => {
      const jar = new CookieJar();
      const cookieFetch = makeFetchCookie(
        (input: RequestInfo | URL, init?: RequestInit) =>
          fetch(String(input instanceof Request ? input.url : input), init ?? {}),
        jar,
      );
      return { jar, cookieFetch };
    },
  );
  return {
    fetch: async (url, init) => (await loaded).cookieFetch(url, init),
    clear: async () => (await loaded).jar.removeAllCookies(),
  };
}
