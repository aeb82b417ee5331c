// Takes a new upstream API description into openapi/ and regenerates: the flow behind
// `npm run generate -- --v2 <url|file>` (and `--v1`).
//
// Two phases, so that a refusal writes nothing: prepareUpdate() reads, validates, diffs and renders
// everything in memory; writeUpdate() then writes the spec, generated/, openapi/README.md and
// openapi/CHANGES.md. The type-check of the facade runs last, on the written tree, because a
// maintainer needs the new generated/ files in place to fix what it reports.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import ts from "typescript";
import { prependChangelog, renderChangelog, summaryLine } from "./diff/changelog.js";
import { type ApiChange, type ApiChanges, diffSpecs } from "./diff/spec-diff.js";
import { type GenerateResult, renderSpecText } from "./render.js";
import { type LoadedSpec, type LoadSpecOptions, loadSpec, releaseOf, SpecError } from "./spec/load.js";
import type { PatchReport } from "./spec/patches.js";
import { type ApiName, readSpecDocument, SPEC_FILES } from "./spec/read.js";

export { SpecError };

export const CHANGES_FILE = "openapi/CHANGES.md";
export const README_FILE = "openapi/README.md";

export interface UpdateRequest {
  api: ApiName;
  /** http(s) URL or file path. */
  source: string;
}

export interface UpdateOptions {
  /** Repository root to read from and write to (tests use a temporary copy). */
  base: string;
  /** Compute and print everything, write nothing. */
  dryRun?: boolean;
  /** Refuse (write nothing) when the diff has breaking changes. */
  failOnBreaking?: boolean;
  /** Type-check the project after writing. Default true. */
  typecheck?: boolean;
  /** tsconfig to type-check, relative to base. Default tsconfig.json. */
  tsconfig?: string;
  /** Date for the changelog heading and README, YYYY-MM-DD. Default: today (UTC). */
  date?: string;
  load?: LoadSpecOptions;
}

export interface PreparedUpdate {
  api: ApiName;
  /** As shown in openapi/README.md: the URL, or "local file <name>". */
  sourceLabel: string;
  loaded: LoadedSpec;
  /** The new bytes are the vendored bytes: nothing to record. */
  sameFile: boolean;
  changes: ApiChanges;
  breaking: ApiChange[];
  /** Markdown section for openapi/CHANGES.md; "" when sameFile. */
  section: string;
  patches: PatchReport;
  generated: GenerateResult;
  /** New openapi/README.md text. */
  readme: string;
}

export interface TypecheckResult {
  ok: boolean;
  errorCount: number;
  /** Files with errors, relative to base. */
  files: string[];
  /** The first diagnostics, formatted like tsc. */
  text: string;
}

export type UpdateStatus = "updated" | "unchanged" | "dry-run" | "breaking" | "typecheck-failed";

export interface UpdateResult {
  status: UpdateStatus;
  /** 0 updated/unchanged/dry-run, 2 refused for breaking changes, 3 type-check failed. */
  exitCode: number;
  updates: PreparedUpdate[];
  /** Every new changelog section, newest API first as requested; "" when nothing changed. */
  changelog: string;
  /** Paths written, relative to base. */
  written: string[];
  typecheck?: TypecheckResult;
}

/** Runs the whole flow for one or more APIs; throws SpecError (nothing written) on a bad source. */
export async function updateSpecs(requests: UpdateRequest[], opts: UpdateOptions): Promise<UpdateResult> {
  const seen = new Set<ApiName>();
  for (const r of requests) {
    if (seen.has(r.api)) throw new SpecError(`--${r.api} given twice`);
    seen.add(r.api);
  }
  // Prepare all before writing any: one bad source or a refusal leaves the tree untouched.
  let readme = await readFile(join(opts.base, README_FILE), "utf8").catch(() => "");
  const updates: PreparedUpdate[] = [];
  for (const r of requests) {
    const u = await prepareUpdate(r, opts, readme);
    readme = u.readme;
    updates.push(u);
  }
  const changelog = updates
    .map((u) => u.section)
    .filter(Boolean)
    .join("\n");
  const result: UpdateResult = { status: "updated", exitCode: 0, updates, changelog, written: [] };

  if (opts.failOnBreaking && updates.some((u) => u.breaking.length)) {
    return { ...result, status: "breaking", exitCode: 2 };
  }
  if (opts.dryRun) return { ...result, status: "dry-run" };

  for (const u of updates) result.written.push(...(await writeUpdate(u, opts.base)));
  if (!result.written.length) result.status = "unchanged";
  else if (opts.typecheck !== false) {
    result.typecheck = typecheckProject(opts.base, opts.tsconfig);
    if (!result.typecheck.ok) return { ...result, status: "typecheck-failed", exitCode: 3 };
  }
  return result;
}

