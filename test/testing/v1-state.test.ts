// V1 operations on the mock's store: what V1 creates, changes or deletes shows in V2's searches and the
// other way round; unknown ids and duplicates get V1's statuses in V1's error body; each Org keeps its own
// groups; V1 sharing shows in V2's permission answers and V2 sharing in V1's. Every answer here passes
// strict response validation (the mock's default), so the V1 shapes conform to the V1 spec.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, type ThoughtSpotClient, TSTypes } from "../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";
import { principalPermissions } from "./support/permissions.js";

let mock: MockThoughtSpot;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
}, 120_000);
afterAll(() => mock?.close());
beforeEach(() => {
  mock.reset();
  mock.clearRequests();
});
// No answer of this file broke the V1 or V2 response schema.
afterEach(() => {
  const broken = mock
    .requests()
    .filter((r) => r.findings.some((f) => f.location[0] === "response" && f.severity === "error"));
  expect(broken.map((r) => `${r.operationId}: ${r.findings.map((f) => f.message).join("; ")}`)).toEqual([]);
});

const inOrg = (orgId: number): ThoughtSpotClient =>
  mock.client({ auth: { username: mock.credentials.username, password: mock.credentials.password, orgId } });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as ApiError,
  );

/** The V1 error body: the message object itself (code, debug), never V2's { error: { message } }. */
function expectV1Error(error: ApiError | undefined, status: number, debug: RegExp) {
  expect(error).toBeInstanceOf(ApiError);
  expect(error!.status).toBe(status);
  const body = error!.body as { debug?: string; error?: unknown };
  expect(body.error).toBeUndefined();
  expect(body.debug).toMatch(debug);
}

interface V1Group {
  header: { id: string; name: string };
  privileges: string[];
}

