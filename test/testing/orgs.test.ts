// Groups and tags per Org in the mock's store, through the SDK: each Org finds, creates, changes, deletes,
// assigns and shares with its own groups and tags only; the same name may live in two Orgs; another
// Org's group is "not found" for sharing; deleting an Org deletes its groups and tags; reset() restores.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, sharePermissions, type ThoughtSpotClient, TSTypes } from "../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";
import { principalPermissions } from "./support/permissions.js";

let mock: MockThoughtSpot;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
}, 120_000);
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

const OVERVIEW = "61728394-0008-4a5b-8c9d-000000000008";
const DEV = 1;
const PROD = 2;

/** A client logged in as `username` (the administrator unless told) to one Org. */
const inOrg = (orgId: number, username = mock.credentials.username): ThoughtSpotClient =>
  mock.client({ auth: { username, password: mock.credentials.users[username]!, orgId } });

type Group = {
  id: string;
  name: string;
  users?: { name: string }[];
  privileges?: string[];
  orgs?: { id: string; name: string }[];
};
type Tag = { id: string; name: string; color?: string };

const groups = async (ts: ThoughtSpotClient, body: Record<string, unknown> = {}) =>
  (await ts.api.v2.searchUserGroups({ record_size: -1, ...body })) as Group[];
const tags = async (ts: ThoughtSpotClient) => (await ts.api.v2.searchTags({})) as Tag[];

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** The Liveboards carrying the tag, with the tags their headers list. */
async function byTag(ts: ThoughtSpotClient, tag: string) {
  const found = await ts.api.v2.searchMetadata({ metadata: [{ type: "LIVEBOARD" }], tag_identifiers: [tag] });
  return found.map((f) => ({
    metadata_id: f.metadata_id,
    metadata_header: { tags: (f.metadata_header?.tags ?? []) as Tag[] },
  }));
}

/** A Liveboard imported into the client's Org; its GUID. */
async function liveboard(ts: ThoughtSpotClient, name: string): Promise<string> {
  const { guids } = await ts.tml.import([{ liveboard: { name, visualizations: [] } }]);
  return guids[0]!;
}

