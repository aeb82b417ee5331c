// ts.sharing against a real HTTP server on 127.0.0.1: the exact V2 JSON bodies and V1 form fields
// for share and shareVisualization, the permission lookups, and bad input refused before sending.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createThoughtSpotClient,
  sharePermissions,
  type ThoughtSpotClient,
  TSTypes,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

type Loose = Record<string, unknown>;

let server: TestServer;
let ts: ThoughtSpotClient;
beforeEach(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    // security/metadata/share and V1 security/share answer 204 with no body.
    if (path.endsWith("/share") || path.endsWith("/shareviz")) {
      res.writeHead(204);
      return res.end();
    }
    if (path.endsWith("/fetch-permissions")) return json(res, 200, { answered: path });
    return json(res, 404, { error: { message: { debug: "no route" } } });
  });
  ts = createThoughtSpotClient({
    serverUrl: server.url,
    auth: { token: "test-token-123456" },
    maxRetries: 0,
  });
});
afterEach(() => server.close());

const V1 = "/callosum/v1/tspublic/v1";
const only = (): ReceivedRequest => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};
const jsonBody = (r: ReceivedRequest) => JSON.parse(r.body.toString()) as Loose;
const formFields = (r: ReceivedRequest) => {
  expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  return [...new URLSearchParams(r.body.toString()).entries()];
};

describe("ts.sharing.share on V2 (security/metadata/share)", () => {
  it("readOnly, edit and remove: one body with metadata, permissions and message", async () => {
    await ts.sharing.share({
      type: TSTypes.LIVEBOARD,
      ids: ["lb-1", "lb-2"],
      permissions: sharePermissions()
        .readOnly("g1", { identifier: "u-7", type: "USER" })
        .edit({ identifier: "admins", type: "USER_GROUP" })
        .remove("g9"),
    });
    const request = only();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/api/rest/2.0/security/metadata/share");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.authorization).toBe("Bearer test-token-123456");
    expect(jsonBody(request)).toEqual({
      metadata: [
        { type: "LIVEBOARD", identifier: "lb-1" },
        { type: "LIVEBOARD", identifier: "lb-2" },
      ],
      permissions: [
        { principal: { identifier: "g1" }, share_mode: "READ_ONLY" },
        { principal: { identifier: "u-7", type: "USER" }, share_mode: "READ_ONLY" },
        { principal: { identifier: "admins", type: "USER_GROUP" }, share_mode: "MODIFY" },
        { principal: { identifier: "g9" }, share_mode: "NO_ACCESS" },
      ],
      message: "",
    });
  });

  it("Worksheets share as LOGICAL_TABLE; emails, notify, message and customUrls use V2's names", async () => {
    await ts.sharing.share({
      type: TSTypes.WORKSHEET,
      ids: ["ws-1"],
      permissions: sharePermissions().readOnly("g1"),
      emails: ["ann@example.com"],
      notify: false,
      message: "Quarterly numbers",
      customUrls: true,
    });
    expect(jsonBody(only())).toEqual({
      metadata: [{ type: "LOGICAL_TABLE", identifier: "ws-1" }],
      permissions: [{ principal: { identifier: "g1" }, share_mode: "READ_ONLY" }],
      message: "Quarterly numbers",
      emails: ["ann@example.com"],
      notify_on_share: false,
      enable_custom_url: true,
    });
  });

  it("raw types translate to V2 spellings (PINBOARD_ANSWER_BOOK → LIVEBOARD, QUESTION_ANSWER_BOOK → ANSWER)", async () => {
    await ts.sharing.share({
      type: "PINBOARD_ANSWER_BOOK",
      ids: ["a"],
      permissions: sharePermissions().edit("g"),
    });
    await ts.sharing.share({
      type: "QUESTION_ANSWER_BOOK",
      ids: ["b"],
      permissions: sharePermissions().edit("g"),
    });
    await ts.sharing.share({
      type: TSTypes.CONNECTION,
      ids: ["c"],
      permissions: sharePermissions().edit("g"),
    });
    expect(server.requests.map((r) => jsonBody(r).metadata)).toEqual([
      [{ type: "LIVEBOARD", identifier: "a" }],
      [{ type: "ANSWER", identifier: "b" }],
      [{ type: "CONNECTION", identifier: "c" }],
    ]);
  });

  it("Collections: content_share_mode goes out next to share_mode", async () => {
    await ts.sharing.share({
      type: "COLLECTION",
      ids: ["col-1"],
      permissions: sharePermissions()
        .grant("g1", "MODIFY", { contentMode: "READ_ONLY" })
        .grant({ identifier: "u1", type: "USER" }, "READ_ONLY", { contentMode: "MODIFY" })
        .readOnly("g2"),
    });
    expect(jsonBody(only())).toEqual({
      metadata: [{ type: "COLLECTION", identifier: "col-1" }],
      permissions: [
        { principal: { identifier: "g1" }, share_mode: "MODIFY", content_share_mode: "READ_ONLY" },
        {
          principal: { identifier: "u1", type: "USER" },
          share_mode: "READ_ONLY",
          content_share_mode: "MODIFY",
        },
        { principal: { identifier: "g2" }, share_mode: "READ_ONLY" },
      ],
      message: "",
    });
  });
});

