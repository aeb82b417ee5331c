// Metadata objects of the store, per Org: search, TML export (with associated objects and fqn), TML import
// that creates or updates by GUID (sync and async, VALIDATE_ONLY changing nothing), and delete.
// Reads and changes only the caller's Org; never another Org's objects.

import { parse } from "yaml";
import { page } from "../answers/page.js";
import type { CatalogObject } from "../catalog.js";
import { describeTml } from "../catalog.js";
import type { Answer, AnswerOutput } from "../types.js";
import { badRequest } from "./errors.js";
import { referencesOf, unresolved } from "./references.js";
import { type MockCaller, type MockStore, orgOfObject, tagsOf } from "./store.js";

type Loose = Record<string, unknown>;

export const MODIFIED = 1_717_243_200_000; // 2024-06-01

/** V2 metadata subtypes of the logical-table kinds of TML. */
export const SUBTYPE: Record<string, string> = {
  table: "ONE_TO_ONE_LOGICAL",
  worksheet: "WORKSHEET",
  model: "WORKSHEET",
  view: "AGGR_WORKSHEET",
  sql_view: "SQL_VIEW",
};

const orgOf = (caller: MockCaller | undefined) => caller?.orgId ?? 0;

/** A fresh GUID for an imported object, stable within one mock (until reset). */
const guidFor = (n: number) =>
  `9e8d7c6b-${String(n).padStart(4, "0")}-4a5b-8c9d-${String(n).padStart(12, "0")}`;

export function objectsIn(store: MockStore, orgId: number): CatalogObject[] {
  return store.catalog.objects.filter((o) => o.orgId === orgId);
}

export function findObject(store: MockStore, orgId: number, identifier: unknown): CatalogObject | undefined {
  return objectsIn(store, orgId).find((o) => o.id === identifier || o.name === identifier);
}

/** Owner (a user of the catalog) and tags of an object, as ThoughtSpot's header lists them. */
export function ownership(store: MockStore, id: string): Loose {
  const { catalog } = store;
  // Tag names resolve among the tags of the object's own Org.
  const orgTags = tagsOf(catalog, orgOfObject(catalog, id));
  const { author, tags } = catalog.headers[id] ?? { author: "tsadmin", tags: [] };
  const user = catalog.users.find((u) => u.name === author) ?? catalog.users[0] ?? {};
  return {
    author: user.id,
    authorName: user.name,
    authorDisplayName: user.display_name,
    owner: user.id,
    tags: tags.map((name) => orgTags.find((t) => t.name === name) ?? { name }),
  };
}

/** Whether an object carries one of the tags asked for (by name or GUID). */
function tagged(store: MockStore, o: CatalogObject, wanted: unknown): boolean {
  if (!Array.isArray(wanted) || wanted.length === 0) return true;
  const names = store.catalog.headers[o.id]?.tags ?? [];
  return names.some((name) => {
    const tag = tagsOf(store.catalog, o.orgId).find((t) => t.name === name);
    return wanted.includes(name) || (tag !== undefined && wanted.includes(tag.id));
  });
}

function header(store: MockStore, o: CatalogObject): Loose {
  return {
    metadata_id: o.id,
    metadata_name: o.name,
    metadata_type: o.metadataType,
    metadata_header: {
      id: o.id,
      name: o.name,
      type: o.tmlType.toUpperCase(),
      created: MODIFIED - 86_400_000 * 30,
      modified: MODIFIED,
      ...ownership(store, o.id),
    },
  };
}

/** The objects in `orgId` whose name this object's TML mentions: TML refers to other objects by name. */
function uses(store: MockStore, o: CatalogObject): CatalogObject[] {
  return objectsIn(store, o.orgId).filter((other) => other !== o && o.tml.includes(other.name));
}

/** The objects asked for, then the objects they use (transitively). */
function withAssociated(store: MockStore, orgId: number, asked: Loose[]): Loose[] {
  const seen = new Set<string>();
  const out: Loose[] = [];
  const visit = (identifier: unknown) => {
    const o = findObject(store, orgId, identifier);
    if (!o) return void out.push({ identifier });
    if (seen.has(o.id)) return;
    seen.add(o.id);
    out.push({ identifier: o.id });
    for (const other of uses(store, o)) visit(other.id);
  };
  for (const w of asked) visit(w.identifier);
  return out;
}

/**
 * TML with `fqn: <GUID>` beside each reference by name (`- id: X` / `- name: X` list entries naming an
 * object of the same Org), as an export with export_fqn does.
 */
