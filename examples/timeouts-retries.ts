// Timeouts, retries, cancellation and logging for long-running scripts: client-wide defaults, a per-call
// timeout, an AbortSignal, and one log line per attempt.
import { RequestAbortedError, RequestTimeoutError } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

export async function main({ connect, log }: ExampleContext) {
  const lines: string[] = [];
  const logger = {
    debug: (m: string) => lines.push(m),
    info: (m: string) => lines.push(m),
    warn: log,
    error: log,
  };
  // Each attempt times out after 30 s; 429, 502-504 and resets of reads are retried up to 4 times.
  const patient = connect({
    timeoutMs: 30_000,
    maxRetries: 4,
    logger,
    logLevel: "debug",
  });
  await patient.api.v2.searchUsers({ record_size: 1 });
  log(`logged: ${lines.at(-1)}`);

  // Per call: a shorter timeout and no retries.
  await patient.api.v2.getSystemInformation(undefined, { timeoutMs: 5_000, maxRetries: 0 });

  // Cancel a call yourself, e.g. when the user closes the page.
  const controller = new AbortController();
  controller.abort();
  try {
    await patient.api.v2.searchUsers({}, { signal: controller.signal });
  } catch (error) {
    if (!(error instanceof RequestAbortedError || error instanceof RequestTimeoutError)) throw error;
    log(`${error.name}: the call was cancelled`);
  }
  return { logLines: lines.length };
}

await runIfMain(import.meta.url, main);