describe("V1 groups", () => {
  it("a V1 group is found by V2's search; a V2 group by V1's get; V1 delete removes it from both", async () => {
    const ts = mock.client();
    const created = (await ts.api.v1.groupPost({
      name: "v1-analysts",
      display_name: "V1 Analysts",
    })) as V1Group;
    expect(created.header.name).toBe("v1-analysts");
    const found = await ts.api.v2.searchUserGroups({ group_identifier: "v1-analysts" });
    expect(found.map((g) => g.id)).toEqual([created.header.id]);

    const v2 = await ts.api.v2.createUserGroup({ name: "v2-analysts", display_name: "V2 Analysts" });
    const got = (await ts.api.v1.groupGet({ name: "v2-analysts" })) as V1Group;
    expect(got.header.id).toBe(v2.id);

    await ts.api.v1.groupDelete({ groupid: created.header.id });
    expect(await ts.api.v2.searchUserGroups({ group_identifier: "v1-analysts" })).toEqual([]);
    expectV1Error(
      await failure(ts.api.v1.groupGet({ groupid: created.header.id })),
      400,
      /Invalid parameter/,
    );
  });

  it("reset() undoes what V1 created", async () => {
    const ts = mock.client();
    await ts.api.v1.groupPost({ name: "short-lived", display_name: "Short" });
    mock.reset();
    expectV1Error(await failure(ts.api.v1.groupGet({ name: "short-lived" })), 400, /Invalid parameter/);
    await ts.api.v1.groupPost({ name: "short-lived", display_name: "Again" });
  });

  it("a duplicate name is 409 and an unknown id the V1 spec's 500, both in V1's error body", async () => {
    const ts = mock.client();
    await ts.api.v1.groupPost({ name: "twice", display_name: "Twice" });
    expectV1Error(
      await failure(ts.api.v1.groupPost({ name: "twice", display_name: "Twice" })),
      409,
      /already exists/,
    );
    expectV1Error(
      await failure(ts.api.v1.groupDelete({ groupid: "no-such-group" })),
      500,
      /Invalid group ID/,
    );
    expectV1Error(
      await failure(ts.api.v1.groupPut({ groupid: "no-such-group", content: { header: { name: "x" } } })),
      500,
      /Invalid group ID/,
    );
  });

  it("V1 membership changes show in V2's searches and V2's in V1's member lists", async () => {
    const ts = mock.client();
    const group = (await ts.api.v1.groupPost({ name: "crew", display_name: "Crew" })) as V1Group;
    const [ana] = await ts.api.v2.searchUsers({ user_identifier: "ana.garcia" });
    await ts.api.v1.groupUsersPost({ groupid: group.header.id, userids: [ana!.id] });
    const members = await ts.api.v2.searchUsers({ group_identifiers: ["crew"] });
    expect(members.map((u) => u.name)).toEqual(["ana.garcia"]);

    await ts.api.v2.updateUserGroup({
      group_identifier: "crew",
      user_identifiers: ["ben.okafor"],
      operation: "ADD",
    });
    const listed = (await ts.api.v1.groupUsersGet({ groupid: group.header.id })) as {
      header: { name: string };
      assignedGroups: string[];
    }[];
    expect(listed.map((u) => u.header.name).sort()).toEqual(["ana.garcia", "ben.okafor"]);
    expect(listed.every((u) => u.assignedGroups.includes(group.header.id))).toBe(true);

    await ts.api.v1.groupUserDelete({ groupid: group.header.id, userid: ana!.id });
    expect((await ts.api.v2.searchUsers({ group_identifiers: ["crew"] })).map((u) => u.name)).toEqual([
      "ben.okafor",
    ]);
    expectV1Error(
      await failure(ts.api.v1.groupUsersPost({ groupid: "no-such-group", userids: [ana!.id] })),
      400,
      /not found/,
    );
  });

  it("privileges added and removed through V1 (multipart) show in V2's search", async () => {
    const ts = mock.client();
    await ts.api.v1.groupPost({ name: "downloaders", display_name: "Downloaders" });
    const answered = (await ts.api.v1.groupAddprivilege({
      privilege: "DATADOWNLOADING",
      groupNames: ["downloaders"],
    })) as V1Group;
    expect(answered.privileges).toContain("DATADOWNLOADING");
    const [after] = await ts.api.v2.searchUserGroups({ group_identifier: "downloaders" });
    expect(after!.privileges).toContain("DATADOWNLOADING");
    await ts.api.v1.groupRemoveprivilege({ privilege: "DATADOWNLOADING", groupNames: ["downloaders"] });
    const [removed] = await ts.api.v2.searchUserGroups({ group_identifier: "downloaders" });
    expect(removed!.privileges).not.toContain("DATADOWNLOADING");
  });

  it("V1 and V2 creates of one name at once: exactly one wins, the others get 409", async () => {
    const ts = mock.client();
    const results = await Promise.allSettled([
      ts.api.v1.groupPost({ name: "race", display_name: "V1 a" }),
      ts.api.v2.createUserGroup({ name: "race", display_name: "V2 a" }),
      ts.api.v1.groupPost({ name: "race", display_name: "V1 b" }),
      ts.api.v2.createUserGroup({ name: "race", display_name: "V2 b" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const statuses = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as ApiError).status] : []));
    expect(statuses).toEqual([409, 409, 409]);
    expect(await ts.api.v2.searchUserGroups({ group_identifier: "race" })).toHaveLength(1);
  });

  it("content that is not a JSON object is the V1 spec's 500; an empty share its 400", async () => {
    const ts = mock.client();
    const group = (await ts.api.v1.groupPost({ name: "shaped", display_name: "Shaped" })) as V1Group;
    expectV1Error(
      await failure(ts.api.v1.groupPut({ groupid: group.header.id, content: "not json" })),
      500,
      /Invalid content format/,
    );
    const [ana] = await ts.api.v2.searchUsers({ user_identifier: "ana.garcia" });
    expectV1Error(
      await failure(ts.api.v1.userPut({ userid: ana!.id, content: "[1]" })),
      500,
      /Invalid content format/,
    );
    const [board] = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    expectV1Error(
      await failure(
        ts.api.v1.securityShare({
          type: "PINBOARD_ANSWER_BOOK",
          id: [String(board!.metadata_id)],
          permission: "{}",
          emailshares: [],
          useCustomEmbedUrls: false,
        }),
      ),
      400,
      /Invalid parameter value/,
    );
    // Nothing changed.
    const [after] = await ts.api.v2.searchUserGroups({ group_identifier: "shaped" });
    expect(after!.display_name).toBe("Shaped");
  });

  it("a user without ADMINISTRATION gets V1's 403 for V1 group create", async () => {
    const ana = mock.client({
      auth: { username: "ana.garcia", password: mock.credentials.users["ana.garcia"]! },
    });
    expectV1Error(
      await failure(ana.api.v1.groupPost({ name: "by-ana", display_name: "x" })),
      403,
      /ADMINISTRATION/,
    );
  });
});

