// V1 metadata listing (metadata/list, listobjectheaders), tagging and delete on the same store as V2:
// objects, users, groups and tags of the caller's Org as V1's MetadataHeader, and changes made through
// the V2 answers that own them. Never lists or changes another Org's objects.
import type { CatalogObject } from "../catalog.js";
import type { Answer, AnswerInput } from "../types.js";
import { badRequest, serverError } from "./errors.js";
import { findObject, MODIFIED, objectsIn, ownership, SUBTYPE, V1_TYPE } from "./metadata.js";
import { groupsOf, isMember, type MockStore, tagsOf } from "./store.js";
import { failed, v1Failure, v1List } from "./v1-fields.js";

type Loose = Record<string, unknown>;

/** An object's V1 metadata type (PINBOARD_ANSWER_BOOK, QUESTION_ANSWER_BOOK, LOGICAL_TABLE, ...). */
export const v1TypeOf = (o: CatalogObject) => V1_TYPE[o.metadataType] ?? o.metadataType;

/** A V1 `pattern`: case-insensitive, % the wildcard, matching anywhere in the name (the V1 docs). */
function matches(pattern: unknown, name: unknown): boolean {
  if (typeof pattern !== "string" || pattern === "") return true;
  const re = pattern
    .split("%")
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(re, "i").test(String(name));
}

