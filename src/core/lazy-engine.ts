// What a client holds at startup instead of the engine: its options are checked at once (TypeErrors
// at creation), and the pipeline (./engine.ts) loads with the first request, together with the
// redactor's forms, so all a server sends is masked by them. Once loaded, sends go straight through.
import { once } from "../lazy.js";
import type { Redactor } from "../redact.js";
import type { AuthHook, Engine, EngineOptions } from "./engine.js";
import { checkMaxRetries, checkTimeoutMs } from "./limits.js";

const loadEngine = once(() => import("./engine.js"));

/** Starts loading the pipeline and the redactor's forms, so a first call fetches them beside its own chunks. */
export function preloadEngine(redactor: Redactor): void {
  loadEngine().catch(() => {});
  void redactor.loading();
}

export function createEngine(options: EngineOptions, auth?: AuthHook): Engine {
  checkMaxRetries(options.maxRetries, "createThoughtSpotClient");
  checkTimeoutMs(options.timeoutMs, "createThoughtSpotClient");
  let real: Engine | undefined;
  const load = once(async () => {
    const [m] = await Promise.all([loadEngine(), options.redactor.loading()]);
    real = m.createEngine(options, auth);
    return real;
  });
  return {
    send: (request, read) => (real ? real.send(request, read) : load().then((e) => e.send(request, read))),
    withAuth: (hook) => createEngine(options, hook),
  };
}
