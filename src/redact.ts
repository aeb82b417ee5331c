// Secrets (passwords, secret keys, tokens, cookies) must never reach an error message or a log line.
// Each client owns a Redactor that learns its secrets as they appear and scrubs text before it leaves.

const MASK = "[REDACTED]";
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-auth-token"]);
const SECRET_FIELDS = /pass(word)?|secret|token|cookie|authorization/i;

export class Redactor {
  readonly #secrets = new Set<string>();

  /** Remembers a secret value; short values are ignored because masking them would mangle ordinary text. */
  add(secret: string | undefined | null): void {
    if (secret && secret.length >= 6) this.#secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(MASK);
    }
    // A bearer token or cookie value the client never saw (e.g. echoed by a proxy) is still masked.
    return out.replace(/(Bearer\s+)[\w.~+/=-]{8,}/gi, `$1${MASK}`);
  }

  /** Deep copy with secret-named fields masked and every string scrubbed. */
  value<T>(value: T): T {
    if (typeof value === "string") return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.value(v)) as T;
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        out[key] = SECRET_FIELDS.test(key) && typeof v === "string" ? MASK : this.value(v);
      }
      return out as T;
    }
    return value;
  }

  headers(headers: Headers): Record<string, string> {
    const out: Record<string, string> = {};
    headers.forEach((v, k) => {
      out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? MASK : this.text(v);
    });
    return out;
  }

  /** A URL with secret-looking query values masked (V1 trusted-auth login puts a token in the query). */
  url(url: string): string {
    try {
      const parsed = new URL(url);
      for (const key of [...parsed.searchParams.keys()]) {
        if (SECRET_FIELDS.test(key)) parsed.searchParams.set(key, MASK);
      }
      return this.text(parsed.toString());
    } catch {
      return this.text(url);
    }
  }
}
