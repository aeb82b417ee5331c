// Reads an API description from a URL or a file, checks that it is OpenAPI 3.x or Swagger 2.0,
// and returns the exact text (for vendoring) with its sha256 (for openapi/README.md).
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

export class SpecError extends Error {
  override name = "SpecError";
}

export interface LoadSpecOptions {
  /** Whole-request time limit for URLs (headers and body). Default 60 s. */
  timeoutMs?: number;
  /** Largest accepted document, checked while reading. Default 20 MB. */
  maxBytes?: number;
  /** Injected fetch, for tests or proxies. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Run @apidevtools/swagger-parser's schema and spec validation too. Default true (~0.15 s for V2). */
  validate?: boolean;
}

export interface LoadedSpec {
  text: string;
  doc: object;
  format: "json" | "yaml";
  kind: "openapi3" | "swagger2";
  /** The `openapi` or `swagger` field, e.g. "3.0.0". */
  version: string;
  /** Hex sha256 of the bytes as read, so it matches `sha256sum` of the vendored file. */
  sha256: string;
  /** The URL as given, or the absolute file path. */
  source: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export async function loadSpec(source: string, opts: LoadSpecOptions = {}): Promise<LoadedSpec> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const isUrl = /^https?:\/\//i.test(source);
  let where = source;
  let bytes: Uint8Array;
  if (isUrl) {
    bytes = await readUrl(source, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes, opts.fetch ?? fetch);
  } else {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !/^file:/i.test(source)) {
      throw new SpecError(`${source}: only http(s) URLs and file paths are supported`);
    }
    where = /^file:/i.test(source) ? fileURLToPath(source) : resolvePath(source);
    bytes = await readLocalFile(where, maxBytes);
  }

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let text: string;
  try {
    // ignoreBOM keeps a BOM in `text`, so writing `text` back reproduces the same sha256.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SpecError(`${where}: not UTF-8 text`);
  }

  const { doc, format } = parseText(text.replace(/^\uFEFF/, ""), where);
  const { kind, version } = checkStructure(doc, where);
  if (opts.validate !== false) await validateWithSwaggerParser(doc, where);
  return { text, doc, format, kind, version, sha256, source: where };
}

async function readUrl(url: string, timeoutMs: number, maxBytes: number, fetchFn: typeof fetch) {
  // One signal for the whole exchange: a server that trickles the body is cut off too.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchFn(url, {
      signal,
      redirect: "follow",
      headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.5" },
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new SpecError(`${url}: HTTP ${res.status} ${res.statusText}`.trimEnd());
    }
    const declared = Number(res.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new SpecError(`${url}: ${declared} bytes is over the ${maxBytes}-byte limit`);
    }
    if (!res.body) return new Uint8Array(await res.arrayBuffer());
    return await readLimited(res.body, maxBytes, url);
  } catch (err) {
    if (err instanceof SpecError) throw err;
    if (signal.aborted) throw new SpecError(`${url}: no complete answer within ${timeoutMs} ms`);
    throw new SpecError(`${url}: fetch failed: ${describe(err)}`);
  }
}

