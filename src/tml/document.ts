// TML text ⇄ TML documents, keeping ThoughtSpot's text of every value (rules in STYLE.md).
//
// parseTml reads values as ThoughtSpot writes them: plain `true`/`false` are booleans, plain
// `null`/`~`/nothing is null, plain decimal numbers (`3`, `-1`, `0.0`, `1.0E7`) are numbers, and
// everything else is a string with its exact text (`1e3`, `0x1F`, `.inf`, `yes`, `on`, `007`).
// It remembers the text each value and key was written with; stringifyTml writes that text back
// for every value still equal to what was read (so `0.0` stays `0.0`), and writes new or changed
// values in ThoughtSpot's style.
//
// Budgets, so a hostile file or export answer cannot stall the process: text longer than
// MAX_TML_LENGTH is refused before parsing, and YAML aliases (TML has none) may expand to at most
// MAX_TML_ALIAS_NODES values in all; an alias inside what it names is a TmlParseError.

import {
  Composer,
  type Document,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  type Node,
  Parser,
  parseDocument,
  Scalar,
} from "yaml";
import { TmlError, TmlParseError } from "./errors.js";
import { tmlType } from "./kinds.js";
import { renderKey, renderNumber, renderString } from "./style.js";
import type { TmlDocument } from "./types.js";

export { isLegacyConnection, isTmlOfType, TML_TYPES, tmlType } from "./kinds.js";
export { tmlNeedsQuotes, tmlValueStyle } from "./style.js";

/** The text a value was written with, and the value it was read as. */
interface Written {
  value: unknown;
  text: string;
}
type Slot = string | number;

// Per parsed object or list: how each value and each key was written. Weak, so edited or dropped
// parts of a document are collected as usual; copies (spread, JSON) simply fall back to the rules.
const writtenValues = new WeakMap<object, Map<Slot, Written>>();
const writtenKeys = new WeakMap<object, Map<string, string>>();

/**
 * How TML is read: YAML 1.2, every scalar as text (ThoughtSpot's reading is applied here). Keys are
 * checked for uniqueness here (collectionSteps) with a set: the yaml package's own check compares
 * each key with every earlier one, and 20 000 keys in one mapping held the event loop for seconds.
 */
const YAML_OPTIONS = { version: "1.2", schema: "failsafe", uniqueKeys: false, prettyErrors: true } as const;

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?$/;

/**
 * The longest TML text parsed by default, in characters (8 Mi): exported TML of the largest
 * Liveboards is a few megabytes, and parsing runs on the event loop (about a second per megabyte
 * on a busy machine). Raise it per call with `parseTml(text, { maxLength })`.
 */
export const MAX_TML_LENGTH = 8 * 1024 * 1024;

/**
 * How many values YAML aliases may expand to in one document. ThoughtSpot never writes aliases;
 * hand-written YAML may use a few, but a "billion laughs" file (a few hundred bytes that expand to
 * billions of values) stops here with a TmlParseError.
 */
export const MAX_TML_ALIAS_NODES = 10_000;

export interface ParseTmlOptions {
  /** Refuse longer text with a TmlError before parsing. Default MAX_TML_LENGTH (8 Mi characters). */
  maxLength?: number;
}

/** Parse TML text, YAML or JSON (ThoughtSpot exports both), into a document. */
export function parseTml(text: string, options: ParseTmlOptions = {}): TmlDocument {
  const value = readTmlValue(text, options);
  tmlType(value);
  return value as TmlDocument;
}

/** Parse TML text without asking which kind it is (for exports of any shape). */
export function readTmlValue(text: string, options: ParseTmlOptions = {}): unknown {
  const source = checkedText(text, options);
  return looksLikeJson(source) ? parseJsonText(source) : parseYamlText(source);
}

/** The text without its BOM, once it is known to be a string within maxLength. */
function checkedText(text: string, options: ParseTmlOptions): string {
  if (typeof text !== "string") throw new TypeError(`TML text must be a string, got ${typeof text}`);
  const maxLength = options.maxLength ?? MAX_TML_LENGTH;
  if (typeof maxLength !== "number" || !(maxLength > 0)) {
    throw new TypeError(`parseTml: maxLength must be a positive number, got ${String(maxLength)}`);
  }
  if (text.length > maxLength) {
    throw new TmlError(
      `TML text is ${text.length} characters, more than the ${maxLength} parsed at most (raise it with the maxLength option).`,
    );
  }
  return text.replace(/^\uFEFF/, "");
}

