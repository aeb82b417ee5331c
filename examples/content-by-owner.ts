// Who owns what: every Liveboard, Answer and data object grouped by its owner, with the owners who have
// left (deactivated or deleted users) flagged, the usual start of a clean-up or an ownership transfer.
import { TSTypes, TSTypesV2 } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

export async function main({ ts, log }: ExampleContext) {
  const users = await ts.paginate("/api/rest/2.0/users/search", { body: {} }).toArray();
  const active = new Map(users.filter((u) => u.account_status !== "INACTIVE").map((u) => [u.id, u.name]));

  const byOwner = new Map<string, string[]>();
  for (const type of [TSTypes.LIVEBOARD, TSTypes.ANSWER, TSTypesV2.DATAOBJECT]) {
    // metadata_header holds author (the owner's GUID) and authorName.
    for (const object of await ts.metadata.search({ type })) {
      const header = (object.metadata_header ?? {}) as { author?: string; authorName?: string };
      const owner = header.authorName ?? header.author ?? "unknown";
      const flag = header.author && !active.has(header.author) ? " (owner inactive or gone)" : "";
      byOwner.set(owner + flag, [
        ...(byOwner.get(owner + flag) ?? []),
        `${object.metadata_type} ${object.metadata_name}`,
      ]);
    }
  }
  const report = [...byOwner.entries()].sort(([, a], [, b]) => b.length - a.length);
  for (const [owner, objects] of report) log(`${owner}: ${objects.length} — ${objects.join(", ")}`);
  return Object.fromEntries(report.map(([owner, objects]) => [owner, objects.length]));
}

await runIfMain(import.meta.url, main);