function withFqn(store: MockStore, o: CatalogObject): string {
  const byName = new Map(objectsIn(store, o.orgId).map((x) => [x.name, x.id]));
  const lines = o.tml.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    const entry = /^(\s*)- (?:name|id): "?(.+?)"?\s*$/.exec(line);
    if (!entry) continue;
    const guid = byName.get(entry[2]!);
    if (!guid || guid === o.id) continue;
    const indent = `${entry[1]}  `;
    // A reference that already holds an fqn (TML imported from an export) gets this Org's GUID there,
    // never a second fqn key: ThoughtSpot's exports hold one per reference.
    let end = i + 1;
    while (lines[end]?.startsWith(indent)) end++;
    const held = lines.slice(i + 1, end).findIndex((l) => l.startsWith(`${indent}fqn:`));
    if (held >= 0) {
      for (let j = i + 1; j < end; j++) out.push(j === i + 1 + held ? `${indent}fqn: "${guid}"` : lines[j]!);
      i = end - 1;
      continue;
    }
    // `- id: X` is followed by `name: X`: put fqn after the name line.
    while (lines[i + 1]?.startsWith(indent) && /^\s*name:/.test(lines[i + 1]!)) out.push(lines[++i]!);
    out.push(`${indent}fqn: "${guid}"`);
  }
  return out.join("\n");
}

const withGuid = (text: string, guid: string) =>
  /^guid:/m.test(text) ? text.replace(/^guid:.*$/m, `guid: ${guid}`) : `guid: ${guid}\n${text}`;

interface Planned {
  entry: Loose;
  /** The object as it will be stored; with apply, absent when the document is refused. */
  object?: CatalogObject;
  apply?: () => void;
}

const refused = (message: string): Loose => ({
  response: { status: { status_code: "ERROR", error_message: message } },
});

/**
 * One TML document's import, as ThoughtSpot decides it: the GUID of an object in the caller's Org
 * updates that object; no GUID, create_new, or a GUID used in another Org (GUIDs are unique on a
 * cluster) creates an object with a fresh GUID; an unknown GUID creates the object with that GUID.
 */
function planImport(
  store: MockStore,
  caller: MockCaller | undefined,
  text: string,
  createNew: boolean,
): Planned {
  const orgId = orgOf(caller);
  const asked = /^guid:\s*"?([^"\s]+)"?/m.exec(text)?.[1];
  let described: ReturnType<typeof describeTml>;
  try {
    described = describeTml(withGuid(text, asked ?? "new"));
  } catch {
    return { entry: refused("Invalid TML: no type or name") };
  }
  const existing = asked === undefined ? undefined : store.catalog.objects.find((o) => o.id === asked);
  const updates = !createNew && existing !== undefined && existing.orgId === orgId;
  const guid = updates || (!createNew && asked !== undefined && !existing) ? asked! : guidFor(store.next());
  const object: CatalogObject = { ...described, id: guid, tml: withGuid(text, guid), orgId };
  const author = updates
    ? (store.catalog.headers[guid]?.author ?? "tsadmin")
    : (caller?.username ?? "tsadmin");
  const authorId = store.catalog.users.find((u) => u.name === author)?.id ?? "";
  return {
    object,
    entry: {
      response: {
        status: { status_code: "OK" },
        header: {
          id_guid: guid,
          name: described.name,
          description: "",
          metadata_type: described.metadataType,
          owner_guid: authorId,
          author_guid: authorId,
        },
      },
    },
    apply: () => {
      const at = store.catalog.objects.findIndex((o) => o.id === guid);
      if (at >= 0) store.catalog.objects[at] = object;
      else store.catalog.objects.push(object);
      store.catalog.headers[guid] ??= { author, tags: [] };
    },
  };
}

/** Imports a batch under a policy: VALIDATE_ONLY changes nothing, ALL_OR_NONE nothing if one fails. */
export function importTml(
  store: MockStore,
  caller: MockCaller | undefined,
  texts: string[],
  policy: string,
  createNew: boolean,
): Loose[] {
  const planned = texts.map((text) => planImport(store, caller, text, createNew));
  // References resolve against the Org as it will be after this import (objects the import updates
  // take their new names) and the objects the import creates.
  const batch = planned.flatMap((p) => (p.object ? [p.object] : []));
  const candidates = [
    ...objectsIn(store, orgOf(caller)).filter((o) => !batch.some((b) => b.id === o.id)),
    ...batch,
  ];
  for (const [i, p] of planned.entries()) {
    if (!p.apply) continue;
    const problems = referencesOf(texts[i]!).flatMap((r) => unresolved(r, candidates) ?? []);
    if (problems.length) planned[i] = { entry: refused(`Invalid reference: ${problems.join("; ")}`) };
  }
  const failed = planned.some((p) => !p.apply);
  if (policy === "ALL_OR_NONE" && failed)
    return planned.map((p) =>
      p.apply ? refused("Not imported: another object of this ALL_OR_NONE import failed") : p.entry,
    );
  if (policy !== "VALIDATE_ONLY") for (const p of planned) p.apply?.();
  return planned.map((p) => p.entry);
}

