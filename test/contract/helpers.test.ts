// The requests the domain helpers (ts.metadata, ts.sharing, ts.users, ts.groups) build must pass
// Prism's request validation against ThoughtSpot's specs: no request.* entry in sl-violations, 2xx.
// Prism answers with example data, so results are checked for type only.
import { describe, expect, inject, it } from "vitest";
import { createThoughtSpotClient, sharePermissions, ThoughtSpotError, TSTypes } from "../../src/index.js";
import { caught } from "../support/caught.js";
import { type Exchange, recordingFetch, requestViolations } from "../support/recording-fetch.js";

const v2 = recordingFetch();
const tsV2 = createThoughtSpotClient({
  serverUrl: inject("prismV2Url"),
  auth: { token: inject("mockToken") },
  fetch: v2.fetch,
  maxRetries: 0,
});
const v1 = recordingFetch();
const tsV1 = createThoughtSpotClient({
  serverUrl: inject("prismV1Url"),
  auth: { token: inject("mockToken") },
  fetch: v1.fetch,
  maxRetries: 0,
});

/** Runs `call` and returns the exchanges it made, after checking each one is valid and 2xx. */
async function valid<T>(
  recorder: { exchanges: Exchange[] },
  call: () => Promise<T>,
  expected: { method: string; path: RegExp },
): Promise<{ result: T; made: Exchange[] }> {
  const before = recorder.exchanges.length;
  const result = await call();
  const made = recorder.exchanges.slice(before);
  expect(made.length).toBeGreaterThan(0);
  for (const exchange of made) {
    expect(requestViolations(exchange)).toEqual([]);
    expect(exchange.status).toBeGreaterThanOrEqual(200);
    expect(exchange.status).toBeLessThan(300);
    expect(exchange.method).toBe(expected.method);
    expect(new URL(exchange.url).pathname).toMatch(expected.path);
    expect(exchange.requestHeaders.get("x-requested-by")).toBe("ThoughtSpot");
  }
  return { result, made };
}

describe("V2 helper calls against Prism", () => {
  it("metadata.search (Worksheets by name and tag)", async () => {
    const { result } = await valid(
      v2,
      () =>
        tsV2.metadata.search({
          type: TSTypes.WORKSHEET,
          namePattern: "Sales%",
          tags: ["finance"],
          pageSize: 50,
        }),
      { method: "POST", path: /^\/api\/rest\/2\.0\/metadata\/search$/ },
    );
    expect(Array.isArray(result)).toBe(true);
  });

  it("metadata.search (Liveboards, raw LOGICAL_TABLE, with extra fields)", async () => {
    await valid(v2, () => tsV2.metadata.search({ type: TSTypes.LIVEBOARD, pageSize: 50 }), {
      method: "POST",
      path: /\/metadata\/search$/,
    });
    await valid(
      v2,
      () =>
        tsV2.metadata.search({
          type: "LOGICAL_TABLE",
          extra: { include_headers: true, sort_options: { field_name: "NAME", order: "ASC" } },
          pageSize: 50,
        }),
      { method: "POST", path: /\/metadata\/search$/ },
    );
  });

  it("sharing.share (readOnly, edit, remove, with emails and message)", async () => {
    await valid(
      v2,
      () =>
        tsV2.sharing.share({
          type: TSTypes.LIVEBOARD,
          ids: ["lb-1", "lb-2"],
          permissions: sharePermissions()
            .readOnly("g1", { identifier: "u1", type: "USER" })
            .edit({ identifier: "g2", type: "USER_GROUP" })
            .remove("g3"),
          emails: ["ann@example.com"],
          notify: false,
          message: "hello",
          customUrls: false,
        }),
      { method: "POST", path: /^\/api\/rest\/2\.0\/security\/metadata\/share$/ },
    );
  });

  it("sharing.share (a Collection with content share modes; a Worksheet)", async () => {
    await valid(
      v2,
      () =>
        tsV2.sharing.share({
          type: "COLLECTION",
          ids: ["c1"],
          permissions: sharePermissions().grant("g1", "MODIFY", { contentMode: "READ_ONLY" }),
        }),
      { method: "POST", path: /\/security\/metadata\/share$/ },
    );
    await valid(
      v2,
      () =>
        tsV2.sharing.share({
          type: TSTypes.WORKSHEET,
          ids: ["w1"],
          permissions: sharePermissions().edit("g1"),
        }),
      { method: "POST", path: /\/security\/metadata\/share$/ },
    );
  });

  it("sharing.shareVisualization", async () => {
    await valid(
      v2,
      () => tsV2.sharing.shareVisualization({ liveboardId: "lb-1", vizId: "viz-1", principals: ["g1"] }),
      { method: "POST", path: /\/security\/metadata\/share$/ },
    );
  });

  it("sharing.permissionsOnObjects", async () => {
    const { result } = await valid(
      v2,
      () =>
        tsV2.sharing.permissionsOnObjects({
          type: TSTypes.MODEL,
          ids: ["m1"],
          principals: ["g1"],
          includeDependents: true,
        }),
      { method: "POST", path: /^\/api\/rest\/2\.0\/security\/metadata\/fetch-permissions$/ },
    );
    expect(typeof result).toBe("object");
  });

  it("sharing.permissionsOfPrincipals", async () => {
    const { result } = await valid(
      v2,
      () => tsV2.sharing.permissionsOfPrincipals({ principals: ["g1", "u1"], type: TSTypes.LIVEBOARD }),
      { method: "POST", path: /^\/api\/rest\/2\.0\/security\/principals\/fetch-permissions$/ },
    );
    expect(typeof result).toBe("object");
  });

  it("groups.addUsers / removeUsers / addPrivileges / removePrivileges / addSubGroups", async () => {
    const path = /^\/api\/rest\/2\.0\/groups\/[^/]+\/update$/;
    await valid(v2, () => tsV2.groups.addUsers("Sales", ["u1", "u2"]), { method: "POST", path });
    await valid(v2, () => tsV2.groups.removeUsers("Sales", ["u1"]), { method: "POST", path });
    await valid(v2, () => tsV2.groups.addPrivileges("Sales", ["DATADOWNLOADING", "SHAREWITHALL"]), {
      method: "POST",
      path,
    });
    await valid(v2, () => tsV2.groups.removePrivileges("Sales", ["DATADOWNLOADING"]), {
      method: "POST",
      path,
    });
    await valid(v2, () => tsV2.groups.addSubGroups("Sales", ["EMEA"]), { method: "POST", path });
  });

  it("users.addToGroups / removeFromGroups", async () => {
    const path = /^\/api\/rest\/2\.0\/users\/[^/]+\/update$/;
    await valid(v2, () => tsV2.users.addToGroups("jane.doe@example.com", ["Sales"]), {
      method: "POST",
      path,
    });
    await valid(v2, () => tsV2.users.removeFromGroups("jane", ["Sales"]), { method: "POST", path });
  });

  // The checks above are only worth something if Prism flags a bad helper request; prove it does.
  it("control: an unknown privilege is flagged as a request violation", async () => {
    const before = v2.exchanges.length;
    const error = await caught(tsV2.groups.addPrivileges("Sales", ["NOT_A_PRIVILEGE"]));
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(v2.exchanges).toHaveLength(before + 1);
    expect(requestViolations(v2.exchanges[before]!).join("\n")).toMatch(/privileges\.0/);
  });
});

