// Secrets (passwords, secret keys, tokens, cookies) must never reach an error message or a log line.
// Each client owns a Redactor that learns its secrets as they appear and scrubs text before it leaves.
// It holds only live secrets, within fixed caps (REDACTOR_LIMITS), so its cost per call stays flat
// however long a client lives; it never keeps a copy of anything it was not asked to mask.
import { once } from "./lazy.js";

const MASK = "[REDACTED]";
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-auth-token"]);
const SECRET_FIELDS = /pass(word)?|secret|token|cookie|authorization/i;
const BEARER = /(Bearer\s+)[\w.~+/=-]{8,}/gi;

/** The redactor's bounds, per client (documented in the README). */
export const REDACTOR_LIMITS = {
  /** Cookies held at once, one per name + domain + path; the least recently set goes first. */
  cookies: 64,
  /** Credentials obtained while the client runs (tokens from logins, keys given to helpers); least recently seen goes first. */
  credentials: 64,
  /** Secrets learnt from call inputs (passwords of users created, and the like); least recently seen goes first. */
  learnt: 256,
  /** How deep into a call's input secret-named fields are looked for. */
  depth: 16,
  /** How many values of one input are looked at. */
  nodes: 5_000,
  /** JSON text fields longer than this are not parsed for secrets (their raw form is still masked). */
  jsonText: 1 << 20,
} as const;

type Forms = typeof import("./redact-forms.js");
let forms: Forms | undefined;

/**
 * Loads the forms and their index (./redact-forms.ts): the engine waits for it before a client's first
 * request, so all text a server sends is masked by it. Text masked before (a caller's mistake at
 * creation) goes through maskBeforeLoad, which over-masks rather than miss a form. A failed load is
 * retried on the next request; masking stays correct meanwhile.
 */
const loadForms = once(async () => {
  forms = await import("./redact-forms.js");
});

export class Redactor {
  /** The client's own credentials (auth options): never evicted. */
  readonly #pinned = new Set<string>();
  /** Learnt secrets in least-recently-seen order (a Map keeps insertion order). */
  readonly #learnt = new Map<string, true>();
  /** Credentials obtained along the way, apart from #learnt: a flood of inputs cannot push out a live token. */
  readonly #credentials = new Map<string, true>();
  /** Live cookie values by cookie (name, domain, path): a rotated cookie replaces its predecessor. */
  readonly #cookies = new Map<string, string>();
  /** The forms of every live secret, brought up to date on the first text() after a change: adding stays O(1). */
  #index: InstanceType<Forms["FormIndex"]> | undefined;
  /** The #version the index was last brought up to date with. */
  #indexed = -1;
  #version = 0;

  constructor(pinned: Iterable<string | undefined | null> = []) {
    for (const secret of pinned) if (secret) this.#pinned.add(secret);
  }

  /** Until the forms have loaded, a promise for them (the engine awaits it once); then undefined. */
  loading(): Promise<void> | undefined {
    return forms ? undefined : loadForms().catch(() => {});
  }

  /** Changes whenever the set of secrets does (errors already scrubbed need no second pass until then). */
  get version(): number {
    return this.#version;
  }

  /** How many secrets are held (bounded by REDACTOR_LIMITS plus the client's own credentials). */
  get size(): number {
    return this.#pinned.size + this.#credentials.size + this.#learnt.size + this.#cookies.size;
  }

  /**
   * Remembers a credential (any length; a token from a login, a secret key): it is masked raw, URL-
   * and form-encoded, JSON-escaped (\" and \uXXXX), and HTML-escaped (named, decimal and hex
   * character references).
   */
  add(secret: string | undefined | null): void {
    this.#remember(this.#credentials, secret, REDACTOR_LIMITS.credentials);
  }

  #remember(pool: Map<string, true>, secret: string | undefined | null, cap: number): void {
    if (!secret || typeof secret !== "string" || this.#pinned.has(secret)) return;
    if (pool.has(secret)) {
      // Seen again: it is live, so it moves to the back of the eviction order.
      pool.delete(secret);
      pool.set(secret, true);
      return;
    }
    pool.set(secret, true);
    if (pool.size > cap) pool.delete(pool.keys().next().value!);
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
    this.#version++;
  }

