// ts.metadata against a real HTTP server on 127.0.0.1: exact V2 search bodies page by page, the V1
// listobjectheaders query, findGuid's exact-name rule, and the typed views of metadata/details.
import { afterEach, describe, expect, it } from "vitest";
import { createThoughtSpotClient, ObjectLookupError, TSTypes } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

type Loose = Record<string, unknown>;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const V1 = "/callosum/v1/tspublic/v1";
const SEARCH = "/api/rest/2.0/metadata/search";
const bodyOf = (r: ReceivedRequest) => JSON.parse(r.body.toString()) as Loose;
const queryOf = (r: ReceivedRequest) => [...new URL(r.url, "http://x").searchParams.entries()];
const pathOf = (r: ReceivedRequest) => new URL(r.url, "http://x").pathname;

/** A V2 metadata/search answer item, as ThoughtSpot sends it (trimmed). */
const header = (i: number, name = `Liveboard ${i}`) => ({
  metadata_id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  metadata_name: name,
  metadata_type: "LIVEBOARD",
  metadata_obj_id: null,
  dependent_objects: null,
  incomplete_objects: null,
  metadata_detail: null,
  metadata_header: { id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, name },
  visualization_headers: null,
  stats: null,
});

/** Serves V2 metadata/search pages from `items` by record_offset/record_size; V1 calls get `v1(req)`. */
async function client(items: Loose[], v1: (req: ReceivedRequest) => unknown = () => []) {
  server = await startServer((req, res) => {
    if (pathOf(req) === SEARCH) {
      const { record_offset = 0, record_size = 10 } = bodyOf(req) as {
        record_offset?: number;
        record_size?: number;
      };
      return json(res, 200, items.slice(record_offset, record_offset + record_size));
    }
    if (pathOf(req).startsWith(V1)) return json(res, 200, v1(req));
    return json(res, 404, { error: { message: { debug: "no route" } } });
  });
  return createThoughtSpotClient({
    serverUrl: server.url,
    auth: { token: "test-token-123456" },
    maxRetries: 0,
  });
}

