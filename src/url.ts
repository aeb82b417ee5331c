// serverUrl checks happen when the client is created, so a typo fails before any request. No error
// here ever echoes the part of the text before its last "@" (a user name and password, in any shape).

export function normalizeServerUrl(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) {
    throw new TypeError(
      `serverUrl must be the cluster's http(s) URL, like "https://my.thoughtspot.cloud"; got ${describe(value)}`,
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {}
  // "user:password@host", "//user:pw@host", a password holding "/" or "@": whatever URL parsing makes
  // of it, the message says only that credentials do not belong here, with everything before the "@" masked.
  const at = text.lastIndexOf("@");
  if (at >= 0 && (!url || url.username || url.password || !/^https?:$/.test(url.protocol))) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? (text.startsWith("//") ? "//" : "");
    throw new TypeError(
      `serverUrl must not carry credentials (use the auth option); got "${scheme}[REDACTED]${text.slice(at)}"`,
    );
  }
  if (!url) {
    throw new TypeError(
      `serverUrl must be an absolute http(s) URL with a scheme, like "https://${text}"; got "${text}"`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(
      `serverUrl must use http or https; got "${text}" (scheme ${url.protocol.slice(0, -1)})`,
    );
  }
  // Links copied from the browser carry #/... routes and query strings; the API lives at the root.
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

function describe(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  return value === undefined || value === null ? String(value) : typeof value;
}
