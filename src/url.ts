// serverUrl checks happen when the client is created, so a typo fails before any request. No error
// here ever echoes the part of the text before its last "@" (a user name and password, in any shape).

export function normalizeServerUrl(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(
      `serverUrl must be the cluster's http(s) URL, like "https://my.thoughtspot.cloud"; got ${describe(value)}`,
    );
  }
  const text = value.trim();
  // "user:password@host", "//user:pw@host", a password holding "/" or "@": whatever URL parsing makes
  // of it, the message says only that credentials do not belong here.
  const credentials = () =>
    new TypeError(
      `serverUrl must not carry credentials (pass them in the auth option); got "${withoutCredentials(text)}"`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    if (text.includes("@")) throw credentials();
    throw new TypeError(
      `serverUrl must be an absolute http(s) URL with a scheme, like "https://${text}"; got "${text}"`,
    );
  }
  if (url.username || url.password) throw credentials();
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    if (text.includes("@")) throw credentials();
    throw new TypeError(
      `serverUrl must use http or https; got "${text}" (scheme ${url.protocol.slice(0, -1)})`,
    );
  }
  // Links copied from the browser carry #/... routes and query strings; the API lives at the root.
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.protocol}//${url.host}${path}`;
}

/** The text with everything between its scheme (if any) and its last "@" masked. */
function withoutCredentials(text: string): string {
  const at = text.lastIndexOf("@");
  if (at < 0) return text;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? (text.startsWith("//") ? "//" : "");
  return `${scheme}[REDACTED]${text.slice(at)}`;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  return value === undefined || value === null ? String(value) : typeof value;
}
