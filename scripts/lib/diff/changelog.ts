// Turns a spec diff into a markdown section for openapi/CHANGES.md and a one-line console summary.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { type ApiChange, type ApiChanges, hasChanges } from "./spec-diff.js";

export { hasChanges } from "./spec-diff.js";

export interface SpecIdentity {
  release?: string;
  sha256: string;
}

export interface ChangelogMeta {
  api: "v1" | "v2";
  from: SpecIdentity;
  to: SpecIdentity;
  /** Shown as given, e.g. "2026-11-23". */
  date: string;
  /** Files in openapi/patches/ that change nothing in the new spec: upstream fixed the defect. */
  patchesNoLongerNeeded?: string[];
  /** Files in openapi/patches/ that cannot apply to the new spec (upstream moved what they fix). */
  patchesNotApplying?: { file: string; reason: string }[];
  /** Page-rule overlays (openapi/overlays/, V1 x-page) the schema now tells by itself. */
  overlaysNoLongerNeeded?: string[];
  /** Page-rule overlays whose operation is gone or no longer pages. */
  overlaysNotApplying?: { file: string; reason: string }[];
  /** Operations that take an offset and a page size but whose page rule nothing tells (not walked). */
  unknownPages?: { operationId: string; reason: string }[];
}

export const CHANGES_TITLE = "# API changes";