describe("V1 users", () => {
  it("V1 create shows in V2 search, V2 create in V1's user list; V1 delete removes, an unknown id is 500", async () => {
    const ts = mock.client();
    const made = (await ts.api.v1.userPost({
      name: "v1.person",
      password: "V1-pass-word",
      displayname: "V1 Person",
    })) as { header: { id: string } };
    expect((await ts.api.v2.searchUsers({ user_identifier: "v1.person" })).map((u) => u.id)).toEqual([
      made.header.id,
    ]);

    await ts.api.v2.createUser({
      name: "v2.person",
      display_name: "V2 Person",
      email: "v2@retail.example",
      password: "V2-pass-word",
    });
    const list = (await ts.api.v1.userList()) as { name: string; principalTypeEnum: string }[];
    expect(list.some((p) => p.name === "v2.person" && p.principalTypeEnum === "LOCAL_USER")).toBe(true);
    const got = (await ts.api.v1.userGet({ name: "v2.person" })) as { displayName: string };
    expect(got.displayName).toBe("V2 Person");

    await ts.api.v1.userDelete({ userid: made.header.id });
    expect(await ts.api.v2.searchUsers({ user_identifier: "v1.person" })).toEqual([]);
    expectV1Error(await failure(ts.api.v1.userDelete({ userid: made.header.id })), 500, /Invalid user ID/);
    expectV1Error(await failure(ts.api.v1.userGet({ name: "v1.person" })), 400, /Invalid username/);
  });

  it("V1 user update changes the display name, groups and password V2 and a login see", async () => {
    const ts = mock.client();
    await ts.api.v2.createUserGroup({ name: "editors", display_name: "Editors" });
    const [editors] = await ts.api.v2.searchUserGroups({ group_identifier: "editors" });
    const [ana] = await ts.api.v2.searchUsers({ user_identifier: "ana.garcia" });
    await ts.api.v1.userPut({
      userid: ana!.id,
      content: { header: { displayName: "Ana G." }, assignedGroups: [editors!.id] },
      password: "New-pass-word-1",
    });
    const [after] = await ts.api.v2.searchUsers({ user_identifier: "ana.garcia" });
    expect(after!.display_name).toBe("Ana G.");
    expect((after!.user_groups ?? []).map((g) => g.name)).toEqual(["editors"]);
    const me = await mock
      .client({ auth: { username: "ana.garcia", password: "New-pass-word-1" } })
      .api.v2.getCurrentUserInfo();
    expect(me.display_name).toBe("Ana G.");

    const groups = (await ts.api.v1.userGroupsGet({ userid: ana!.id })) as V1Group[];
    expect(groups.map((g) => g.header.name)).toEqual(["editors"]);
    await ts.api.v1.userGroupsDelete({ userid: ana!.id, groupids: [editors!.id] });
    expect(await ts.api.v1.userGroupsGet({ userid: ana!.id })).toEqual([]);
  });
});

