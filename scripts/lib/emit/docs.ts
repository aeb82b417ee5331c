// JSDoc for every operation, from the spec: summary, description, release, privileges, deprecation and
// a link to ThoughtSpot's API reference, Beta, written onto the methods of the generated V2Api / V1Api
// types (scripts/lib/emit/api-types.ts), so the editor shows them when hovering ts.api.v2.searchUsers.
// Written once: a copy on `operations` as well made every consumer parse ~0.4 MB more.

import { releaseFromSince } from "../release-facts.js";

type Obj = Record<string, unknown>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * ThoughtSpot's V2 reference (the REST Playground) addresses an operation as
 * api-endpoints/<first tag, lower-case, dashed>/<operationId, kebab-case>, e.g. users/search-users,
 * metadata/export-metadata-tml (the links ThoughtSpot's developer-docs pages use).
 */
const V2_REFERENCE = "https://developers.thoughtspot.com/docs/restV2-playground?apiResourceId=";

const kebab = (id: string) =>
  id
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();

export function v2ReferenceUrl(tag: string, operationId: string): string {
  const slug = tag.trim().toLowerCase().replace(/\s+/g, "-");
  return V2_REFERENCE + encodeURIComponent(`http/api-endpoints/${slug}/${kebab(operationId)}`);
}

/** The release text V2 descriptions start with, as an HTML span. */
const VERSION = /<span[^>]*>\s*Version:\s*([\w.-]+)\s+or later\s*<\/span>/i;

/** Description text fit for a JSDoc block: no HTML, no trailing "Endpoint URL" heading, no "*\/". */
function clean(text: string): string {
  return text
    .replace(VERSION, "")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/\n#+\s*Endpoint URL\s*$/i, "")
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Privilege names the spec knows: every enum value of a property whose name mentions privileges. */
function knownPrivileges(doc: Obj): Set<string> {
  const names = new Set<string>();
  JSON.stringify(doc, (key, value) => {
    if (/privilege/i.test(key) && value && typeof value === "object") {
      const values = (value as Obj).enum ?? ((value as Obj).items as Obj | undefined)?.enum;
      if (Array.isArray(values)) for (const v of values) if (typeof v === "string") names.add(v);
    }
    return value;
  });
  names.delete("UNKNOWN");
  return names;
}

/** Privilege names the description mentions in its sentences about privileges, in order. */
function privilegesIn(text: string, known: Set<string>): string[] {
  const found: string[] = [];
  for (const sentence of text.split(/(?<=\.)\s+|\n+/)) {
    if (!/privilege/i.test(sentence) || sentence.trimStart().startsWith("|")) continue;
    for (const [, name] of sentence.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) {
      if (name && known.has(name) && !found.includes(name)) found.push(name);
    }
  }
  return found;
}

function deprecationNote(text: string): string {
  const paragraph = text.split(/\n\s*\n|\n(?=[>*-])/).find((l) => /deprecated/i.test(l));
  const note = paragraph
    ?.replace(/^[>\s*-]+/, "")
    .replace(/\*\*/g, "")
    .replace(/\s*\n\s*/g, " ")
    .trim();
  return note || "ThoughtSpot's spec marks this operation deprecated.";
}

/** ThoughtSpot's Beta badge in a V2 description: <span class="since-beta-tag">Beta</span>. */
const BETA = /<span[^>]*>\s*Beta\s*<\/span>/i;
export const isBeta = (description: unknown) => typeof description === "string" && BETA.test(description);

/**
 * A V1 x-since in plain words. It is written from two ThoughtSpot documents, the V1 endpoint list and
 * the REST API changelog, which sometimes name different Cloud releases ("Cloud ts7.oct.cl (list) /
 * ts7.sep.cl (changelog); Software 7.2.1"): the earlier one is the release the endpoint shipped in
 * (the same rule as the table's availableFrom), so the hover says "7.2.1 (Software), ts7.sep.cl (Cloud).".
 * Notes on single parameters ("export_fqn 8.7.0.cl") follow as "Later additions".
 */
export function plainSince(since: unknown): string | undefined {
  if (typeof since !== "string") return undefined;
  // "Cloud 9.0.0.cl" alone reads as "Cloud 9.0.0.cl; Software not stated".
  const full = /;\s*Software\s/.test(since) ? since : `${since}; Software not stated`;
  const { cloud, software } = releaseFromSince(full);
  const parts = /^\s*Cloud\s+(.+?);\s*Software\s+(.+)$/s.exec(full);
  const notes = [...since.matchAll(/\(([^)]*\d[^)]*)\)/g)]
    .map((m) => m[1]!.trim())
    .filter((n) => n !== "list" && n !== "changelog");
  const where = [software && `${software} (Software)`, cloud && `${cloud} (Cloud)`]
    .filter(Boolean)
    .join(", ");
  const missing = [
    !software && parts && /not (available|applicable)/i.test(parts[2]!) ? "not in Software releases" : "",
    !cloud && parts && /not (available|applicable)/i.test(parts[1]!) ? "not on ThoughtSpot Cloud" : "",
  ].filter(Boolean);
  if (!where) return undefined;
  const tail = [...missing, ...(notes.length ? [`later additions: ${notes.join("; ")}`] : [])];
  return `${where}${tail.length ? `; ${tail.join("; ")}` : ""}.`;
}

