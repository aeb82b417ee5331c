// ts.v2 and ts.v1: openapi-fetch clients that load openapi-fetch on their first call, so programs
// using only ts.api and the helpers never carry it. Middleware registered before then is kept.
import type { Client, ClientOptions, Middleware } from "openapi-fetch";
import { once } from "./lazy.js";
import type { RawClient } from "./raw-types.js";

const loadOpenapiFetch = once(() => import("openapi-fetch"));
const METHODS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

export function lazyClient<Paths extends {}>(options: ClientOptions): RawClient<Paths> {
  const middleware: Middleware[] = [];
  let created: Client<Paths> | undefined;
  const client = once(async () => {
    created = (await loadOpenapiFetch()).default<Paths>(options);
    created.use(...middleware);
    return created;
  });
  const out: Record<string, unknown> = {
    use(...added: Middleware[]) {
      middleware.push(...added);
      created?.use(...added);
    },
    eject(...removed: Middleware[]) {
      for (const m of removed) {
        const at = middleware.indexOf(m);
        if (at >= 0) middleware.splice(at, 1);
      }
      created?.eject(...removed);
    },
  };
  for (const name of METHODS) {
    out[name] = async (...args: unknown[]) => {
      const c = (await client()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return c[name]!(...args);
    };
  }
  // The runtime is openapi-fetch; the types are the SDK's own (src/raw-types.ts).
  return out as unknown as RawClient<Paths>;
}
