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

/** Forms that spell out every character (&#112;&#119;…, \u0070\u0077…) are kept for secrets up to this length. */
const SPELLED_OUT_MAX = 2_048;

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
  readonly #index = new FormIndex();
  #dirty = false;
  #version = 0;

  constructor(pinned: Iterable<string | undefined | null> = []) {
    for (const secret of pinned) if (secret) this.#pinned.add(secret);
    this.#dirty = this.#pinned.size > 0;
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
    this.#dirty = true;
    this.#version++;
  }

  text(value: string): string {
    if (this.#dirty) {
      this.#dirty = false;
      this.#index.sync(
        new Set([
          ...this.#pinned,
          ...this.#credentials.keys(),
          ...this.#learnt.keys(),
          ...this.#cookies.values(),
        ]),
      );
    }
    const out = this.#index.mask(value);
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
    htmlEscaped(secret, NAMED),
    htmlEscaped(json, NAMED),
    htmlEscaped(secret, (c) => `&#${c.codePointAt(0)};`),
    htmlEscaped(secret, (c) => `&#x${c.codePointAt(0)!.toString(16)};`),
    htmlEscaped(secret, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`),
  ];
  if (secret.length <= SPELLED_OUT_MAX) {
    const spelled = unicodeEscaped(secret, /[\s\S]/g);
    forms.push(
      spelled,
      spelled.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`),
      allReferences(secret, (n) => `&#${n};`),
      allReferences(secret, (n) => `&#x${n.toString(16)};`),
      allReferences(secret, (n) => `&#x${n.toString(16).toUpperCase()};`),
    );
  }
  return [...new Set(forms.filter(Boolean))];
}

/** Forms longer than this are looked up by their first KEY characters; shorter ones by their first. */
const KEY = 4;
/** Forms this long or longer are searched for as a whole (see FormIndex.#longestMasked). */
const LONG = 64;

/**
 * The forms of the live secrets, indexed by how they start, so text is scanned once, left to right:
 * at each position only forms starting with the characters there are compared (longest first).
 * Kept in step with the live secrets as they come and go, so a rotation costs one secret's forms.
 */
class FormIndex {
  /** Each indexed secret and its forms (to take them out again). */
  readonly #secrets = new Map<string, string[]>();
  /** How many indexed secrets share a form. */
  readonly #uses = new Map<string, number>();
  /** Forms of LONG characters or more, of KEY or more, and shorter ones; each list longest first. */
  readonly #longest = new Map<string, string[]>();
  readonly #long = new Map<string, string[]>();
  readonly #short = new Map<string, string[]>();
  /** How many forms (and how many long ones) start with a character: most positions are passed over with one lookup. */
  readonly #starts = new Map<string, number>();
  readonly #longestStarts = new Map<string, number>();

  sync(live: ReadonlySet<string>): void {
    for (const secret of [...this.#secrets.keys()]) if (!live.has(secret)) this.#remove(secret);
    for (const secret of live) if (!this.#secrets.has(secret)) this.#add(secret);
  }

  #add(secret: string): void {
    const forms = encodings(secret);
    this.#secrets.set(secret, forms);
    for (const form of forms) {
      const uses = this.#uses.get(form) ?? 0;
      this.#uses.set(form, uses + 1);
      if (uses > 0) continue;
      const [map, key] = this.#slot(form);
      const list = map.get(key) ?? [];
      let at = 0;
      while (at < list.length && list[at]!.length >= form.length) at++;
      list.splice(at, 0, form);
      map.set(key, list);
      count(this.#starts, form[0]!, 1);
      if (map === this.#longest) count(this.#longestStarts, form[0]!, 1);
    }
  }

  #slot(form: string): [Map<string, string[]>, string] {
    if (form.length >= LONG) return [this.#longest, form.slice(0, KEY)];
    return form.length >= KEY ? [this.#long, form.slice(0, KEY)] : [this.#short, form[0]!];
  }

  #remove(secret: string): void {
    for (const form of this.#secrets.get(secret) ?? []) {
      const uses = (this.#uses.get(form) ?? 1) - 1;
      if (uses > 0) {
        this.#uses.set(form, uses);
        continue;
      }
      this.#uses.delete(form);
      const [map, key] = this.#slot(form);
      const list = map.get(key) ?? [];
      list.splice(list.indexOf(form), 1);
      if (list.length === 0) map.delete(key);
      count(this.#starts, form[0]!, -1);
      if (map === this.#longest) count(this.#longestStarts, form[0]!, -1);
    }
    this.#secrets.delete(secret);
  }

  /** `text` with every form of every secret replaced by the mask; an existing mask is kept as it is. */
  mask(value: string): string {
    if (this.#starts.size === 0) return value;
    const text = this.#longestMasked(value);
    let out = "";
    let last = 0;
    const n = text.length;
    for (let i = 0; i < n; ) {
      const c = text[i]!;
      if (c === "[" && text.startsWith(MASK, i)) {
        i += MASK.length;
        continue;
      }
      if (!this.#starts.has(c)) {
        i++;
        continue;
      }
      const hit =
        longestAt(text, i, this.#long.get(text.slice(i, i + KEY))) || longestAt(text, i, this.#short.get(c));
      if (hit) {
        out += text.slice(last, i) + MASK;
        i += hit;
        last = i;
      } else i++;
    }
    return last === 0 ? text : out + text.slice(last);
  }

  /**
   * Long forms first: those whose first characters occur are replaced by a plain search, linear in
   * the text, so a text full of near-matches cannot make every position cost a long comparison.
   */
  #longestMasked(text: string): string {
    if (this.#longest.size === 0 || text.length < LONG) return text;
    const seen = new Set<string>();
    for (let i = 0; i + LONG <= text.length; i++) {
      if (!this.#longestStarts.has(text[i]!)) continue;
      const forms = this.#longest.get(text.slice(i, i + KEY));
      if (forms) for (const form of forms) seen.add(form);
    }
    let out = text;
    for (const form of [...seen].sort((a, b) => b.length - a.length))
      if (out.includes(form)) out = out.split(form).join(MASK);
    return out;
  }
}

function count(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** Length of the first (longest) of `forms` that `text` has at `at`, else 0. */
function longestAt(text: string, at: number, forms: readonly string[] | undefined): number {
  if (forms) for (const form of forms) if (text.startsWith(form, at)) return form.length;
  return 0;
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
