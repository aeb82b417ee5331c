// Promotes a Liveboard and everything it uses (Answers, Models, Worksheets, Tables, Connection) from this Org
// to another Org (or cluster) with ts.tml.deploy, twice: the first run creates the objects there in dependency
// order and writes a GUID mapping file; the second reads it and sends only what changed (here: nothing).
// Keep the mapping file (in Git, beside your TML) and every later deploy updates the same objects in place.
// The command line does the same: npx thoughtspot-rest-api tml deploy "<Liveboard>" --type LIVEBOARD \
//   --mapping guid-mapping.json --target-org <id>
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TmlDeployOptions } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const LIVEBOARD = process.env.TS_LIVEBOARD ?? "Retail Overview 📈";
const DESTINATION_ORG = process.env.TS_DEST_ORG ?? "Production";

export async function main({ ts, connectToOrg, log, outDir, writes }: ExampleContext) {
  // Orgs are listed from the Primary Org (id 0) by an administrator.
  const orgs = await ts.api.v2.searchOrgs({});
  const destination = orgs.find((o) => o.name === DESTINATION_ORG);
  if (typeof destination?.id !== "number")
    throw new Error(`no Org named ${DESTINATION_ORG}; Orgs: ${orgs.map((o) => o.name).join(", ")}`);
  const target = connectToOrg(destination.id);

  const mappingFile = join(outDir, "guid-mapping.json");
  const options: TmlDeployOptions = {
    // The source: this client's Liveboard, exported with everything it uses (at most 4 exports at a time).
    from: { client: ts, objects: [{ identifier: LIVEBOARD, type: "LIVEBOARD" }] },
    mappingFile,
    // On a real cluster without TS_EXAMPLE_WRITE=1: VALIDATE_ONLY, nothing changes, no mapping written.
    dryRun: !writes,
    // Where the target has its own warehouse connection, repoint the tables instead of deploying ours:
    //   excludeTypes: ["connection"], connections: { "Retail Warehouse ❄": { name: "Prod Warehouse" } },
    onProgress: (p) => {
      if (p.done === p.total) log(`${p.phase}: ${p.done}/${p.total}`);
    },
  };

  const first = await target.tml.deploy(options);
  log(first.summary);
  // Nothing changed in between: every object is reported unchanged and nothing is sent.
  const second = await target.tml.deploy(options);
  log(second.summary);

  const mapping = writes ? JSON.parse(await readFile(mappingFile, "utf8")) : first.mapping;
  const entries = mapping.targets[first.target] ?? {};
  log(`GUID mapping (${mappingFile}): ${Object.keys(entries).length} object(s) for ${first.target}`);
  await target.logout();
  return {
    org: destination.id,
    first: first.counts,
    second: second.counts,
    mapped: Object.keys(entries).length,
  };
}

await runIfMain(import.meta.url, main);
