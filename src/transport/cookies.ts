// Cookie sessions on Node: one tough-cookie jar per client, applied by fetch-cookie. Browsers keep
// cookies themselves (the client sends credentials: "include" instead).
import makeFetchCookie from "fetch-cookie";
import { CookieJar } from "tough-cookie";

export interface CookieFetch {
  fetch: (request: Request) => Promise<Response>;
  clear(): Promise<void>;
}

export function withCookieJar(fetch: (request: Request) => Promise<Response>): CookieFetch {
  const jar = new CookieJar();
  const cookieFetch = makeFetchCookie(
    (input: RequestInfo | URL, init?: RequestInit) => fetch(new Request(input as RequestInfo, init)),
    jar,
  );
  return {
    fetch: (request) => cookieFetch(request),
    clear: () => jar.removeAllCookies(),
  };
}
