// Deletes objects found by a name pattern (here: copies left behind by a test run). Lists first and
// deletes only with writes allowed; consider transferring ownership to a "retired content" account instead.
import { TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const PATTERN = process.env.TS_DELETE_PATTERN ?? "%(copy)%";

export async function main({ ts, log, writes }: ExampleContext) {
  // Create something to delete when running against the mock, so the example has work to do.
  if (!process.env.TS_SERVER_URL) {
    const { objects } = await ts.tml.export(await ts.metadata.findGuid(TSTypes.ANSWER, "Sales by Catégorie"));
    const { guid: _guid, ...doc } = objects[0]!.doc;
    if (doc.answer) {
      doc.answer.name = `${doc.answer.name} (copy)`;
      await ts.tml.import([doc]);
    }
  }
  const found = [
    ...(await ts.metadata.search({ type: TSTypes.LIVEBOARD, namePattern: PATTERN })),
    ...(await ts.metadata.search({ type: TSTypes.ANSWER, namePattern: PATTERN })),
  ];
  log(`matching ${PATTERN}: ${found.map((o) => `${o.metadata_type} ${o.metadata_name}`).join(", ") || "-"}`);
  if (!found.length) return { deleted: [] };
  if (!writes) {
    log("dry run: set TS_EXAMPLE_WRITE=1 to delete");
    return { deleted: [] };
  }
  await ts.api.v2.deleteMetadata({
    metadata: found.map((o) => ({ identifier: String(o.metadata_id), type: o.metadata_type as "ANSWER" })),
  });
  log(`deleted ${found.length} object(s)`);
  return { deleted: found.map((o) => String(o.metadata_name)) };
}

await runIfMain(import.meta.url, main);
