// ts.metadata: search and lookups that speak ThoughtSpot's types (TSTypes or raw API strings).
import { type ObjectTypeInput, resolveObjectType } from "../enums/object-types.js";
import { GroupDetails, LiveboardDetails, storables, UserDetails } from "./details.js";
import { ObjectLookupError } from "./errors.js";

type Loose = Record<string, unknown>;
type Call = (input: Loose) => Promise<unknown>;

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

export interface MetadataApi {
  /** V2 metadata/search over all pages. */
  search(input: MetadataSearchInput): Promise<Loose[]>;
  /** V1 metadata/listobjectheaders: type and subtypes from TSTypes, list fields as JSON text. */
  listObjectHeaders(input: ListObjectHeadersInput): Promise<Loose[]>;
  /** GUID of the one object of this type with exactly this name; ObjectLookupError otherwise. */
  findGuid(type: ObjectTypeInput, name: string): Promise<string>;
  userDetails(guid: string): Promise<UserDetails>;
  groupDetails(guid: string): Promise<GroupDetails>;
  liveboardDetails(guid: string): Promise<LiveboardDetails>;
}

export function createMetadataApi(calls: {
  /** Walks V2 metadata/search pages and yields the items. */
  searchPages: (body: Loose, options: { pageSize: number; signal?: AbortSignal }) => AsyncIterable<Loose>;
  metadataListobjectheaders: Call;
  metadataDetails: Call;
}): MetadataApi {
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
      const { type, subtypes } = resolveObjectType(input.type, "v1");
      const answer = await calls.metadataListobjectheaders({
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
      });
      return Array.isArray(answer) ? (answer as Loose[]) : (((answer as Loose)?.headers as Loose[]) ?? []);
    },

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