// Counts bytes as they arrive; Content-Length may be absent or wrong.
async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number, url: string) {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new SpecError(`${url}: body is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function readLocalFile(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new SpecError(`${path}: not a file`);
    if (info.size > maxBytes)
      throw new SpecError(`${path}: ${info.size} bytes is over the ${maxBytes}-byte limit`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof SpecError) throw err;
    throw new SpecError(`${path}: cannot read: ${describe(err)}`);
  }
}

function parseText(text: string, where: string): { doc: Record<string, unknown>; format: "json" | "yaml" } {
  const first = text.trimStart()[0];
  let doc: unknown;
  let format: "json" | "yaml";
  if (first === "{" || first === "[") {
    format = "json";
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new SpecError(`${where}: not valid JSON: ${describe(err)}`);
    }
  } else {
    format = "yaml";
    const parsed = parseDocument(text, { uniqueKeys: true });
    const error = parsed.errors[0];
    if (error) throw new SpecError(`${where}: not valid YAML: ${error.message.split("\n")[0]}`);
    doc = parsed.toJS({ maxAliasCount: 1000 });
  }
  if (!isObject(doc))
    throw new SpecError(`${where}: expected an OpenAPI document (an object), got ${kindOf(doc)}`);
  return { doc, format };
}

function checkStructure(doc: Record<string, unknown>, where: string) {
  let kind: LoadedSpec["kind"];
  let version: string;
  if (typeof doc.openapi === "string" && /^3\.\d+(\.\d+)?$/.test(doc.openapi)) {
    kind = "openapi3";
    version = doc.openapi;
  } else if (doc.swagger === "2.0") {
    kind = "swagger2";
    version = "2.0";
  } else if ("openapi" in doc || "swagger" in doc) {
    const v = JSON.stringify(doc.openapi ?? doc.swagger);
    throw new SpecError(`${where}: unsupported version ${v}; expected openapi 3.x or swagger "2.0"`);
  } else {
    throw new SpecError(
      `${where}: not an OpenAPI 3.x or Swagger 2.0 document (no "openapi" or "swagger" field)`,
    );
  }
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== "string" || typeof info.version !== "string") {
    throw new SpecError(`${where}: "info" must be an object with string "title" and "version"`);
  }
  const paths = doc.paths;
  if (!isObject(paths)) throw new SpecError(`${where}: "paths" must be an object`);
  const hasOperation = Object.values(paths).some(
    (item) => isObject(item) && HTTP_METHODS.some((m) => isObject(item[m])),
  );
  if (!hasOperation) throw new SpecError(`${where}: "paths" declares no operations`);
  return { kind, version };
}

async function validateWithSwaggerParser(doc: object, where: string) {
  // Loaded lazily: it is only needed here and costs ~100 ms to import.
  const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
  try {
    // validate() dereferences in place, hence the copy; external refs are never followed.
    await SwaggerParser.validate(structuredClone(doc) as never, { resolve: { external: false } });
  } catch (err) {
    const lines = describe(err).split("\n").filter(Boolean);
    const shown = lines.slice(0, 8).join("\n  ");
    const more = lines.length > 8 ? `\n  … ${lines.length - 8} more lines` : "";
    throw new SpecError(`${where}: invalid API description:\n  ${shown}${more}`);
  }
}

/**
 * The ThoughtSpot release a description belongs to, when it can be told.
 * The V2 file's `info.version` is always "2.0" (the API version), so the release is taken as the
 * newest release named in its `x-roles` and operation tags (e.g. "26.8.0.cl"): each release adds
 * its own tag. `info.version` wins when it already looks like a release.
 */
export function releaseOf(doc: object): string | undefined {
  const d = doc as Record<string, unknown>;
  const release = /^\d+(\.\d+){2,3}\.(cl|sw)$/;
  const infoVersion = isObject(d.info) ? d.info.version : undefined;
  if (typeof infoVersion === "string" && release.test(infoVersion)) return infoVersion;

  const seen = new Set<string>();
  if (Array.isArray(d["x-roles"])) {
    for (const role of d["x-roles"]) if (isObject(role) && typeof role.name === "string") seen.add(role.name);
  }
  if (isObject(d.paths)) {
    for (const item of Object.values(d.paths)) {
      if (!isObject(item)) continue;
      for (const m of HTTP_METHODS) {
        const op = item[m];
        if (isObject(op) && Array.isArray(op.tags))
          for (const t of op.tags) if (typeof t === "string") seen.add(t);
      }
    }
  }
  const releases = [...seen].filter((s) => release.test(s));
  releases.sort(compareReleases);
  return releases.at(-1);
}

function compareReleases(a: string, b: string): number {
  const na = a.split(".").map(Number);
  const nb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const x = na[i] ?? 0;
    const y = nb[i] ?? 0;
    // Non-numeric suffixes (cl/sw) become NaN and compare equal.
    if (x !== y && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "an array" : typeof v;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
    return `${err.message}${cause}`;
  }
  return String(err);
}
