// The Node-only transport (the undici Agent fetch, the cookie jar) as the client holds it from creation:
// stubs that load ./node-fetch.ts and ./cookies.ts on first use, so browser bundles never carry them.
import { once } from "../lazy.js";
import type { Redactor } from "../redact.js";
import type { CookieFetch } from "./cookies.js";
import type { BaseFetch } from "./engine.js";
import type { TlsOptions } from "./node-fetch.js";

const loadNodeFetch = once(() => import("./node-fetch.js"));

/** nodeFetch(tls), loaded on the first request; the TLS-off warning is said now, when the client is made. */
export function deferredNodeFetch(tls: TlsOptions | undefined, warn: (message: string) => void): BaseFetch {
  if (tls?.rejectUnauthorized === false) {
    warn("TLS certificate verification is OFF for this ThoughtSpot client (tls.rejectUnauthorized: false)");
  }
  let loaded: BaseFetch | undefined;
  const load = once(async () => {
    loaded = (await loadNodeFetch()).nodeFetch(tls);
    return loaded;
  });
  // Once loaded, calls go straight through: no extra await per request.
  return (url, init) => (loaded ? loaded(url, init) : load().then((fetch) => fetch(url, init)));
}

/** withCookieJar(fetch, redactor), whose module (and tough-cookie) starts loading now, as it did inline. */
export function deferredCookieJar(fetch: BaseFetch, redactor: Redactor): CookieFetch {
  const jar = import("./cookies.js").then((m) => m.withCookieJar(fetch, redactor));
  return {
    fetch: async (url, init) => (await jar).fetch(url, init),
    clear: async () => (await jar).clear(),
  };
}
