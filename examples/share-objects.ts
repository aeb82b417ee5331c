// Shares a Liveboard with groups and users (can view / can edit), takes a share away again, and checks who
// can see it now. The permissions builder turns names into V2 (or V1) share requests.
import { sharePermissions, TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const LIVEBOARD = process.env.TS_LIVEBOARD ?? "Retail Overview 📈";

export async function main({ ts, log, writes }: ExampleContext) {
  const guid = await ts.metadata.findGuid(TSTypes.LIVEBOARD, LIVEBOARD);
  const permissions = sharePermissions().readOnly("sales-emea", "sales-amer").edit("analysts");
  const revoke = sharePermissions().remove("sales-amer");
  if (writes) {
    await ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: [guid], permissions });
    // NO_ACCESS removes a share that was given before.
    await ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: [guid], permissions: revoke });
    log(`shared "${LIVEBOARD}": sales-emea can view, analysts can edit; sales-amer no longer`);
  } else log(`would share "${LIVEBOARD}" (dry run: set TS_EXAMPLE_WRITE=1)`);

  // Who can see it now: V2 fetch-permissions, one entry per object with each principal's access.
  const answer = await ts.sharing.permissionsOnObjects({ type: TSTypes.LIVEBOARD, ids: [guid] });
  const rows = (answer.metadata_permission_details ?? []).flatMap((object) =>
    (object.principal_permission_info ?? []).flatMap((info) =>
      (info.principal_permissions ?? []).map((p) => ({
        object: object.metadata_name,
        principal: p.principal_name,
        permission: p.permission,
      })),
    ),
  );
  for (const row of rows) log(`${row.object}: ${row.principal} ${row.permission}`);
  return { shared: writes, permissions: rows };
}

await runIfMain(import.meta.url, main);
