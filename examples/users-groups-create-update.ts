// Creates a group and a user when they do not exist yet, then puts the user into more groups: the steps an
// on-boarding script repeats. Create/update are the V2 operation methods; memberships are ts.users helpers.
import { NotFoundError, ThoughtSpotError } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const NEW_GROUP = { name: "store-managers", display_name: "Store managers" };
const NEW_USER = {
  name: "lena.fischer",
  display_name: "Lena Fischer",
  email: "lena.fischer@retail.example",
  groups: ["store-managers"],
  moreGroups: ["analysts"],
};

/** The user or group with this exact name, or undefined. */
async function exists(search: () => Promise<{ name: string }[]>, name: string) {
  try {
    return (await search()).some((p) => p.name === name);
  } catch (error) {
    if (error instanceof NotFoundError) return false; // some releases answer 404 for an empty result
    throw error;
  }
}

export async function main({ ts, log, writes }: ExampleContext) {
  const created: string[] = [];
  if (
    !(await exists(() => ts.api.v2.searchUserGroups({ group_identifier: NEW_GROUP.name }), NEW_GROUP.name))
  ) {
    if (writes)
      await ts.api.v2.createUserGroup({ ...NEW_GROUP, type: "LOCAL_GROUP", visibility: "SHARABLE" });
    created.push(`group ${NEW_GROUP.name}`);
  }
  if (!(await exists(() => ts.api.v2.searchUsers({ user_identifier: NEW_USER.name }), NEW_USER.name))) {
    if (writes)
      await ts.api.v2.createUser({
        name: NEW_USER.name,
        display_name: NEW_USER.display_name,
        email: NEW_USER.email,
        account_type: "LOCAL_USER",
        password: process.env.TS_NEW_USER_PASSWORD ?? "Change-me-1!",
        group_identifiers: NEW_USER.groups,
      });
    created.push(`user ${NEW_USER.name}`);
  }
  log(created.length ? `created ${created.join(" and ")}${writes ? "" : " (dry run)"}` : "nothing to create");

  if (!writes) return { created, groups: [] as string[] };
  // updateUser with operation ADD keeps the groups the user already has.
  try {
    await ts.users.addToGroups(NEW_USER.name, NEW_USER.moreGroups);
  } catch (error) {
    if (error instanceof ThoughtSpotError) log(`could not add groups: ${error.message}`);
    throw error;
  }
  const [user] = await ts.api.v2.searchUsers({ user_identifier: NEW_USER.name });
  const groups = (user?.user_groups ?? []).map((g) => String(g.name));
  log(`${NEW_USER.name} is in ${groups.join(", ")}`);
  return { created, groups };
}

await runIfMain(import.meta.url, main);
