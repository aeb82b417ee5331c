// The IDE experience, checked by the compiler: valid bodies compile, mistakes do not.
import { describe, expectTypeOf, it } from "vitest";
import type { OperationInput, OperationOutput } from "../../src/core/types.js";
import { createThoughtSpotClient } from "../../src/index.js";
import type {
  components,
  operations,
  paths,
  SearchUsersInput,
  SearchUsersRequest,
  V2Inputs,
  V2Outputs,
} from "../../src/v2.js";
import type { Identical, Same } from "./compare.js";

const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });

describe("ts.v2 (openapi-fetch)", () => {
  it("accepts a valid metadata/search body and types the response", async () => {
    const { data } = await ts.v2.POST("/api/rest/2.0/metadata/search", {
      body: {
        metadata: [{ type: "LIVEBOARD", name_pattern: "Sales%" }],
        record_size: 50,
        include_headers: true,
      },
    });
    if (data) {
      expectTypeOf(data).toExtend<Pick<components["schemas"]["MetadataSearchResponse"], "metadata_id">[]>();
      expectTypeOf(data[0]!.metadata_name).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(data[0]!.metadata_type).toExtend<string>();
    }
  });

  it("rejects a misspelled field and an invalid enum value", () => {
    ts.v2.POST("/api/rest/2.0/metadata/search", {
      // @ts-expect-error record_sise is not a field
      body: { metadata: [{ type: "LIVEBOARD" }], record_sise: 10 },
    });
    ts.v2.POST("/api/rest/2.0/metadata/search", {
      // @ts-expect-error DASHBOARD is not a metadata type
      body: { metadata: [{ type: "DASHBOARD" }] },
    });
  });

  it("rejects an unknown path", () => {
    // @ts-expect-error not a V2 path
    ts.v2.POST("/api/rest/2.0/metadata/serch", { body: {} });
  });
});

describe("ts.api.v2 operation methods", () => {
  it("getFullAccessToken compiles with only username and password (defaults stay optional)", async () => {
    const token = await ts.api.v2.getFullAccessToken({ username: "tsadmin", password: "x" });
    expectTypeOf(token.token).toEqualTypeOf<string>();
    expectTypeOf(token.expiration_time_in_millis).toEqualTypeOf<number>();
  });

  it("requires the required fields", () => {
    // @ts-expect-error username is required
    ts.api.v2.getFullAccessToken({ password: "x" });
    // @ts-expect-error the input is required when a field is
    ts.api.v2.getFullAccessToken();
  });

  it("types response fields", async () => {
    const found = await ts.api.v2.searchMetadata({ metadata: [{ type: "ANSWER" }] });
    expectTypeOf(found[0]!.metadata_name).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(found[0]!.metadata_id).toEqualTypeOf<string | null | undefined>();
    const users = await ts.api.v2.searchUsers({ record_size: 1 });
    expectTypeOf(users[0]!.name).toEqualTypeOf<string>();
  });

  it("folds path and query parameters into the input", async () => {
    await ts.api.v2.updateUser({ user_identifier: "jane", display_name: "Jane" });
    // @ts-expect-error user_identifier (path) is required
    ts.api.v2.updateUser({ display_name: "Jane" });
    await ts.api.v2.getConversationList({ limit: 10 });
    // @ts-expect-error limit is a number
    ts.api.v2.getConversationList({ limit: "10" });
  });

  it("takes no input where the operation has none, and optional input where all is optional", async () => {
    await ts.api.v2.getSystemInformation();
    await ts.api.v2.searchUsers();
  });

  it("returns Blob for file downloads and nothing for 204", async () => {
    expectTypeOf(await ts.api.v2.exportLiveboardReport({ metadata_identifier: "x" })).toEqualTypeOf<Blob>();
    expectTypeOf(await ts.api.v2.deleteUser({ user_identifier: "x" })).toEqualTypeOf<undefined>();
  });

  it("accepts Blob/File for multipart file parts", async () => {
    await ts.api.v2.uploadStyleFont({ name: "Brand", file_content: new Blob(["x"]) });
    // @ts-expect-error a file part is a Blob, not a number
    ts.api.v2.uploadStyleFont({ name: "Brand", file_content: 1 });
  });

  it("exports the generated types", () => {
    expectTypeOf<paths["/api/rest/2.0/users/search"]["post"]>().toEqualTypeOf<operations["searchUsers"]>();
  });
});

// The named types read the spec types directly (SearchUsersOutput = User[], SearchUsersInput =
// SearchUsersRequest, scripts/lib/emit/api-types.ts): each must be exactly what the operation declares.
describe("named inputs and outputs", () => {
  it("every V2 output is the operation's own success body", () => {
    type Differs = {
      [K in keyof V2Outputs]: Identical<V2Outputs[K], OperationOutput<operations[K]>> extends true
        ? never
        : K;
    }[keyof V2Outputs];
    expectTypeOf<Differs>().toEqualTypeOf<never>();
    expectTypeOf<V2Outputs["searchUsers"]>().toEqualTypeOf<components["schemas"]["User"][]>();
  });

  it("every V2 input takes what the operation's parameters and body take", () => {
    type Differs = {
      [K in keyof V2Inputs]: Same<V2Inputs[K], OperationInput<operations[K]>> extends true ? never : K;
    }[keyof V2Inputs];
    expectTypeOf<Differs>().toEqualTypeOf<never>();
    expectTypeOf<SearchUsersInput>().toEqualTypeOf<SearchUsersRequest>();
  });
});
