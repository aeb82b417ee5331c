// The raw clients ts.v2 / ts.v1 and the operation methods reject typos at any depth: the raw init is typed
// from the path and method alone, so excess-property checks reach the whole body, query and path params.
import type { Middleware as FetchMiddleware } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import type { RawMiddleware } from "../../src/core/raw-fetch-types.js";
import { createThoughtSpotClient } from "../../src/index.js";
import type { operations } from "../../src/v2.js";

const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });

describe("ts.v2 raw calls", () => {
  it("reject a top-level typo in the body", () => {
    // @ts-expect-error user_identifer is not a field of users/search
    ts.v2.POST("/api/rest/2.0/users/search", { body: { user_identifer: "x" } });
  });

  it("reject a nested typo in the body", () => {
    // @ts-expect-error typ is not a field of a metadata entry
    ts.v2.POST("/api/rest/2.0/metadata/search", { body: { metadata: [{ typ: "LIVEBOARD" }] } });
    ts.v2.POST("/api/rest/2.0/metadata/search", {
      // @ts-expect-error sort_by_field is not a field of sort_options
      body: { metadata: [{ type: "LIVEBOARD" }], sort_options: { sort_by_field: "NAME" } },
    });
  });

  it("reject typos in path parameters and unknown init keys", () => {
    ts.v2.POST("/api/rest/2.0/tags/{tag_identifier}/delete", {
      // @ts-expect-error tag_id is not the path parameter
      params: { path: { tag_id: "finance" } },
    });
    // @ts-expect-error params.path is required for a path with a parameter
    ts.v2.POST("/api/rest/2.0/tags/{tag_identifier}/delete", {});
    // @ts-expect-error bdy is not an init option
    ts.v2.POST("/api/rest/2.0/users/search", { bdy: {} });
  });

  it("reject a method the path does not have, and an unknown path", () => {
    // @ts-expect-error users/search is POST only
    ts.v2.GET("/api/rest/2.0/users/search");
    // @ts-expect-error not a V2 path
    ts.v2.POST("/api/rest/2.0/users/serch", { body: {} });
  });

  it("type data and error as openapi-fetch returns them", async () => {
    const result = await ts.v2.POST("/api/rest/2.0/users/search", { body: { record_size: 10 } });
    if (result.error === undefined) {
      expectTypeOf(result.data).toEqualTypeOf<
        operations["searchUsers"]["responses"][200]["content"]["application/json"]
      >();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    }
    const system = await ts.v2.GET("/api/rest/2.0/system");
    expectTypeOf(system.data?.release_version).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(system.response).toEqualTypeOf<Response>();
  });

  it("types parseAs results and keeps init optional where nothing is required", async () => {
    const blob = await ts.v2.POST("/api/rest/2.0/report/answer", {
      body: { metadata_identifier: "g" },
      parseAs: "blob",
    });
    expectTypeOf(blob.data).toEqualTypeOf<Blob | undefined>();
    const stream = await ts.v2.request("post", "/api/rest/2.0/report/liveboard", {
      body: { metadata_identifier: "g" },
      parseAs: "stream",
    });
    expectTypeOf(stream.data).toEqualTypeOf<ReadableStream<Uint8Array> | null | undefined>();
    await ts.v2.GET("/api/rest/2.0/system");
  });

  it("keeps middleware registration", () => {
    const middleware = { onRequest: ({ request }: { request: Request }) => request };
    ts.v2.use(middleware);
    ts.v2.eject(middleware);
  });
});

describe("ts.v1 raw calls", () => {
  it("reject typos in the query and the form body", () => {
    ts.v1.GET("/tspublic/v1/metadata/listobjectheaders", {
      // @ts-expect-error typ is not a query parameter
      params: { query: { typ: "PINBOARD_ANSWER_BOOK" } },
    });
    ts.v1.POST("/tspublic/v1/session/login", {
      // @ts-expect-error usrname is not a form field
      body: { usrname: "a", password: "b" },
    });
    ts.v1.GET("/tspublic/v1/metadata/listobjectheaders", {
      params: { query: { type: "PINBOARD_ANSWER_BOOK" } },
    });
  });
});

describe("ts.api operation methods", () => {
  it("reject top-level and nested typos", () => {
    // @ts-expect-error user_identifer is not a field
    ts.api.v2.searchUsers({ user_identifer: "x" });
    // @ts-expect-error typ is not a field of a metadata entry
    ts.api.v2.searchMetadata({ metadata: [{ typ: "LIVEBOARD" }] });
    // @ts-expect-error typ is not a V1 query parameter
    ts.api.v1.metadataListobjectheaders({ typ: "PINBOARD_ANSWER_BOOK" });
  });
});

describe("the raw clients' middleware type", () => {
  it("takes openapi-fetch's middleware, and hands openapi-fetch what it takes", () => {
    // The package's declarations carry their own copy (src/core/raw-fetch-types.ts), so a consumer's
    // lib check never reads openapi-fetch's .d.ts; the copy must stay interchangeable with it.
    const toTheirs = (m: RawMiddleware): FetchMiddleware => m;
    const toOurs = (m: FetchMiddleware): RawMiddleware => m;
    expectTypeOf(toTheirs).returns.toEqualTypeOf<FetchMiddleware>();
    expectTypeOf(toOurs).returns.toEqualTypeOf<RawMiddleware>();
    const logger: FetchMiddleware = { onRequest: ({ request }) => request };
    ts.v2.use(logger);
    ts.v2.eject(logger);
  });
});
