// TML files on disk (Node only): a folder of `{name}.{type}.tml` files, as ThoughtSpot's UI
// export and most deployment repositories lay them out. Names and kind keys come from the server
// and are data: both are made safe whole, and no write may land outside the folder it was given.

import { importNode } from "../node-only.js";

// node:fs and node:path load on first use, so browser bundles of the SDK never need them.
const nodeFs = () => importNode("node:fs/promises");
const nodePath = () => importNode("node:path");

import { eventLoopTurns, parseTmlInTurns, stringifyTml, tmlType } from "./document.js";
import { TmlError, TmlParseError } from "./errors.js";
import type { TmlDocument, TmlKind } from "./types.js";

export interface TmlFile {
  path: string;
  /** The object's `name` in the TML, or the file name's stem when the body has none. */
  name: string;
  /** From the content, not the file name: `x.table.tml` holding a model is a `model`. */
  type: TmlKind;
  text: string;
  doc: TmlDocument;
}

export interface ReadTmlFolderOptions {
  /** Also read sub-folders. Default false. */
  recursive?: boolean;
}

/** Read every `.tml` file in `dir`, sorted by path. A file that does not parse throws, naming the file. */
export async function readTmlFolder(dir: string, options: ReadTmlFolderOptions = {}): Promise<TmlFile[]> {
  const [{ readdir, readFile }, { join }] = await Promise.all([nodeFs(), nodePath()]);
  const entries = await readdir(dir, { withFileTypes: true, recursive: options.recursive ?? false });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".tml"))
    // `parentPath` is Node ≥ 20.12; `path` is the older spelling of the same thing.
    .map((entry) => join(entryDir(entry, dir), entry.name))
    .sort();
  const files: TmlFile[] = [];
  // Large folders and files are parsed in turns, so reading them does not hold the event loop.
  const turn = eventLoopTurns();
  for (const path of paths) {
    const text = await readFile(path, "utf8");
    const doc = await parseFile(path, text, turn);
    const type = tmlType(doc);
    const bodyName = (doc as Record<string, { name?: unknown }>)[type]?.name;
    const name = typeof bodyName === "string" ? bodyName : fileStem(path);
    files.push({ path, name, type, text, doc });
  }
  return files;
}

/**
 * Write each document as `{name}.{type}.tml` in `dir` (created if missing), overwriting files of
 * the same name. Documents whose file names collide (ignoring letter case, as macOS and Windows
 * do) all get their GUID appended, or a counter when they have none, so the result does not
 * depend on which document comes first.
 */
export async function writeTmlFolder(dir: string, docs: readonly TmlDocument[]): Promise<TmlFile[]> {
  const [{ mkdir, writeFile }, { join, resolve, sep }] = await Promise.all([nodeFs(), nodePath()]);
  await mkdir(dir, { recursive: true });
  const names = uniqueFileNames(docs);
  const root = resolve(dir);
  const files: TmlFile[] = [];
  for (const [i, doc] of docs.entries()) {
    const path = join(dir, names[i]!);
    // The names are made safe above; this check holds even if that ever missed a case.
    const target = resolve(path);
    if (!target.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
      throw new TmlError(
        `TML file name ${JSON.stringify(names[i])} would be written outside ${dir}; nothing of it was written.`,
      );
    }
    const text = stringifyTml(doc);
    await writeFile(path, text, "utf8");
    const type = tmlType(doc);
    files.push({ path, name: objectName(doc, type) ?? fileStem(path), type, text, doc });
  }
  return files;
}

/**
 * `{name}.{type}.tml`, with the name made safe for Linux, macOS and Windows file systems, and the
 * type (the document's kind key, which the server chooses) reduced to letters, digits and `_`.
 */
export function tmlFileName(doc: TmlDocument): string {
  const type = tmlType(doc);
  const guid = typeof doc.guid === "string" ? doc.guid : undefined;
  return `${safeFileStem(objectName(doc, type) ?? guid ?? type)}.${safeKind(type)}.tml`;
}

/** A kind key as one file-name part: ThoughtSpot's kinds are `[a-z_]`; anything else is replaced. */
function safeKind(type: string): string {
  const kind = type.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 40);
  return /[A-Za-z0-9]/.test(kind) ? kind : "unknown";
}

function uniqueFileNames(docs: readonly TmlDocument[]): string[] {
  const base = docs.map((doc) => tmlFileName(doc));
  const count = new Map<string, number>();
  for (const name of base) count.set(name.toLowerCase(), (count.get(name.toLowerCase()) ?? 0) + 1);
  const used = new Set<string>();
  return base.map((name, i) => {
    const doc = docs[i]!;
    const suffix = `.${safeKind(tmlType(doc))}.tml`;
    let stem = name.slice(0, -suffix.length);
    if (count.get(name.toLowerCase())! > 1 && typeof doc.guid === "string")
      stem = `${stem}_${safeFileStem(doc.guid)}`;
    let candidate = `${stem}${suffix}`;
    // Still taken (no GUID, or equal GUIDs): number it, in input order.
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}_${n}${suffix}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_STEM_BYTES = 200; // file names are limited to 255 bytes; leave room for `_{guid}.{type}.tml`

/** Replace characters no common file system accepts in a name; keep unicode. */
function safeFileStem(name: string): string {
  let stem = name
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/\p{Cc}/gu, "_")
    .replace(/[. ]+$/, ""); // Windows drops trailing dots and spaces
  if (stem === "" || /^\.+$/.test(stem)) stem = "unnamed";
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}_`;
  return truncateUtf8(stem, MAX_STEM_BYTES);
}

function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = "";
  let bytes = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

function objectName(doc: TmlDocument, type: TmlKind): string | undefined {
  const name = (doc as Record<string, { name?: unknown }>)[type]?.name;
  return typeof name === "string" ? name : undefined;
}

async function parseFile(path: string, text: string, turn: () => Promise<void>): Promise<TmlDocument> {
  try {
    return await parseTmlInTurns(text, { turn });
  } catch (error) {
    if (error instanceof TmlParseError) {
      throw new TmlParseError(error.reason, error.line, error.column, {
        cause: error,
        file: path,
        ...(error.kind && { kind: error.kind }),
      });
    }
    if (error instanceof TmlError) throw new TmlError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

function fileStem(path: string): string {
  const base = path.split(/[/\\]/).at(-1) ?? path;
  return base.replace(/(\.[A-Za-z_]+)?\.tml$/i, "");
}

function entryDir(entry: { parentPath?: string; path?: string }, fallback: string): string {
  return entry.parentPath ?? entry.path ?? fallback;
}
