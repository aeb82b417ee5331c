// Typing of the domain helpers: results are the generated response types, object types accept
// TSTypes members and raw strings, the share builder chains and checks its modes, ts.paginate and
// ts.download take operationIds (paths as aliases), and the Call port checks names and fields.
import { describe, expectTypeOf, it } from "vitest";
import type { components as V1Components, operations as V1Operations } from "../../generated/v1.js";
import type { components, operations } from "../../generated/v2.js";
import type { Call } from "../../src/core/call.js";
import type { OperationOutput } from "../../src/core/types.js";
import {
  createThoughtSpotClient,
  type DownloadInit,
  type GroupDetails,
  type LiveboardDetails,
  type ObjectTypeInput,
  type Paginated,
  type SharePermissions,
  sharePermissions,
  TSTypes,
  type UserDetails,
} from "../../src/index.js";

type S = components["schemas"];
type S1 = V1Components["schemas"];
type Out<K extends keyof operations> = OperationOutput<operations[K]>;
const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });

describe("ts.metadata", () => {
  it("search accepts TSTypes members and raw strings, and returns the spec's search entries", async () => {
    expectTypeOf(await ts.metadata.search({ type: TSTypes.WORKSHEET })).toEqualTypeOf<
      S["MetadataSearchResponse"][]
    >();
    ts.metadata.search({ type: TSTypes.WORKSHEET }, { signal: AbortSignal.timeout(1000), maxRetries: 0 });
    // @ts-expect-error extra fields are the spec's: include_header is misspelled
    ts.metadata.search({ type: TSTypes.WORKSHEET, extra: { include_header: true } });
    ts.metadata.search({ type: TSTypes.LIVEBOARD, namePattern: "Sales%", tags: ["t"], pageSize: 50 });
    ts.metadata.search({ type: "LOGICAL_TABLE" });
    ts.metadata.search({ type: "LIVEBOARD" });
    ts.metadata.search({ type: "PINBOARD_ANSWER_BOOK", extra: { include_headers: true } });
    // Any other string compiles (and is a TypeError at run time): types can come from config files.
    ts.metadata.search({ type: "SOMETHING_NEW" as string });
    expectTypeOf<typeof TSTypes.WORKSHEET>().toExtend<ObjectTypeInput>();
    expectTypeOf<"LOGICAL_TABLE">().toExtend<ObjectTypeInput>();

    // @ts-expect-error type is required
    ts.metadata.search({ namePattern: "x" });
    // @ts-expect-error a type is a string
    ts.metadata.search({ type: 42 });
    // @ts-expect-error tags are a list
    ts.metadata.search({ type: TSTypes.ANSWER, tags: "finance" });
  });

  it("listObjectHeaders, findGuid and the details views", async () => {
    expectTypeOf(
      await ts.metadata.listObjectHeaders({ type: TSTypes.WORKSHEET, batchSize: 10 }),
    ).toEqualTypeOf<S1["MetadataHeader"][]>();
    expectTypeOf(await ts.metadata.list({ type: TSTypes.WORKSHEET })).toEqualTypeOf<S1["MetadataHeader"][]>();
    expectTypeOf(await ts.metadata.dependents({ type: TSTypes.WORKSHEET, ids: ["g"] })).toEqualTypeOf<
      S1["DependentsMap"]
    >();
    // @ts-expect-error sort is the spec's enum
    ts.metadata.listObjectHeaders({ type: TSTypes.WORKSHEET, sort: "NEWEST" });
    expectTypeOf(await ts.metadata.findGuid(TSTypes.LIVEBOARD, "Sales")).toEqualTypeOf<string>();
    expectTypeOf(await ts.metadata.userDetails("g")).toEqualTypeOf<UserDetails>();
    expectTypeOf(await ts.metadata.groupDetails("g")).toEqualTypeOf<GroupDetails>();
    expectTypeOf(await ts.metadata.liveboardDetails("g")).toEqualTypeOf<LiveboardDetails>();
    const user = await ts.metadata.userDetails("g");
    expectTypeOf(user.privileges).toEqualTypeOf<string[]>();
    expectTypeOf(user.username).toEqualTypeOf<string | undefined>();
    expectTypeOf(user.isSuperUser).toEqualTypeOf<boolean>();
    // @ts-expect-error findGuid needs the name
    ts.metadata.findGuid(TSTypes.LIVEBOARD);
  });
});

