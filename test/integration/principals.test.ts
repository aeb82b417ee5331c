// ts.users and ts.groups against a real HTTP server on 127.0.0.1: V2 update bodies with ADD/REMOVE and
// the identifier in the URL, V1 user/sync as multipart with a JSON file part, V1 user/updatepreference.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createThoughtSpotClient,
  type SyncPrincipal,
  type ThoughtSpotClient,
  userPreferences,
} from "../../src/index.js";
import { caught } from "../support/caught.js";
import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

type Loose = Record<string, unknown>;

const V1 = "/callosum/v1/tspublic/v1";
const SYNC_ANSWER = {
  usersAdded: ["ann"],
  usersDeleted: [],
  usersUpdated: [],
  groupsAdded: [],
  groupsDeleted: [],
  groupsUpdated: [],
};

let server: TestServer;
let ts: ThoughtSpotClient;
beforeEach(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === `${V1}/user/sync`) return json(res, 200, SYNC_ANSWER);
    // V2 users/groups update and V1 updatepreference answer 204 with no body.
    res.writeHead(204);
    res.end();
  });
  ts = createThoughtSpotClient({
    serverUrl: server.url,
    auth: { token: "test-token-123456" },
    maxRetries: 0,
  });
});
afterEach(() => server.close());

const only = (): ReceivedRequest => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};
const jsonBody = (r: ReceivedRequest) => {
  expect(r.headers["content-type"]).toBe("application/json");
  return JSON.parse(r.body.toString()) as Loose;
};
const multipart = (r: ReceivedRequest) =>
  new Response(new Uint8Array(r.body), {
    headers: { "Content-Type": r.headers["content-type"] as string },
  }).formData();

describe("ts.users membership (V2 users/{id}/update)", () => {
  it("addToGroups: operation ADD, the user in the URL (encoded), only the groups in the body", async () => {
    await expect(ts.users.addToGroups("jane.doe@example.com", ["Sales", "g-2"])).resolves.toBeUndefined();
    const request = only();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/api/rest/2.0/users/jane.doe%40example.com/update");
    expect(request.headers.authorization).toBe("Bearer test-token-123456");
    expect(jsonBody(request)).toEqual({ group_identifiers: ["Sales", "g-2"], operation: "ADD" });
  });

  it("removeFromGroups: operation REMOVE", async () => {
    await ts.users.removeFromGroups("59481331-ee53-42be-a548-bd87be6ddd4a", ["g-1"]);
    const request = only();
    expect(request.url).toBe("/api/rest/2.0/users/59481331-ee53-42be-a548-bd87be6ddd4a/update");
    expect(jsonBody(request)).toEqual({ group_identifiers: ["g-1"], operation: "REMOVE" });
  });

  it("no groups, or no user, is a TypeError before any request", async () => {
    await expect(ts.users.addToGroups("u1", [])).rejects.toThrow(
      "users.addToGroups: give a non-empty list of GUIDs or names",
    );
    await expect(ts.users.removeFromGroups("", ["g"])).rejects.toThrow(
      "users.removeFromGroups: give a GUID or name",
    );
    await expect(ts.users.addToGroups("u1", ["g", ""])).rejects.toThrow(TypeError);
    expect(server.requests).toEqual([]);
  });
});

describe("ts.groups (V2 groups/{id}/update)", () => {
  it.each([
    [
      "addUsers",
      (g: string, l: string[]) => ts.groups.addUsers(g, l),
      { user_identifiers: ["u1", "u2"], operation: "ADD" },
    ],
    [
      "removeUsers",
      (g: string, l: string[]) => ts.groups.removeUsers(g, l),
      { user_identifiers: ["u1", "u2"], operation: "REMOVE" },
    ],
    [
      "addPrivileges",
      (g: string, l: string[]) => ts.groups.addPrivileges(g, l),
      { privileges: ["u1", "u2"], operation: "ADD" },
    ],
    [
      "removePrivileges",
      (g: string, l: string[]) => ts.groups.removePrivileges(g, l),
      { privileges: ["u1", "u2"], operation: "REMOVE" },
    ],
    [
      "addSubGroups",
      (g: string, l: string[]) => ts.groups.addSubGroups(g, l),
      { sub_group_identifiers: ["u1", "u2"], operation: "ADD" },
    ],
  ] as const)("%s", async (_, call, body) => {
    await expect(call("Sales team", ["u1", "u2"])).resolves.toBeUndefined();
    const request = only();
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/api/rest/2.0/groups/Sales%20team/update");
    expect(jsonBody(request)).toEqual(body);
  });

  it("privileges as ThoughtSpot names them", async () => {
    await ts.groups.addPrivileges("g-1", ["DATADOWNLOADING", "SHAREWITHALL"]);
    expect(jsonBody(only())).toEqual({ privileges: ["DATADOWNLOADING", "SHAREWITHALL"], operation: "ADD" });
  });

  it("bad lists are a TypeError before any request", async () => {
    await expect(ts.groups.addUsers("g", [])).rejects.toThrow("groups.addUsers: give a non-empty list");
    await expect(ts.groups.removePrivileges("g", "ADMINISTRATION" as never)).rejects.toThrow(
      "groups.removePrivileges: give a non-empty list",
    );
    await expect(ts.groups.addSubGroups("", ["g2"])).rejects.toThrow(
      "groups.addSubGroups: give a GUID or name",
    );
    expect(server.requests).toEqual([]);
  });
});

