// Cookie sessions on Node: one tough-cookie jar per client, applied by fetch-cookie. Browsers keep
// cookies themselves (the client sends credentials: "include" instead). Loaded on first use, so
// clients without a cookie session (and browser bundles) never carry tough-cookie. The jar never
// follows redirects (the engine sends with redirect: "manual"), and every cookie value it receives
// is taught to the client's redactor, so a server that echoes the session cookie cannot leak it.
import type { Redactor } from "../redact.js";
import type { BaseFetch } from "./engine.js";

export interface CookieFetch {
  fetch: BaseFetch;
  clear(): Promise<void>;
}

export interface CookieJarFetch extends CookieFetch {
  /** Keeps the cookies of an answer fetched before the jar existed (the one that made it be created). */
  adopt(url: string, response: Response): Promise<void>;
}

export function withCookieJar(fetch: BaseFetch, redactor: Redactor): CookieJarFetch {
  const loaded = Promise.all([import("fetch-cookie"), import("tough-cookie")]).then(
    ([{ default: makeFetchCookie }, { CookieJar }]) => {
      // Secure cookies only ever go over https, loopback included (tough-cookie would allow http there).
      const jar = new CookieJar(undefined, { allowSecureOnLocal: false });
      const cookieFetch = makeFetchCookie(async (input: RequestInfo | URL, init?: RequestInit) => {
        const response = await fetch(String(input instanceof Request ? input.url : input), init ?? {});
        for (const line of response.headers.getSetCookie?.() ?? []) learnCookie(line, redactor);
        return response;
      }, jar);
      return { jar, cookieFetch };
    },
  );
  return {
    fetch: async (url, init) => (await loaded).cookieFetch(url, { ...init, redirect: "manual" }),
    clear: async () => (await loaded).jar.removeAllCookies(),
    adopt: async (url, response) => {
      const { jar } = await loaded;
      // As fetch-cookie stores them: by the answer's URL, a cookie the jar refuses is dropped.
      for (const line of response.headers.getSetCookie?.() ?? []) {
        learnCookie(line, redactor);
        await jar.setCookie(line, response.url || url, { ignoreError: true });
      }
    },
  };
}

/**
 * name=value; attributes → the value, whatever its length, is a secret until the same cookie (name,
 * Domain, Path) is set again: a rotated cookie replaces its predecessor in the redactor.
 */
function learnCookie(line: string, redactor: Redactor): void {
  const [pair = "", ...attributes] = line.split(";");
  const at = pair.indexOf("=");
  const name = at >= 0 ? pair.slice(0, at).trim() : "";
  const value = at >= 0 ? pair.slice(at + 1).trim() : pair.trim();
  let domain = "";
  let path = "";
  for (const attribute of attributes) {
    const [key = "", ...rest] = attribute.split("=");
    const lower = key.trim().toLowerCase();
    if (lower === "domain") domain = rest.join("=").trim().toLowerCase();
    else if (lower === "path") path = rest.join("=").trim();
  }
  redactor.cookie(`${name}\u0000${domain}\u0000${path}`, value);
}
