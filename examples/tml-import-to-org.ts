// Moves content into another Org: exports a Liveboard and what it uses to a folder, imports those files into
// the destination Org as new objects, and writes a mapping of the old GUIDs to the new ones (keep it to
// update the same objects on the next run, or for Git deploys).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TSTypes } from "thoughtspot-rest-api";
import { readTmlFolder } from "thoughtspot-rest-api/tml";
import { type ExampleContext, runIfMain } from "./support/run.js";

const LIVEBOARD = process.env.TS_LIVEBOARD ?? "Retail Overview 📈";
const DESTINATION_ORG = process.env.TS_DEST_ORG ?? "Development";

export async function main({ ts, connectToOrg, log, outDir, writes }: ExampleContext) {
  // Orgs are listed from the Primary Org (id 0) by an administrator.
  const orgs = await ts.api.v2.searchOrgs({});
  const destination = orgs.find((o) => o.name === DESTINATION_ORG);
  if (typeof destination?.id !== "number")
    throw new Error(`no Org named ${DESTINATION_ORG}; Orgs: ${orgs.map((o) => o.name).join(", ")}`);

  const guid = await ts.metadata.findGuid(TSTypes.LIVEBOARD, LIVEBOARD);
  await ts.tml.exportToFolder(guid, outDir, { associated: true });
  const files = await readTmlFolder(outDir);
  log(`exported ${files.length} files from the Primary Org`);

  // Without a guid each file becomes a new object; ThoughtSpot resolves references among the files by name.
  const oldGuids = files.map((f) => f.doc.guid);
  const docs = files.map((f) => {
    const { guid: _old, ...rest } = f.doc;
    return rest;
  });
  const target = connectToOrg(destination.id);
  const result = await target.tml.import(docs, { policy: writes ? "ALL_OR_NONE" : "VALIDATE_ONLY" });
  const mapping: Record<string, string> = {};
  for (const [i, imported] of result.objects.entries()) {
    const old = oldGuids[i];
    if (typeof old === "string" && imported.guid) mapping[old] = imported.guid;
    log(
      `${imported.status} ${files[i]?.type} "${imported.name ?? files[i]?.name}" → ${imported.guid ?? "-"}`,
    );
  }
  const mappingFile = join(outDir, `guid-mapping.${DESTINATION_ORG}.json`);
  await writeFile(mappingFile, `${JSON.stringify(mapping, null, 2)}\n`);
  log(`GUID mapping: ${mappingFile}`);
  await target.logout();
  return { org: destination.id, imported: result.objects.length, mapping };
}

await runIfMain(import.meta.url, main);
