// Realistic answers for tags and ownership: the tags of mock/tags.json, tagging and author changes that
// later metadata searches show (mock/headers.json holds who owns what and which tags it carries).
import type { Catalog, ObjectHeader } from "../catalog.js";
import type { Answer } from "../types.js";
import { badRequest, conflict } from "./errors.js";

type Loose = Record<string, unknown>;

/** A fresh GUID for a created tag, stable within one mock server. */
const tagGuid = (n: number) =>
  `7a1b2c3d-${String(100 + n).padStart(4, "0")}-4e5f-8a9b-${String(n).padStart(12, "0")}`;

export function tagAnswers(catalog: Catalog): Record<string, Answer> {
  let created = 0;
  const objectId = (identifier: unknown) =>
    catalog.objects.find((o) => o.id === identifier || o.name === identifier)?.id;
  const headerOf = (id: string): ObjectHeader => {
    catalog.headers[id] ??= { author: "tsadmin", tags: [] };
    return catalog.headers[id];
  };
  const tagName = (identifier: unknown) =>
    catalog.tags.find((t) => t.id === identifier || t.name === identifier)?.name as string | undefined;
  /** Applies `change` to every object named in `metadata`, with the tag names of `tag_identifiers`. */
  const retag =
    (change: (tags: string[], names: string[]) => string[]): Answer =>
    ({ input }) => {
      const names = ((input.tag_identifiers as unknown[]) ?? []).map(tagName);
      if (names.some((n) => n === undefined))
        return badRequest(
          `Tag not found: ${String((input.tag_identifiers as unknown[]).find((t) => !tagName(t)))}`,
        );
      for (const m of (input.metadata as Loose[]) ?? []) {
        const id = objectId(m.identifier);
        if (!id) return badRequest(`Metadata object(s) not found or not accessible: ${String(m.identifier)}`);
        const header = headerOf(id);
        header.tags = change(header.tags, names as string[]);
      }
      return { status: 204 };
    };
  return {
    searchTags: ({ input }) => {
      const id = input.tag_identifier;
      const pattern = typeof input.name_pattern === "string" ? input.name_pattern.replace(/%/g, "") : "";
      return {
        json: catalog.tags.filter(
          (t) =>
            (id === undefined || t.id === id || t.name === id) &&
            String(t.name).toLowerCase().includes(pattern.toLowerCase()),
        ),
      };
    },
    createTag: ({ input }) => {
      if (catalog.tags.some((t) => t.name === input.name))
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
        author_id: "59481331-ee53-42be-a548-bd87be6d0001",
      };
      catalog.tags.push(tag);
      return { json: tag };
    },
    deleteTag: ({ params }) => {
      const at = catalog.tags.findIndex(
        (t) => t.id === params.tag_identifier || t.name === params.tag_identifier,
      );
      if (at < 0) return badRequest(`Tag not found: ${params.tag_identifier}`);
      const [tag] = catalog.tags.splice(at, 1);
      for (const header of Object.values(catalog.headers))
        header.tags = header.tags.filter((t) => t !== tag!.name);
      return { status: 204 };
    },
    assignTag: retag((tags, names) => [...new Set([...tags, ...names])]),
    unassignTag: retag((tags, names) => tags.filter((t) => !names.includes(t))),
    assignChangeAuthor: ({ input }) => {
      const user = catalog.users.find(
        (u) => u.id === input.user_identifier || u.name === input.user_identifier,
      );
      if (!user) return badRequest(`User or group not found: ${String(input.user_identifier)}`);
      const from = input.current_owner_identifier;
      for (const m of (input.metadata as Loose[]) ?? []) {
        const id = objectId(m.identifier);
        if (!id) continue;
        const header = headerOf(id);
        const owner = catalog.users.find((u) => u.name === header.author);
        if (from === undefined || from === owner?.id || from === owner?.name)
          header.author = String(user.name);
      }
      return { status: 204 };
    },
  };
}