export function renderChangelog(changes: ApiChanges, meta: ChangelogMeta): string {
  const [fromLabel, toLabel] = labels(meta.from, meta.to);
  const lines = [`## ${meta.api.toUpperCase()} ${fromLabel} → ${toLabel} (${meta.date})`, ""];
  lines.push(`Spec sha256: \`${meta.from.sha256}\` → \`${meta.to.sha256}\``, "");

  if (!hasChanges(changes)) {
    lines.push("No API changes.", "");
  } else {
    lines.push(`${countsLine(changes)}.`, "");
    const byKind = (kinds: ApiChange["kind"][]) => changes.changes.filter((c) => kinds.includes(c.kind));
    section(
      lines,
      "Added operations",
      byKind(["operation-added"]),
      (c) => `${opName(c)} — \`${c.method} ${c.path}\``,
    );
    section(
      lines,
      "Removed operations",
      byKind(["operation-removed"]),
      (c) => `${opName(c)} — \`${c.method} ${c.path}\``,
    );
    section(lines, "Renamed operations", byKind(["operation-renamed", "operation-moved"]), renamedLine);
    section(
      lines,
      "Deprecated operations",
      byKind(["operation-deprecated"]),
      (c) => `${opName(c)} — \`${c.method} ${c.path}\``,
    );
    changedOperations(
      lines,
      changes.changes.filter((c) => c.side !== undefined),
    );
  }

  const patches = meta.patchesNoLongerNeeded ?? [];
  if (patches.length) {
    lines.push(
      "### Patches no longer needed",
      "",
      "Applying them changes nothing: upstream fixed the defect. Remove them from `openapi/patches/`.",
      "",
    );
    for (const p of [...patches].sort()) lines.push(`- \`${p}\``);
    lines.push("");
  }
  const stale = [...(meta.patchesNotApplying ?? [])].sort((a, b) => (a.file < b.file ? -1 : 1));
  if (stale.length) {
    lines.push(
      "### Patches that no longer apply",
      "",
      "Skipped: what they fix has moved upstream. Check whether the defect is still there, then update or remove them.",
      "",
    );
    for (const p of stale) lines.push(`- **WARNING** \`${p.file}\`: ${p.reason}`);
    lines.push("");
  }
  const overlays = meta.overlaysNoLongerNeeded ?? [];
  if (overlays.length) {
    lines.push(
      "### Page overlays no longer needed",
      "",
      "The response schema now tells the same page rule. Remove them from `openapi/overlays/`.",
      "",
    );
    for (const p of [...overlays].sort()) lines.push(`- \`${p}\``);
    lines.push("");
  }
  const staleOverlays = [...(meta.overlaysNotApplying ?? [])].sort((a, b) => (a.file < b.file ? -1 : 1));
  if (staleOverlays.length) {
    lines.push("### Page overlays that no longer apply", "", "Skipped: update or remove them.", "");
    for (const p of staleOverlays) lines.push(`- **WARNING** \`${p.file}\`: ${p.reason}`);
    lines.push("");
  }
  const unknown = [...(meta.unknownPages ?? [])].sort((a, b) => (a.operationId < b.operationId ? -1 : 1));
  if (unknown.length) {
    lines.push(
      "### Paginated operations without a page rule",
      "",
      "They take an offset and a page size, but the schema does not tell where the items are: ts.paginate does not walk them until `openapi/overlays/` says how.",
      "",
    );
    for (const u of unknown) lines.push(`- **WARNING** \`${u.operationId}\`: ${u.reason}`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** "2 operations added, 0 removed, 0 renamed; 14 field changes; 1 breaking", or "no API changes". */
export function summaryLine(changes: ApiChanges): string {
  return hasChanges(changes) ? countsLine(changes) : "no API changes";
}

/**
 * Puts `section` at the top of the changelog: after the title and any intro text, before the
 * newest existing section. A section with the same heading (a re-run) is replaced, not repeated.
 */
export async function prependChangelog(file: string, section: string): Promise<void> {
  const existing = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
  const body = `${section.trim()}\n`;
  if (existing === undefined || existing.trim() === "") {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${CHANGES_TITLE}\n\n${body}`);
    return;
  }

  const lines = existing.replace(/\r\n/g, "\n").split("\n");
  const hasTitle = lines.find((l) => l.trim() !== "")?.startsWith("# ") ?? false;
  const head = hasTitle ? [] : [CHANGES_TITLE, ""];
  let first = lines.findIndex((l) => l.startsWith("## "));
  if (first === -1) first = lines.length;
  const intro = lines.slice(0, first);
  let rest = lines.slice(first);

  const heading = body.split("\n")[0];
  if (rest[0] === heading) {
    const next = rest.findIndex((l, i) => i > 0 && l.startsWith("## "));
    rest = next === -1 ? [] : rest.slice(next);
  }
  const introText = [...head, ...intro].join("\n").trimEnd();
  const restText = rest.join("\n").trim();
  await writeFile(file, `${introText}\n\n${body}${restText ? `\n${restText}\n` : ""}`);
}

function labels(from: SpecIdentity, to: SpecIdentity): [string, string] {
  const short = (s: SpecIdentity) => `sha256:${s.sha256.slice(0, 12)}`;
  // Same release, different bytes (a re-published file): the hashes tell them apart.
  if (from.release && from.release === to.release) {
    return [`${from.release} (${short(from)})`, `${to.release} (${short(to)})`];
  }
  return [from.release ?? short(from), to.release ?? short(to)];
}

function countsLine(changes: ApiChanges): string {
  const fieldChanges = changes.changes.filter((c) => c.side !== undefined).length;
  const breaking = changes.changes.filter((c) => c.breaking).length;
  const { added, removed, renamed } = changes;
  const ops = `${plural(added.length, "operation")} added, ${removed.length} removed, ${renamed.length} renamed`;
  return `${ops}; ${plural(fieldChanges, "field change")}; ${breaking} breaking`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function section(lines: string[], title: string, items: ApiChange[], line: (c: ApiChange) => string) {
  if (!items.length) return;
  lines.push(`### ${title}`, "");
  for (const c of items) lines.push(`- ${mark(c)}${line(c)}`);
  lines.push("");
}

/** Field-level changes grouped under their operation, in the diff's (path, method) order. */
function changedOperations(lines: string[], fieldChanges: ApiChange[]) {
  if (!fieldChanges.length) return;
  lines.push("### Changed operations", "");
  let current = "";
  for (const c of fieldChanges) {
    const key = `${c.method} ${c.path}`;
    if (key !== current) {
      if (current) lines.push("");
      lines.push(`#### ${opName(c)} — \`${key}\``, "");
      current = key;
    }
    lines.push(`- ${mark(c)}${c.message}`);
  }
  lines.push("");
}

function renamedLine(c: ApiChange): string {
  return c.kind === "operation-renamed" ? `\`${c.method} ${c.path}\`: ${c.message}` : c.message;
}

function opName(c: ApiChange): string {
  return c.operationId ? `\`${c.operationId}\`` : "(no operationId)";
}

function mark(c: ApiChange): string {
  return c.breaking ? "**BREAKING** " : "";
}
