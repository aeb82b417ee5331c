// ts.metadata: search and lookups that speak ThoughtSpot's types (TSTypes or raw API strings).
import { type ObjectTypeInput, resolveObjectType } from "../enums/object-types.js";
import { call, type LooseApi, type LooseCall } from "../operations/loose-api.js";
import { GroupDetails, LiveboardDetails, storables, UserDetails } from "./details.js";
import { ObjectLookupError } from "./errors.js";

type Loose = Record<string, unknown>;

export interface MetadataSearchInput {
  type: ObjectTypeInput;
  /** ThoughtSpot's pattern: % matches any text (case-insensitive). */
  namePattern?: string;
  /** Tag names or GUIDs. */
  tags?: readonly string[];
  /** Other V2 metadata/search fields, sent as given (include_headers, sort_options, ...). */
  extra?: Loose;
  /** Page size while walking all pages (default 100). */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface ListObjectHeadersInput {
  type: ObjectTypeInput;
  /** Name pattern (V1 `pattern`). */
  filter?: string;
  sort?: string;
  sortAscending?: boolean;
  category?: string;
  tags?: readonly string[];
  offset?: number;
  batchSize?: number;
  fetchIds?: readonly string[];
  skipIds?: readonly string[];
}

export interface TagInput {
  type: ObjectTypeInput;
  ids: readonly string[];
  /** Tag names (V1 tagname) or names/GUIDs (V2 tag_identifiers). */
  tags: readonly string[];
  api?: "v1" | "v2";
}

export interface MetadataApi {
  /** V2 metadata/search over all pages. */
  search(input: MetadataSearchInput): Promise<Loose[]>;
  /** V1 metadata/listobjectheaders: type and subtypes from TSTypes, list fields as JSON text. */
  listObjectHeaders(input: ListObjectHeadersInput): Promise<Loose[]>;
  /** V1 metadata/list (one batch; ts.paginateV1("metadataList", ...) walks them all): its `headers`. */
  list(input: ListObjectHeadersInput): Promise<Loose[]>;
  /** V1 dependency/listdependents: what uses these tables, columns or joins. */
  dependents(input: { type: ObjectTypeInput; ids: readonly string[]; batchSize?: number }): Promise<unknown>;
  /** Tags objects (V2 tags/assign by default; V1 metadata/assigntag with api: "v1"). */
  assignTags(input: TagInput): Promise<void>;
  unassignTags(input: TagInput): Promise<void>;
  /** GUID of the one object of this type with exactly this name; ObjectLookupError otherwise. */
  findGuid(type: ObjectTypeInput, name: string): Promise<string>;
  userDetails(guid: string): Promise<UserDetails>;
  groupDetails(guid: string): Promise<GroupDetails>;
  liveboardDetails(guid: string): Promise<LiveboardDetails>;
}

/** The query V1 metadata/listobjectheaders and metadata/list share. */
function v1ListQuery(input: ListObjectHeadersInput): Loose {
  const { type, subtypes } = resolveObjectType(input.type, "v1");
  return {
    type,
    ...(subtypes && { subtypes }),
    ...(input.filter !== undefined && { pattern: input.filter }),
    ...(input.sort !== undefined && { sort: input.sort }),
    ...(input.sortAscending !== undefined && { sortascending: input.sortAscending }),
    ...(input.category !== undefined && { category: input.category }),
    ...(input.tags && { tagname: input.tags }),
    ...(input.offset !== undefined && { offset: input.offset }),
    ...(input.batchSize !== undefined && { batchsize: input.batchSize }),
    ...(input.fetchIds && { fetchids: input.fetchIds }),
    ...(input.skipIds && { skipids: input.skipIds }),
  };
}

function nonEmpty(list: readonly string[], what: string): readonly string[] {
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== "string" || !v)) {
    throw new TypeError(`${what}: give a non-empty list of strings`);
  }
  return list;
}

