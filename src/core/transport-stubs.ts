// The Node-only transport (the undici Agent fetch, the cookie jar) as the client holds it from creation:
// stubs that load ./node-fetch.ts and ./cookies.ts on first use, so browser bundles never carry them.
// A client without a cookie session loads the cookie code only when the cluster sets a cookie.
import { once } from "../lazy.js";
import type { Redactor } from "../redact.js";
import type { CookieFetch, CookieJarFetch } from "./cookies.js";
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

/**
 * The jar of a client without a cookie session: none (and no cookie code) until an answer from the
 * cluster's origin sets a cookie, e.g. a login made through ts.api or the raw clients. That answer
 * creates the jar and its cookies go in; later calls send them, as with `session: true`.
 */
export function lazyCookieJar(fetch: BaseFetch, redactor: Redactor, origin: string): CookieFetch {
  let jar: Promise<CookieJarFetch> | undefined;
  let ready: CookieJarFetch | undefined;
  const create = () => {
    jar ??= import("./cookies.js").then((m) => {
      ready = m.withCookieJar(fetch, redactor);
      return ready;
    });
    jar.catch(() => {
      jar = undefined; // a failed chunk load may succeed on the next cookie
    });
    return jar;
  };
  return {
    fetch: async (url, init) => {
      if (ready) return ready.fetch(url, init);
      // Being created: wait for it, so the cookie goes along.
      if (jar) return (await jar).fetch(url, init);
      const response = await fetch(url, init);
      if (response.headers.has("set-cookie") && new URL(url).origin === origin) {
        await (await create()).adopt(url, response);
      }
      return response;
    },
    clear: async () => {
      if (jar) await (await jar).clear();
    },
  };
}
