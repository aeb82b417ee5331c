// ts.metadata: search and lookups that speak ThoughtSpot's types (TSTypes or raw API strings).
import type { Call, V1Input, V1Output, V2Input, V2Output } from "../core/call.js";
import { unexpectedAnswer } from "../core/response-error.js";
import type { CallOptions } from "../core/types.js";
import { type ObjectTypeInput, resolveObjectType } from "../enums/object-types.js";
import type { V1OperationInput } from "../v1/types.js";
import { GroupDetails, LiveboardDetails, storables, UserDetails } from "./details.js";
import { ObjectLookupError } from "./errors.js";
import { describeType, typeName } from "./type-names.js";

type SearchBody = V2Input<"searchMetadata">;
type ListQuery = V1OperationInput<"metadataListobjectheaders">;
type TagType = NonNullable<V2Input<"assignTag">["metadata"][number]["type"]>;
type DependentsInput = V1Input<"dependencyListdependents">;

/** One V2 metadata/search answer entry, as the spec types it. */
export type MetadataSearchItem = V2Output<"searchMetadata">[number];
/** One V1 header (metadata/listobjectheaders and metadata/list `headers`). */
export type MetadataHeader = V1Output<"metadataListobjectheaders">[number];

export interface MetadataSearchInput {
  type: ObjectTypeInput;
  /** ThoughtSpot's pattern: % matches any text (case-insensitive). */
  namePattern?: string;
  /** Tag names or GUIDs. */
  tags?: readonly string[];
  /** Other V2 metadata/search fields (include_headers, sort_options, ...), typed by the spec. */
  extra?: Omit<Partial<SearchBody>, "metadata" | "record_offset" | "record_size">;
  /** Page size while walking all pages (default 100). */
  pageSize?: number;
  /** Same as options.signal (kept for existing callers). */
  signal?: AbortSignal;
}

export interface ListObjectHeadersInput {
  type: ObjectTypeInput;
  /** Name pattern (V1 `pattern`). */
  filter?: string;
  sort?: ListQuery["sort"];
  sortAscending?: boolean;
  category?: ListQuery["category"];
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

/** Every method takes per-call options last (signal, headers, timeoutMs, maxRetries), passed to each request. */
export interface MetadataApi {
  /** V2 metadata/search over all pages: the answer entries as the spec types them. */
  search(input: MetadataSearchInput, options?: CallOptions): Promise<MetadataSearchItem[]>;
  /** V1 metadata/listobjectheaders: type and subtypes from TSTypes, list fields as JSON text. */
  listObjectHeaders(input: ListObjectHeadersInput, options?: CallOptions): Promise<MetadataHeader[]>;
  /** V1 metadata/list (one batch; ts.paginateV1("metadataList", ...) walks them all): its `headers`. */
  list(input: ListObjectHeadersInput, options?: CallOptions): Promise<MetadataHeader[]>;
  /** V1 dependency/listdependents: what uses these tables, columns or joins. */
  dependents(
    input: { type: ObjectTypeInput; ids: readonly string[]; batchSize?: number },
    options?: CallOptions,
  ): Promise<V1Output<"dependencyListdependents">>;
  /** Tags objects (V2 tags/assign by default; V1 metadata/assigntag with api: "v1"). */
  assignTags(input: TagInput, options?: CallOptions): Promise<void>;
  unassignTags(input: TagInput, options?: CallOptions): Promise<void>;
  /** GUID of the one object of this type with exactly this name; ObjectLookupError otherwise. */
  findGuid(type: ObjectTypeInput, name: string, options?: CallOptions): Promise<string>;
  userDetails(guid: string, options?: CallOptions): Promise<UserDetails>;
  groupDetails(guid: string, options?: CallOptions): Promise<GroupDetails>;
  liveboardDetails(guid: string, options?: CallOptions): Promise<LiveboardDetails>;
}

/** Walks V2 metadata/search pages and yields the entries (ts.paginate("searchMetadata", ...)). */
export type SearchWalk = (
  input: SearchBody,
  options: CallOptions & { pageSize: number },
) => AsyncIterable<MetadataSearchItem>;

/** The query V1 metadata/listobjectheaders and metadata/list share. */
function v1ListQuery(input: ListObjectHeadersInput): ListQuery & { type: ListQuery["type"] & {} } {
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

/** The `headers` list of a V1 listing answer; none at all is an empty list, anything else the server's mistake. */
function headersOf(answer: unknown, operationId: string, expected: string): MetadataHeader[] {
  if (answer === undefined || answer === null) return [];
  const headers = typeof answer === "object" ? (answer as { headers?: unknown }).headers : answer;
  if (headers === undefined || headers === null) {
    if (typeof answer === "object") return [];
  } else if (Array.isArray(headers)) return headers as MetadataHeader[];
  throw unexpectedAnswer({ operationId }, expected, answer);
}

function nonEmpty(list: readonly string[], what: string): readonly string[] {
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== "string" || !v)) {
    throw new TypeError(`${what}: give a non-empty list of strings`);
  }
  return list;
}

