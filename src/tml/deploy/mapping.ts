// The GUID mapping of deploys: source GUID → target GUID (and the hash of what was sent), per target,
// in a versioned JSON file written with sorted keys so it diffs cleanly in Git. Also: matching an
// import answer's objects to the documents sent. It must never lose an entry it was given, and never
// guess a match from answer order where ThoughtSpot's answer names the object.
import type { V1MetadataType, V2MetadataType } from "../../enums/api-types.js";
import { importNode } from "../../node-only.js";
import { TmlError } from "../errors.js";
import type { ImportedTml } from "../import.js";

/** The `format` value of a mapping file: what the file is, so another JSON file is not taken for one. */
export const TML_DEPLOY_MAPPING_FORMAT = "thoughtspot-rest-api/tml-deploy-mapping";
/** The version this SDK writes; it reads this one only (a newer file is refused, not rewritten). */
export const TML_DEPLOY_MAPPING_VERSION = 1;

/** What a deploy remembers about one object it put on a target. */
export interface TmlDeployMappingEntry {
  /** The object's GUID on the target. */
  guid: string;
  /** The TML kind (table, model, liveboard, ...). */
  type: string;
  /** Its name when last deployed (for people reading the file). */
  name: string;
  /** sha256 of the TML last sent (without its top-level guid); unchanged TML is not sent again. */
  hash?: string;
}

/**
 * The mapping file. `targets` is keyed by target (a name you choose, or `{cluster id}/org/{org id}`),
 * then by source GUID (or `{type}:{name}` for documents without one).
 */
export interface TmlDeployMapping {
  format: typeof TML_DEPLOY_MAPPING_FORMAT;
  version: typeof TML_DEPLOY_MAPPING_VERSION;
  targets: Record<string, Record<string, TmlDeployMappingEntry>>;
}

export function emptyMapping(): TmlDeployMapping {
  return { format: TML_DEPLOY_MAPPING_FORMAT, version: TML_DEPLOY_MAPPING_VERSION, targets: {} };
}