/** A line that starts with "@" would read as a JSDoc tag. */
const safeLine = (line: string) => (line.startsWith("@") ? `\`${line}\`` : line);

/** operationId → JSDoc lines (without the comment markers), for every operation of the document. */
export function operationDocs(api: "v1" | "v2", doc: Obj): Map<string, string[]> {
  const known = knownPrivileges(doc);
  const tagDocs = new Map<string, string>();
  for (const tag of (doc.tags as Obj[] | undefined) ?? []) {
    const url = (tag.externalDocs as Obj | undefined)?.url;
    if (typeof url === "string") tagDocs.set(tag.name as string, url);
  }
  const base = api === "v1" ? ((doc.servers as Obj[] | undefined)?.[0]?.url as string | undefined) : "";
  const prefix = base?.startsWith("/") ? base : api === "v1" ? "/callosum/v1" : "";

  const docs = new Map<string, string[]>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Obj>)) {
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (!op?.operationId) continue;
      const id = op.operationId as string;
      const raw = `${(op.summary as string | undefined) ?? ""}\n\n${(op.description as string | undefined) ?? ""}`;
      const text = clean(raw);
      const [summary = "", ...rest] = text.split(/\n\n/);
      const tags = (op.tags as string[] | undefined) ?? [];

      const lines = [summary, ""];
      const since = raw.match(VERSION)?.[1] ? `${raw.match(VERSION)?.[1]}.` : plainSince(op["x-since"]);
      if (since) lines.push(`Available from ${since}`);
      const privileges = privilegesIn(text, known);
      if (privileges.length) {
        lines.push(
          `Privileges: ${privileges.map((p) => `\`${p}\``).join(", ")}${privileges.length > 1 ? " (the description says when each applies)" : ""}.`,
        );
      }
      if (op["x-internal"]) lines.push("Not a public ThoughtSpot endpoint: no stability promise.");
      lines.push(`\`${method.toUpperCase()} ${prefix}${path}\``, "");
      if (rest.length) lines.push(...rest.join("\n\n").split("\n"), "");
      const body = lines.map(safeLine);

      const reference =
        ((op.externalDocs as Obj | undefined)?.url as string | undefined) ??
        (api === "v2" && tags[0] ? v2ReferenceUrl(tags[0], id) : undefined) ??
        // V1: the reference page of the operation's area (externalDocs on its tag in the V1 file);
        // the partner and internal endpoints ThoughtSpot does not document have none.
        tags.map((t) => tagDocs.get(t)).find(Boolean);
      if (reference) body.push(`@see {@link ${reference} | ThoughtSpot API reference}`);
      if (op.deprecated) body.push(`@deprecated ${deprecationNote(text)}`);
      if (isBeta(op.description))
        body.push("@beta ThoughtSpot marks this operation Beta: it may change between releases.");
      docs.set(id, body);
    }
  }
  return docs;
}
