// Secrets (passwords, secret keys, tokens, cookies) must never reach an error message or a log line.
// Each client owns a Redactor that learns its secrets as they appear and scrubs text before it leaves.

const MASK = "[REDACTED]";
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-auth-token"]);
const SECRET_FIELDS = /pass(word)?|secret|token|cookie|authorization/i;

export class Redactor {
  /** Every secret in every encoding it may appear in, longest first so a longer one is masked whole. */
  #variants: string[] = [];

  /** Remembers a secret (any length): it is masked raw, URL- and form-encoded, and JSON-escaped. */
  add(secret: string | undefined | null): void {
    if (!secret) return;
    const form = new URLSearchParams({ x: secret }).toString().slice(2);
    const json = JSON.stringify(secret).slice(1, -1);
    const found = new Set([
      secret,
      encodeURIComponent(secret),
      form,
      json,
      JSON.stringify(form).slice(1, -1),
    ]);
    for (const variant of found)
      if (variant && !this.#variants.includes(variant)) this.#variants.push(variant);
    this.#variants.sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let out = value;
    for (const variant of this.#variants) if (out.includes(variant)) out = out.split(variant).join(MASK);
    // A bearer token or cookie value the client never saw (e.g. echoed by a proxy) is still masked.
    return out.replace(/(Bearer\s+)[\w.~+/=-]{8,}/gi, `$1${MASK}`);
  }

  /** Deep copy with secret-named fields masked and every string scrubbed; bounded depth (bodies may be hostile). */
  value<T>(value: T, depth = 0): T {
    if (typeof value === "string") return this.text(value) as T;
    if (depth > 32 && value && typeof value === "object") return "[nested too deep]" as T;
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1)) as T;
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        out[key] = SECRET_FIELDS.test(key) && typeof v === "string" ? MASK : this.value(v, depth + 1);
      }
      return out as T;
    }
    return value;
  }

  /** Learns the secret-named string fields of a call's input (password, new_password, secret_key, auth_token...). */
  learnFields(input: unknown): void {
    if (!input || typeof input !== "object") return;
    for (const [key, value] of Object.entries(input)) {
      if (typeof value === "string" && SECRET_FIELDS.test(key)) this.add(value);
    }
  }

  /** A copy of an error and its causes with secrets scrubbed from messages and stacks (codes kept). */
  error(cause: unknown, depth = 0): unknown {
    if (!(cause instanceof Error)) return typeof cause === "string" ? this.text(cause) : cause;
    if (depth > 4) return undefined;
    const inner = (cause as { cause?: unknown }).cause;
    const copy = new Error(
      this.text(cause.message),
      inner === undefined ? undefined : { cause: this.error(inner, depth + 1) },
    );
    copy.name = cause.name;
    copy.stack = this.text(cause.stack ?? "");
    const code = (cause as { code?: unknown }).code;
    if (code !== undefined) Object.defineProperty(copy, "code", { value: code, enumerable: true });
    return copy;
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