/** Reads, validates, diffs and renders one API's new description; writes nothing. */
export async function prepareUpdate(
  request: UpdateRequest,
  opts: UpdateOptions,
  readme: string,
): Promise<PreparedUpdate> {
  const { api, source } = request;
  const loaded = await loadSpec(source, opts.load);
  if (api === "v2" && loaded.kind !== "openapi3") {
    throw new SpecError(
      `${loaded.source}: V2 needs an OpenAPI 3.x description, got Swagger ${loaded.version}`,
    );
  }
  const specFile = SPEC_FILES[api];
  const oldBytes = await readFile(join(opts.base, specFile)).catch(() => undefined);
  const oldText = oldBytes ? oldBytes.toString("utf8") : undefined;
  const oldSha = oldBytes ? createHash("sha256").update(oldBytes).digest("hex") : "none";

  // Diff the OpenAPI 3 forms: V1 may come as Swagger 2.0 on either side.
  const [oldDoc, newDoc] = await Promise.all([
    oldText ? readSpecDocument(api, oldText) : Promise.resolve({ openapi: "3.0.0", paths: {} }),
    readSpecDocument(api, loaded.text),
  ]);
  const changes = diffSpecs(oldDoc, newDoc);
  const generated = await renderSpecText(api, loaded.text, opts.base);
  const sameFile = oldSha === loaded.sha256;
  const sourceLabel = /^https?:\/\//i.test(loaded.source)
    ? loaded.source
    : `local file ${basename(loaded.source)}`;
  const date = opts.date ?? new Date().toISOString().slice(0, 10);

  const section = sameFile
    ? ""
    : renderChangelog(changes, {
        api,
        from: { release: oldText ? releaseOf(oldDoc) : undefined, sha256: oldSha },
        to: { release: releaseOf(newDoc), sha256: loaded.sha256 },
        date,
        patchesNoLongerNeeded: generated.patches.notNeeded,
        patchesNotApplying: generated.patches.notApplicable,
        overlaysNoLongerNeeded: generated.overlays.notNeeded,
        overlaysNotApplying: generated.overlays.notApplicable,
        unknownPages: generated.unknownPages,
      });
  const counts = countOf(newDoc);
  const newReadme = sameFile
    ? readme
    : updateReadmeTable(readme, specFile, [
        ["source", sourceCell(loaded.source, sourceLabel)],
        ["release", releaseOf(loaded.doc) ?? "unknown"],
        ["retrieved", date],
        ["sha256", loaded.sha256],
        ["operations / schemas", `${counts.operations} / ${counts.schemas}`],
      ]);
  return {
    api,
    sourceLabel,
    loaded,
    sameFile,
    changes,
    breaking: changes.changes.filter((c) => c.breaking),
    section,
    patches: generated.patches,
    generated,
    readme: newReadme,
  };
}

/** Writes one prepared update; returns the paths whose content changed. */
export async function writeUpdate(u: PreparedUpdate, base: string): Promise<string[]> {
  const written: string[] = [];
  const put = async (rel: string, content: string) => {
    const path = join(base, rel);
    const before = await readFile(path, "utf8").catch(() => undefined);
    if (before === content) return;
    await writeAtomic(path, content);
    written.push(rel);
  };
  // The original text, BOM and all, so the vendored file's sha256 is the upstream file's.
  await put(SPEC_FILES[u.api], u.loaded.text);
  for (const [name, content] of Object.entries(u.generated.files)) await put(`generated/${name}`, content);
  await put(README_FILE, u.readme);
  if (u.section) {
    const before = await readFile(join(base, CHANGES_FILE), "utf8").catch(() => undefined);
    await prependChangelog(join(base, CHANGES_FILE), u.section);
    if ((await readFile(join(base, CHANGES_FILE), "utf8")) !== before) written.push(CHANGES_FILE);
  }
  return written;
}