/**
 * For loops that parse many documents (an export answer): `await turn()` between documents gives
 * the event loop a turn once `sliceMs` of work have passed since the last one, so timers, sockets
 * and aborts keep running while a large answer is read.
 */
export function eventLoopTurns(sliceMs = 50): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    since = performance.now();
  };
}

/**
 * parseTml for large text on a busy process: the same document, but lexing and the reading of the
 * top levels give the event loop a turn every `sliceMs` (default 50 ms) of work. Used by
 * ts.tml.export, whose answer may hold many large documents.
 */
export async function parseTmlInTurns(
  text: string,
  options: ParseTmlOptions & { turn?: () => Promise<void> } = {},
): Promise<TmlDocument> {
  const value = await readTmlValueInTurns(text, options);
  tmlType(value);
  return value as TmlDocument;
}

/** readTmlValue in turns (see parseTmlInTurns). */
export async function readTmlValueInTurns(
  text: string,
  options: ParseTmlOptions & { turn?: () => Promise<void> } = {},
): Promise<unknown> {
  const turn = options.turn ?? eventLoopTurns();
  const source = checkedText(text, options);
  // JSON.parse is fast enough to run at once.
  if (looksLikeJson(source)) return parseJsonText(source);
  const composer = new Composer(YAML_OPTIONS);
  const parser = new Parser();
  const docs: Document.Parsed[] = [];
  let lexemes = 0;
  for (const lexeme of new Lexer().lex(source)) {
    for (const token of parser.next(lexeme)) docs.push(...composer.next(token));
    if ((++lexemes & 1023) === 0) await turn();
  }
  for (const token of parser.end()) docs.push(...composer.next(token));
  docs.push(...composer.end(true, source.length));
  const doc = docs[0];
  // Anything wrong: the reading at once reports it exactly as parseTml does.
  if (docs.length !== 1 || !doc || doc.errors.length > 0 || doc.contents === null)
    return parseYamlText(source);
  return readNodeInTurns(
    doc.contents as Node,
    { text: source, doc, open: new Set(), aliased: 0, inAlias: false },
    3,
    turn,
  );
}

export interface StringifyTmlOptions {
  /** `YAML` (default), as ThoughtSpot writes .tml files, or `JSON` (2-space indented). */
  format?: "YAML" | "JSON";
}

/** Write a TML document as ThoughtSpot does (see STYLE.md); parsed values keep their text. */
export function stringifyTml(
  doc: TmlDocument | Record<string, unknown>,
  options: StringifyTmlOptions = {},
): string {
  if (options.format === "JSON") return `${JSON.stringify(doc, null, 2)}\n`;
  const lines: string[] = [];
  writeMapping(doc as Record<string, unknown>, "", lines);
  return lines.length ? `${lines.join("\n")}\n` : "{}\n";
}

// ---- writing -------------------------------------------------------------------------------

function writeMapping(map: Record<string, unknown>, indent: string, lines: string[]): void {
  const keys = writtenKeys.get(map);
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    const keyText = keys?.get(key) ?? renderKey(key);
    writeEntry(`${indent}${keyText}:`, value, indent, map, key, lines, indent);
  }
}

/**
 * One `key:` or `-` entry. `head` is the text before the value; `indent` the column of the
 * entry (a list under a key sits in its key's column); `inner` the column of nested content.
 */
function writeEntry(
  head: string,
  value: unknown,
  indent: string,
  parent: object,
  slot: Slot,
  lines: string[],
  listIndent: string,
): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) lines.push(`${head} []`);
    else {
      lines.push(head);
      writeList(value, listIndent, lines);
    }
  } else if (isObject(value)) {
    if (Object.keys(value).length === 0) lines.push(`${head} {}`);
    else {
      lines.push(head);
      writeMapping(value, inner, lines);
    }
  } else {
    const text = scalarText(value, inner, parent, slot);
    lines.push(text === "" ? head : `${head} ${text}`);
  }
}

function writeList(list: unknown[], indent: string, lines: string[]): void {
  const inner = `${indent}  `;
  list.forEach((item, index) => {
    const value = item === undefined ? null : item;
    if (Array.isArray(value) && value.length > 0) {
      const nested: string[] = [];
      writeList(value, inner, nested);
      lines.push(`${indent}- ${nested[0]!.slice(inner.length)}`, ...nested.slice(1));
    } else if (isObject(value) && Object.keys(value).length > 0) {
      const nested: string[] = [];
      writeMapping(value, inner, nested);
      lines.push(`${indent}- ${nested[0]!.slice(inner.length)}`, ...nested.slice(1));
    } else {
      writeEntry(`${indent}-`, value, indent, list, index, lines, inner);
    }
  });
}