describe("V1 helper calls against Prism", () => {
  it("metadata.listObjectHeaders (Worksheets, every option)", async () => {
    const { result } = await valid(
      v1,
      () =>
        tsV1.metadata.listObjectHeaders({
          type: TSTypes.WORKSHEET,
          filter: "Sales%",
          sort: "MODIFIED",
          sortAscending: false,
          category: "ALL",
          tags: ["finance"],
          offset: 0,
          batchSize: 10,
          fetchIds: ["a"],
          skipIds: ["b"],
        }),
      { method: "GET", path: /^\/callosum\/v1\/tspublic\/v1\/metadata\/listobjectheaders$/ },
    );
    expect(Array.isArray(result)).toBe(true);
  });

  it("metadata.listObjectHeaders (Liveboards)", async () => {
    await valid(v1, () => tsV1.metadata.listObjectHeaders({ type: TSTypes.LIVEBOARD }), {
      method: "GET",
      path: /\/metadata\/listobjectheaders$/,
    });
  });

  it("sharing.share with api: v1", async () => {
    await valid(
      v1,
      () =>
        tsV1.sharing.share({
          api: "v1",
          type: TSTypes.LIVEBOARD,
          ids: ["lb-1"],
          permissions: sharePermissions().readOnly("g1").edit("u1").remove("g2"),
          emails: ["ann@example.com"],
          notify: true,
          message: "hello",
        }),
      { method: "POST", path: /^\/callosum\/v1\/tspublic\/v1\/security\/share$/ },
    );
  });

  it("sharing.shareVisualization with api: v1", async () => {
    await valid(
      v1,
      () =>
        tsV1.sharing.shareVisualization({
          api: "v1",
          liveboardId: "lb-1",
          vizId: "viz-1",
          principals: ["g1"],
        }),
      { method: "POST", path: /^\/callosum\/v1\/tspublic\/v1\/security\/shareviz$/ },
    );
  });

  it("users.sync (multipart with the principals file part)", async () => {
    const { result } = await valid(
      v1,
      () =>
        tsV1.users.sync({
          principals: [
            { name: "ann", displayName: "Ann", principalTypeEnum: "LOCAL_USER", groupNames: ["Sales"] },
            { name: "Sales", displayName: "Sales", principalTypeEnum: "LOCAL_GROUP" },
          ],
          password: "Initial-Passw0rd!",
          removeDeleted: false,
        }),
      { method: "POST", path: /^\/callosum\/v1\/tspublic\/v1\/user\/sync$/ },
    );
    expect(typeof result).toBe("object");
  });

  it("control: a sort value V1 does not have is flagged as a request violation", async () => {
    const before = v1.exchanges.length;
    const error = await caught(
      // @ts-expect-error the spec's sort enum has no NEWEST: sent on purpose, as plain JavaScript could
      tsV1.metadata.listObjectHeaders({ type: TSTypes.LIVEBOARD, sort: "NEWEST" }),
    );
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(v1.exchanges).toHaveLength(before + 1);
    expect(requestViolations(v1.exchanges[before]!).join("\n")).toMatch(/sort/);
  });

  it("users.updatePreferences", async () => {
    await valid(
      v1,
      () => tsV1.users.updatePreferences("u-guid", { preferredLocale: "en-GB", notifyOnShare: false }),
      { method: "POST", path: /^\/callosum\/v1\/tspublic\/v1\/user\/updatepreference$/ },
    );
  });
});
