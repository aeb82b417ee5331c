// Secrets (passwords, secret keys, tokens, cookies) must never reach an error message or a log line.
// Each client owns a Redactor that learns its secrets as they appear and scrubs text before it leaves.
// It holds only live secrets, within fixed caps (REDACTOR_LIMITS), so its cost per call stays flat
// however long a client lives; it never keeps a copy of anything it was not asked to mask.

const MASK = "[REDACTED]";
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-auth-token"]);
const SECRET_FIELDS = /pass(word)?|secret|token|cookie|authorization/i;
const BEARER = /(Bearer\s+)[\w.~+/=-]{8,}/gi;

/** The redactor's bounds, per client (documented in the README). */
export const REDACTOR_LIMITS = {
  /** Cookies held at once, one per name + domain + path; the least recently set goes first. */
  cookies: 64,
  /** Secrets learnt from call inputs and logins (passwords, tokens); the least recently seen goes first. */
  learnt: 256,
  /** How deep into a call's input secret-named fields are looked for. */
  depth: 16,
  /** How many values of one input are looked at. */
  nodes: 5_000,
  /** JSON text fields longer than this are not parsed for secrets (their raw form is still masked). */
  jsonText: 1 << 20,
} as const;

/** One regular expression holds at most this much pattern text; more secrets make more of them. */
const PATTERN_CHUNK = 32_768;

export class Redactor {
  /** The client's own credentials (auth options): never evicted. */
  readonly #pinned = new Set<string>();
  /** Learnt secrets in least-recently-seen order (a Map keeps insertion order). */
  readonly #learnt = new Map<string, true>();
  /** Live cookie values by cookie (name, domain, path): a rotated cookie replaces its predecessor. */
  readonly #cookies = new Map<string, string>();
  /** Built on the first text() after a change, not on every add: adding stays O(1). */
  #patterns: RegExp[] | undefined;
  #version = 0;

  constructor(pinned: Iterable<string | undefined | null> = []) {
    for (const secret of pinned) if (secret) this.#pinned.add(secret);
  }

  /** Changes whenever the set of secrets does (errors already scrubbed need no second pass until then). */
  get version(): number {
    return this.#version;
  }

  /** How many secrets are held (bounded by REDACTOR_LIMITS plus the client's own credentials). */
  get size(): number {
    return this.#pinned.size + this.#learnt.size + this.#cookies.size;
  }

