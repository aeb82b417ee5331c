// Hands objects over to a service account, e.g. before someone leaves or when content goes into a
// Git-managed release process. V2 security/metadata/assign needs no knowledge of the current owner; giving
// one (current_owner_identifier) moves only what that person owns.
import { TSTypes, TSTypesV2 } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const FROM = process.env.TS_FROM_OWNER ?? "ana.garcia";
const TO = process.env.TS_TO_OWNER ?? "tsadmin";

async function owned(ts: ExampleContext["ts"], owner: string) {
  const found = [];
  for (const type of [TSTypes.LIVEBOARD, TSTypes.ANSWER, TSTypesV2.DATAOBJECT])
    for (const o of await ts.metadata.search({ type }))
      if ((o.metadata_header as { authorName?: string } | undefined)?.authorName === owner)
        found.push({
          id: String(o.metadata_id),
          name: String(o.metadata_name),
          type: String(o.metadata_type),
        });
  return found;
}

export async function main({ ts, log, writes }: ExampleContext) {
  const before = await owned(ts, FROM);
  log(`${FROM} owns ${before.length}: ${before.map((o) => o.name).join(", ") || "-"}`);
  if (before.length === 0) return { moved: [], left: [] };
  if (!writes) {
    log("dry run: set TS_EXAMPLE_WRITE=1 to transfer");
    return { moved: [], left: before.map((o) => o.name) };
  }
  // type is optional with GUIDs from 9.2 on; sending it keeps older releases happy.
  await ts.api.v2.assignChangeAuthor({
    metadata: before.map((o) => ({ identifier: o.id, type: o.type as "LIVEBOARD" })),
    user_identifier: TO,
    current_owner_identifier: FROM,
  });
  const after = await owned(ts, FROM);
  log(`moved ${before.length - after.length} objects to ${TO}`);
  return { moved: before.map((o) => o.name), left: after.map((o) => o.name) };
}

await runIfMain(import.meta.url, main);
