// Release facts for the operation tables: the release each operation is available from (V2: the
// "Version: X or later" tag of its description; V1: the authored x-since, from ThoughtSpot's docs)
// and, for deprecated operations, the operation the description names as the replacement.

import { compareReleases, parseRelease } from "../../src/release/version.js";
import type { OperationRow } from "./emit/operation-row.js";

type Obj = Record<string, unknown>;

// <span class="since-beta-tag">Version: 10.12.0.cl or later</span>, also without the class or the span.
const VERSION_TAG = /Version:\s*([0-9][0-9A-Za-z.-]*?)\s+or\s+later/g;

/**
 * The release from a V2 description's "Version: X or later" tag. Some descriptions repeat the tag
 * (with and without a Beta badge); when the tags disagree, the earliest is taken, so a cluster is
 * never called too old on a doubtful fact. Undefined when there is no tag: no guess.
 */
export function releaseFromDescription(description: unknown): string | undefined {
  if (typeof description !== "string") return undefined;
  const found = [...description.matchAll(VERSION_TAG)]
    .map((m) => m[1] as string)
    .filter((v) => parseRelease(v));
  return earliest(found);
}

/**
 * The V1 description's x-since, as written from ThoughtSpot's docs: "Cloud ts7.oct.cl (list) /
 * ts7.sep.cl (changelog); Software 7.2.1", "Cloud 8.10.0.cl; Software not available",
 * "Cloud not applicable; Software 6.3.1", "Cloud 8.2.0.cl; Software 8.4.1-sw (authentication_type 8.8.0.cl)".
 * Where two documents disagree the earlier release is kept; notes in parentheses about single
 * parameters are not the operation's release; "not available", "not stated" give nothing.
 */
export function releaseFromSince(since: unknown): { cloud?: string; software?: string } {
  if (typeof since !== "string") return {};
  const parts = /^\s*Cloud\s+(.+?);\s*Software\s+(.+)$/s.exec(since);
  if (!parts) return {};
  const cloudText = (parts[1] as string).replace(/\([^)]*\)/g, " ");
  const cloud = earliest(cloudText.split(/[\s/]+/).filter((word) => parseRelease(word)));
  const softwareWord = (parts[2] as string).trim().split(/\s+/)[0] ?? "";
  const software = parseRelease(softwareWord) ? softwareWord : undefined;
  return { ...(cloud && { cloud }), ...(software && { software }) };
}

function earliest(releases: string[]): string | undefined {
  return releases.reduce<string | undefined>(
    (best, next) => (best === undefined || compareReleases(next, best) === -1 ? next : best),
    undefined,
  );
}

const camel = (words: string) =>
  words
    .trim()
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1)))
    .join("");

/**
 * The operation a deprecated operation's description names as its replacement, looked up in the
 * same table. Only the paragraph that says "deprecated" is read (other paragraphs name operations
 * to call first, not replacements), in the three forms the spec uses: `operationId` in backticks,
 * a link to the operation's page ([Delete Connection V2](#/.../delete-connection-v2)), or a link
 * whose text is the method and path ([POST /api/rest/2.0/metadata/parameterize-fields](...)).
 */
export function replacementFromDescription(
  operationId: string,
  description: unknown,
  table: Record<string, OperationRow>,
): string | undefined {
  if (typeof description !== "string") return undefined;
  const byRoute = new Map(Object.entries(table).map(([id, row]) => [`${row.method} ${row.path}`, id]));
  const known = (id: string | undefined) => (id && id !== operationId && id in table ? id : undefined);
  for (const paragraph of description.split(/\n\s*\n/)) {
    if (!/deprecated/i.test(paragraph)) continue;
    const candidates: (string | undefined)[] = [];
    for (const m of paragraph.matchAll(/`([A-Za-z][A-Za-z0-9]*)`|\[([^\]]+)\]\(([^)]*)\)/g)) {
      if (m[1]) {
        candidates.push(m[1]);
        continue;
      }
      const text = (m[2] as string).trim();
      const route = /^(GET|POST|PUT|PATCH|DELETE)\s+(\S+)$/i.exec(text);
      if (route) candidates.push(byRoute.get(`${route[1]?.toUpperCase()} ${route[2]}`));
      else candidates.push(camel((m[3] as string).split("/").pop() ?? ""), camel(text));
    }
    const found = candidates.map(known).find(Boolean);
    if (found) return found;
  }
  return undefined;
}

/** Adds availableFrom, availableFromSoftware and replacedBy to the rows, from the spec's operations. */
export function addReleaseFacts(table: Record<string, OperationRow>, operations: Record<string, Obj>): void {
  for (const [id, row] of Object.entries(table)) {
    const op = operations[id] ?? {};
    const since = releaseFromSince(op["x-since"]);
    const availableFrom = releaseFromDescription(op.description) ?? since.cloud;
    if (availableFrom) row.availableFrom = availableFrom;
    if (since.software) row.availableFromSoftware = since.software;
    const replacedBy = row.deprecated ? replacementFromDescription(id, op.description, table) : undefined;
    if (replacedBy) row.replacedBy = replacedBy;
  }
}
