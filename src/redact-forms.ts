// The forms a secret may take in text (URL, form, JSON, \u and HTML escapes) and the index that masks
// them in one left-to-right scan. Loaded with a client's first request (./redact.ts masks until then);
// it only computes and matches forms, and never keeps anything but the live secrets it is given.

const MASK = "[REDACTED]";

/** Forms that spell out every character (&#112;&#119;…, \u0070\u0077…) are kept for secrets up to this length. */
const SPELLED_OUT_MAX = 2_048;

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
export class FormIndex {
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