  #live(): Set<string> {
    return new Set([
      ...this.#pinned,
      ...this.#credentials.keys(),
      ...this.#learnt.keys(),
      ...this.#cookies.values(),
    ]);
  }

  text(value: string): string {
    let out: string;
    if (forms) {
      this.#index ??= new forms.FormIndex();
      if (this.#indexed !== this.#version) {
        this.#indexed = this.#version;
        this.#index.sync(this.#live());
      }
      out = this.#index.mask(value);
    } else {
      void this.loading();
      out = maskBeforeLoad(value, this.#live());
    }
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
      if (secret) this.#remember(this.#learnt, value, REDACTOR_LIMITS.learnt);
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
    // ThoughtSpot's key/value lists (connection TML properties): { key: "password", value: "…" }.
    const named = (value as { key?: unknown }).key;
    if (typeof named === "string" && SECRET_FIELDS.test(named)) {
      const secret = (value as { value?: unknown }).value;
      if (typeof secret === "string") this.#remember(this.#learnt, secret, REDACTOR_LIMITS.learnt);
    }
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
    // A caller's own abort reason (any value) is handed back as it was given.
    if (!(cause instanceof Error)) return typeof cause === "string" ? this.text(cause) : cause;
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
      defineData(out, k, SECRET_HEADERS.has(k.toLowerCase()) ? MASK : this.text(v));
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

/**
 * Masking before ./redact-forms.ts has loaded (only text made before a client's first request: its
 * own TypeErrors). The raw, URL- and JSON-escaped forms are masked in place; a text that still holds
 * a secret once escapes are decoded (HTML references, \u escapes, %xx, form encoding, nested twice)
 * is masked whole. Never misses a form the index masks; may mask more.
 */
export function maskBeforeLoad(text: string, secrets: ReadonlySet<string>): string {
  if (secrets.size === 0) return text;
  const found = [...secrets]
    .flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  // An existing mask is kept as it is (first, as the index does); an escape (&#120;) is passed over
  // whole, so a short secret is never masked inside one, leaving the rest of it readable.
  const literal = [MASK, ...found].map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const any = new RegExp([...literal, ESCAPES.source].join("|"), "g");
  const out = text.replace(any, (m) => (m === MASK || found.includes(m) ? MASK : m));
  // A form left inside an escape, or a secret spelled by escapes: the whole text is masked.
  const rest = out.split(MASK).join("\n");
  if (found.some((form) => rest.includes(form))) return MASK;
  const once = unescaped(rest);
  const twice = unescaped(once);
  for (const secret of secrets) if (once.includes(secret) || twice.includes(secret)) return MASK;
  return out;
}

const ESCAPES =
  /\\u([0-9a-fA-F]{4})|&#(\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|&(amp|lt|gt|quot|apos);|\\([\\/"bfnrt])|(?:%[0-9a-fA-F]{2})+|\+/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const JSON_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** One round of decoding every escape a form may use. */
function unescaped(text: string): string {
  return text.replace(ESCAPES, (m, u?: string, dec?: string, hex?: string, named?: string, json?: string) => {
    if (u) return String.fromCharCode(Number.parseInt(u, 16));
    const point = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : -1;
    if (point >= 0) return point <= 0x10ffff ? String.fromCodePoint(point) : m;
    if (named) return ENTITIES[named]!;
    if (json) return JSON_ESCAPES[json] ?? json;
    if (m === "+") return " ";
    // A run of %xx as UTF-8; a byte that is not valid UTF-8 becomes U+FFFD, the rest still decode.
    return new TextDecoder().decode(Uint8Array.from(m.slice(1).split("%"), (h) => Number.parseInt(h, 16)));
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
  // V8: "at position 5 (line 1 column 6)"; Firefox: "at line 1 column 6 of the JSON data".
  const position = /at (?:position \d+(?: \(line \d+ column \d+\))?|line \d+ column \d+)/.exec(
    error.message,
  )?.[0];
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
