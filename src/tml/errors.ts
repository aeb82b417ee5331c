/** A TML document that cannot be used as given: no known type key, wrong shape, bad argument. */
export class TmlError extends Error {
  override name = "TmlError";
}

/** TML text that is not valid YAML (or JSON). `line` and `column` are 1-based. */
export class TmlParseError extends TmlError {
  override name = "TmlParseError";
  readonly line: number;
  readonly column: number;

  constructor(reason: string, line: number, column: number, options?: { cause?: unknown }) {
    super(`TML parse error at line ${line}, column ${column}: ${reason}`, options);
    this.line = line;
    this.column = column;
  }
}
