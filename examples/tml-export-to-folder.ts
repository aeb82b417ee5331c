// Exports a Liveboard and everything it uses (Answers, Models, Worksheets, Tables, Connection) as TML files
// into a folder, one `{name}.{type}.tml` file per object, ready to commit to Git.
import { readdir } from "node:fs/promises";
import { TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const LIVEBOARD = process.env.TS_LIVEBOARD ?? "Retail Overview 📈";

export async function main({ ts, log, outDir }: ExampleContext) {
  const guid = await ts.metadata.findGuid(TSTypes.LIVEBOARD, LIVEBOARD);
  // fqn: references carry GUIDs too, so an import finds the right object even when names repeat.
  const files = await ts.tml.exportToFolder(guid, outDir, { associated: true, fqn: true });
  for (const f of files) log(`wrote ${f.path}`);
  const names = (await readdir(outDir)).filter((f) => f.endsWith(".tml")).sort();
  return { liveboard: guid, files: names };
}

await runIfMain(import.meta.url, main);
