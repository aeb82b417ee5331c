// TML text ⇄ TML documents.
//
// How ThoughtSpot writes TML (seen in exported files in thoughtspot/thoughtspot_tml's tests and
// in the developer-docs TML pages; the exporter is Jackson's YAML writer with MINIMIZE_QUOTES,
// no line splitting, no `---` marker, numbers-as-strings quoted), and what we do:
// - Key order is the order of the object; no document start marker.
// - Lists sit at their parent key's indentation: `columns:` then `- name: x` in the same column.
// - Lines are never folded, whatever their length (lineWidth 0).
// - Unicode is written as is (no \u escapes).
// - Quotes, when needed, are always double quotes (`"on":`, `expr: "[A::b] = 1"`, `""`).
//   A string is quoted when it is empty; contains a YAML special character
//   ([]{}:,#&*!|>'"%@`) unless it is a TML column id such as `TABLE_1::Column Name`; would
//   read as a boolean, null or number under YAML 1.1 or 1.2 (`y`, `on`, `no`, `~`, `123`,
//   `1e3`, `0x1F`, `.inf` …); contains a control character; or cannot be plain YAML at all
//   (leading/trailing space, `- x`, `a: b` …). The same rule applies to keys (`"y":`, `"on":`).
//   A special character anywhere quotes (`"Margin %"`), where Jackson may leave some plain: a
//   few strings may be quoted where ThoughtSpot would not; both read back the same.
// - Multi-line strings (sql_view `sql_query`) stay on one line, double-quoted with \n / \r\n
//   escapes, as ThoughtSpot exports them, never as `|` blocks.
// Parsing uses YAML 1.2 core schema, so an unquoted `on` or `y` written by hand stays a string.

import { Document, parseDocument, Scalar, visit } from "yaml";
import { TmlError, TmlParseError } from "./errors.js";
import type { TmlDocument, TmlDocumentOf, TmlType } from "./types.js";

/** Every top-level type key `tmlType` recognises. */
export const TML_TYPES: readonly TmlType[] = [
  "table",
  "view",
  "sql_view",
  "worksheet",
  "model",
  "answer",
  "liveboard",
  "pinboard",
  "connection",
  "cohort",
  "feedback",
];

/** Top-level keys that sit beside the type key. */
const ENVELOPE_KEYS = new Set(["guid", "obj_id"]);

const SPECIAL_CHARS = /[[\]{}:,#&*!|>'"%@`]/;
function hasControlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
// YAML 1.1 booleans (y/n/yes/no/on/off/true/false) and nulls, in any letter case.
const RESERVED_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
// Never plain YAML, TML column id or not: edge spaces, `- x`/`? x` starts, `a: b`, `a #b`, `---`.
const NOT_PLAIN = /^\s|\s$|^[-?](?:\s|$)|:\s|\s#|^(?:---|\.\.\.)/;
const NUMBER_LIKE = [
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:e[-+]?[0-9]+)?$/i, // 12, 1_000, 1.5, .5, 1e3
  /^[-+]?0x[0-9a-f_]+$/i,
  /^[-+]?0o[0-7_]+$/i,
  /^[-+]?0b[01_]+$/i,
  /^[-+]?\.inf$/i,
  /^\.nan$/i,
];

/**
 * A TML column id, `TABLE_PATH_ID::Column Name`: ThoughtSpot writes these plain even though they
 * hold `:`. Either side may hold anything but brackets and braces.
 */
export function isTmlColumnId(value: string): boolean {
  return /^[^"[\]{}][^[\]{}]*::[^[\]{}]*[^"[\]{}]$/.test(value);
}

/** Whether `stringifyTml` double-quotes this string (as a value or as a key). */
export function tmlNeedsQuotes(value: string): boolean {
  if (value === "") return true;
  if (hasControlChar(value)) return true;
  if (RESERVED_WORDS.test(value)) return true;
  if (NUMBER_LIKE.some((re) => re.test(value))) return true;
  if (NOT_PLAIN.test(value)) return true;
  return SPECIAL_CHARS.test(value) && !isTmlColumnId(value);
}

/** The type key of a TML document (`table`, `model`, `liveboard` …). */
export function tmlType(doc: unknown): TmlType {
  if (!isPlainObject(doc)) throw new TmlError("A TML document must be a YAML/JSON mapping at the top level.");
  const keys = Object.keys(doc).filter((key) => !ENVELOPE_KEYS.has(key));
  const known = keys.filter((key): key is TmlType => (TML_TYPES as readonly string[]).includes(key));
  if (known.length === 1) {
    const type = known[0]!;
    if (!isPlainObject(doc[type])) {
      throw new TmlError(`TML '${type}' must hold a mapping, got ${describe(doc[type])}.`);
    }
    return type;
  }
  const found = keys.length > 0 ? keys.map((k) => `'${k}'`).join(", ") : "none";
  const reason = known.length > 1 ? "more than one TML type key" : "no known TML type key";
  throw new TmlError(
    `Unknown TML type: ${reason} (top-level keys besides guid: ${found}). Valid types: ${TML_TYPES.join(", ")}.`,
  );
}

/** Narrow a document to one type: `if (isTmlOfType(doc, "model")) doc.model.model_tables`. */
export function isTmlOfType<T extends TmlType>(doc: unknown, type: T): doc is TmlDocumentOf<T> {
  return tmlType(doc) === type;
}

/** Parse TML text, YAML or JSON (ThoughtSpot exports both), into a document. */
export function parseTml(text: string): TmlDocument {
  const source = text.replace(/^\uFEFF/, "");
  const value = looksLikeJson(source) ? parseJsonText(source) : parseYamlText(source);
  tmlType(value);
  return value as TmlDocument;
}

export interface StringifyTmlOptions {
  /** `YAML` (default), as ThoughtSpot writes .tml files, or `JSON` (2-space indented). */
  format?: "YAML" | "JSON";
}

/** Write a TML document as ThoughtSpot does (see the rules at the top of this file). */
export function stringifyTml(
  doc: TmlDocument | Record<string, unknown>,
  options: StringifyTmlOptions = {},
): string {
  if (options.format === "JSON") return `${JSON.stringify(doc, null, 2)}\n`;
  // No aliasing: an edited document may hold the same object twice; TML has no anchors.
  const yaml = new Document(doc, { version: "1.2", aliasDuplicateObjects: false });
  visit(yaml, {
    Scalar(_key, node) {
      if (typeof node.value === "string") {
        node.type = tmlNeedsQuotes(node.value) ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
      }
    },
  });
  return yaml.toString({
    lineWidth: 0,
    indent: 2,
    indentSeq: false,
    singleQuote: false,
    // JSON escapes keep multi-line strings on one line (\n, \r\n) and unicode unescaped.
    doubleQuotedAsJSON: true,
  });
}

function parseYamlText(text: string): unknown {
  const doc = parseDocument(text, { version: "1.2", schema: "core", uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    // prettyErrors appends " at line …, column …:" and a source excerpt; TmlParseError says where.
    const reason = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    throw new TmlParseError(reason, pos.line, pos.col, { cause: error });
  }
  if (doc.contents === null) throw new TmlError("TML text is empty.");
  return doc.toJS({ maxAliasCount: 100 });
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const { line, column } = lineColumn(text, offset);
    const reason = message.replace(/ in JSON at position \d+.*$/, "");
    throw new TmlParseError(`invalid JSON: ${reason}`, line, column, { cause: error });
  }
}

function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "a list" : typeof value;
}