describe("V1 sub-groups, Org membership and ownership", () => {
  it("sub-groups set through V1 show in V2's search and V1's list", async () => {
    const ts = mock.client();
    const parent = (await ts.api.v1.groupPost({ name: "parent", display_name: "Parent" })) as V1Group;
    const child = (await ts.api.v1.groupPost({ name: "child", display_name: "Child" })) as V1Group;
    await ts.api.v1.groupGroupsPost({ groupid: parent.header.id, principalids: [child.header.id] });
    const [found] = await ts.api.v2.searchUserGroups({ group_identifier: "parent" });
    expect((found!.sub_groups ?? []).map((g) => g.name)).toEqual(["child"]);
    const listed = (await ts.api.v1.groupGroupsGet({ groupid: parent.header.id })) as V1Group[];
    expect(listed.map((g) => g.header.id)).toEqual([child.header.id]);
    // The child's V1 view names the group it was put into.
    const got = (await ts.api.v1.groupGet({ groupid: child.header.id })) as { assignedGroups: string[] };
    expect(got.assignedGroups).toEqual([parent.header.id]);
    await ts.api.v1.groupGroupsDelete({ groupid: parent.header.id, principalids: [child.header.id] });
    expect(await ts.api.v1.groupGroupsGet({ groupid: parent.header.id })).toEqual([]);
  });

  it("user/addtoorg makes a user a member the Org's searches list; an unknown user is 400", async () => {
    const admin = inOrg(0);
    const [chloe] = await admin.api.v2.searchUsers({ user_identifier: "chloe.martin" });
    expect(await inOrg(2).api.v2.searchUsers({ user_identifier: "chloe.martin" })).toEqual([]);
    await admin.api.v1.userAddtoorg({ userids: [chloe!.id], orgid: 2, orgScope: "ALL" });
    expect(await inOrg(2).api.v2.searchUsers({ user_identifier: "chloe.martin" })).toHaveLength(1);
    expectV1Error(
      await failure(admin.api.v1.userAddtoorg({ userids: ["nobody"], orgid: 2, orgScope: "ALL" })),
      400,
      /no user nobody/,
    );
  });

  it("user/transfer/ownership moves the objects V2's search shows as the user's", async () => {
    const ts = mock.client();
    const authored = async (name: string) =>
      (await ts.metadata.search({ type: TSTypes.LIVEBOARD })).filter(
        (m) => (m.metadata_header as { authorName?: string } | undefined)?.authorName === name,
      ).length;
    const before = await authored("ana.garcia");
    expect(before).toBeGreaterThan(0);
    await ts.api.v1.userTransferOwnership({ fromUserName: "ana.garcia", toUserName: "ben.okafor" });
    expect(await authored("ana.garcia")).toBe(0);
    expect(await authored("ben.okafor")).toBe(before);
    expectV1Error(
      await failure(ts.api.v1.userTransferOwnership({ fromUserName: "nobody", toUserName: "ben.okafor" })),
      400,
      /Invalid from\/to username/,
    );
  });
});

describe("V1 Orgs", () => {
  interface V1Org {
    orgId: number;
    orgName: string;
  }
  it("a V1 Org is found by V2, renamed and given members through V1 and V2, deleted through V1", async () => {
    const ts = mock.client();
    const made = (await ts.api.v1.orgPost({ name: "Staging", description: "v1", orgScope: "ALL" })) as V1Org;
    expect((await ts.api.v2.searchOrgs({ org_identifier: "Staging" })).map((o) => o.id)).toEqual([
      made.orgId,
    ]);
    expectV1Error(
      await failure(ts.api.v1.orgPost({ name: "Staging", description: "again", orgScope: "ALL" })),
      400,
      /already exists/,
    );

    await ts.api.v2.updateOrg({ org_identifier: String(made.orgId), user_identifiers: ["chloe.martin"] });
    const inStaging = mock.client({
      auth: { username: mock.credentials.username, password: mock.credentials.password, orgId: made.orgId },
    });
    expect((await inStaging.api.v2.searchUsers({})).map((u) => u.name).sort()).toEqual([
      "chloe.martin",
      "tsadmin",
    ]);

    const renamed = (await ts.api.v1.orgPut({ id: made.orgId, name: "Staging-2", orgScope: "ALL" })) as V1Org;
    expect(renamed.orgName).toBe("Staging-2");
    const searched = (await ts.api.v1.orgSearch({ orgScope: "ALL" })) as V1Org[];
    expect(searched.map((o) => o.orgName)).toContain("Staging-2");
    const got = (await ts.api.v1.orgGet({ name: "Staging-2", orgScope: "ALL" })) as V1Org;
    expect(got.orgId).toBe(made.orgId);

    await ts.api.v1.orgDelete({ id: made.orgId, orgScope: "ALL" });
    expect(await ts.api.v2.searchOrgs({ org_identifier: String(made.orgId) })).toEqual([]);
    expectV1Error(await failure(ts.api.v1.orgGet({ id: made.orgId, orgScope: "ALL" })), 400, /no Org/);
    expectV1Error(await failure(ts.api.v1.orgDelete({ id: made.orgId, orgScope: "ALL" })), 400, /no Org/);
  });
});

