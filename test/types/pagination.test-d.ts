// paginate/paginateV1 typing: only paginated paths compile, items are typed from the response.
import { describe, expectTypeOf, it } from "vitest";
import type { components as V1Components } from "../../generated/v1.js";
import type { components } from "../../generated/v2.js";
import { createThoughtSpotClient } from "../../src/index.js";
import type { DataRow, PageItemOf, PaginatedOperationId } from "../../src/pagination/index.js";

type S = components["schemas"];
const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });

describe("paginate (V2)", () => {
  it("types items from a bare-array answer", async () => {
    for await (const lb of ts.paginate("/api/rest/2.0/metadata/search", {
      body: { metadata: [{ type: "LIVEBOARD" }] },
    })) {
      expectTypeOf(lb).toEqualTypeOf<S["MetadataSearchResponse"]>();
    }
    const users = await ts.paginate("/api/rest/2.0/users/search").toArray();
    expectTypeOf(users).toEqualTypeOf<S["User"][]>();
    expectTypeOf(await ts.paginate("/api/rest/2.0/groups/search", {}, { pageSize: 50 }).all()).toEqualTypeOf<
      S["UserGroupResponse"][]
    >();
  });

  it("picks the array out of wrapped answers", () => {
    expectTypeOf<PageItemOf<"searchCollections">>().toEqualTypeOf<S["Collection"]>();
    expectTypeOf<PageItemOf<"searchWebhookConfigurations">>().toEqualTypeOf<S["WebhookResponse"]>();
    expectTypeOf<PageItemOf<"fetchAsyncImportTaskStatus">>().toEqualTypeOf<S["ImportEPackAsyncTaskStatus"]>();
    expectTypeOf<PageItemOf<"fetchLiveboardData">>().toEqualTypeOf<S["LiveboardContent"]>();
    expectTypeOf<PageItemOf<"searchData">>().toEqualTypeOf<DataRow>();
    expectTypeOf<PageItemOf<"fetchAnswerData">>().toEqualTypeOf<DataRow>();
  });

  it("gives every paginated operation of the table a real item type", () => {
    type Untyped = {
      [K in PaginatedOperationId]: [PageItemOf<K>] extends [never] ? K : never;
    }[PaginatedOperationId];
    expectTypeOf<Untyped>().toBeNever();
  });

  it("requires init when the body has required fields, and checks the body", () => {
    ts.paginate("/api/rest/2.0/searchdata", {
      body: { query_string: "[sales]", logical_table_identifier: "guid" },
    });
    // @ts-expect-error searchdata requires query_string and logical_table_identifier
    ts.paginate("/api/rest/2.0/searchdata");
    // @ts-expect-error DASHBOARD is not a metadata type
    ts.paginate("/api/rest/2.0/metadata/search", { body: { metadata: [{ type: "DASHBOARD" }] } });
  });

  it("rejects paths that are not paginated", () => {
    // @ts-expect-error metadata/tml/export is not paginated
    ts.paginate("/api/rest/2.0/metadata/tml/export", { body: { metadata: [] } });
    // @ts-expect-error not a V2 path at all
    ts.paginate("/api/rest/2.0/users/serch");
  });
});

describe("paginateV1", () => {
  it("types items and rejects other operations", async () => {
    const headers = await ts.paginateV1("metadataList", { type: "PINBOARD_ANSWER_BOOK" }).toArray();
    expectTypeOf(headers).toEqualTypeOf<V1Components["schemas"]["MetadataHeader"][]>();
    expectTypeOf(await ts.paginateV1("sessionOrgsGet").all()).toEqualTypeOf<
      V1Components["schemas"]["SessionOrg"][]
    >();
    // @ts-expect-error metadataList requires type
    ts.paginateV1("metadataList");
    // @ts-expect-error sessionInfo is not paginated
    ts.paginateV1("sessionInfo");
  });
});
