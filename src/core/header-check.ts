// Header names and values the caller gives (client `headers`, `acceptLanguage`, per-call `headers`)
// checked before any request: a CR/LF or another character HTTP forbids is a caller mistake, a
// TypeError naming the header. Never quotes a value (it may be a secret), never sends or retries.

// A header value is visible ASCII, spaces, tabs and Latin-1 (what Node's http and undici accept).
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
// A header name is an HTTP token.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Throws a TypeError naming the first header `where` gave whose name or value HTTP forbids. */
export function checkHeaders(headers: Record<string, unknown> | undefined, where: string): void {
  if (!headers) return;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || value === null) continue;
    checkHeader(name, value, where);
  }
}

export function checkHeader(name: string, value: unknown, where: string): void {
  if (!NAME.test(name)) {
    throw new TypeError(`${where}: ${JSON.stringify(name.slice(0, 60))} is not a valid HTTP header name`);
  }
  if (typeof value !== "string") {
    if (typeof value === "number" || typeof value === "boolean") return;
    throw new TypeError(`${where}: header "${name}" must be a string, got ${typeof value}`);
  }
  if (BAD_VALUE.test(value)) {
    throw new TypeError(
      `${where}: header "${name}" has a character HTTP forbids (CR, LF, NUL, a control character or one above U+00FF); the value is not shown`,
    );
  }
}