describe("groups per Org", () => {
  it("the example groups are the Primary Org's; a new Org starts with none", async () => {
    const primary = await groups(inOrg(0));
    const shipped = await groups(mock.client());
    expect(primary.map((g) => g.name)).toEqual(shipped.map((g) => g.name));
    expect(primary.map((g) => g.name)).toContain("analysts");
    expect(primary.every((g) => g.orgs?.[0]?.id === "0")).toBe(true);
    expect(await groups(inOrg(DEV))).toEqual([]);
    expect(await groups(inOrg(PROD))).toEqual([]);
  });

  it("the same group name may exist in two Orgs; a duplicate within one Org is ThoughtSpot's 409", async () => {
    const dev = inOrg(DEV);
    const primaryAnalysts = (await groups(inOrg(0), { group_identifier: "analysts" }))[0]!;
    const created = (await dev.api.v2.createUserGroup({
      name: "analysts",
      display_name: "Dev analysts",
    })) as Group;
    expect(created.id).not.toBe(primaryAnalysts.id);
    expect(created.orgs).toEqual([{ id: String(DEV), name: "Development" }]);
    expect(
      (await failure(dev.api.v2.createUserGroup({ name: "analysts", display_name: "again" }))).status,
    ).toBe(409);
    // Primary's group is untouched, and each Org finds its own by name.
    expect((await groups(inOrg(0), { group_identifier: "analysts" })).map((g) => g.id)).toEqual([
      primaryAnalysts.id,
    ]);
    expect((await groups(dev, { group_identifier: "analysts" })).map((g) => g.id)).toEqual([created.id]);
  });

  it("updates and deletes reach the caller's Org's groups only", async () => {
    const dev = inOrg(DEV);
    const primary = inOrg(0);
    const before = (await groups(primary, { group_identifier: "analysts" }))[0]!;
    await dev.api.v2.createUserGroup({ name: "analysts", display_name: "Dev analysts" });
    await dev.groups.addUsers("analysts", ["chloe.martin"]);
    await dev.groups.addPrivileges("analysts", ["DATADOWNLOADING"]);
    const devAnalysts = (await groups(dev, { group_identifier: "analysts" }))[0]!;
    expect(devAnalysts.users?.map((u) => u.name)).toEqual(["chloe.martin"]);
    expect(devAnalysts.privileges).toEqual(["DATADOWNLOADING"]);
    expect((await groups(primary, { group_identifier: "analysts" }))[0]).toEqual(before);
    // The user's groups as each Org sees them.
    const chloe = async (ts: ThoughtSpotClient) =>
      (
        (await ts.api.v2.searchUsers({ user_identifier: "chloe.martin" })) as {
          user_groups: { name: string }[];
        }[]
      )[0]!.user_groups;
    expect((await chloe(dev)).map((g) => g.name)).toEqual(["analysts"]);
    expect((await chloe(primary)).map((g) => g.name)).toEqual(["sales-emea"]);

    // A Primary group's GUID means nothing in Dev: ThoughtSpot's 400 for a principal it cannot resolve.
    const byGuid = await failure(dev.api.v2.deleteUserGroup({ group_identifier: before.id }));
    expect(byGuid.status).toBe(400);
    expect(byGuid.message).toContain(before.id);
    expect((await failure(dev.groups.addUsers(before.id, ["ben.okafor"]))).status).toBe(400);

    await dev.api.v2.deleteUserGroup({ group_identifier: "analysts" });
    expect(await groups(dev)).toEqual([]);
    expect((await groups(primary, { group_identifier: "analysts" }))[0]).toEqual(before);
    expect(await chloe(dev)).toEqual([]);
  });

  it("an Org's administrators are those of its own groups, or of the Primary Org's", async () => {
    await inOrg(DEV).api.v2.createUserGroup({
      name: "dev-admins",
      display_name: "Dev admins",
      privileges: ["ADMINISTRATION"],
      user_identifiers: ["ben.okafor"],
    });
    // The current user's groups are those of the Org the session works in.
    const mine = async (ts: ThoughtSpotClient) =>
      ((await ts.api.v2.getCurrentUserInfo()) as { user_groups: { name: string }[] }).user_groups.map(
        (g) => g.name,
      );
    expect(await mine(inOrg(DEV, "ben.okafor"))).toEqual(["dev-admins"]);
    expect(await mine(inOrg(0, "ben.okafor"))).toEqual(["analysts"]);
    // ben administers Dev, not Primary (where he is only an analyst).
    await inOrg(DEV, "ben.okafor").api.v2.createUserGroup({ name: "builders", display_name: "Builders" });
    expect((await groups(inOrg(DEV))).map((g) => g.name)).toEqual(["dev-admins", "builders"]);
    const refused = await failure(
      inOrg(0, "ben.okafor").api.v2.createUserGroup({ name: "builders", display_name: "Builders" }),
    );
    expect(refused.status).toBe(403);
    expect((await groups(inOrg(0))).map((g) => g.name)).not.toContain("builders");
  });

  it("creates in two Orgs at once both land, each in its Org; racing the same name in one Org: one 409", async () => {
    const [a, b] = await Promise.all([
      inOrg(DEV).api.v2.createUserGroup({ name: "release", display_name: "Release" }),
      inOrg(PROD).api.v2.createUserGroup({ name: "release", display_name: "Release" }),
    ]);
    expect((a as Group).id).not.toBe((b as Group).id);
    const dev = inOrg(DEV);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => dev.api.v2.createUserGroup({ name: "race", display_name: "Race" })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status === "rejected"))
      expect(((o as PromiseRejectedResult).reason as ApiError).status).toBe(409);
    expect((await groups(dev)).map((g) => g.name).sort()).toEqual(["race", "release"]);
    expect((await groups(inOrg(PROD))).map((g) => g.name)).toEqual(["release"]);
  });
});