describe("ts.metadata.search (V2 metadata/search over all pages)", () => {
  it("walks 250 items in pages of 100: three requests at offsets 0, 100, 200, every item once", async () => {
    const items = Array.from({ length: 250 }, (_, i) => header(i));
    const ts = await client(items);
    const found = await ts.metadata.search({ type: TSTypes.LIVEBOARD, pageSize: 100 });
    expect(found).toEqual(items);
    expect(server!.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill(`POST ${SEARCH}`));
    expect(server!.requests.map(bodyOf)).toEqual([
      { metadata: [{ type: "LIVEBOARD" }], record_offset: 0, record_size: 100 },
      { metadata: [{ type: "LIVEBOARD" }], record_offset: 100, record_size: 100 },
      { metadata: [{ type: "LIVEBOARD" }], record_offset: 200, record_size: 100 },
    ]);
    const first = server!.requests[0]!;
    expect(first.headers["content-type"]).toBe("application/json");
    expect(first.headers.authorization).toBe("Bearer test-token-123456");
  });

  it("TSTypes.WORKSHEET is LOGICAL_TABLE with subtypes [WORKSHEET]; name pattern and tags as given", async () => {
    const ts = await client([]);
    await ts.metadata.search({
      type: TSTypes.WORKSHEET,
      namePattern: "Sales%",
      tags: ["finance", "3f0a9c8e-1111-4222-8333-444455556666"],
      pageSize: 50,
    });
    expect(server!.requests.map(bodyOf)).toEqual([
      {
        metadata: [{ type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"], name_pattern: "Sales%" }],
        tag_identifiers: ["finance", "3f0a9c8e-1111-4222-8333-444455556666"],
        record_offset: 0,
        record_size: 50,
      },
    ]);
  });

  it.each([
    ["TSTypes.LIVEBOARD", TSTypes.LIVEBOARD, { type: "LIVEBOARD" }],
    ["TSTypes.PINBOARD", TSTypes.PINBOARD, { type: "LIVEBOARD" }],
    ["TSTypes.ANSWER", TSTypes.ANSWER, { type: "ANSWER" }],
    ["TSTypes.MODEL", TSTypes.MODEL, { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] }],
    ["TSTypes.TABLE", TSTypes.TABLE, { type: "LOGICAL_TABLE", subtypes: ["ONE_TO_ONE_LOGICAL"] }],
    ["TSTypes.VIEW", TSTypes.VIEW, { type: "LOGICAL_TABLE", subtypes: ["AGGR_WORKSHEET"] }],
    ["TSTypes.CONNECTION", TSTypes.CONNECTION, { type: "CONNECTION" }],
    ["TSTypes.GROUP", TSTypes.GROUP, { type: "USER_GROUP" }],
    ['raw "LOGICAL_TABLE" (every data object, no subtypes)', "LOGICAL_TABLE", { type: "LOGICAL_TABLE" }],
    ['raw V1 "PINBOARD_ANSWER_BOOK"', "PINBOARD_ANSWER_BOOK", { type: "LIVEBOARD" }],
    ['raw V2 "LIVEBOARD"', "LIVEBOARD", { type: "LIVEBOARD" }],
    ['name "WORKSHEET"', "WORKSHEET", { type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] }],
  ])("%s → metadata %j", async (_, type, metadata) => {
    const ts = await client([]);
    await ts.metadata.search({ type });
    // Default page size 100; nothing the caller did not set.
    expect(server!.requests.map(bodyOf)).toEqual([
      { metadata: [metadata], record_offset: 0, record_size: 100 },
    ]);
  });

  it("sends `extra` fields as given, but never lets them replace metadata", async () => {
    const ts = await client([]);
    await ts.metadata.search({
      type: TSTypes.ANSWER,
      extra: {
        include_headers: false,
        sort_options: { field_name: "MODIFIED", order: "DESC" },
        // @ts-expect-error `extra` is typed without metadata; plain JavaScript could still send one
        metadata: [{ type: "LIVEBOARD" }],
      },
    });
    expect(server!.requests.map(bodyOf)).toEqual([
      {
        include_headers: false,
        sort_options: { field_name: "MODIFIED", order: "DESC" },
        metadata: [{ type: "ANSWER" }],
        record_offset: 0,
        record_size: 100,
      },
    ]);
  });

  it("an unknown type string is a TypeError naming the TSTypes members, before any request", async () => {
    const ts = await client([]);
    const error = await caught<TypeError>(ts.metadata.search({ type: "DASHBOARD" }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain('Unknown ThoughtSpot object type "DASHBOARD"');
    for (const name of Object.keys(TSTypes)) expect(error.message).toContain(name);
    // Names are case-sensitive.
    await expect(ts.metadata.search({ type: "liveboard" })).rejects.toThrow(TypeError);
    expect(server!.requests).toEqual([]);
  });
});

describe("ts.metadata.listObjectHeaders (V1 metadata/listobjectheaders)", () => {
  const headers = [
    { id: "a1", name: "Sales", type: "WORKSHEET", author: "u1", created: 1, modified: 2, isDeleted: false },
    { id: "a2", name: "Sales 2", type: "WORKSHEET", author: "u1", created: 3, modified: 4, isDeleted: false },
  ];

  it("Worksheets: LOGICAL_TABLE with subtypes as JSON text, tagname as a JSON array, X-Requested-By", async () => {
    const ts = await client([], () => headers);
    const result = await ts.metadata.listObjectHeaders({
      type: TSTypes.WORKSHEET,
      filter: "Sales%",
      sort: "MODIFIED",
      sortAscending: false,
      category: "MY",
      tags: ["finance", "q3 2024"],
      offset: 20,
      batchSize: 10,
    });
    expect(result).toEqual(headers);
    expect(server!.requests).toHaveLength(1);
    const [request] = server!.requests;
    expect(request!.method).toBe("GET");
    expect(pathOf(request!)).toBe(`${V1}/metadata/listobjectheaders`);
    expect(queryOf(request!)).toEqual([
      ["type", "LOGICAL_TABLE"],
      ["subtypes", '["WORKSHEET"]'],
      ["category", "MY"],
      ["sort", "MODIFIED"],
      ["sortascending", "false"],
      ["offset", "20"],
      ["batchsize", "10"],
      ["tagname", '["finance","q3 2024"]'],
      ["pattern", "Sales%"],
    ]);
    expect(request!.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(request!.headers.accept).toBe("application/json");
    expect(request!.headers.authorization).toBe("Bearer test-token-123456");
    expect(request!.body.length).toBe(0);
  });

  it("Liveboards: type PINBOARD_ANSWER_BOOK, no subtypes, and nothing the caller did not set", async () => {
    const ts = await client([], () => []);
    expect(await ts.metadata.listObjectHeaders({ type: TSTypes.LIVEBOARD })).toEqual([]);
    expect(server!.requests.map((r) => r.url)).toEqual([
      `${V1}/metadata/listobjectheaders?type=PINBOARD_ANSWER_BOOK`,
    ]);
  });

  it("fetchIds and skipIds go as JSON arrays; raw LOGICAL_TABLE has no subtypes", async () => {
    const ts = await client([], () => []);
    await ts.metadata.listObjectHeaders({ type: "LOGICAL_TABLE", fetchIds: ["g1", "g2"], skipIds: ["g3"] });
    expect(queryOf(server!.requests[0]!)).toEqual([
      ["type", "LOGICAL_TABLE"],
      ["skipids", '["g3"]'],
      ["fetchids", '["g1","g2"]'],
    ]);
  });

  it("reads { headers: [...] } answers too", async () => {
    const ts = await client([], () => ({ headers, isLastBatch: true }));
    expect(await ts.metadata.listObjectHeaders({ type: TSTypes.ANSWER })).toEqual(headers);
    expect(queryOf(server!.requests[0]!)).toEqual([["type", "QUESTION_ANSWER_BOOK"]]);
  });

  it("an unknown type is a TypeError before any request", async () => {
    const ts = await client([], () => []);
    await expect(ts.metadata.listObjectHeaders({ type: "WORKBOOK" })).rejects.toThrow(
      /Unknown ThoughtSpot object type "WORKBOOK".*TSTypes member \(USER, GROUP, PINBOARD, LIVEBOARD/,
    );
    // COLLECTION exists on V2 only.
    await expect(ts.metadata.listObjectHeaders({ type: "COLLECTION" })).rejects.toThrow(
      /"COLLECTION" has no V1 equivalent/,
    );
    expect(server!.requests).toEqual([]);
  });
});

describe("ts.metadata.findGuid", () => {
  it("returns the exact match among several pattern matches, searching with the name as pattern", async () => {
    const ts = await client([header(1, "Sales 2024"), header(2, "Sales"), header(3, "sales")]);
    expect(await ts.metadata.findGuid(TSTypes.LIVEBOARD, "Sales")).toBe(header(2).metadata_id);
    expect(server!.requests.map(bodyOf)).toEqual([
      { metadata: [{ type: "LIVEBOARD", name_pattern: "Sales" }], record_offset: 0, record_size: 100 },
    ]);
  });

  it("no exact match: ObjectLookupError naming the similar candidates", async () => {
    const ts = await client([header(1, "Sales 2024"), header(2, "Sales (old)")]);
    const error = await caught<ObjectLookupError>(ts.metadata.findGuid(TSTypes.WORKSHEET, "Sales"));
    expect(error).toBeInstanceOf(ObjectLookupError);
    expect(error.name).toBe("ObjectLookupError");
    expect(error.objectName).toBe("Sales");
    // The type as the caller wrote it, and what V2 was asked for in a second clause.
    expect(error.message).toBe(
      'no WORKSHEET is named "Sales" (V2 type LOGICAL_TABLE, subtype WORKSHEET); similar: "Sales 2024", "Sales (old)"',
    );
    expect(error.candidates).toEqual([
      { id: header(1).metadata_id, name: "Sales 2024" },
      { id: header(2).metadata_id, name: "Sales (old)" },
    ]);
    expect(bodyOf(server!.requests[0]!)).toEqual({
      metadata: [{ type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"], name_pattern: "Sales" }],
      record_offset: 0,
      record_size: 100,
    });
  });

  it("nothing found at all: ObjectLookupError with no candidates", async () => {
    const ts = await client([]);
    const error = await caught<ObjectLookupError>(ts.metadata.findGuid("LIVEBOARD", "Nope"));
    expect(error).toBeInstanceOf(ObjectLookupError);
    expect(error.message).toBe('no LIVEBOARD is named "Nope"');
    expect(error.candidates).toEqual([]);
  });

  it("several objects with the same name: ObjectLookupError listing their GUIDs", async () => {
    const ts = await client([header(1, "Sales"), header(2, "Sales 2024"), header(3, "Sales")]);
    const error = await caught<ObjectLookupError>(ts.metadata.findGuid(TSTypes.LIVEBOARD, "Sales"));
    expect(error).toBeInstanceOf(ObjectLookupError);
    expect(error.candidates).toEqual([
      { id: header(1).metadata_id, name: "Sales" },
      { id: header(3).metadata_id, name: "Sales" },
    ]);
    expect(error.message).toBe(
      `2 objects of type LIVEBOARD are named "Sales": ${header(1).metadata_id}, ${header(3).metadata_id}`,
    );
  });

  it("names the type as the caller wrote it, not the V1 value behind a TSTypes member", async () => {
    const ts = await client([]);
    for (const [type, words] of [
      [TSTypes.LIVEBOARD, "no LIVEBOARD is named"],
      ["PINBOARD_ANSWER_BOOK", "no LIVEBOARD is named"],
      [TSTypes.GROUP, "no GROUP is named"],
      [TSTypes.TABLE, "no TABLE is named"],
      ["LOGICAL_TABLE", "no LOGICAL_TABLE is named"],
    ] as const) {
      const error = await caught<ObjectLookupError>(ts.metadata.findGuid(type, "x"));
      expect(error.message.startsWith(`${words} "x"`), error.message).toBe(true);
      expect(error.message).not.toContain("PINBOARD_ANSWER_BOOK");
    }
    const table = await caught<ObjectLookupError>(ts.metadata.findGuid(TSTypes.TABLE, "x"));
    expect(table.message).toBe('no TABLE is named "x" (V2 type LOGICAL_TABLE, subtype ONE_TO_ONE_LOGICAL)');
  });

  it("an unknown type or an empty name is a TypeError before any request", async () => {
    const ts = await client([header(1, "Sales")]);
    const error = await caught<TypeError>(ts.metadata.findGuid("DASHBOARD", "Sales"));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/Unknown ThoughtSpot object type "DASHBOARD"/);
    expect(error.message).toContain("USER, GROUP, PINBOARD, LIVEBOARD, TAG");
    await expect(ts.metadata.findGuid(TSTypes.LIVEBOARD, "")).rejects.toThrow(TypeError);
    expect(server!.requests).toEqual([]);
  });
});

// metadata/details answers `{ storables: [...] }`, one full object definition per id asked for.
// Trimmed examples: header, the principal's groups and privileges, a Liveboard's sheets.
const USER_GUID = "59481331-ee53-42be-a548-bd87be6ddd4a";
const GROUP_GUID = "d0326b56-ef23-4c8a-8327-a30e99bcc72b";
const LB_GUID = "d084c256-e284-4fc4-b80c-111cb606449a";
const userStorable = {
  header: {
    id: USER_GUID,
    indexVersion: 1,
    generationNum: 12,
    name: "jane.doe",
    displayName: "Jane Doe",
    author: "59481331-ee53-42be-a548-bd87be6ddd4a",
    created: 1_695_000_000_000,
    modified: 1_700_000_000_000,
    modifiedBy: "59481331-ee53-42be-a548-bd87be6ddd4a",
    owner: USER_GUID,
    isDeleted: false,
    isHidden: false,
    tags: [],
    type: "LOCAL_USER",
  },
  complete: true,
  incompleteDetail: [],
  type: "LOCAL_USER",
  parenttype: "USER",
  visibility: "DEFAULT",
  state: "ACTIVE",
  isSuperUser: false,
  privileges: ["AUTHORING", "USERDATAUPLOADING"],
  assignedGroups: [GROUP_GUID],
  inheritedGroups: [GROUP_GUID, "b25ee394-9d13-49e3-9385-cd97f5b253b4"],
  userContent: { userPreferences: { notifyOnShare: true }, userProperties: { mail: "jane@example.com" } },
};
const groupStorable = {
  header: {
    id: GROUP_GUID,
    name: "Sales",
    displayName: "Sales team",
    created: 1,
    modified: 2,
    type: "LOCAL_GROUP",
  },
  complete: true,
  type: "LOCAL_GROUP",
  privileges: ["DATADOWNLOADING", "SHAREWITHALL"],
  assignedGroups: [],
  inheritedGroups: ["b25ee394-9d13-49e3-9385-cd97f5b253b4"],
};
const liveboardStorable = {
  header: {
    id: LB_GUID,
    name: "Sales overview",
    created: 10,
    modified: 20,
    type: "PINBOARD_ANSWER_BOOK",
    resolvedObjects: {
      "aaaaaaaa-0000-4000-8000-000000000001": {
        header: { id: "aaaaaaaa-0000-4000-8000-000000000001", type: "QUESTION_ANSWER_BOOK" },
        reportContent: {
          sheets: [
            {
              sheetType: "QUESTION",
              sheetContent: {
                dataSources: [
                  { id: "ws-1", name: "Retail Sales", type: "WORKSHEET" },
                  { header: { id: "tb-1", name: "fact_sales" }, type: "ONE_TO_ONE_LOGICAL" },
                ],
              },
            },
          ],
        },
      },
      "aaaaaaaa-0000-4000-8000-000000000002": {
        reportContent: {
          sheets: [
            { sheetContent: { dataSources: [{ id: "ws-1", name: "Retail Sales", type: "WORKSHEET" }] } },
          ],
        },
      },
    },
  },
  complete: true,
  reportContent: {
    sheets: [
      {
        sheetType: "PINBOARD",
        sheetContent: {
          visualizations: [
            {
              header: { id: "viz-1", name: "Revenue by region", type: "CHART" },
              vizContent: { vizType: "CHART", chartType: "COLUMN" },
            },
            { header: { id: "viz-2", name: "Top products", type: "TABLE" }, vizContent: {} },
          ],
        },
      },
    ],
  },
};

describe("ts.metadata.userDetails / groupDetails / liveboardDetails (V1 metadata/details)", () => {
  const detailsServer = () =>
    client([], (req) => {
      const type = new URL(req.url, "http://x").searchParams.get("type");
      if (type === "USER") return { storables: [userStorable] };
      if (type === "USER_GROUP") return { storables: [groupStorable] };
      if (type === "PINBOARD_ANSWER_BOOK") return { storables: [liveboardStorable] };
      return { storables: [] };
    });

  it("userDetails: GET type=USER&id=[guid], typed accessors over the storable", async () => {
    const ts = await detailsServer();
    const user = await ts.metadata.userDetails(USER_GUID);
    const [request] = server!.requests;
    expect(request!.method).toBe("GET");
    expect(pathOf(request!)).toBe(`${V1}/metadata/details`);
    expect(queryOf(request!)).toEqual([
      ["type", "USER"],
      ["id", `["${USER_GUID}"]`],
    ]);
    expect(request!.headers["x-requested-by"]).toBe("ThoughtSpot");

    expect(user.raw).toEqual(userStorable);
    expect(user.header).toEqual({
      id: USER_GUID,
      name: "jane.doe",
      displayName: "Jane Doe",
      created: 1_695_000_000_000,
      modified: 1_700_000_000_000,
    });
    expect(user.username).toBe("jane.doe");
    expect(user.displayName).toBe("Jane Doe");
    expect(user.state).toBe("ACTIVE");
    expect(user.isSuperUser).toBe(false);
    expect(user.privileges).toEqual(["AUTHORING", "USERDATAUPLOADING"]);
    expect(user.assignedGroups).toEqual([GROUP_GUID]);
    expect(user.inheritedGroups).toEqual([GROUP_GUID, "b25ee394-9d13-49e3-9385-cd97f5b253b4"]);
  });

  it("groupDetails: type=USER_GROUP", async () => {
    const ts = await detailsServer();
    const group = await ts.metadata.groupDetails(GROUP_GUID);
    expect(queryOf(server!.requests[0]!)).toEqual([
      ["type", "USER_GROUP"],
      ["id", `["${GROUP_GUID}"]`],
    ]);
    expect(group.header.name).toBe("Sales");
    expect(group.header.displayName).toBe("Sales team");
    expect(group.privileges).toEqual(["DATADOWNLOADING", "SHAREWITHALL"]);
    expect(group.assignedGroups).toEqual([]);
    expect(group.inheritedGroups).toEqual(["b25ee394-9d13-49e3-9385-cd97f5b253b4"]);
  });

  it("liveboardDetails: type=PINBOARD_ANSWER_BOOK; visualizations and de-duplicated data sources", async () => {
    const ts = await detailsServer();
    const lb = await ts.metadata.liveboardDetails(LB_GUID);
    expect(queryOf(server!.requests[0]!)).toEqual([
      ["type", "PINBOARD_ANSWER_BOOK"],
      ["id", `["${LB_GUID}"]`],
    ]);
    expect(lb.header).toEqual({
      id: LB_GUID,
      name: "Sales overview",
      displayName: undefined,
      created: 10,
      modified: 20,
    });
    expect(lb.visualizations).toEqual([
      { id: "viz-1", name: "Revenue by region", type: "CHART" },
      { id: "viz-2", name: "Top products", type: "TABLE" },
    ]);
    expect(lb.dataSources).toEqual([
      { id: "ws-1", name: "Retail Sales", subtype: "WORKSHEET" },
      { id: "tb-1", name: "fact_sales", subtype: "ONE_TO_ONE_LOGICAL" },
    ]);
  });

  it("no storable for the GUID: ObjectLookupError", async () => {
    server = await startServer((_, res) => json(res, 200, { storables: [] }));
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const error = await caught<ObjectLookupError>(ts.metadata.userDetails("missing-guid"));
    expect(error).toBeInstanceOf(ObjectLookupError);
    expect(error.message).toBe("no USER has GUID missing-guid (metadata/details returned nothing for USER)");
    expect(error.objectName).toBe("missing-guid");
    expect(error.candidates).toEqual([]);
  });

  it("an empty GUID is a TypeError before any request", async () => {
    const ts = await detailsServer();
    await expect(ts.metadata.liveboardDetails("")).rejects.toThrow(/details need an object GUID/);
    expect(server!.requests).toEqual([]);
  });
});
