// TML errors, under the SDK's one root (ThoughtSpotError) so a single catch covers them too.
import { ThoughtSpotError, type ThoughtSpotErrorInit } from "../core/errors.js";
import type { TmlDeployResult } from "./deploy/deploy.js";

/** A TML document that cannot be used as given: no known type key, wrong shape, bad argument. */
export class TmlError extends ThoughtSpotError {
  override name = "TmlError";
  constructor(message: string | ThoughtSpotErrorInit, options?: { cause?: unknown }) {
    super(typeof message === "string" ? { message, cause: options?.cause } : message);
  }
}

/** TML text that is not valid YAML (or JSON). `line` and `column` are 1-based. */
export class TmlParseError extends TmlError {
  override name = "TmlParseError";
  readonly line: number;
  readonly column: number;

  readonly reason: string;
  /** The file the text came from, when known. */
  readonly file: string | undefined;
  /** The kind key the text starts with (`table`, `liveboard` …), when one can be seen. */
  readonly kind: string | undefined;

  constructor(
    reason: string,
    line: number,
    column: number,
    options?: { cause?: unknown; file?: string; kind?: string },
  ) {
    const where = options?.file ? ` in ${options.file}` : "";
    const what = options?.kind ? ` (${options.kind})` : "";
    super(`TML parse error${where}${what} at line ${line}, column ${column}: ${reason}`, {
      cause: options?.cause,
    });
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.file = options?.file;
    this.kind = options?.kind;
  }
}

/** One object of a TML import that ThoughtSpot did not accept. */
export interface TmlImportFailure {
  /** Position in the list given to tml.import. */
  index: number;
  name: string | undefined;
  message: string;
}

/**
 * A TML import where some objects failed. ThoughtSpot reports these inside an HTTP 200 answer, so
 * this is raised by the SDK after reading the answer; `result` holds every object's outcome.
 */
export class TmlImportError extends TmlError {
  override name = "TmlImportError";
  readonly failures: TmlImportFailure[];
  readonly result: unknown;

  constructor(init: {
    method: string;
    path: string;
    operationId: string;
    failures: TmlImportFailure[];
    result: unknown;
  }) {
    const lines = init.failures.map((f) => `- #${f.index} ${f.name ?? "(unnamed)"}: ${f.message}`);
    super({
      message: `TML import: ${init.failures.length} object(s) failed\n${lines.join("\n")}`,
      method: init.method,
      path: init.path,
      operationId: init.operationId,
      status: 200,
    });
    this.failures = init.failures;
    this.result = init.result;
  }
}

/**
 * A deploy that stopped part-way (a request failed after retries, the login was refused mid-way, the mapping
 * file could not be written). What went through is in `report` (and in the mapping file); objects not sent
 * are `failed` with why. The error that stopped it is `cause`; status, operationId and path are copied from it.
 */
export class TmlDeployError extends TmlError {
  override name = "TmlDeployError";
  /** The deploy's report up to where it stopped, with the mapping after it (`report.mapping`). */
  readonly report: TmlDeployResult;

  constructor(report: TmlDeployResult, cause: unknown) {
    const from = cause instanceof ThoughtSpotError ? cause : undefined;
    const why = cause instanceof Error ? cause.message : String(cause);
    const c = report.counts;
    super({
      message: `tml.deploy stopped: ${why} (${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed or not sent; the report is on .report)`,
      cause,
      status: from?.status,
      method: from?.method,
      path: from?.path,
      operationId: from?.operationId,
      requestId: from?.requestId,
    });
    this.report = report;
  }
}