describe("sharing with per-Org groups", () => {
  it("shares with the caller's Org's groups; a group of another Org is not found (400), nothing changes", async () => {
    const dev = inOrg(DEV);
    const board = await liveboard(dev, "Dev board");
    const reviewers = (await dev.api.v2.createUserGroup({
      name: "reviewers",
      display_name: "Reviewers",
    })) as Group;
    const primaryAnalysts = (await groups(inOrg(0), { group_identifier: "analysts" }))[0]!;

    const error = await failure(
      dev.api.v2.shareMetadata({
        metadata_type: "LIVEBOARD",
        metadata_identifiers: [board],
        permissions: [
          { principal: { identifier: primaryAnalysts.id, type: "USER_GROUP" }, share_mode: "READ_ONLY" },
        ],
        message: "for review",
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain(primaryAnalysts.id);
    // By name, "analysts" is not a Dev group either.
    expect(
      (
        await failure(
          dev.sharing.share({
            type: TSTypes.LIVEBOARD,
            ids: [board],
            permissions: sharePermissions().readOnly("analysts"),
          }),
        )
      ).status,
    ).toBe(400);

    await dev.sharing.share({
      type: TSTypes.LIVEBOARD,
      ids: [board],
      permissions: sharePermissions().edit("reviewers"),
    });
    const answer = await dev.sharing.permissionsOnObjects({ type: TSTypes.LIVEBOARD, ids: [board] });
    const rows = principalPermissions(answer).map((p) => `${p.principal_id} ${p.permission}`);
    expect(rows).toContain(`${reviewers.id} MODIFY`);
    expect(rows.some((r) => r.startsWith(primaryAnalysts.id))).toBe(false);

    // Asking Primary about Dev's group: not found there.
    const asked = await failure(inOrg(0).sharing.permissionsOfPrincipals({ principals: [reviewers.id] }));
    expect(asked.status).toBe(400);
    // And a Primary object cannot be shared with Dev's group.
    const cross = await failure(
      inOrg(0).api.v2.shareMetadata({
        metadata_type: "LIVEBOARD",
        metadata_identifiers: [OVERVIEW],
        permissions: [
          { principal: { identifier: reviewers.id, type: "USER_GROUP" }, share_mode: "READ_ONLY" },
        ],
        message: "for review",
      }),
    );
    expect(cross.status).toBe(400);
  });

  it("shares with users who work in the Org only", async () => {
    const prod = inOrg(PROD);
    const board = await liveboard(prod, "Prod board");
    // chloe.martin is no member of Production (mock/orgs.json); ana.garcia is.
    const error = await failure(
      prod.sharing.share({
        type: TSTypes.LIVEBOARD,
        ids: [board],
        permissions: sharePermissions().readOnly("chloe.martin"),
      }),
    );
    expect(error.status).toBe(400);
    await prod.sharing.share({
      type: TSTypes.LIVEBOARD,
      ids: [board],
      permissions: sharePermissions().readOnly("ana.garcia"),
    });
  });
});

describe("tags per Org", () => {
  it("the example tags are Primary's; each Org creates, finds, renames and deletes its own", async () => {
    const primary = inOrg(0);
    const dev = inOrg(DEV);
    const shipped = await tags(primary);
    expect(shipped.map((t) => t.name)).toContain("Retail");
    expect(await tags(dev)).toEqual([]);

    const devRetail = (await dev.api.v2.createTag({ name: "Retail", color: "#123456" })) as Tag;
    expect(shipped.find((t) => t.name === "Retail")!.id).not.toBe(devRetail.id);
    expect((await failure(dev.api.v2.createTag({ name: "Retail" }))).status).toBe(409);
    await dev.api.v2.updateTag({ tag_identifier: "Retail", name: "Shops" });
    expect((await tags(dev)).map((t) => t.name)).toEqual(["Shops"]);
    expect(await tags(primary)).toEqual(shipped);
    // Renaming onto a name the Org has is a duplicate too; Primary's tag GUID is not Dev's to change.
    await dev.api.v2.createTag({ name: "Retail" });
    expect((await failure(dev.api.v2.updateTag({ tag_identifier: "Shops", name: "Retail" }))).status).toBe(
      409,
    );
    const retailId = shipped.find((t) => t.name === "Retail")!.id;
    expect((await failure(dev.api.v2.deleteTag({ tag_identifier: retailId }))).status).toBe(400);
    await dev.api.v2.deleteTag({ tag_identifier: "Retail" });
    expect(await tags(primary)).toEqual(shipped);
  });

  it("assigns only the caller's Org's tags; metadata searches by tag stay within the Org", async () => {
    const primary = inOrg(0);
    const dev = inOrg(DEV);
    const board = await liveboard(dev, "Dev board");
    const primaryRetail = (await tags(primary)).find((t) => t.name === "Retail")!;
    const wrongOrg = await failure(
      dev.api.v2.assignTag({ metadata: [{ identifier: board }], tag_identifiers: [primaryRetail.id] }),
    );
    expect(wrongOrg.status).toBe(400);
    expect(wrongOrg.message).toContain(primaryRetail.id);

    const devRetail = (await dev.api.v2.createTag({ name: "Retail" })) as Tag;
    await dev.api.v2.assignTag({ metadata: [{ identifier: board }], tag_identifiers: ["Retail"] });
    const found = await byTag(dev, devRetail.id);
    expect(found.map((f) => f.metadata_id)).toEqual([board]);
    expect(found[0]!.metadata_header.tags.map((t) => t.id)).toEqual([devRetail.id]);
    // Primary's Retail objects are found by Primary's tag, never Dev's.
    const primaryTagged = await byTag(primary, primaryRetail.id);
    expect(primaryTagged.length).toBeGreaterThan(0);
    expect(primaryTagged.map((f) => f.metadata_id)).not.toContain(board);
    for (const f of primaryTagged)
      expect(f.metadata_header.tags.map((t) => t.id)).toContain(primaryRetail.id);
    expect(await byTag(primary, devRetail.id)).toEqual([]);

    // Deleting Dev's Retail leaves Primary's objects tagged.
    await dev.api.v2.deleteTag({ tag_identifier: "Retail" });
    const still = await byTag(primary, primaryRetail.id);
    expect(still).toHaveLength(primaryTagged.length);
  });
});

describe("Org lifecycle and reset()", () => {
  it("deleting an Org deletes its groups and tags (a new Org of the same id starts empty)", async () => {
    const admin = mock.client();
    const org = (await admin.api.v2.createOrg({ name: "Staging", description: "for the test" })) as {
      id: number;
    };
    const staging = inOrg(org.id);
    const group = (await staging.api.v2.createUserGroup({
      name: "stagers",
      display_name: "Stagers",
      user_identifiers: ["david.kim"],
    })) as Group;
    await staging.api.v2.createTag({ name: "Staged" });
    await admin.api.v2.deleteOrg({ org_identifier: String(org.id) });

    const again = (await admin.api.v2.createOrg({ name: "Staging", description: "again" })) as { id: number };
    expect(again.id).toBe(org.id);
    const fresh = inOrg(again.id);
    expect(await groups(fresh)).toEqual([]);
    expect(await tags(fresh)).toEqual([]);
    // The user stays, without the deleted Org's group.
    const david = (await admin.api.v2.searchUsers({ user_identifier: "david.kim" })) as {
      user_groups: { id: string }[];
    }[];
    expect(david[0]!.user_groups.map((g) => g.id)).not.toContain(group.id);
  });

  it("reset() brings back the example groups and tags and drops every Org's new ones", async () => {
    const primary = inOrg(0);
    const dev = inOrg(DEV);
    const shippedGroups = await groups(primary);
    const shippedTags = await tags(primary);
    await dev.api.v2.createUserGroup({ name: "analysts", display_name: "Dev analysts" });
    await dev.api.v2.createTag({ name: "Dev" });
    await primary.api.v2.deleteUserGroup({ group_identifier: "analysts" });
    await primary.api.v2.deleteTag({ tag_identifier: "Retail" });
    mock.reset();
    expect(await groups(primary)).toEqual(shippedGroups);
    expect(await tags(primary)).toEqual(shippedTags);
    expect(await groups(dev)).toEqual([]);
    expect(await tags(dev)).toEqual([]);
  });
});