describe("V1 user sync", () => {
  const principals = [
    { name: "sync-team", displayName: "Sync team", principalTypeEnum: "LOCAL_GROUP", groupNames: [] },
    {
      name: "synced.user",
      displayName: "Synced User",
      principalTypeEnum: "LOCAL_USER",
      groupNames: ["sync-team"],
    },
    { name: "ana.garcia", displayName: "Ana (synced)", principalTypeEnum: "LOCAL_USER", groupNames: [] },
  ];

  it("without applyChanges says what would change and changes nothing; with it, V2 sees the changes", async () => {
    const dev = inOrg(1);
    const input = { principals: JSON.stringify(principals), password: "Sync-pass-1", removeDeleted: false };
    const dry = (await dev.api.v1.userSync(input)) as Record<string, string[]>;
    expect(dry.usersAdded).toEqual(["synced.user"]);
    expect(dry.groupsAdded).toEqual(["sync-team"]);
    expect(dry.usersUpdated).toEqual(["ana.garcia"]);
    expect(await dev.api.v2.searchUsers({ user_identifier: "synced.user" })).toEqual([]);

    await dev.api.v1.userSync({ ...input, applyChanges: true });
    const [synced] = await dev.api.v2.searchUsers({ user_identifier: "synced.user" });
    expect((synced!.user_groups ?? []).map((g) => g.name)).toEqual(["sync-team"]);
    const [ana] = await dev.api.v2.searchUsers({ user_identifier: "ana.garcia" });
    expect(ana!.display_name).toBe("Ana (synced)");
    // The group is Dev's, and the new user logs in with the sync's password.
    expect(await inOrg(0).api.v2.searchUserGroups({ group_identifier: "sync-team" })).toEqual([]);
    const me = await mock
      .client({ auth: { username: "synced.user", password: "Sync-pass-1", orgId: 1 } })
      .api.v2.getCurrentUserInfo();
    expect(me.name).toBe("synced.user");
  });

  it("removeDeleted takes unlisted users out of the Org (never the caller); bad principals are V1's 500", async () => {
    const dev = inOrg(1);
    const result = (await dev.api.v1.userSync({
      principals: JSON.stringify(principals),
      password: "Sync-pass-1",
      applyChanges: true,
    })) as Record<string, string[]>;
    expect(result.usersDeleted).toEqual(["ben.okafor"]);
    expect((await dev.api.v2.searchUsers({})).map((u) => u.name).sort()).toEqual([
      "ana.garcia",
      "synced.user",
      "tsadmin",
    ]);
    // Ben works in Primary still.
    expect(await inOrg(0).api.v2.searchUsers({ user_identifier: "ben.okafor" })).toHaveLength(1);
    expectV1Error(
      await failure(dev.api.v1.userSync({ principals: "not json", password: "x" })),
      500,
      /Invalid request/,
    );
  });
});

describe("Orgs", () => {
  it("a V1 group belongs to the caller's Org; V1 and V2 user lists show the Org's members only", async () => {
    const dev = inOrg(1);
    const primary = inOrg(0);
    const group = (await dev.api.v1.groupPost({ name: "dev-only", display_name: "Dev" })) as V1Group;
    expect((await dev.api.v2.searchUserGroups({ group_identifier: "dev-only" })).map((g) => g.id)).toEqual([
      group.header.id,
    ]);
    expectV1Error(await failure(primary.api.v1.groupGet({ name: "dev-only" })), 400, /Invalid parameter/);
    // The same name is free in another Org.
    await primary.api.v1.groupPost({ name: "dev-only", display_name: "Primary's" });

    const members = ["ana.garcia", "ben.okafor", "tsadmin"];
    expect((await dev.api.v2.searchUsers({})).map((u) => u.name).sort()).toEqual(members);
    const v1Users = ((await dev.api.v1.userList()) as { name: string; principalTypeEnum: string }[])
      .filter((p) => p.principalTypeEnum.endsWith("_USER"))
      .map((p) => p.name)
      .sort();
    expect(v1Users).toEqual(members);
    // Primary's administrator asks for another Org's members by org_identifiers.
    expect(
      (await primary.api.v2.searchUsers({ org_identifiers: ["Production"] })).map((u) => u.name).sort(),
    ).toEqual(["ana.garcia", "tsadmin"]);
    // Primary's members are every user of the cluster.
    expect((await primary.api.v2.searchUsers({ record_size: -1 })).length).toBe(
      Object.keys(mock.credentials.users).length,
    );
  });

  it("V1 delete of a user in several Orgs takes it out of the caller's Org only; orgid -1 from all", async () => {
    const dev = inOrg(1);
    const [ben] = await dev.api.v2.searchUsers({ user_identifier: "ben.okafor" });
    await dev.api.v1.userDelete({ userid: ben!.id });
    expect(await dev.api.v2.searchUsers({ user_identifier: "ben.okafor" })).toEqual([]);
    expect(await inOrg(0).api.v2.searchUsers({ user_identifier: "ben.okafor" })).toHaveLength(1);
    // Ben is no longer in Dev, and Chloe never was in Production: nobody else is removed instead.
    expectV1Error(await failure(dev.api.v1.userDelete({ userid: ben!.id })), 500, /not in Org 1/);
    const [chloe] = await inOrg(0).api.v2.searchUsers({ user_identifier: "chloe.martin" });
    expectV1Error(await failure(dev.api.v1.userDelete({ userid: chloe!.id, orgid: 2 })), 500, /not in Org 2/);
    expect((await inOrg(2).api.v2.searchUsers({})).map((u) => u.name).sort()).toEqual([
      "ana.garcia",
      "tsadmin",
    ]);
    await dev.api.v1.userDelete({ userid: ben!.id, orgid: -1 });
    expect(await inOrg(0).api.v2.searchUsers({ user_identifier: "ben.okafor" })).toEqual([]);
  });
});