/** Reads mapping JSON, checking its shape; `where` names the file in errors. */
export function parseMapping(text: string, where = "mapping"): TmlDeployMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new TmlError(`${where}: not JSON (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    });
  }
  return checkMapping(value, where);
}

/** Checks a mapping given as an object (from a file, or kept by the caller). */
export function checkMapping(value: unknown, where = "mapping"): TmlDeployMapping {
  const fail = (why: string): never => {
    throw new TmlError(`${where}: ${why}`);
  };
  if (!isRecord(value)) return fail("not a JSON object");
  if (value.format !== TML_DEPLOY_MAPPING_FORMAT)
    fail(
      `not a deploy mapping (format is ${JSON.stringify(value.format)}, not "${TML_DEPLOY_MAPPING_FORMAT}")`,
    );
  if (value.version !== TML_DEPLOY_MAPPING_VERSION)
    fail(
      `version ${JSON.stringify(value.version)} is not one this SDK reads (${TML_DEPLOY_MAPPING_VERSION}); use the SDK release that wrote it`,
    );
  if (!isRecord(value.targets)) fail("`targets` is not an object");
  const targets: TmlDeployMapping["targets"] = {};
  for (const [target, objects] of Object.entries(value.targets as Record<string, unknown>)) {
    if (!isRecord(objects)) fail(`targets[${JSON.stringify(target)}] is not an object`);
    const out: Record<string, TmlDeployMappingEntry> = {};
    for (const [source, entry] of Object.entries(objects as Record<string, unknown>)) {
      const at = `targets[${JSON.stringify(target)}][${JSON.stringify(source)}]`;
      if (!isRecord(entry)) fail(`${at} is not an object`);
      const e = entry as Record<string, unknown>;
      if (typeof e.guid !== "string" || !e.guid) fail(`${at}.guid is not a GUID`);
      if (typeof e.type !== "string") fail(`${at}.type is not a string`);
      if (typeof e.name !== "string") fail(`${at}.name is not a string`);
      if (e.hash !== undefined && typeof e.hash !== "string") fail(`${at}.hash is not a string`);
      // Keys this release does not know are kept, so an older SDK does not strip a newer one's notes.
      setOwn(out, source, {
        ...(e as object),
        guid: e.guid,
        type: e.type,
        name: e.name,
      } as TmlDeployMappingEntry);
    }
    setOwn(targets, target, out);
  }
  return {
    ...(value as object),
    format: TML_DEPLOY_MAPPING_FORMAT,
    version: TML_DEPLOY_MAPPING_VERSION,
    targets,
  };
}

/** The file's text: keys sorted at every depth, two-space indent, one trailing newline. */
export function stringifyMapping(mapping: TmlDeployMapping): string {
  return `${JSON.stringify(sortKeys(mapping), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(out, key, {
      value: sortKeys(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Node: the mapping in `path`, or an empty one when the file does not exist yet. */
export async function readMappingFile(path: string): Promise<TmlDeployMapping> {
  const { readFile } = await importNode("node:fs/promises");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return emptyMapping();
    throw error;
  }
  return parseMapping(text, path);
}

/** Node: writes the mapping to `path` through a temporary file and a rename, so a crash leaves the old file. */
export async function writeMappingFile(path: string, mapping: TmlDeployMapping): Promise<void> {
  const [{ writeFile, rename, mkdir, rm }, { dirname }] = await Promise.all([
    importNode("node:fs/promises"),
    importNode("node:path"),
  ]);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, stringifyMapping(mapping), "utf8");
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

/** sha256 of text, as `sha256:<hex>` (Web Crypto: Node 20 and browsers alike). */
export async function tmlHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The metadata types (V2 and V1 names, checked against both unions) an import answer's header gives for
 * each TML kind (LOGICAL_TABLE for every data model kind), to tell apart objects of the same name.
 */
const METADATA_TYPE = {
  connection: ["CONNECTION", "DATA_SOURCE"],
  liveboard: ["LIVEBOARD", "PINBOARD_ANSWER_BOOK"],
  pinboard: ["LIVEBOARD", "PINBOARD_ANSWER_BOOK"],
  answer: ["ANSWER", "QUESTION_ANSWER_BOOK"],
  table: ["LOGICAL_TABLE"],
  view: ["LOGICAL_TABLE"],
  sql_view: ["LOGICAL_TABLE"],
  worksheet: ["LOGICAL_TABLE"],
  model: ["LOGICAL_TABLE"],
} satisfies Record<string, readonly (V1MetadataType | V2MetadataType)[]> as Readonly<
  Record<string, readonly string[]>
>;

function typeFits(kind: string, answered: string | undefined): boolean {
  if (answered === undefined) return true;
  const known = METADATA_TYPE[kind];
  return known === undefined || known.includes(answered.toUpperCase()) || answered.toLowerCase() === kind;
}

/**
 * Pairs each document sent (by name and kind) with its object in the import answer. ThoughtSpot's
 * per-object header names the object: an entry whose name is another document's goes to that document
 * (the only one of that name and kind). Only entries that name nothing, or whose name is shared, fall back
 * to their position. The result is aligned with `sent`; undefined where no entry is that document's.
 */
export function matchImported(
  sent: readonly { name: string; type: string }[],
  answered: readonly ImportedTml[],
): (ImportedTml | undefined)[] {
  const out: (ImportedTml | undefined)[] = sent.map(() => undefined);
  const unplaced: number[] = [];
  for (const [position, entry] of answered.entries()) {
    const candidates =
      entry.name === undefined
        ? []
        : sent.flatMap((doc, i) =>
            doc.name === entry.name && typeFits(doc.type, entry.type) && out[i] === undefined ? [i] : [],
          );
    if (candidates.length === 1) out[candidates[0]!] = entry;
    else if (candidates.includes(position)) out[position] = entry;
    else unplaced.push(position);
  }
  // No name in the answer, or one that several documents share: the answer's position is all there is.
  for (const position of unplaced) {
    const entry = answered[position]!;
    const doc = sent[position];
    if (doc === undefined || out[position] !== undefined) continue;
    if (entry.name !== undefined && entry.name !== doc.name) continue; // names another object: no guess
    out[position] = entry;
  }
  return out;
}

/**
 * Sets an own property whatever its name: keys come from files and TML (a GUID or target named
 * `__proto__` must stay data, never become a prototype).
 */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Node: takes `{path}.lock` for one deploy (created exclusively), so two deploys writing one mapping file
 * cannot lose each other's entries. A lock left by a crashed process must be removed by hand; the error
 * says which file.
 */
export async function lockMappingFile(path: string): Promise<() => Promise<void>> {
  const [{ open, rm, mkdir }, { dirname }] = await Promise.all([
    importNode("node:fs/promises"),
    importNode("node:path"),
  ]);
  const lock = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  try {
    const handle = await open(lock, "wx");
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
    throw new TmlError(
      `${path}: another deploy is using this mapping file (${lock} exists; remove it if no deploy is running)`,
    );
  }
  return () => rm(lock, { force: true });
}
