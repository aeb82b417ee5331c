// serverUrl checks happen when the client is created, so a typo fails before any request.

export function normalizeServerUrl(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(
      `serverUrl must be the cluster's http(s) URL, like "https://my.thoughtspot.cloud"; got ${describe(value)}`,
    );
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    const shown = withoutCredentials(value.trim());
    throw new TypeError(
      `serverUrl must be an absolute http(s) URL with a scheme, like "https://${shown}"; got "${shown}"`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(
      `serverUrl must use http or https; got "${withoutCredentials(value)}" (scheme ${url.protocol.slice(0, -1)})`,
    );
  }
  if (url.username || url.password) {
    throw new TypeError("serverUrl must not carry credentials; pass them in the auth option");
  }
  // Links copied from the browser carry #/... routes and query strings; the API lives at the root.
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.protocol}//${url.host}${path}`;
}

/** The text with anything that looks like `user:password@` before a host masked: errors never echo it. */
function withoutCredentials(text: string): string {
  return text.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^/@\s]*@/i,
    (_, scheme: string | undefined) => `${scheme ?? ""}[REDACTED]@`,
  );
}

function describe(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  return value === undefined || value === null ? String(value) : typeof value;
}