async function writeAtomic(path: string, content: string) {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

/**
 * `tsc --noEmit -p <tsconfig>` through the compiler API, so the failing files can be named.
 * Only errors count; the project's own config decides what is checked (src, tests, examples ...).
 */
export function typecheckProject(base: string, tsconfig?: string): TypecheckResult {
  // The facade alone (tsconfig.src.json) when the project has one: it is what a spec change can
  // break for users, and it checks in a fraction of the time the whole project takes.
  tsconfig ??= existsSync(join(base, "tsconfig.src.json")) ? "tsconfig.src.json" : "tsconfig.json";
  const configPath = join(base, tsconfig);
  const configErrors: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d) },
  );
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => base,
    getNewLine: () => "\n",
  };
  let diagnostics: readonly ts.Diagnostic[] = configErrors;
  if (parsed) {
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: { ...parsed.options, noEmit: true },
      projectReferences: parsed.projectReferences,
    });
    diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  }
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  const files = [...new Set(errors.map((d) => (d.file ? relative(base, d.file.fileName) : tsconfig)))].sort();
  return {
    ok: errors.length === 0,
    errorCount: errors.length,
    files,
    text: ts.formatDiagnostics(errors.slice(0, 20), host).trimEnd(),
  };
}

/** Console report for one prepared update. */
export function describeUpdate(u: PreparedUpdate): string[] {
  const lines: string[] = [];
  const release = releaseOf(u.loaded.doc) ?? "unknown release";
  if (u.sameFile) {
    lines.push(
      `${u.api}: ${u.sourceLabel} is the vendored file already (sha256 ${u.loaded.sha256.slice(0, 12)})`,
    );
  } else {
    lines.push(`${u.api}: ${release} from ${u.sourceLabel}: ${summaryLine(u.changes)}`);
  }
  lines.push(`  ${u.generated.operations} operations; patches applied: ${u.patches.applied.length}`);
  for (const p of u.patches.notApplicable)
    lines.push(`  WARNING patch ${p.file} no longer applies: ${p.reason}`);
  for (const p of u.patches.notNeeded)
    lines.push(`  WARNING patch ${p} is no longer needed (upstream fixed it)`);
  for (const p of u.generated.overlays.notApplicable)
    lines.push(`  WARNING overlay ${p.file} no longer applies: ${p.reason}`);
  for (const p of u.generated.overlays.notNeeded)
    lines.push(`  WARNING overlay ${p} is no longer needed (the schema tells it)`);
  for (const p of u.generated.unknownPages)
    lines.push(`  WARNING ${p.operationId} pages, but ${p.reason}: add an overlay to walk it`);
  return lines;
}

/**
 * Replaces the metadata table in the README section about `specFile` (the `## \`v2/…\`` heading),
 * or adds one; other sections stay as they are.
 */
export function updateReadmeTable(readme: string, specFile: string, rows: [string, string][]): string {
  const rel = specFile.replace(/^openapi\//, "");
  const table = ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  const lines = readme.replace(/\r\n/g, "\n").split("\n");
  const start = lines.findIndex((l) => l.startsWith("## ") && l.includes(`\`${rel}\``));
  if (start === -1) {
    const text = readme.trimEnd();
    return `${text ? `${text}\n\n` : ""}## \`${rel}\`\n\n${table.join("\n")}\n`;
  }
  let end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  if (end === -1) end = lines.length;
  const first = lines.findIndex((l, i) => i > start && i < end && l.startsWith("|"));
  if (first !== -1) {
    let last = first;
    while (last + 1 < end && lines[last + 1]?.startsWith("|")) last++;
    lines.splice(first, last - first + 1, ...table);
  } else {
    let at = end;
    while (at > start + 1 && lines[at - 1]?.trim() === "") at--;
    lines.splice(at, 0, "", ...table);
  }
  return lines.join("\n");
}

function sourceCell(source: string, label: string): string {
  // raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>: name the repository and file too.
  const gh = /^https:\/\/raw\.githubusercontent\.com\/([^/]+\/[^/]+)\/([^/]+)\/(.+)$/.exec(source);
  if (gh) return `${source} (\`${gh[1]}\`, ref \`${gh[2]}\`, file \`${gh[3]}\`)`;
  return /^https?:/i.test(source) ? source : label.replace(/^local file (.*)$/, "local file `$1`");
}

function countOf(doc: Record<string, unknown>): { operations: number; schemas: number } {
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  let operations = 0;
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const m of methods) if (item?.[m]) operations++;
  }
  const components = (doc.components ?? {}) as { schemas?: object };
  return { operations, schemas: Object.keys(components.schemas ?? {}).length };
}