describe("ts.users.sync (V1 user/sync, multipart)", () => {
  const principals: SyncPrincipal[] = [
    {
      name: "ann",
      displayName: "Ann Lee",
      principalTypeEnum: "LOCAL_USER",
      groupNames: ["Sales"],
      mail: "ann@example.com",
      visibility: "DEFAULT",
    },
    { name: "Sales", displayName: "Sales", principalTypeEnum: "LOCAL_GROUP", groupNames: [] },
  ];

  it("principals as an application/json file part named principals.json; applyChanges false by default", async () => {
    expect(await ts.users.sync({ principals, password: "Initial-Passw0rd!" })).toEqual(SYNC_ANSWER);
    const request = only();
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`${V1}/user/sync`);
    expect(request.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await multipart(request);
    expect([...form.keys()]).toEqual(["principals", "password", "applyChanges"]);
    const file = form.get("principals") as File;
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe("principals.json");
    expect(file.type).toBe("application/json");
    expect(await file.text()).toBe(JSON.stringify(principals));
    expect(form.get("password")).toBe("Initial-Passw0rd!");
    expect(form.get("applyChanges")).toBe("false");
    // The raw part headers, as ThoughtSpot reads them.
    const raw = request.body.toString();
    expect(raw).toContain('Content-Disposition: form-data; name="principals"; filename="principals.json"');
    expect(raw).toContain("Content-Type: application/json");
  });

  it("applyChanges and removeDeleted when asked", async () => {
    await ts.users.sync({ principals, password: "pw", applyChanges: true, removeDeleted: false });
    const form = await multipart(only());
    expect([...form.entries()].filter(([k]) => k !== "principals")).toEqual([
      ["password", "pw"],
      ["applyChanges", "true"],
      ["removeDeleted", "false"],
    ]);
  });

  it("principals not an array, or no password: a TypeError before any request", async () => {
    await expect(ts.users.sync({ principals: "ann" as never, password: "pw" })).rejects.toThrow(
      "users.sync: principals must be an array",
    );
    await expect(ts.users.sync({ principals, password: "" })).rejects.toThrow(
      "users.sync: password is required",
    );
    expect(server.requests).toEqual([]);
  });
});

describe("ts.users.updatePreferences (V1 user/updatepreference)", () => {
  it("form fields userid and preferences (JSON with only the keys set)", async () => {
    await expect(
      ts.users.updatePreferences("u-guid", {
        preferredLocale: "en-GB",
        notifyOnShare: false,
        showWalkMe: undefined,
      }),
    ).resolves.toBeUndefined();
    const request = only();
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`${V1}/user/updatepreference`);
    expect(request.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(request.body.toString()).entries()]).toEqual([
      ["userid", "u-guid"],
      ["preferences", '{"preferredLocale":"en-GB","notifyOnShare":false}'],
    ]);
  });

  it("every preference", async () => {
    await ts.users.updatePreferences("u-guid", {
      preferredLocale: "de-DE",
      notifyOnShare: true,
      analystOnboardingComplete: true,
      showWalkMe: false,
    });
    expect(new URLSearchParams(only().body.toString()).get("preferences")).toBe(
      '{"preferredLocale":"de-DE","notifyOnShare":true,"analystOnboardingComplete":true,"showWalkMe":false}',
    );
  });

  it("no preference set, or no user: a TypeError before any request", async () => {
    await expect(ts.users.updatePreferences("u-guid", {})).rejects.toThrow(
      "userPreferences: set at least one preference",
    );
    await expect(ts.users.updatePreferences("u-guid", { notifyOnShare: undefined })).rejects.toThrow(
      TypeError,
    );
    await expect(ts.users.updatePreferences("", { notifyOnShare: true })).rejects.toThrow(
      "users.updatePreferences: give a GUID or name",
    );
    expect(server.requests).toEqual([]);
  });
});

describe("userPreferences()", () => {
  it("keeps only the keys that are set, false included", () => {
    expect(userPreferences({ notifyOnShare: false, preferredLocale: undefined })).toEqual({
      notifyOnShare: false,
    });
    expect(userPreferences({ preferredLocale: "ja-JP", analystOnboardingComplete: true })).toEqual({
      preferredLocale: "ja-JP",
      analystOnboardingComplete: true,
    });
  });

  it("throws a TypeError when nothing is set", async () => {
    expect(() => userPreferences({})).toThrow(new TypeError("userPreferences: set at least one preference"));
    const error = await caught<TypeError>(
      Promise.resolve().then(() => userPreferences({ showWalkMe: undefined })),
    );
    expect(error).toBeInstanceOf(TypeError);
  });
});