export function createMetadataApi(
  operations: LooseApi,
  /** Walks V2 metadata/search pages and yields the items (ts.paginate). */
  searchPages: (body: Loose, options: { pageSize: number; signal?: AbortSignal }) => AsyncIterable<Loose>,
): MetadataApi {
  const calls = {
    searchPages,
    metadataListobjectheaders: call(operations.v1, "metadataListobjectheaders"),
    metadataList: call(operations.v1, "metadataList"),
    metadataDetails: call(operations.v1, "metadataDetails"),
    dependencyListdependents: call(operations.v1, "dependencyListdependents"),
    assignTag: call(operations.v2, "assignTag"),
    unassignTag: call(operations.v2, "unassignTag"),
    metadataAssigntag: call(operations.v1, "metadataAssigntag"),
    metadataUnassigntag: call(operations.v1, "metadataUnassigntag"),
  };
  const tagging =
    (v2: LooseCall, v1: LooseCall, what: string) =>
    async ({ type, ids, tags, api }: TagInput) => {
      nonEmpty(ids, `${what} ids`);
      nonEmpty(tags, `${what} tags`);
      if (api === "v1") {
        const v1Type = resolveObjectType(type, "v1").type;
        // V1 takes a type per id, in the same order.
        await v1({ id: ids, type: ids.map(() => v1Type), tagname: tags });
        return;
      }
      const v2Type = resolveObjectType(type, "v2").type;
      await v2({ metadata: ids.map((identifier) => ({ type: v2Type, identifier })), tag_identifiers: tags });
    };
  const api: MetadataApi = {
    async search({ type, namePattern, tags, extra, pageSize = 100, signal }) {
      const { type: v2Type, subtypes } = resolveObjectType(type, "v2");
      const body: Loose = {
        ...extra,
        metadata: [
          {
            type: v2Type,
            ...(subtypes && { subtypes }),
            ...(namePattern !== undefined && { name_pattern: namePattern }),
          },
        ],
        ...(tags && { tag_identifiers: tags }),
      };
      const items: Loose[] = [];
      for await (const item of calls.searchPages(body, { pageSize, ...(signal && { signal }) }))
        items.push(item);
      return items;
    },

    async listObjectHeaders(input) {
      const answer = await calls.metadataListobjectheaders(v1ListQuery(input));
      return Array.isArray(answer) ? (answer as Loose[]) : (((answer as Loose)?.headers as Loose[]) ?? []);
    },

    async list(input) {
      const answer = (await calls.metadataList(v1ListQuery(input))) as Loose | undefined;
      return (answer?.headers as Loose[] | undefined) ?? [];
    },

    dependents({ type, ids, batchSize }) {
      nonEmpty(ids, "metadata.dependents ids");
      return calls.dependencyListdependents({
        type: resolveObjectType(type, "v1").type,
        id: ids,
        ...(batchSize !== undefined && { batchsize: batchSize }),
      });
    },

    assignTags: tagging(calls.assignTag, calls.metadataAssigntag, "metadata.assignTags"),
    unassignTags: tagging(calls.unassignTag, calls.metadataUnassigntag, "metadata.unassignTags"),

    async findGuid(type, name) {
      if (typeof name !== "string" || !name) throw new TypeError("findGuid needs the object's exact name");
      // name_pattern treats % and _ as wildcards; escaping differs across releases, so match exactly here.
      const found = await api.search({ type, namePattern: name });
      const summary = (o: Loose) => ({
        id: String(o.metadata_id ?? ""),
        name: String(o.metadata_name ?? ""),
      });
      const exact = found.filter((o) => o.metadata_name === name);
      if (exact.length === 1) return String(exact[0]?.metadata_id);
      if (exact.length === 0) {
        const near = found.slice(0, 10).map(summary);
        const hint = near.length ? `; similar: ${near.map((c) => `"${c.name}"`).join(", ")}` : "";
        throw new ObjectLookupError(`no ${String(type)} is named "${name}"${hint}`, name, near);
      }
      const candidates = exact.map(summary);
      throw new ObjectLookupError(
        `${candidates.length} objects of type ${String(type)} are named "${name}": ${candidates.map((c) => c.id).join(", ")}`,
        name,
        candidates,
      );
    },

    userDetails: async (guid) => new UserDetails(await details("USER", guid)),
    groupDetails: async (guid) => new GroupDetails(await details("USER_GROUP", guid)),
    liveboardDetails: async (guid) => new LiveboardDetails(await details("PINBOARD_ANSWER_BOOK", guid)),
  };

  async function details(type: string, guid: string): Promise<Loose> {
    if (typeof guid !== "string" || !guid) throw new TypeError("details need an object GUID");
    const [storable] = storables(await calls.metadataDetails({ type, id: [guid] }));
    if (!storable)
      throw new ObjectLookupError(`metadata/details returned nothing for ${type} ${guid}`, guid, []);
    return storable;
  }

  return api;
}
