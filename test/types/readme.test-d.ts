// The README's examples, compiled: if the public surface drifts from the docs, this fails.
import { describe, expectTypeOf, it } from "vitest";
import {
  createThoughtSpotClient,
  sharePermissions,
  type ThoughtSpotError,
  TmlDeployError,
  type TmlDeployResult,
  TSTypes,
} from "../../src/index.js";
import type { MetadataListOutput, SessionInfoInput, V1Api } from "../../src/v1.js";
import type {
  components,
  MetadataSearchResponse,
  operations,
  SearchUsersInput,
  SearchUsersOutput,
  User,
  V2Api,
  V2Inputs,
  V2Outputs,
} from "../../src/v2.js";

describe("README: named operation types", () => {
  it("SearchUsersInput / SearchUsersOutput are what ts.api.v2.searchUsers takes and answers", async () => {
    const ts = createThoughtSpotClient({ serverUrl: "https://my.thoughtspot.cloud" });
    const query: SearchUsersInput = { record_size: 10, user_identifier: "alice" };
    const users: SearchUsersOutput = await ts.api.v2.searchUsers(query);
    expectTypeOf(users).toEqualTypeOf<components["schemas"]["User"][]>();
    expectTypeOf<SearchUsersInput>().toEqualTypeOf<V2Inputs["searchUsers"]>();
    expectTypeOf<SearchUsersOutput>().toEqualTypeOf<V2Outputs["searchUsers"]>();
    expectTypeOf(ts.api.v2).toEqualTypeOf<V2Api>();
    expectTypeOf(ts.api.v1).toEqualTypeOf<V1Api>();
    const none: SessionInfoInput = {};
    await ts.api.v1.sessionInfo(none);
    expectTypeOf<MetadataListOutput>().not.toBeAny();
    // @ts-expect-error user_identifer is not a field of SearchUsersInput
    const typo: SearchUsersInput = { user_identifer: "alice" };
    void typo;
  });
});

describe("README examples", () => {
  it("compile as written", async () => {
    const ts = createThoughtSpotClient({
      serverUrl: "https://my.thoughtspot.cloud",
      auth: { username: "tsadmin", password: "x" },
    });
    const users = await ts.api.v2.searchUsers({ record_size: 10 });
    expectTypeOf(users[0]!.name).toEqualTypeOf<string>();
    const { data } = await ts.v2.POST("/api/rest/2.0/metadata/search", {
      body: { metadata: [{ type: "LIVEBOARD" }], record_size: 50 },
    });
    expectTypeOf(data).not.toBeAny();
    await ts.api.v1.sessionInfo();
    await ts.metadata.search({ type: TSTypes.WORKSHEET });
    const guid = await ts.metadata.findGuid(TSTypes.LIVEBOARD, "Sales Overview");
    expectTypeOf(guid).toEqualTypeOf<string>();
    await ts.sharing.share({
      type: TSTypes.LIVEBOARD,
      ids: [guid],
      permissions: sharePermissions().readOnly("analysts"),
    });
    for await (const user of ts.paginate("/api/rest/2.0/users/search", { body: {} }, { pageSize: 200 })) {
      expectTypeOf(user.name).toEqualTypeOf<string>();
    }
    const { objects, guidsByName } = await ts.tml.export(guid, { associated: true });
    expectTypeOf(guidsByName).toEqualTypeOf<Map<string, string>>();
    expectTypeOf(objects[0]!.text).toEqualTypeOf<string>();
    const pdf = await ts.download("/api/rest/2.0/report/liveboard", {
      body: { metadata_identifier: guid, file_format: "PDF" },
    });
    expectTypeOf(pdf).toEqualTypeOf<Uint8Array>();
    await ts.api.v2.updateUser({ user_identifier: "jane", display_name: "Jane D." });
    await ts.api.v2.getConversationList({ limit: 10 });
    await ts.api.v1.metadataListobjectheaders({ type: "LOGICAL_TABLE", subtypes: ["WORKSHEET"] });
    await ts.logout();
  });

  it("names request and response shapes", async () => {
    const ts = createThoughtSpotClient({ serverUrl: "https://my.thoughtspot.cloud" });
    const users: SearchUsersOutput = await ts.api.v2.searchUsers({ record_size: 10 });
    const first: User | undefined = users[0];
    expectTypeOf(first).toEqualTypeOf<components["schemas"]["User"] | undefined>();
    expectTypeOf<MetadataSearchResponse>().toEqualTypeOf<components["schemas"]["MetadataSearchResponse"]>();
    type MetadataHeader = MetadataSearchResponse;
    type SearchUsersBody = operations["searchUsers"]["requestBody"]["content"]["application/json"];
    expectTypeOf<MetadataHeader["metadata_id"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<SearchUsersBody>().toHaveProperty("record_size");
  });
});

describe("README: Promote content, stopped part-way", () => {
  it("TmlDeployError carries the deploy's report, as the README's catch reads it", async () => {
    const target = createThoughtSpotClient({ serverUrl: "https://my.thoughtspot.cloud" });
    let report: TmlDeployResult | undefined;
    try {
      report = await target.tml.deploy({ from: { folder: "tml/" }, mappingFile: "deploy/guid-mapping.json" });
    } catch (error) {
      if (!(error instanceof TmlDeployError)) throw error;
      expectTypeOf(error.report).toEqualTypeOf<TmlDeployResult>();
      expectTypeOf(error.report.stopped).toEqualTypeOf<string | undefined>();
      expectTypeOf(error).toExtend<ThoughtSpotError>();
      report = error.report;
    }
    void report;
  });
});
