// Header names and values the caller gives (client `headers`, `acceptLanguage`, per-call `headers`)
// checked before any request: a CR/LF or another character HTTP forbids is a caller mistake, a
// TypeError naming the header. Never quotes a value (it may be a secret), never sends or retries.
// Only startup code imports this (a lazy chunk that did would split it into a chunk of its own).

// A name is an HTTP token; a value is visible ASCII, spaces, tabs and Latin-1 (what Node's http and undici accept).
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** True when HTTP forbids `value` in a header: CR, LF, another control character, or beyond Latin-1. */
export function forbiddenInHeader(value: string): boolean {
  return BAD_VALUE.test(value);
}

/** Throws a TypeError naming the first header `where` gave whose name or value HTTP forbids. */
export function checkHeaders(headers: Record<string, unknown> | undefined, where: string): void {
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || value === null) continue;
    const bad = !NAME.test(name)
      ? "is not a valid HTTP header name"
      : typeof value === "object" || typeof value === "function" || typeof value === "symbol"
        ? "must be a string"
        : BAD_VALUE.test(String(value))
          ? "has a character HTTP forbids (CR, LF, control, non-Latin-1); value not shown"
          : undefined;
    if (bad) throw new TypeError(`${where}: header ${JSON.stringify(name.slice(0, 60))} ${bad}`);
  }
}