/** A scalar's text: as it was read when unchanged, else in ThoughtSpot's style. */
function scalarText(value: unknown, blockIndent: string, parent: object, slot: Slot): string {
  const written = writtenValues.get(parent)?.get(slot);
  if (written && Object.is(written.value, value)) return written.text;
  if (typeof value === "string") return renderString(value, blockIndent);
  if (typeof value === "number") return renderNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return renderString(value.toISOString(), blockIndent);
  return renderString(String(value), blockIndent);
}

// ---- reading -------------------------------------------------------------------------------

function parseYamlText(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error) {
    const pos = culprit(text, error.code, error.pos[0]) ?? error.linePos?.[0] ?? { line: 1, col: 1 };
    // prettyErrors appends " at line …, column …:" and a source excerpt; TmlParseError says where.
    const reason = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    const kind = kindFromText(text);
    throw new TmlParseError(reason, pos.line, pos.col, { cause: error, ...(kind && { kind }) });
  }
  if (doc.contents === null) throw new TmlError("TML text is empty.");
  return readNode(doc.contents as Node, { text, doc, open: new Set(), aliased: 0, inAlias: false });
}

/** What reading one document needs: its text, and the alias budget and guard. */
interface ReadContext {
  text: string;
  doc: Document.Parsed | Document;
  /** Nodes being read right now (the path from the root): an alias to one of them never ends. */
  open: Set<Node>;
  /** Values produced through aliases so far, against MAX_TML_ALIAS_NODES. */
  aliased: number;
  inAlias: boolean;
}

/** Plain JS value of one node; records the source text of scalars on their parent. */
function readNode(node: Node, ctx: ReadContext): unknown {
  const step = enter(node, ctx);
  if (step.kind === "value") return step.value;
  if (step.kind === "alias") return readAlias(step.target, ctx);
  try {
    const steps = collectionSteps(node, ctx);
    let next = steps.next();
    while (!next.done) next = steps.next(readNode(next.value, ctx));
    return next.value;
  } finally {
    ctx.open.delete(node);
  }
}

/**
 * readNode in turns: the first `depth` levels are read child by child with `await turn()` between
 * children (a Liveboard's visualizations, a model's columns), deeper ones at once. Same result.
 */
async function readNodeInTurns(
  node: Node,
  ctx: ReadContext,
  depth: number,
  turn: () => Promise<void>,
): Promise<unknown> {
  if (depth <= 0 || !(isMap(node) || isSeq(node))) return readNode(node, ctx);
  const step = enter(node, ctx);
  if (step.kind !== "collection") return readNode(node, ctx);
  try {
    const steps = collectionSteps(node, ctx);
    let next = steps.next();
    while (!next.done) {
      await turn();
      next = steps.next(await readNodeInTurns(next.value, ctx, depth - 1, turn));
    }
    return next.value;
  } finally {
    ctx.open.delete(node);
  }
}

type Entered = { kind: "value"; value: unknown } | { kind: "alias"; target: Node } | { kind: "collection" };

/** Counts the node against the alias budget; a collection is marked open until read. */
function enter(node: Node, ctx: ReadContext): Entered {
  if (ctx.inAlias && ++ctx.aliased > MAX_TML_ALIAS_NODES) {
    throw parseErrorAt(
      ctx,
      node,
      `YAML aliases expand to more than ${MAX_TML_ALIAS_NODES} values (TML has no aliases)`,
    );
  }
  if (isMap(node) || isSeq(node)) {
    ctx.open.add(node);
    return { kind: "collection" };
  }
  if (isScalar(node)) return { kind: "value", value: scalarValue(node) };
  // An alias: TML has none, but hand-written YAML may; read what it points at, within the budget.
  const target = (node as { resolve?: (d: unknown) => Node | undefined }).resolve?.(ctx.doc);
  if (!target) return { kind: "value", value: null };
  if (ctx.open.has(target)) throw parseErrorAt(ctx, node, "a YAML alias refers to a value that contains it");
  return { kind: "alias", target };
}

function readAlias(target: Node, ctx: ReadContext): unknown {
  const inAlias = ctx.inAlias;
  ctx.inAlias = true;
  try {
    return readNode(target, ctx);
  } finally {
    ctx.inAlias = inAlias;
  }
}

