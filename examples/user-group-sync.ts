// Brings ThoughtSpot's users in line with a list from an HR system or identity provider: creates who is
// missing, fixes group memberships, and deactivates who left. V1's user/sync does this in one call
// (ts.users.sync, shown as a dry run at the end).
import { type ExampleContext, runIfMain } from "./support/run.js";

/** The source of truth; in real use read from a file, a database or your identity provider. */
const DIRECTORY = [
  {
    name: "ana.garcia",
    display_name: "Ana García",
    email: "ana.garcia@retail.example",
    groups: ["analysts"],
  },
  {
    name: "ben.okafor",
    display_name: "Ben Okafor",
    email: "ben.okafor@retail.example",
    groups: ["analysts", "sales-emea"],
  },
  {
    name: "mia.jensen",
    display_name: "Mia Jensen",
    email: "mia.jensen@retail.example",
    groups: ["sales-emea"],
  },
];
/** Accounts the sync never touches. */
const KEEP = new Set(["tsadmin"]);

export async function main({ ts, log, writes }: ExampleContext) {
  const existing = await ts.paginate("/api/rest/2.0/users/search", { body: {} }).toArray();
  const byName = new Map(existing.map((u) => [u.name, u]));
  const plan = { create: [] as string[], regroup: [] as string[], deactivate: [] as string[] };

  for (const person of DIRECTORY) {
    const user = byName.get(person.name);
    if (!user) {
      plan.create.push(person.name);
      if (writes)
        await ts.api.v2.createUser({
          name: person.name,
          display_name: person.display_name,
          email: person.email,
          group_identifiers: person.groups,
        });
      continue;
    }
    const current = (user.user_groups ?? []).map((g) => String(g.name)).sort();
    if (current.join() !== [...person.groups].sort().join()) {
      plan.regroup.push(`${person.name}: ${current.join("+") || "-"} → ${person.groups.join("+")}`);
      // Without an operation, updateUser REPLACES the list of groups.
      if (writes)
        await ts.api.v2.updateUser({ user_identifier: person.name, group_identifiers: person.groups });
    }
  }
  const wanted = new Set(DIRECTORY.map((p) => p.name));
  for (const user of existing) {
    if (wanted.has(user.name) || KEEP.has(user.name) || user.account_status === "INACTIVE") continue;
    plan.deactivate.push(user.name);
    if (writes) await ts.api.v2.updateUser({ user_identifier: user.name, account_status: "INACTIVE" });
  }
  log(`create: ${plan.create.join(", ") || "-"}`);
  log(`groups: ${plan.regroup.join("; ") || "-"}`);
  log(
    `deactivate: ${plan.deactivate.join(", ") || "-"}${writes ? "" : " (dry run: set TS_EXAMPLE_WRITE=1)"}`,
  );

  // The same in one call on V1: user/sync, here as a dry run (applyChanges false) reporting what it would do.
  await ts.users.sync({
    principals: DIRECTORY.map((p) => ({
      name: p.name,
      displayName: p.display_name,
      mail: p.email,
      principalTypeEnum: "LOCAL_USER",
      groupNames: p.groups,
    })),
    password: process.env.TS_NEW_USER_PASSWORD ?? "Change-me-1!",
    applyChanges: false,
  });
  log("V1 user/sync dry run sent");
  return plan;
}

await runIfMain(import.meta.url, main);
