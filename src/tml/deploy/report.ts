// The outcome of a deploy: one entry per object (created, updated, unchanged, failed) with ThoughtSpot's
// message, counts, and the same as readable text. It only describes; it never decides an outcome.

/** What happened to one object. In a dry run, created/updated say what the import would do. */
export type TmlDeployOutcome = "created" | "updated" | "unchanged" | "failed";

export interface TmlDeployedObject {
  name: string;
  /** The TML kind (table, model, liveboard, ...). */
  type: string;
  /** Its key in the mapping: the source GUID, or `{type}:{name}` for a document without one. */
  key: string;
  sourceGuid: string | undefined;
  /** Its GUID on the target (after the deploy; for a dry run, only when it already existed). */
  targetGuid: string | undefined;
  outcome: TmlDeployOutcome;
  /** ThoughtSpot's message (an error, or a warning on success), or why it was not sent. */
  message?: string;
  /** Import level (0 first): objects of a level are imported after every level before it. */
  level: number;
  /** Names of the objects of this deploy it references. */
  dependsOn: string[];
  /** References whose GUID could not be carried to the target (left for ThoughtSpot to find by name). */
  notes?: string[];
}

export interface TmlDeployReport {
  /** The target's key in the mapping. */
  target: string;
  dryRun: boolean;
  policy: "PARTIAL" | "ALL_OR_NONE";
  /** In import order. */
  objects: TmlDeployedObject[];
  /** Objects the selection exported but the include/exclude filters left out. */
  excluded: { name: string; type: string; key: string }[];
  counts: Record<TmlDeployOutcome, number>;
  /** true when no object failed (and the deploy was not stopped). */
  ok: boolean;
  /**
   * Only in the report a TmlDeployError carries: why the deploy stopped part-way (the request error). Objects
   * it did not get to are `failed` with "not attempted"; those of the request that failed say so.
   */
  stopped?: string;
  /** The mapping file read and written, when one was given. */
  mappingFile: string | undefined;
  /** The report as text, one line per object and a total (what formatDeployReport returns). */
  summary: string;
}

export function countOutcomes(objects: readonly TmlDeployedObject[]): Record<TmlDeployOutcome, number> {
  const counts: Record<TmlDeployOutcome, number> = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const o of objects) counts[o.outcome]++;
  return counts;
}

const DRY_RUN_WORDS: Record<TmlDeployOutcome, string> = {
  created: "would create",
  updated: "would update",
  unchanged: "unchanged",
  failed: "failed",
};

/** The report as text: a line per object (with ThoughtSpot's message under it), then the totals. */
export function formatDeployReport(
  report: Pick<TmlDeployReport, "objects" | "excluded" | "counts" | "dryRun" | "target" | "stopped">,
): string {
  const lines: string[] = [];
  lines.push(`${report.dryRun ? "Dry run (VALIDATE_ONLY) against" : "Deploy to"} ${report.target}`);
  const width = Math.max(...report.objects.map((o) => label(o.outcome, report.dryRun).length), 0);
  for (const o of report.objects) {
    const guids =
      o.targetGuid && o.sourceGuid && o.targetGuid !== o.sourceGuid
        ? ` ${o.sourceGuid} → ${o.targetGuid}`
        : o.targetGuid
          ? ` ${o.targetGuid}`
          : o.sourceGuid
            ? ` ${o.sourceGuid}`
            : "";
    lines.push(`  ${label(o.outcome, report.dryRun).padEnd(width)}  ${o.type} "${o.name}"${guids}`);
    if (o.message) for (const line of o.message.split("\n")) lines.push(`      ${line}`);
    for (const note of o.notes ?? []) lines.push(`      note: ${note}`);
  }
  for (const e of report.excluded) lines.push(`  ${"excluded".padEnd(width)}  ${e.type} "${e.name}"`);
  const c = report.counts;
  const total = report.dryRun
    ? `${c.created} would be created, ${c.updated} would be updated, ${c.unchanged} unchanged, ${c.failed} failed`
    : `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed`;
  lines.push(`${total}${report.excluded.length ? `, ${report.excluded.length} excluded` : ""}`);
  if (report.stopped !== undefined) lines.push(`Stopped part-way: ${report.stopped}`);
  return `${lines.join("\n")}\n`;
}

function label(outcome: TmlDeployOutcome, dryRun: boolean): string {
  return dryRun ? DRY_RUN_WORDS[outcome] : outcome;
}
