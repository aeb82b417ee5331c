// Typing of the domain helpers: object types accept TSTypes members and raw strings, the share
// builder chains and checks its modes, and ts.paginate only takes paginated paths.
import { describe, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/v2.js";
import {
  createThoughtSpotClient,
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
type Loose = Record<string, unknown>;
const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });

describe("ts.metadata", () => {
  it("search accepts TSTypes members and raw strings, and returns loose records", async () => {
    expectTypeOf(await ts.metadata.search({ type: TSTypes.WORKSHEET })).toEqualTypeOf<Loose[]>();
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
    ).toEqualTypeOf<Loose[]>();
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
  it("infers the item type for /api/rest/2.0/users/search", async () => {
    const users = ts.paginate("/api/rest/2.0/users/search");
    expectTypeOf(users).toEqualTypeOf<Paginated<S["User"]>>();
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