export function v1MetadataAnswers(store: MockStore, v2: Record<string, Answer>): Record<string, Answer> {
  const orgOf = (request: AnswerInput) => request.caller?.orgId ?? 0;

  /** The headers of `type` in the caller's Org, filtered as V1 filters them, before paging. */
  const headersOf = (request: AnswerInput): Loose[] | undefined => {
    const { input } = request;
    const { catalog } = store;
    const orgId = orgOf(request);
    const type = String(input.type ?? "QUESTION_ANSWER_BOOK");
    let headers: Loose[];
    if (type === "USER")
      headers = catalog.users
        .filter((u) => isMember(catalog, String(u.name), orgId))
        .map((u) => ({
          id: u.id,
          name: u.name,
          displayName: u.display_name ?? u.name,
          type: "USER",
          created: Number(u.creation_time_in_millis ?? 0),
          modified: Number(u.creation_time_in_millis ?? 0),
          tags: [],
        }));
    else if (type === "USER_GROUP")
      headers = groupsOf(catalog, orgId).map((g) => ({
        id: g.id,
        name: g.name,
        displayName: g.display_name ?? g.name,
        ...(typeof g.description === "string" && { description: g.description }),
        type: "USER_GROUP",
        tags: [],
      }));
    else if (type === "TAG")
      headers = tagsOf(catalog, orgId).map((t) => ({
        id: t.id,
        name: t.name,
        type: "TAG",
        author: t.author_id,
        created: t.creation_time_in_millis,
        modified: t.modification_time_in_millis,
        tags: [],
      }));
    else {
      const subtypes = v1List(input.subtypes);
      const tagnames = v1List(input.tagname);
      headers = objectsIn(store, orgId)
        .filter((o) => v1TypeOf(o) === type)
        .filter((o) => subtypes.length === 0 || subtypes.includes(SUBTYPE[o.tmlType] ?? ""))
        .map((o) => {
          const own = ownership(store, o.id);
          return {
            id: o.id,
            name: o.name,
            type,
            ...(SUBTYPE[o.tmlType] && { subType: SUBTYPE[o.tmlType] }),
            created: MODIFIED - 86_400_000 * 30,
            modified: MODIFIED,
            author: own.author,
            authorName: own.authorName,
            authorDisplayName: own.authorDisplayName,
            owner: own.owner,
            isDeleted: false,
            isHidden: false,
            tags: own.tags,
          };
        })
        .filter(
          (h) => tagnames.length === 0 || (h.tags as Loose[]).some((t) => tagnames.includes(String(t.name))),
        );
    }
    const fetch = v1List(input.fetchids);
    const skip = v1List(input.skipids);
    return headers
      .filter((h) => matches(input.pattern, h.name))
      .filter((h) => fetch.length === 0 || fetch.includes(String(h.id)))
      .filter((h) => !skip.includes(String(h.id)))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  };
  /** V1 paging: offset -1 (the default) is the first item, batchsize -1 (or none) everything from there. */
  const batch = (request: AnswerInput, all: Loose[]) => {
    const offset = Math.max(0, Number(request.input.offset ?? -1));
    const size = Number(request.input.batchsize ?? -1);
    const items = size < 0 ? all.slice(offset) : all.slice(offset, offset + size);
    return { items, last: offset + items.length >= all.length };
  };
  /** Tags objects through V2's assignTag or unassignTag: ids and tags as V1's JSON-text lists. */
  const retag =
    (operation: "assignTag" | "unassignTag"): Answer =>
    (request) => {
      const { input } = request;
      const ids = v1List(input.id);
      // The V1 spec's 500 "Invalid metadata object ID" for an object ThoughtSpot cannot resolve.
      const missing = ids.find((id) => !findObject(store, orgOf(request), id));
      if (missing !== undefined) return v1Failure(serverError(`Invalid metadata object ID: ${missing}`));
      const tags = v1List(input.tagid).length ? v1List(input.tagid) : v1List(input.tagname);
      if (tags.length === 0 || ids.length === 0)
        return v1Failure(badRequest("Invalid parameter value: id and tagid or tagname are required"), 400);
      const out = v2[operation]!({
        ...request,
        operationId: operation,
        input: { metadata: ids.map((identifier) => ({ identifier })), tag_identifiers: tags },
      });
      // The V1 spec's 400 "Invalid parameter value" for a tag the Org does not have.
      const failure = failed(out);
      return failure ? v1Failure(failure, 400) : { status: 204 };
    };

  return {
    metadataList: (request) => {
      const { items, last } = batch(request, headersOf(request) ?? []);
      return { json: { headers: items, isLastBatch: last } };
    },
    // The same headers as metadata/list, as a bare array (the V1 docs' paging table).
    metadataListobjectheaders: (request) => ({ json: batch(request, headersOf(request) ?? []).items }),
    // Moves objects of the caller's Org owned by fromUserName (all of them, or those in objectsID) to
    // toUserName, through V2's assignChangeAuthor. The V1 spec's 400 "Invalid from/to username".
    userTransferOwnership: (request) => {
      const { input } = request;
      const from = store.catalog.users.find((u) => u.name === input.fromUserName);
      const to = store.catalog.users.find((u) => u.name === input.toUserName);
      if (!from || !to)
        return v1Failure(
          badRequest(`Invalid from/to username: ${String(input.fromUserName)}, ${String(input.toUserName)}`),
          400,
        );
      const only = v1List(input.objectsID ?? input.objectid);
      const owned = objectsIn(store, orgOf(request)).filter(
        (o) =>
          (store.catalog.headers[o.id]?.author ?? "tsadmin") === from.name &&
          (only.length === 0 || only.includes(o.id)),
      );
      if (owned.length === 0) return { status: 204 };
      const out = v2.assignChangeAuthor!({
        ...request,
        operationId: "assignChangeAuthor",
        input: {
          metadata: owned.map((o) => ({ identifier: o.id })),
          user_identifier: to.id,
          current_owner_identifier: from.id,
        },
      });
      const failure = failed(out);
      return failure ? v1Failure(failure, 400) : { status: 204 };
    },
    metadataAssigntag: retag("assignTag"),
    metadataUnassigntag: retag("unassignTag"),
    // Through V2's deleteMetadata: nothing is deleted when one id is unknown. The V1 spec's 400 "Invalid
    // object or user ID".
    metadataDelete: (request) => {
      const ids = v1List(request.input.id);
      if (ids.length === 0) return v1Failure(badRequest("Invalid object or user ID: no id given"), 400);
      const out = v2.deleteMetadata!({
        ...request,
        operationId: "deleteMetadata",
        input: { metadata: ids.map((identifier) => ({ identifier })) },
      });
      const failure = failed(out);
      return failure ? v1Failure(failure, 400) : { status: 204 };
    },
  };
}
