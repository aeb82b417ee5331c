// The spec the mock ThoughtSpot (thoughtspot-rest-api/testing) serves: patched, and with the base
// path (V1's /callosum/v1) folded into the paths, since Prism routes on paths and ignores servers.
import { basePathOf } from "./table.js";

export function mockSpecOf(patched: Record<string, unknown>): Record<string, unknown> {
  const base = basePathOf(patched);
  if (!base) return patched;
  const paths = patched.paths as Record<string, unknown>;
  return {
    ...patched,
    paths: Object.fromEntries(Object.entries(paths).map(([p, item]) => [`${base}${p}`, item])),
    servers: [],
  };
}