describe("sharePermissions()", () => {
  it("chains, each step returning the builder", () => {
    const p = sharePermissions();
    expectTypeOf(p).toEqualTypeOf<SharePermissions>();
    expectTypeOf(p.readOnly("g1")).toEqualTypeOf<SharePermissions>();
    expectTypeOf(
      p.readOnly("g1").edit({ identifier: "u1", type: "USER" }).remove("g2"),
    ).toEqualTypeOf<SharePermissions>();
    expectTypeOf(p.grant("g", "MODIFY", { contentMode: "READ_ONLY" })).toEqualTypeOf<SharePermissions>();
    expectTypeOf(p.size).toEqualTypeOf<number>();
    expectTypeOf(p.toV1()).toEqualTypeOf<{
      permissions: Record<string, { shareMode: "READ_ONLY" | "MODIFY" | "NO_ACCESS" }>;
    }>();
    expectTypeOf(p.toV2()[0]!.share_mode).toEqualTypeOf<"READ_ONLY" | "MODIFY" | "NO_ACCESS">();
    // What toV2() writes fits V2's own request schema.
    expectTypeOf(p.toV2()).toExtend<S["ShareMetadataRequest"]["permissions"]>();
  });

  it("checks principals and modes", () => {
    const p = sharePermissions();
    // @ts-expect-error a principal type is USER or USER_GROUP
    p.readOnly({ identifier: "r", type: "ROLE" });
    // @ts-expect-error a principal object needs an identifier
    p.edit({ type: "USER" });
    // @ts-expect-error EDIT is a ShareModes name, not a mode value
    p.grant("g", "EDIT");
    // @ts-expect-error a Collection's contents are READ_ONLY or MODIFY
    p.grant("g", "READ_ONLY", { contentMode: "NO_ACCESS" });
  });

  it("ts.sharing.share takes the builder and api v1 | v2", () => {
    expectTypeOf(
      ts.sharing.share({
        type: TSTypes.LIVEBOARD,
        ids: ["a"],
        permissions: sharePermissions().readOnly("g"),
      }),
    ).toEqualTypeOf<Promise<void>>();
    ts.sharing.share({ type: "COLLECTION", ids: ["a"], permissions: sharePermissions(), api: "v1" });
    // @ts-expect-error permissions is the builder, not V2's array
    ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: ["a"], permissions: [] });
    // @ts-expect-error api is v1 or v2
    ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: ["a"], permissions: sharePermissions(), api: "v3" });
  });
});

describe("typed helper results", () => {
  it("permission helpers, users.sync and tml.exportBatch answer the spec's types", async () => {
    expectTypeOf(await ts.sharing.permissionsOnObjects({ type: "LIVEBOARD", ids: ["a"] })).toEqualTypeOf<
      Out<"fetchPermissionsOnMetadata">
    >();
    expectTypeOf(
      await ts.sharing.permissionsOnObjects({ type: "LIVEBOARD", ids: ["a"], api: "v1" }),
    ).toEqualTypeOf<S1["ObjectPermissionsMap"]>();
    expectTypeOf(await ts.sharing.permissionsOfPrincipals({ principals: ["u"] })).toEqualTypeOf<
      Out<"fetchPermissionsOfPrincipals">
    >();
    expectTypeOf(await ts.tml.exportBatch({ metadataType: "USER" })).toEqualTypeOf<
      Out<"exportMetadataTMLBatched">
    >();
    const sync = await ts.users.sync({ principals: [], password: "pw" }, { timeoutMs: 5000 });
    expectTypeOf(sync).not.toBeUnknown();
    expectTypeOf(sync).toEqualTypeOf<import("../../src/core/call.js").V1Output<"userSync">>();
  });
});

describe("the Call port", () => {
  it("types each call from the generated operations", async () => {
    const call = {} as Call;
    expectTypeOf(await call.v2("searchUsers", { record_size: 10 })).toEqualTypeOf<S["User"][]>();
    expectTypeOf(await call.v1("metadataListobjectheaders", { type: "USER" })).toEqualTypeOf<
      S1["MetadataHeader"][]
    >();
    // @ts-expect-error a renamed or misspelled operationId is a compile error
    call.v2("searchUser", {});
    // @ts-expect-error a misspelled body field is a compile error
    call.v2("searchUsers", { record_sise: 10 });
    // @ts-expect-error a required field left out is a compile error
    call.v2("updateUser", { operation: "ADD" });
    // @ts-expect-error V1 names are checked too
    call.v1("metadataListobjectheader", {});
    // @ts-expect-error and V1 fields
    call.v1("metadataListobjectheaders", { patern: "a%" });
  });
});

