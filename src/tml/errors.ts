/** A TML document that cannot be used as given: no known type key, wrong shape, bad argument. */
export class TmlError extends Error {
  override name = "TmlError";
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

// Raised by ts.tml.import; kept with the other HTTP errors so the core entry needs no TML code.
export { TmlImportError, type TmlImportFailure } from "../errors.js";
