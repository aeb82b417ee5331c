// Licence and compliance counts: users per Org, users per e-mail domain, and a CSV of every user with their
// Orgs and groups.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type ExampleContext, runIfMain } from "./support/run.js";

export async function main({ ts, log, outDir }: ExampleContext) {
  const orgs = await ts.api.v2.searchOrgs({});
  log(`${orgs.length} Org(s): ${orgs.map((o) => `${o.name} (${o.id})`).join(", ")}`);

  const users = await ts
    .paginate("/api/rest/2.0/users/search", { body: { include_favorite_metadata: false } })
    .toArray();
  const domains = new Map<string, number>();
  for (const u of users) {
    const domain =
      String(u.email ?? "")
        .split("@")[1]
        ?.toLowerCase() || "(no e-mail)";
    domains.set(domain, (domains.get(domain) ?? 0) + 1);
  }
  for (const [domain, count] of domains) log(`${domain}: ${count} user(s)`);

  const lines = [["name", "display name", "email", "status", "orgs", "groups"].join(",")];
  for (const u of users)
    lines.push(
      [
        u.name,
        u.display_name,
        u.email ?? "",
        u.account_status ?? "",
        (u.orgs ?? (u.current_org ? [u.current_org] : [])).map((o) => o.name).join(";"),
        (u.user_groups ?? []).map((g) => g.name).join(";"),
      ]
        .map((c) => `"${String(c).replace(/"/g, '""')}"`)
        .join(","),
    );
  const file = join(outDir, "users.csv");
  await writeFile(file, `${lines.join("\n")}\n`);
  log(`${users.length} users written to ${file}`);
  return { orgs: orgs.length, users: users.length, domains: Object.fromEntries(domains) };
}

await runIfMain(import.meta.url, main);
