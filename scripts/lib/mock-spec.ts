// The spec the mock ThoughtSpot (thoughtspot-rest-api/testing) serves: patched, and for V1 with the
// base path folded into the paths, since Prism routes on paths and ignores servers.
import type { ApiName } from "./specs.js";

export function mockSpecOf(api: ApiName, patched: Record<string, unknown>): Record<string, unknown> {
  if (api === "v2") return patched;
  const paths = patched.paths as Record<string, unknown>;
  return {
    ...patched,
    paths: Object.fromEntries(Object.entries(paths).map(([p, item]) => [`/callosum/v1${p}`, item])),
    servers: [],
  };
}