describe("ts.sharing.share on V1 (security/share, api: v1)", () => {
  it("form fields: type, id JSON array, permission JSON, emailshares [], useCustomEmbedUrls false", async () => {
    await ts.sharing.share({
      api: "v1",
      type: TSTypes.LIVEBOARD,
      ids: ["lb-1", "lb-2"],
      permissions: sharePermissions().readOnly("g1").edit("u2").remove("g3"),
    });
    const request = only();
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`${V1}/security/share`);
    expect(request.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(formFields(request)).toEqual([
      ["type", "PINBOARD_ANSWER_BOOK"],
      ["id", '["lb-1","lb-2"]'],
      [
        "permission",
        '{"permissions":{"g1":{"shareMode":"READ_ONLY"},"u2":{"shareMode":"MODIFY"},"g3":{"shareMode":"NO_ACCESS"}}}',
      ],
      ["emailshares", "[]"],
      ["useCustomEmbedUrls", "false"],
    ]);
  });

  it("one read-only group, exactly as ThoughtSpot documents the permission field", async () => {
    await ts.sharing.share({
      api: "v1",
      type: "LOGICAL_TABLE",
      ids: ["t1"],
      permissions: sharePermissions().readOnly("g1"),
    });
    expect(formFields(only())).toEqual([
      ["type", "LOGICAL_TABLE"],
      ["id", '["t1"]'],
      ["permission", '{"permissions":{"g1":{"shareMode":"READ_ONLY"}}}'],
      ["emailshares", "[]"],
      ["useCustomEmbedUrls", "false"],
    ]);
  });

  it("Worksheets are LOGICAL_TABLE; emails, notify, message and customUrls use V1's names", async () => {
    await ts.sharing.share({
      api: "v1",
      type: TSTypes.WORKSHEET,
      ids: ["ws-1"],
      permissions: sharePermissions().edit({ identifier: "g1", type: "USER_GROUP" }),
      emails: ["ann@example.com", "bo@example.com"],
      notify: true,
      message: "Have a look",
      customUrls: true,
    });
    expect(formFields(only())).toEqual([
      ["type", "LOGICAL_TABLE"],
      ["id", '["ws-1"]'],
      ["permission", '{"permissions":{"g1":{"shareMode":"MODIFY"}}}'],
      ["emailshares", '["ann@example.com","bo@example.com"]'],
      ["useCustomEmbedUrls", "true"],
      ["notify", "true"],
      ["message", "Have a look"],
    ]);
  });

  it("a Collection content share mode is a TypeError on V1, before any request", async () => {
    const error = await caught<TypeError>(
      ts.sharing.share({
        api: "v1",
        type: TSTypes.LIVEBOARD,
        ids: ["lb-1"],
        permissions: sharePermissions().grant("g1", "READ_ONLY", { contentMode: "READ_ONLY" }),
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("content share modes (Collections) need the V2 API");
    // COLLECTION itself has no V1 type.
    await expect(
      ts.sharing.share({
        api: "v1",
        type: "COLLECTION",
        ids: ["c"],
        permissions: sharePermissions().readOnly("g"),
      }),
    ).rejects.toThrow(/"COLLECTION" has no V1 equivalent/);
    expect(server.requests).toEqual([]);
  });
});

describe("ts.sharing.shareVisualization", () => {
  it("V2: the Liveboard, visualization_identifiers and read-only principals", async () => {
    await ts.sharing.shareVisualization({ liveboardId: "lb-1", vizId: "viz-9", principals: ["g1", "u2"] });
    const request = only();
    expect(request.url).toBe("/api/rest/2.0/security/metadata/share");
    expect(jsonBody(request)).toEqual({
      metadata: [{ type: "LIVEBOARD", identifier: "lb-1" }],
      visualization_identifiers: ["viz-9"],
      permissions: [
        { principal: { identifier: "g1" }, share_mode: "READ_ONLY" },
        { principal: { identifier: "u2" }, share_mode: "READ_ONLY" },
      ],
      message: "",
    });
  });

  it("V2 with emails, notify and message", async () => {
    await ts.sharing.shareVisualization({
      liveboardId: "lb-1",
      vizId: "viz-9",
      principals: ["g1"],
      emails: ["ann@example.com"],
      notify: true,
      message: "This chart",
      customUrls: false,
    });
    expect(jsonBody(only())).toEqual({
      metadata: [{ type: "LIVEBOARD", identifier: "lb-1" }],
      visualization_identifiers: ["viz-9"],
      permissions: [{ principal: { identifier: "g1" }, share_mode: "READ_ONLY" }],
      message: "This chart",
      emails: ["ann@example.com"],
      notify_on_share: true,
      enable_custom_url: false,
    });
  });

  it("V1: security/shareviz form fields", async () => {
    await ts.sharing.shareVisualization({
      api: "v1",
      liveboardId: "lb-1",
      vizId: "viz-9",
      principals: ["g1", "u2"],
      notify: false,
    });
    const request = only();
    expect(request.url).toBe(`${V1}/security/shareviz`);
    expect(request.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(formFields(request)).toEqual([
      ["type", "PINBOARD_ANSWER_BOOK"],
      ["pinboardId", "lb-1"],
      ["principalids", '["g1","u2"]'],
      ["vizid", "viz-9"],
      ["emailshares", "[]"],
      ["useCustomEmbedUrls", "false"],
      ["notify", "false"],
    ]);
  });

  it("no principals, or no viz id, is a TypeError before any request", async () => {
    await expect(
      ts.sharing.shareVisualization({ liveboardId: "lb-1", vizId: "viz-9", principals: [] }),
    ).rejects.toThrow("sharing.shareVisualization principals needs a non-empty list of GUIDs");
    await expect(
      ts.sharing.shareVisualization({ liveboardId: "lb-1", vizId: "", principals: ["g1"], api: "v1" }),
    ).rejects.toThrow("sharing.shareVisualization needs a non-empty list of GUIDs");
    expect(server.requests).toEqual([]);
  });
});

describe("ts.sharing.permissionsOnObjects / permissionsOfPrincipals", () => {
  it("permissionsOnObjects: metadata with V2 types, principals as identifiers, include_dependent_objects", async () => {
    const answer = await ts.sharing.permissionsOnObjects({
      type: TSTypes.MODEL,
      ids: ["m1", "m2"],
      principals: ["g1", "u2"],
      includeDependents: true,
    });
    expect(answer).toEqual({ answered: "/api/rest/2.0/security/metadata/fetch-permissions" });
    const request = only();
    expect(request.url).toBe("/api/rest/2.0/security/metadata/fetch-permissions");
    expect(jsonBody(request)).toEqual({
      metadata: [
        { type: "LOGICAL_TABLE", identifier: "m1" },
        { type: "LOGICAL_TABLE", identifier: "m2" },
      ],
      principals: [{ identifier: "g1" }, { identifier: "u2" }],
      include_dependent_objects: true,
    });
  });

  it("permissionsOnObjects sends only metadata when nothing else is set", async () => {
    await ts.sharing.permissionsOnObjects({ type: TSTypes.LIVEBOARD, ids: ["lb-1"] });
    expect(jsonBody(only())).toEqual({ metadata: [{ type: "LIVEBOARD", identifier: "lb-1" }] });
  });

  it("permissionsOfPrincipals: principals, and default_metadata_type when a type is given", async () => {
    const answer = await ts.sharing.permissionsOfPrincipals({ principals: ["g1"], type: TSTypes.ANSWER });
    await ts.sharing.permissionsOfPrincipals({ principals: ["u1", "u2"] });
    expect(answer).toEqual({ answered: "/api/rest/2.0/security/principals/fetch-permissions" });
    expect(server.requests.map((r) => r.url)).toEqual(
      Array(2).fill("/api/rest/2.0/security/principals/fetch-permissions"),
    );
    expect(server.requests.map(jsonBody)).toEqual([
      { principals: [{ identifier: "g1" }], default_metadata_type: "ANSWER" },
      { principals: [{ identifier: "u1" }, { identifier: "u2" }] },
    ]);
  });
});

describe("bad input is a TypeError and nothing is sent", () => {
  const p = () => sharePermissions().readOnly("g1");

  it.each([
    [
      "empty ids",
      () => ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: [], permissions: p() }),
      /sharing\.share needs a non-empty list of GUIDs/,
    ],
    [
      "an empty id",
      () => ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: ["a", ""], permissions: p() }),
      /non-empty list of GUIDs/,
    ],
    [
      "ids not an array",
      () => ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: "lb-1" as never, permissions: p() }),
      /non-empty list of GUIDs/,
    ],
    [
      "no principals",
      () => ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: ["a"], permissions: sharePermissions() }),
      /the permissions name nobody/,
    ],
    [
      "no principals (V1)",
      () =>
        ts.sharing.share({ api: "v1", type: TSTypes.LIVEBOARD, ids: ["a"], permissions: sharePermissions() }),
      /the permissions name nobody/,
    ],
    [
      "TAG (not shareable)",
      () => ts.sharing.share({ type: TSTypes.TAG, ids: ["t"], permissions: p() }),
      /objects of type TAG cannot be shared/,
    ],
    [
      "USER (not shareable)",
      () => ts.sharing.share({ type: TSTypes.USER, ids: ["u"], permissions: p() }),
      /objects of type USER cannot be shared/,
    ],
    [
      "GROUP (not shareable)",
      () => ts.sharing.share({ type: TSTypes.GROUP, ids: ["g"], permissions: p() }),
      /objects of type USER_GROUP cannot be shared/,
    ],
    [
      "an unknown type",
      () => ts.sharing.share({ type: "DASHBOARD", ids: ["d"], permissions: p() }),
      /Unknown ThoughtSpot object type "DASHBOARD"/,
    ],
    [
      "permissionsOnObjects with no ids",
      () => ts.sharing.permissionsOnObjects({ type: TSTypes.LIVEBOARD, ids: [] }),
      /permissionsOnObjects needs a non-empty list/,
    ],
    [
      "permissionsOnObjects on a TAG",
      () => ts.sharing.permissionsOnObjects({ type: TSTypes.TAG, ids: ["t"] }),
      /cannot be shared/,
    ],
    [
      "permissionsOfPrincipals with no principals",
      () => ts.sharing.permissionsOfPrincipals({ principals: [] }),
      /permissionsOfPrincipals needs a non-empty list/,
    ],
    [
      "permissionsOfPrincipals for TAGs",
      () => ts.sharing.permissionsOfPrincipals({ principals: ["g"], type: "TAG" }),
      /cannot be shared/,
    ],
  ] as const)("%s", async (_, call, message) => {
    const error = await caught<TypeError>(call());
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(message);
    expect(server.requests).toEqual([]);
  });

  // V1 security/share only takes QUESTION_ANSWER_BOOK, PINBOARD_ANSWER_BOOK, LOGICAL_TABLE and LOGICAL_COLUMN.
  it("V1: an unshareable type (TAG) is a TypeError before any request", async () => {
    const error = await caught<TypeError>(
      ts.sharing.share({ api: "v1", type: TSTypes.TAG, ids: ["t"], permissions: p() }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/objects of type TAG cannot be shared/);
    expect(server.requests).toEqual([]);
  });
});
