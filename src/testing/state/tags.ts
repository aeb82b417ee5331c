// Realistic answers for tags and ownership: the tags of each Org (mock/tags.json holds Primary's), tagging
// and author changes that later metadata searches show (mock/headers.json holds who owns what and which
// tags it carries). A token for one Org creates, finds, changes, deletes and assigns that Org's tags only.
import type { ObjectHeader } from "../catalog.js";
import type { Answer, AnswerInput } from "../types.js";
import { badRequest, conflict } from "./errors.js";
import { findObject } from "./metadata.js";
import { findUser, type MockStore, tagsOf } from "./store.js";

type Loose = Record<string, unknown>;

/** A fresh GUID for a created tag, stable within one mock server. */
const tagGuid = (n: number) =>
  `7a1b2c3d-${String(100 + n).padStart(4, "0")}-4e5f-8a9b-${String(n).padStart(12, "0")}`;

const orgOf = (request: AnswerInput) => request.caller?.orgId ?? 0;

export function tagAnswers(store: MockStore): Record<string, Answer> {
  const { catalog } = store;
  let created = 0;
  const headerOf = (id: string): ObjectHeader => {
    catalog.headers[id] ??= { author: "tsadmin", tags: [] };
    return catalog.headers[id];
  };
  const findTag = (orgId: number, identifier: unknown) =>
    tagsOf(catalog, orgId).find((t) => t.id === identifier || t.name === identifier);
  // A tag ThoughtSpot cannot resolve (in the caller's Org) is a 400, as for users and groups: the spec
  // declares no 404 for tags.
  const unknownTag = (identifier: unknown) => badRequest(`Tag not found: ${String(identifier)}`);
  /** Applies `change` to every object named in `metadata`, with the tag names of `tag_identifiers`. */
  const retag =
    (change: (tags: string[], names: string[]) => string[]): Answer =>
    (request) => {
      const { input } = request;
      const orgId = orgOf(request);
      const asked = (input.tag_identifiers as unknown[]) ?? [];
      const missing = asked.find((t) => !findTag(orgId, t));
      if (missing !== undefined) return unknownTag(missing);
      const names = asked.map((t) => String(findTag(orgId, t)!.name));
      for (const m of (input.metadata as Loose[]) ?? []) {
        const object = findObject(store, orgId, m.identifier);
        if (!object)
          return badRequest(`Metadata object(s) not found or not accessible: ${String(m.identifier)}`);
        const header = headerOf(object.id);
        header.tags = change(header.tags, names);
      }
      return { status: 204 };
    };
  return {
    searchTags: (request) => {
      const { input } = request;
      const id = input.tag_identifier;
      const pattern = typeof input.name_pattern === "string" ? input.name_pattern.replace(/%/g, "") : "";
      return {
        json: tagsOf(catalog, orgOf(request)).filter(
          (t) =>
            (id === undefined || t.id === id || t.name === id) &&
            String(t.name).toLowerCase().includes(pattern.toLowerCase()),
        ),
      };
    },
    createTag: (request) => {
      const { input, caller } = request;
      const tags = tagsOf(catalog, orgOf(request));
      // Names are unique within an Org; another Org may hold a tag of the same name. A duplicate gets the
      // 409 of a duplicate user (errors.ts: ThoughtSpot's V1 docs); the V2 spec lists no 409 here.
      if (tags.some((t) => t.name === input.name))
        return conflict(`A tag named ${String(input.name)} already exists.`);
      const now = Date.now();
      const tag = {
        id: tagGuid(++created),
        name: input.name,
        color: input.color ?? "#7E8AA6",
        deleted: false,
        hidden: false,
        external: false,
        deprecated: false,
        creation_time_in_millis: now,
        modification_time_in_millis: now,
        author_id: caller?.userId ?? "59481331-ee53-42be-a548-bd87be6d0001",
      };
      tags.push(tag);
      return { json: tag };
    },
    updateTag: (request) => {
      const { input, params } = request;
      const orgId = orgOf(request);
      const tag = findTag(orgId, params.tag_identifier);
      if (!tag) return unknownTag(params.tag_identifier);
      const name = typeof input.name === "string" ? input.name : undefined;
      if (name !== undefined && name !== tag.name) {
        // A rename onto a name the Org already has: the same duplicate answer as createTag's.
        if (findTag(orgId, name)) return conflict(`A tag named ${name} already exists.`);
        // Objects carry tags by name (mock/headers.json): those of this Org follow the rename.
        for (const o of store.catalog.objects)
          if (o.orgId === orgId && catalog.headers[o.id])
            catalog.headers[o.id]!.tags = catalog.headers[o.id]!.tags.map((t) => (t === tag.name ? name : t));
        tag.name = name;
      }
      if (typeof input.color === "string") tag.color = input.color;
      tag.modification_time_in_millis = Date.now();
      return { status: 204 };
    },
    deleteTag: (request) => {
      const { params } = request;
      const orgId = orgOf(request);
      const tags = tagsOf(catalog, orgId);
      const tag = findTag(orgId, params.tag_identifier);
      if (!tag) return unknownTag(params.tag_identifier);
      tags.splice(tags.indexOf(tag), 1);
      // Taken off this Org's objects only: a tag of the same name in another Org is another tag.
      for (const o of store.catalog.objects) {
        const header = o.orgId === orgId ? catalog.headers[o.id] : undefined;
        if (header) header.tags = header.tags.filter((t) => t !== tag.name);
      }
      return { status: 204 };
    },
    assignTag: retag((tags, names) => [...new Set([...tags, ...names])]),
    unassignTag: retag((tags, names) => tags.filter((t) => !names.includes(t))),
    assignChangeAuthor: (request) => {
      const { input } = request;
      const user = findUser(catalog, input.user_identifier);
      if (!user) return badRequest(`User or group not found: ${String(input.user_identifier)}`);
      const from = input.current_owner_identifier;
      for (const m of (input.metadata as Loose[]) ?? []) {
        const object = findObject(store, orgOf(request), m.identifier);
        if (!object) continue;
        const header = headerOf(object.id);
        const owner = catalog.users.find((u) => u.name === header.author);
        if (from === undefined || from === owner?.id || from === owner?.name)
          header.author = String(user.name);
      }
      return { status: 204 };
    },
  };
}
