// How ThoughtSpot writes one TML scalar: plain, 'single', "double" or a |- block (rules in STYLE.md).
//
// ThoughtSpot's exporter asks for plain text unless a string is empty, reads as a reserved word
// or a decimal number, or holds a flow character; the YAML emitter then falls back to single
// quotes where plain text is not allowed, and to double quotes where single quotes are not
// allowed either. The rules below reproduce both steps; STYLE.md lists them with examples.

/** The style one string scalar is written in. */
export type TmlScalarStyle = "plain" | "single" | "double" | "literal";

// Words ThoughtSpot always double-quotes: YAML 1.1 booleans and nulls in their three spellings.
const RESERVED = new Set(
  ["true", "false", "yes", "no", "on", "off", "y", "n", "null"].flatMap((w) => [
    w,
    w[0]!.toUpperCase() + w.slice(1),
    w.toUpperCase(),
  ]),
);
// Decimal text that could be read back as a number: `12`, `-3.5`, `1.`, `.5`, `-` and `` too.
const DECIMAL = /^[+-]?[0-9]*(?:\.[0-9]*)?$/;
const LINE_BREAKS = "\n\u0085\u2028\u2029";
const WHITESPACE = ` \t\r${LINE_BREAKS}`;

/** What the YAML emitter finds in a string, in the terms its style choice needs. */
interface Analysis {
  multiline: boolean;
  allowPlain: boolean;
  allowSingle: boolean;
  allowBlock: boolean;
}

function printable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (ch === "\n" || (c >= 0x20 && c <= 0x7e)) return true;
  if (c === 0xfeff) return false;
  return c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
}

function analyze(value: string): Analysis {
  if (value === "") return { multiline: false, allowPlain: false, allowSingle: true, allowBlock: false };
  const chars = Array.from(value);
  let indicators = value.startsWith("---") || value.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const before = i === 0 || WHITESPACE.includes(chars[i - 1]!);
    const after = i + 1 >= chars.length || WHITESPACE.includes(chars[i + 1]!);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) indicators = true;
      if ((ch === "?" || ch === ":" || ch === "-") && after) indicators = true;
    } else {
      if (ch === ":" && after) indicators = true;
      if (ch === "#" && before) indicators = true;
    }
    if (!printable(ch)) special = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (LINE_BREAKS.includes(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
  }
  let allowPlain = !(
    indicators ||
    lineBreaks ||
    leadingSpace ||
    leadingBreak ||
    trailingSpace ||
    trailingBreak
  );
  let allowSingle = true;
  let allowBlock = !trailingSpace;
  if (breakSpace) {
    allowPlain = false;
    allowSingle = false;
  }
  if (spaceBreak || special) {
    allowPlain = false;
    allowSingle = false;
    allowBlock = false;
  }
  return { multiline: lineBreaks, allowPlain, allowSingle, allowBlock };
}

/** Whether ThoughtSpot's exporter asks for double quotes before the emitter has its say. */
function exporterQuotes(value: string): boolean {
  if (value === "" || RESERVED.has(value) || value === "~" || DECIMAL.test(value)) return true;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if ("[]{},".includes(ch)) return true;
    if (ch === "#" && i > 0 && value[i - 1] === " ") return true;
    if (ch === ":" && (i === value.length - 1 || value[i + 1] === " ")) return true;
  }
  return false;
}

/** The style ThoughtSpot writes this string value in. */
export function tmlValueStyle(value: string): TmlScalarStyle {
  const found = analyze(value);
  if (value.includes("\n")) return found.allowBlock ? "literal" : "double";
  if (exporterQuotes(value)) return "double";
  if (found.allowPlain) return "plain";
  return found.allowSingle ? "single" : "double";
}

/** The style ThoughtSpot writes this mapping key in (keys never become blocks). */
export function tmlKeyStyle(key: string): TmlScalarStyle {
  if (key === "" || RESERVED.has(key) || key === "~" || /^[-+.0-9]/.test(key)) return "double";
  const found = analyze(key);
  if (found.allowPlain) return "plain";
  return found.allowSingle && !found.multiline ? "single" : "double";
}

/** Whether `stringifyTml` writes this string quoted (as a value). */
export function tmlNeedsQuotes(value: string): boolean {
  const style = tmlValueStyle(value);
  return style === "single" || style === "double";
}

const ESCAPES: Record<string, string> = {
  "\0": "0",
  "\x07": "a",
  "\b": "b",
  "\t": "t",
  "\n": "n",
  "\v": "v",
  "\f": "f",
  "\r": "r",
  "\x1b": "e",
  '"': '"',
  "\\": "\\",
  "\u0085": "N",
  "\u00a0": "_",
  "\u2028": "L",
  "\u2029": "P",
};

/** `"…"` with YAML escapes for what is not printable; never split across lines. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const short = ESCAPES[ch];
    if (short !== undefined) out += `\\${short}`;
    else if (printable(ch)) out += ch;
    else {
      const c = ch.codePointAt(0)!;
      out +=
        c <= 0xff
          ? `\\x${c.toString(16).toUpperCase().padStart(2, "0")}`
          : c <= 0xffff
            ? `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`
            : `\\U${c.toString(16).toUpperCase().padStart(8, "0")}`;
    }
  }
  return `${out}"`;
}

export function singleQuoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A literal block: header (`|-`, `|`, `|+`, with an indentation digit when the text starts
 * with a space or a line break) and its lines at `indent`; empty lines carry no spaces.
 */
export function literalBlock(value: string, indent: string): string {
  const trailing = /\n*$/.exec(value)![0].length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const hint = value.startsWith(" ") || value.startsWith("\n") ? "2" : "";
  const body = trailing === 0 ? value : value.slice(0, -1);
  const lines = body.split("\n").map((line) => (line === "" ? "" : indent + line));
  return `|${hint}${chomp}\n${lines.join("\n")}`;
}

/** A string value as ThoughtSpot writes it; `indent` is where block lines start. */
export function renderString(value: string, indent: string): string {
  switch (tmlValueStyle(value)) {
    case "plain":
      return value;
    case "single":
      return singleQuoted(value);
    case "literal":
      return literalBlock(value, indent);
    default:
      return doubleQuoted(value);
  }
}

export function renderKey(key: string): string {
  const style = tmlKeyStyle(key);
  return style === "plain" ? key : style === "single" ? singleQuoted(key) : doubleQuoted(key);
}

/** A number as the JVM writes it when no written form was kept: `3`, `0.5`, `1.0E7`. */
export function renderNumber(value: number): string {
  if (Number.isNaN(value)) return ".NaN";
  if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
  return String(value);
}