  /**
   * Remembers a secret (any length): it is masked raw, URL- and form-encoded, JSON-escaped (\" and
   * \uXXXX), and HTML-escaped (named, decimal and hex character references).
   */
  add(secret: string | undefined | null): void {
    if (!secret || typeof secret !== "string" || this.#pinned.has(secret)) return;
    if (this.#learnt.has(secret)) {
      // Seen again: it is live, so it moves to the back of the eviction order.
      this.#learnt.delete(secret);
      this.#learnt.set(secret, true);
      return;
    }
    this.#learnt.set(secret, true);
    if (this.#learnt.size > REDACTOR_LIMITS.learnt) this.#learnt.delete(this.#learnt.keys().next().value!);
    this.#changed();
  }

  /** A cookie's current value; `key` names the cookie (name, domain, path). An empty value forgets it. */
  cookie(key: string, value: string | undefined): void {
    const before = this.#cookies.get(key);
    if (before === value) return;
    this.#cookies.delete(key);
    if (value) {
      this.#cookies.set(key, value);
      if (this.#cookies.size > REDACTOR_LIMITS.cookies)
        this.#cookies.delete(this.#cookies.keys().next().value!);
    }
    this.#changed();
  }

  #changed(): void {
    this.#patterns = undefined;
    this.#version++;
  }

  text(value: string): string {
    let out = value;
    for (const pattern of this.#compiled()) out = out.replace(pattern, MASK);
    // A bearer token or cookie value the client never saw (e.g. echoed by a proxy) is still masked.
    return out.replace(BEARER, `$1${MASK}`);
  }

  /**
   * Deep copy with secret-named fields masked and every string scrubbed; bounded depth (bodies may be
   * hostile). Keys such as __proto__ stay plain data in the copy, never prototypes.
   */
  value<T>(value: T, depth = 0): T {
    if (typeof value === "string") return this.text(value) as T;
    if (depth > 32 && value && typeof value === "object") return "[nested too deep]" as T;
    if (Array.isArray(value)) return value.map((v) => this.value(v, depth + 1)) as T;
    if (value && typeof value === "object" && isPlain(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        const copy = SECRET_FIELDS.test(key) && typeof v === "string" ? MASK : this.value(v, depth + 1);
        defineData(out, key, copy);
      }
      return out as T;
    }
    return value;
  }

  /**
   * Learns the secret-named fields of a call's input at any depth (password, new_password,
   * secret_key, auth_token, data_warehouse_config.configuration.password...), also inside string
   * fields that hold JSON (V1's `metadata` form field). Bounded in depth and in values looked at.
   */
  learnFields(input: unknown): void {
    if (!input || typeof input !== "object") return;
    this.#learn(input, 0, { left: REDACTOR_LIMITS.nodes }, false);
  }

  #learn(value: unknown, depth: number, budget: { left: number }, secret: boolean): void {
    if (budget.left-- <= 0 || depth > REDACTOR_LIMITS.depth) return;
    if (typeof value === "string") {
      if (secret) this.add(value);
      else if (
        value.length <= REDACTOR_LIMITS.jsonText &&
        /^\s*[[{]/.test(value) &&
        SECRET_FIELDS.test(value)
      ) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          return;
        }
        this.#learn(parsed, depth + 1, budget, false);
      }
      return;
    }
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) this.#learn(item, depth + 1, budget, secret);
      return;
    }
    if (value instanceof URLSearchParams || (typeof FormData !== "undefined" && value instanceof FormData)) {
      for (const [key, v] of value as URLSearchParams)
        this.#learn(v, depth + 1, budget, secret || SECRET_FIELDS.test(key));
      return;
    }
    if (!isPlain(value)) return;
    for (const key of Object.keys(value)) {
      // Everything under a secret-named field is secret ({ password: { value } }).
      this.#learn(
        (value as Record<string, unknown>)[key],
        depth + 1,
        budget,
        secret || SECRET_FIELDS.test(key),
      );
    }
  }

  /** A copy of an error and its causes with secrets scrubbed from messages and stacks (class and code kept). */
  error(cause: unknown, depth = 0): unknown {
    if (!(cause instanceof Error)) return typeof cause === "string" ? this.text(cause) : cause;
    if (depth > 4) return undefined;
    const inner = (cause as { cause?: unknown }).cause;
    const copy = Object.create(Object.getPrototypeOf(cause)) as Error;
    defineData(copy, "message", this.text(withoutExcerpt(cause)), false);
    defineData(copy, "name", cause.name, false);
    defineData(copy, "stack", this.text(stackWithout(cause)), false);
    if (inner !== undefined) defineData(copy, "cause", this.error(inner, depth + 1), false);
    const code = (cause as { code?: unknown }).code;
    if (code !== undefined) defineData(copy, "code", code);
    return copy;
  }

  /** `cause` as it may leave the SDK: the same object when nothing in it needed masking, else a scrubbed copy. */
  cause(cause: unknown, depth = 0): unknown {
    if (!(cause instanceof Error)) {
      if (typeof cause === "string") return this.text(cause);
      return cause && typeof cause === "object" ? this.value(cause) : cause;
    }
    if (depth > 4) return undefined;
    const inner = (cause as { cause?: unknown }).cause;
    const clean =
      withoutExcerpt(cause) === cause.message &&
      this.text(cause.message) === cause.message &&
      this.text(cause.stack ?? "") === (cause.stack ?? "") &&
      (inner === undefined || this.cause(inner, depth + 1) === inner);
    return clean ? cause : this.error(cause, depth);
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

  /** The masking patterns: every form of every secret held, longest first, a mask never masked again. */
  #compiled(): RegExp[] {
    if (this.#patterns) return this.#patterns;
    const forms = new Set<string>();
    for (const secret of [...this.#pinned, ...this.#learnt.keys(), ...this.#cookies.values()])
      for (const form of encodings(secret)) forms.add(form);
    const sorted = [...forms].sort((a, b) => b.length - a.length);
    const patterns: RegExp[] = [];
    let chunk: string[] = [];
    let size = 0;
    const flush = () => {
      // An existing mask is matched (and kept) first, so a secret inside "[REDACTED]" cannot break it.
      if (chunk.length) patterns.push(new RegExp(`\\[REDACTED\\]|${chunk.join("|")}`, "g"));
      chunk = [];
      size = 0;
    };
    for (const form of sorted) {
      const escaped = form.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      if (size + escaped.length > PATTERN_CHUNK) flush();
      chunk.push(escaped);
      size += escaped.length + 1;
    }
    flush();
    this.#patterns = patterns;
    return patterns;
  }
}

/** Every form a secret may take in text a server sends back. */
export function encodings(secret: string): string[] {
  const url = encodeURIComponent(secret);
  const form = new URLSearchParams({ x: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret,
    url,
    url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    form,
    json,
    // JSON encoders that escape more: "\/", everything outside ASCII (Python), and also <, >, & (Go).
    json.replace(/\//g, "\\/"),
    unicodeEscaped(json, /[^\x20-\x7e]/g),
    unicodeEscaped(json, /[^\x20-\x7e]|[<>&]/g),
    unicodeEscaped(secret, /[\s\S]/g),
    unicodeEscaped(secret, /[\s\S]/g).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`),
    htmlEscaped(secret, NAMED),
    htmlEscaped(json, NAMED),
    htmlEscaped(secret, (c) => `&#${c.codePointAt(0)};`),
    htmlEscaped(secret, (c) => `&#x${c.codePointAt(0)!.toString(16)};`),
    htmlEscaped(secret, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`),
    allReferences(secret, (n) => `&#${n};`),
    allReferences(secret, (n) => `&#x${n.toString(16)};`),
    allReferences(secret, (n) => `&#x${n.toString(16).toUpperCase()};`),
  ];
  return [...new Set(forms.filter(Boolean))];
}

const NAMED = (c: string) =>
  ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c;

/** The characters HTML must escape (& < > " '), escaped by `as`. */
function htmlEscaped(text: string, as: (c: string) => string): string {
  return text.replace(/[&<>"']/g, as);
}

/** Every character as a character reference (&#112;&#119; ...). */
function allReferences(text: string, as: (codePoint: number) => string): string {
  let out = "";
  for (const c of text) out += as(c.codePointAt(0)!);
  return out;
}

/** The code units matched by `which` as \uXXXX escapes. */
function unicodeEscaped(text: string, which: RegExp): string {
  return text.replace(which, (c) => {
    let out = "";
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`;
    return out;
  });
}

/** Own, plain objects only: class instances, Dates, Responses and the like are not copied key by key. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Sets a key as an own data property: "__proto__" stays a key, never a prototype. */
export function defineData(target: object, key: string, value: unknown, enumerable = true): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable, configurable: true });
}

/**
 * JSON.parse's messages quote the text's first characters (`Unexpected token 'p', "password=h"... is
 * not valid JSON`): a cut-off secret no mask can find. The quote goes; the position stays.
 */
function withoutExcerpt(error: Error): string {
  if (error.name !== "SyntaxError" || !/JSON/.test(error.message)) return error.message;
  const position = /at position \d+(?: \(line \d+ column \d+\))?/.exec(error.message)?.[0];
  return `the text is not valid JSON${position ? ` (${position})` : ""}`;
}

function stackWithout(error: Error): string {
  const stack = error.stack ?? "";
  const cleaned = withoutExcerpt(error);
  if (cleaned === error.message) return stack;
  // The stack starts with "Name: message"; only the frames are kept after the cleaned first line.
  const frames = stack.indexOf("\n    at ");
  return `${error.name}: ${cleaned}${frames >= 0 ? stack.slice(frames) : ""}`;
}