export function createMetadataApi(call: Call, walk: SearchWalk): MetadataApi {
  const tagging =
    (what: string, assign: boolean) =>
    async ({ type, ids, tags, api }: TagInput, options?: CallOptions) => {
      nonEmpty(ids, `${what} ids`);
      nonEmpty(tags, `${what} tags`);
      if (api === "v1") {
        const v1Type = resolveObjectType(type, "v1").type;
        // V1 takes a type per id, in the same order.
        const input: V1Input<"metadataAssigntag"> & V1Input<"metadataUnassigntag"> = {
          id: ids,
          type: ids.map(() => v1Type),
          tagname: tags,
        };
        // Each name spelled out (not a union of names), so each call is checked against its own operation.
        await (assign
          ? call.v1("metadataAssigntag", input, options)
          : call.v1("metadataUnassigntag", input, options));
        return;
      }
      // ThoughtSpot answers types it cannot tag with its own error, as it always has.
      const v2Type = resolveObjectType(type, "v2").type as TagType;
      const input: V2Input<"assignTag"> & V2Input<"unassignTag"> = {
        metadata: ids.map((identifier) => ({ type: v2Type, identifier })),
        tag_identifiers: [...tags],
      };
      await (assign ? call.v2("assignTag", input, options) : call.v2("unassignTag", input, options));
    };
  const api: MetadataApi = {
    async search({ type, namePattern, tags, extra, pageSize = 100, signal }, options = {}) {
      const { type: v2Type, subtypes } = resolveObjectType(type, "v2");
      const body: SearchBody = {
        ...extra,
        metadata: [
          {
            type: v2Type,
            ...(subtypes && { subtypes }),
            ...(namePattern !== undefined && { name_pattern: namePattern }),
          },
        ],
        ...(tags && { tag_identifiers: [...tags] }),
      };
      const items: MetadataSearchItem[] = [];
      const walkOptions = { ...options, pageSize, ...(signal && !options.signal && { signal }) };
      for await (const item of walk(body, walkOptions)) items.push(item);
      return items;
    },

    async listObjectHeaders(input, options) {
      const answer: unknown = await call.v1("metadataListobjectheaders", v1ListQuery(input), options);
      // The spec says a bare array; some releases wrap it in { headers } as metadata/list does.
      if (Array.isArray(answer)) return answer as MetadataHeader[];
      return headersOf(answer, "metadataListobjectheaders", "a list of headers (or { headers: [...] })");
    },

    async list(input, options) {
      const query: V1Input<"metadataList"> = v1ListQuery(input);
      const answer: unknown = await call.v1("metadataList", query, options);
      return headersOf(answer, "metadataList", "{ headers: [...] }");
    },

    dependents({ type, ids, batchSize }, options) {
      nonEmpty(ids, "metadata.dependents ids");
      return call.v1(
        "dependencyListdependents",
        {
          type: resolveObjectType(type, "v1").type as DependentsInput["type"],
          id: ids,
          ...(batchSize !== undefined && { batchsize: batchSize }),
        } as DependentsInput,
        options,
      );
    },

    assignTags: tagging("metadata.assignTags", true),
    unassignTags: tagging("metadata.unassignTags", false),

    async findGuid(type, name, options) {
      if (typeof name !== "string" || !name) throw new TypeError("findGuid needs the object's exact name");
      // name_pattern treats % and _ as wildcards; escaping differs across releases, so match exactly here.
      const found = await api.search({ type, namePattern: name }, options);
      const summary = (o: MetadataSearchItem) => ({
        id: String(o?.metadata_id ?? ""),
        name: String(o?.metadata_name ?? ""),
      });
      const exact = found.filter((o) => o?.metadata_name === name);
      const shown = describeType(type, "v2");
      if (exact.length === 1) return String(exact[0]?.metadata_id);
      if (exact.length === 0) {
        const near = found.slice(0, 10).map(summary);
        const hint = near.length ? `; similar: ${near.map((c) => `"${c.name}"`).join(", ")}` : "";
        throw new ObjectLookupError(`no ${shown.name} is named "${name}"${shown.sent}${hint}`, name, near);
      }
      const candidates = exact.map(summary);
      throw new ObjectLookupError(
        `${candidates.length} objects of type ${shown.name} are named "${name}"${shown.sent}: ${candidates.map((c) => c.id).join(", ")}`,
        name,
        candidates,
      );
    },

    userDetails: async (guid, options) => new UserDetails(await details("USER", guid, options)),
    groupDetails: async (guid, options) => new GroupDetails(await details("USER_GROUP", guid, options)),
    liveboardDetails: async (guid, options) =>
      new LiveboardDetails(await details("PINBOARD_ANSWER_BOOK", guid, options)),
  };

  async function details(
    type: V1OperationInput<"metadataDetails">["type"],
    guid: string,
    options: CallOptions | undefined,
  ) {
    if (typeof guid !== "string" || !guid) throw new TypeError("details need an object GUID");
    const input: V1Input<"metadataDetails"> = { type, id: [guid] };
    const answer = await call.v1("metadataDetails", input, options);
    const [storable] = storables(answer);
    if (!storable)
      throw new ObjectLookupError(
        `no ${typeName(type)} has GUID ${guid} (metadata/details returned nothing for ${type})`,
        guid,
        [],
      );
    return storable;
  }

  return api;
}