describe("ts.users / ts.groups", () => {
  it("sync principals need name and principalTypeEnum", () => {
    ts.users.sync({ principals: [{ name: "ann", principalTypeEnum: "LOCAL_USER" }], password: "pw" });
    // @ts-expect-error principalTypeEnum is required
    ts.users.sync({ principals: [{ name: "ann" }], password: "pw" });
    // @ts-expect-error password is required
    ts.users.sync({ principals: [] });
    // @ts-expect-error notifyOnShare is a boolean
    ts.users.updatePreferences("u", { notifyOnShare: "yes" });
    expectTypeOf(ts.groups.addUsers("g", ["u"])).toEqualTypeOf<Promise<void>>();
  });
});

describe("ts.paginate", () => {
  it("takes an operationId and ts.api's input; items and pages are typed", async () => {
    const users = ts.paginate("searchUsers", { record_size: 200 });
    expectTypeOf(users).toEqualTypeOf<Paginated<S["User"], Out<"searchUsers">>>();
    for await (const page of ts.paginate("searchCollections").pages()) {
      expectTypeOf(page).toEqualTypeOf<Out<"searchCollections">>();
    }
    ts.paginate("searchMetadata", { metadata: [{ type: "LIVEBOARD" }] }, { pageSize: 50, maxRetries: 1 });
    // @ts-expect-error createUser is not paginated
    ts.paginate("createUser", { name: "a", display_name: "A", email: "a@b.c" });
    // @ts-expect-error a misspelled input field
    ts.paginate("searchUsers", { name_patern: "a%" });
  });

  it("infers the item type for /api/rest/2.0/users/search (the path alias)", async () => {
    const users = ts.paginate("/api/rest/2.0/users/search");
    expectTypeOf(users).toEqualTypeOf<Paginated<S["User"], Out<"searchUsers">>>();
    expectTypeOf(await users.toArray()).toEqualTypeOf<S["User"][]>();
    for await (const user of ts.paginate("/api/rest/2.0/users/search", { body: { name_pattern: "a%" } })) {
      expectTypeOf(user).toEqualTypeOf<S["User"]>();
    }
  });

  it("rejects a path that is not paginated at compile time", () => {
    // @ts-expect-error users/create is not paginated
    ts.paginate("/api/rest/2.0/users/create", { body: { name: "a", display_name: "A", email: "a@b.c" } });
    // @ts-expect-error metadata/tml/export is not paginated
    ts.paginate("/api/rest/2.0/metadata/tml/export", { body: { metadata: [] } });
  });
});

describe("ts.download", () => {
  it("takes an operationId and ts.api's input; the path form is an alias", async () => {
    const bytes = await ts.download("exportLiveboardReport", {
      metadata_identifier: "lb",
      file_format: "PDF",
    });
    expectTypeOf(bytes).toEqualTypeOf<Uint8Array>();
    const stream = await ts.download("exportAnswerReport", { file_format: "CSV" }, { as: "stream" });
    expectTypeOf(stream).toEqualTypeOf<ReadableStream<Uint8Array>>();
    expectTypeOf(
      await ts.download("/api/rest/2.0/report/liveboard", { body: { metadata_identifier: "lb" } }),
    ).toEqualTypeOf<Uint8Array>();
    // @ts-expect-error searchUsers is not a download
    ts.download("searchUsers", {});
    // @ts-expect-error a misspelled field
    ts.download("exportLiveboardReport", { metadata_identifer: "lb" });
  });

  it("the path form takes each path's body and path parameters, as openapi-fetch would", () => {
    expectTypeOf<DownloadInit<"/api/rest/2.0/report/answer">["body"]>().toEqualTypeOf<
      operations["exportAnswerReport"]["requestBody"]["content"]["application/json"]
    >();
    type Changes =
      DownloadInit<"/api/rest/2.0/connections/download-connection-metadata-changes/{connection_identifier}">;
    expectTypeOf<Changes["params"]["path"]>().toEqualTypeOf<
      operations["downloadConnectionMetadataChanges"]["parameters"]["path"]
    >();
    expectTypeOf<Changes["body"]>().toEqualTypeOf<undefined>();
    // V1's PDF export takes an optional form body.
    expectTypeOf<DownloadInit<"/tspublic/v1/export/pinboard/pdf">["body"]>().toEqualTypeOf<
      V1Operations["exportPinboardPdf"]["requestBody"] extends { content: infer C } | undefined
        ? C[keyof C] | undefined
        : never
    >();
    // @ts-expect-error the body is required
    ts.download("/api/rest/2.0/report/answer", {});
    // @ts-expect-error the path parameter is required
    ts.download("/api/rest/2.0/connections/download-connection-metadata-changes/{connection_identifier}", {});
  });
});
