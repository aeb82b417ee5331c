// Lists users, groups, the members of a group, and the Liveboards, Answers and data sources of a cluster:
// V2 search operations, all pages.
import { TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const GROUP = process.env.TS_GROUP ?? "analysts";

export async function main({ ts, log }: ExampleContext) {
  // ts.paginate walks record_offset/record_size until a short page.
  const users = await ts.paginate("/api/rest/2.0/users/search", { body: {} }, { pageSize: 100 }).toArray();
  log(`${users.length} users: ${users.map((u) => u.name).join(", ")}`);

  const groups = await ts.paginate("/api/rest/2.0/groups/search", { body: {} }).toArray();
  log(`${groups.length} groups: ${groups.map((g) => g.name).join(", ")}`);

  // Users who belong to one group: the V2 user search filters by group.
  const members = await ts.api.v2.searchUsers({ group_identifiers: [GROUP], record_size: -1 });
  log(`members of ${GROUP}: ${members.map((u) => u.display_name).join(", ")}`);

  const counts: Record<string, number> = {};
  for (const [label, type] of [
    ["Liveboards", TSTypes.LIVEBOARD],
    ["Answers", TSTypes.ANSWER],
    ["Worksheets", TSTypes.WORKSHEET],
    ["Tables", TSTypes.TABLE],
  ] as const) {
    const objects = await ts.metadata.search({ type });
    counts[label] = objects.length;
    log(`${label}: ${objects.map((o) => o.metadata_name).join(", ") || "none"}`);
  }
  return { users: users.length, groups: groups.length, members: members.length, counts };
}

await runIfMain(import.meta.url, main);