/** Export entries as V2 lists them: the objects asked for (with associated ones), TML with fqn if asked. */
function exportTml(
  store: MockStore,
  orgId: number,
  asked: Loose[],
  associated: boolean,
  fqn: boolean,
  format: unknown,
): Loose[] {
  const wanted = associated ? withAssociated(store, orgId, asked) : asked;
  return wanted.map((w) => {
    const o = findObject(store, orgId, w.identifier);
    if (!o)
      return {
        info: {
          id: w.identifier,
          status: { status_code: "ERROR", error_message: `No object with id or name ${w.identifier}` },
        },
      };
    return {
      info: {
        name: o.name,
        filename: `${o.name}.${o.tmlType}.tml`,
        status: { status_code: "OK" },
        type: o.tmlType,
        id: o.id,
      },
      edoc: inFormat(fqn ? withFqn(store, o) : o.tml, format),
    };
  });
}

/** TML as exported in the format asked for: YAML (the default) or JSON text of the same document. */
const inFormat = (yaml: string, format: unknown) =>
  String(format).toUpperCase() === "JSON" ? JSON.stringify(parse(yaml)) : yaml;

/** V1's names of the V2 metadata types (the V1 spec's import example says PINBOARD_ANSWER_BOOK). */
export const V1_TYPE: Record<string, string> = {
  LIVEBOARD: "PINBOARD_ANSWER_BOOK",
  ANSWER: "QUESTION_ANSWER_BOOK",
  // The V1 docs' metadata types name a connection DATA_SOURCE.
  CONNECTION: "DATA_SOURCE",
};

/** A V1 list field: JSON text of an array (or the array itself). */
function jsonList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [value];
  } catch {
    return [value];
  }
}

const v1Text = (value: unknown): AnswerOutput => ({
  status: 200,
  headers: { "Content-Type": "text/plain" },
  body: JSON.stringify(value),
});

export function metadataAnswers(store: MockStore): Record<string, Answer> {
  return {
    searchMetadata: ({ input, caller }) => {
      const wanted = (input.metadata as Loose[] | undefined) ?? [];
      const matches = objectsIn(store, orgOf(caller)).filter(
        (o) =>
          tagged(store, o, input.tag_identifiers) &&
          (wanted.length === 0 ||
            wanted.some(
              (w) =>
                (w.type === undefined || w.type === o.metadataType) &&
                (!Array.isArray(w.subtypes) || w.subtypes.includes(SUBTYPE[o.tmlType])) &&
                (w.identifier === undefined || w.identifier === o.id || w.identifier === o.name) &&
                (typeof w.name_pattern !== "string" ||
                  o.name.toLowerCase().includes(w.name_pattern.replace(/%/g, "").toLowerCase())),
            )),
      );
      return {
        json: page(
          matches.map((o) => header(store, o)),
          input,
        ),
      };
    },
    exportMetadataTML: ({ input, caller }) => ({
      json: exportTml(
        store,
        orgOf(caller),
        (input.metadata as Loose[] | undefined) ?? [],
        input.export_associated === true,
        input.export_fqn === true,
        input.edoc_format,
      ),
    }),
    // V1 TML export and import: the same store, V1's form fields (lists as JSON text, flags as "true"),
    // answered as text/plain JSON wrapped in { object: [...] } like the V1 spec's examples.
    metadataTmlExport: ({ input, caller }) => {
      const ids = jsonList(input.export_ids);
      const entries = exportTml(
        store,
        orgOf(caller),
        ids.map((identifier) => ({ identifier })),
        String(input.export_associated) === "true",
        String(input.export_fqn) === "true",
        input.formattype,
      );
      return v1Text({ object: entries });
    },
    metadataTmlImport: ({ input, caller }) => {
      const entries = importTml(
        store,
        caller,
        jsonList(input.import_objects),
        String(input.import_policy ?? "PARTIAL"),
        String(input.force_create) === "true",
      );
      for (const e of entries) {
        const header = (e.response as Loose | undefined)?.header as Loose | undefined;
        if (header) header.metadata_type = V1_TYPE[String(header.metadata_type)] ?? header.metadata_type;
      }
      return v1Text({ object: entries });
    },
    importMetadataTML: ({ input, caller }) => ({
      json: importTml(
        store,
        caller,
        (input.metadata_tmls as string[] | undefined) ?? [],
        String(input.import_policy ?? "PARTIAL"),
        input.create_new === true,
      ),
    }),
    deleteMetadata: ({ input, caller }) => {
      const orgId = orgOf(caller);
      const asked = (input.metadata as Loose[] | undefined) ?? [];
      const missing = asked.filter((m) => !findObject(store, orgId, m.identifier)).map((m) => m.identifier);
      // Nothing is deleted when one id is unknown, and the answer names it.
      if (missing.length) return notFound(missing);
      for (const m of asked) {
        const o = findObject(store, orgId, m.identifier)!;
        store.catalog.objects.splice(store.catalog.objects.indexOf(o), 1);
        delete store.catalog.headers[o.id];
        store.shares.delete(o.id);
      }
      return { status: 204 };
    },
  };
}

// The spec declares 400 ("Operation failed") and no 404 for the metadata operations: an id ThoughtSpot
// cannot resolve is a 400 in its error shape.
const notFound = (ids: unknown[]): AnswerOutput =>
  badRequest(`Metadata object(s) not found or not accessible: ${ids.map(String).join(", ")}`);
