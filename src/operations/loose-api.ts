// The operation methods as the helpers call them: by operationId, with bodies they assemble from
// their own typed options. One shape for every helper, instead of a list of adapters per helper.
import type { CallOptions } from "../core/types.js";

export type LooseCall = (input?: Record<string, unknown>, options?: CallOptions) => Promise<unknown>;

export interface LooseApi {
  v2: Record<string, LooseCall>;
  v1: Record<string, LooseCall>;
}

/** The method for one operationId; a name that the generated tables lack is a bug here, said plainly. */
export function call(methods: Record<string, LooseCall>, operationId: string): LooseCall {
  const method = methods[operationId];
  if (!method) throw new TypeError(`no operation ${operationId} in the generated tables`);
  return method;
}