describe("V1 sharing, tags and metadata", () => {
  /** The example Liveboard (owned by ana.garcia, so she holds MODIFY whatever is shared). */
  const board = async (ts: ThoughtSpotClient) => {
    const [first] = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    return String(first!.metadata_id);
  };

  it("a V1 share shows in V2's permissions; a V2 share in V1's DEFINED and EFFECTIVE permissions", async () => {
    const ts = mock.client();
    const id = await board(ts);
    const [chloe] = await ts.api.v2.searchUsers({ user_identifier: "chloe.martin" });
    await ts.api.v1.securityShare({
      type: "PINBOARD_ANSWER_BOOK",
      id: [id],
      permission: { permissions: { [chloe!.id]: { shareMode: "READ_ONLY" } } },
      emailshares: [],
      useCustomEmbedUrls: false,
    });
    const entries = principalPermissions(
      await ts.api.v2.fetchPermissionsOnMetadata({ metadata: [{ identifier: id }] }),
    );
    expect(entries.find((e) => e.principal_name === "chloe.martin")?.permission).toBe("READ_ONLY");

    await ts.api.v2.createUserGroup({
      name: "viewers",
      display_name: "Viewers",
      user_identifiers: ["ben.okafor"],
    });
    const [viewers] = await ts.api.v2.searchUserGroups({ group_identifier: "viewers" });
    const [ben] = await ts.api.v2.searchUsers({ user_identifier: "ben.okafor" });
    await ts.api.v2.shareMetadata({
      metadata_type: "LIVEBOARD",
      metadata_identifiers: [id],
      permissions: [{ principal: { identifier: "viewers", type: "USER_GROUP" }, share_mode: "MODIFY" }],
      message: "for the test",
    });
    type Map = Record<string, { permissions: Record<string, { shareMode: string }> }>;
    const defined = (await ts.api.v1.securityMetadataPermissions({
      type: "PINBOARD_ANSWER_BOOK",
      id: [id],
      permissiontype: "DEFINED",
    })) as Map;
    expect(defined[id]!.permissions[viewers!.id]!.shareMode).toBe("MODIFY");
    expect(defined[id]!.permissions[chloe!.id]!.shareMode).toBe("READ_ONLY");
    expect(defined[id]!.permissions[ben!.id]).toBeUndefined();
    // The owner holds MODIFY effectively, never as a share.
    const [ana] = await ts.api.v2.searchUsers({ user_identifier: "ana.garcia" });
    expect(defined[id]!.permissions[ana!.id]).toBeUndefined();
    const effective = (await ts.api.v1.securityEffectivepermissionbulk({
      idsbytype: { PINBOARD_ANSWER_BOOK: [id] },
    })) as Record<string, Map>;
    // Ben inherits the group's MODIFY.
    expect(effective.PINBOARD_ANSWER_BOOK![id]!.permissions[ben!.id]!.shareMode).toBe("MODIFY");
    expect(effective.PINBOARD_ANSWER_BOOK![id]!.permissions[ana!.id]!.shareMode).toBe("MODIFY");

    // NO_ACCESS through V1 takes Chloe's share away.
    await ts.api.v1.securityShare({
      type: "PINBOARD_ANSWER_BOOK",
      id: [id],
      permission: { permissions: { [chloe!.id]: { shareMode: "NO_ACCESS" } } },
      emailshares: [],
      useCustomEmbedUrls: false,
    });
    const again = (await ts.api.v1.securityMetadataPermissionsById({
      id,
      type: "PINBOARD_ANSWER_BOOK",
      permissiontype: "DEFINED",
    })) as Map;
    expect(again[id]!.permissions[chloe!.id]).toBeUndefined();
    expectV1Error(
      await failure(
        ts.api.v1.securityShare({
          type: "PINBOARD_ANSWER_BOOK",
          id: ["no-such-object"],
          permission: { permissions: { [chloe!.id]: { shareMode: "READ_ONLY" } } },
          emailshares: [],
          useCustomEmbedUrls: false,
        }),
      ),
      400,
      /not found/,
    );
  });

  it("V1 tagging shows in V2's metadata search; V1 headers list and filter by tag; V1 delete removes", async () => {
    const ts = mock.client();
    const id = await board(ts);
    await ts.api.v2.createTag({ name: "Quarterly" });
    await ts.api.v1.metadataAssigntag({ id: [id], type: ["PINBOARD_ANSWER_BOOK"], tagname: ["Quarterly"] });
    const tagged = await ts.api.v2.searchMetadata({
      metadata: [{ type: "LIVEBOARD" }],
      tag_identifiers: ["Quarterly"],
    });
    expect(tagged.map((m) => m.metadata_id)).toEqual([id]);

    const headers = (await ts.api.v1.metadataListobjectheaders({
      type: "PINBOARD_ANSWER_BOOK",
      tagname: ["Quarterly"],
    })) as { id: string }[];
    expect(headers.map((h) => h.id)).toEqual([id]);
    expectV1Error(
      await failure(
        ts.api.v1.metadataAssigntag({ id: [id], type: ["PINBOARD_ANSWER_BOOK"], tagname: ["Nope"] }),
      ),
      400,
      /Tag not found/,
    );

    await ts.api.v1.metadataUnassigntag({ id: [id], type: ["PINBOARD_ANSWER_BOOK"], tagname: ["Quarterly"] });
    expect(
      await ts.api.v2.searchMetadata({ metadata: [{ type: "LIVEBOARD" }], tag_identifiers: ["Quarterly"] }),
    ).toEqual([]);
    // The pattern and fetchids filters of V1's listing.
    const [named] = (await ts.api.v1.metadataListobjectheaders({
      type: "PINBOARD_ANSWER_BOOK",
      pattern: "%overview%",
      fetchids: [id],
    })) as { id: string; author: string }[];
    expect(named?.id).toBe(id);
    const all = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    const page = (await ts.api.v1.metadataList({ type: "PINBOARD_ANSWER_BOOK", batchsize: 1 })) as {
      headers: unknown[];
      isLastBatch: boolean;
    };
    expect(page.headers).toHaveLength(1);
    expect(page.isLastBatch).toBe(all.length === 1);

    await ts.api.v1.metadataDelete({ type: "PINBOARD_ANSWER_BOOK", id: [id], includedisabled: false });
    expect((await ts.metadata.search({ type: TSTypes.LIVEBOARD })).map((m) => m.metadata_id)).not.toContain(
      id,
    );
    expectV1Error(
      await failure(
        ts.api.v1.metadataDelete({ type: "PINBOARD_ANSWER_BOOK", id: [id], includedisabled: false }),
      ),
      400,
      /not found/,
    );
  });

  it("V1's group list by metadata/list shows groups created through V2, in the caller's Org", async () => {
    const dev = inOrg(1);
    await dev.api.v2.createUserGroup({ name: "builders", display_name: "Builders" });
    const list = (await dev.api.v1.metadataList({ type: "USER_GROUP" })) as { headers: { name: string }[] };
    expect(list.headers.map((h) => h.name)).toContain("builders");
    const primary = (await inOrg(0).api.v1.metadataList({ type: "USER_GROUP" })) as {
      headers: { name: string }[];
    };
    expect(primary.headers.map((h) => h.name)).not.toContain("builders");
  });
});