function parseErrorAt(ctx: ReadContext, node: Node, reason: string): TmlParseError {
  const { line, column } = lineColumn(ctx.text, node.range?.[0] ?? 0);
  const kind = kindFromText(ctx.text);
  return new TmlParseError(reason, line, column, kind ? { kind } : undefined);
}

/**
 * Builds a mapping or list: yields each child node and takes back its value, so the same steps
 * serve the reading at once and the reading in turns.
 */
function* collectionSteps(node: Node, ctx: ReadContext): Generator<Node, unknown, unknown> {
  const { text } = ctx;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const values = new Map<Slot, Written>();
    const keys = new Map<string, string>();
    const seen = new Set<string>();
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value ?? "") : String(keyNode ?? "");
      if (seen.has(key)) throw parseErrorAt(ctx, keyNode ?? node, "Map keys must be unique");
      seen.add(key);
      if (isScalar(keyNode) && keyNode.range) keys.set(key, text.slice(keyNode.range[0], keyNode.range[1]));
      const valueNode = pair.value as Node | null;
      const value = valueNode === null ? null : yield valueNode;
      // A `__proto__` key must stay data, not become the prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      const written = writtenScalar(valueNode, value, text);
      if (written) values.set(key, written);
    }
    writtenValues.set(out, values);
    writtenKeys.set(out, keys);
    return out;
  }
  if (isSeq(node)) {
    const out: unknown[] = [];
    const values = new Map<Slot, Written>();
    for (const [index, item] of node.items.entries()) {
      const value = item === null ? null : yield item as Node;
      out.push(value);
      const written = writtenScalar(item as Node | null, value, text);
      if (written) values.set(index, written);
    }
    writtenValues.set(out, values);
    return out;
  }
  return null;
}

/** ThoughtSpot's reading of a scalar: only plain text can be a boolean, null or number. */
function scalarValue(node: Scalar): unknown {
  const value = node.value === null || node.value === undefined ? "" : String(node.value);
  if (node.type !== Scalar.PLAIN) return value;
  if (value === "" || value === "null" || value === "~") return null;
  if (value === "true") return true;
  if (value === "false") return false;
  if (NUMBER.test(value)) {
    const number = Number(value);
    // Integers past 2^53 would change on the way back; they stay text.
    if (value.includes(".") || Number.isSafeInteger(number)) return number;
  }
  return value;
}

/** The single-line source text of a scalar, kept so it can be written back unchanged. */
function writtenScalar(node: Node | null, value: unknown, text: string): Written | undefined {
  if (node === null) return { value, text: "" };
  if (!isScalar(node) || !node.range) return undefined;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return undefined;
  const source = text.slice(node.range[0], node.range[1]);
  return source.includes("\n") ? undefined : { value, text: source };
}

/**
 * Where a nested-mapping error really is. For `name: x` followed by a deeper `db: y`, YAML
 * reports the `x`; the line at fault is the deeper one, so point at its first character.
 */
function culprit(text: string, code: string, offset: number): { line: number; col: number } | undefined {
  if (code !== "BLOCK_AS_IMPLICIT_KEY" && code !== "MULTILINE_IMPLICIT_KEY") return undefined;
  const lines = text.split("\n");
  let line = text.slice(0, offset).split("\n").length;
  const own = lines[line - 1] ?? "";
  const ownIndent = own.length - own.trimStart().length;
  for (let i = line; i < lines.length; i++) {
    const candidate = lines[i]!;
    if (candidate.trim() === "" || candidate.trimStart().startsWith("#")) continue;
    const indent = candidate.length - candidate.trimStart().length;
    if (indent > ownIndent) {
      line = i + 1;
      return { line, col: indent + 1 };
    }
    break;
  }
  return undefined;
}

/** The kind key at the top of possibly broken text (`table`, `liveboard` …), if one shows. */
function kindFromText(text: string): string | undefined {
  for (const line of text.split("\n")) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)/.exec(line);
    if (match && match[1] !== "guid" && match[1] !== "obj_id") return match[1];
  }
  return undefined;
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
    const kind = /^\s*\{\s*(?:"(?:guid|obj_id)"\s*:\s*"[^"]*"\s*,\s*)*"([A-Za-z_]+)"\s*:/.exec(text)?.[1];
    throw new TmlParseError(`invalid JSON: ${reason}`, line, column, { cause: error, ...(kind && { kind }) });
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
