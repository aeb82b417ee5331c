// Tag management: creates a tag if it is missing, tags the objects a data model is made of, lists what
// carries the tag, and takes a tag off again.
import { TSTypes, TSTypesV2 } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const TAG = process.env.TS_TAG ?? "Finance";
const RETIRED = "Deprecated";

export async function main({ ts, log, writes }: ExampleContext) {
  const [existing] = await ts.api.v2.searchTags({ tag_identifier: TAG }).catch(() => []);
  const tag = existing ?? (writes ? await ts.api.v2.createTag({ name: TAG, color: "#F2A007" }) : undefined);
  log(existing ? `tag ${TAG} exists` : `created tag ${TAG}`);

  const models = await ts.metadata.search({ type: TSTypes.MODEL });
  const ids = models.map((m) => String(m.metadata_id));
  if (writes && tag && ids.length) {
    // Tag names or GUIDs; V2 tags/assign (api: "v1" for metadata/assigntag).
    await ts.metadata.assignTags({ type: TSTypesV2.DATAOBJECT, ids, tags: [tag.id] });
    log(`tagged ${ids.length} data object(s) with ${TAG}`);
  }
  const tagged = await ts.metadata.search({ type: TSTypesV2.DATAOBJECT, tags: [TAG] });
  log(`objects tagged ${TAG}: ${tagged.map((o) => o.metadata_name).join(", ") || "-"}`);

  const retired = await ts.metadata.search({ type: TSTypesV2.DATAOBJECT, tags: [RETIRED] });
  if (writes && retired.length) {
    await ts.metadata.unassignTags({
      type: TSTypesV2.DATAOBJECT,
      ids: retired.map((o) => String(o.metadata_id)),
      tags: [RETIRED],
    });
    log(`removed ${RETIRED} from ${retired.map((o) => o.metadata_name).join(", ")}`);
  }
  return {
    tagged: tagged.map((o) => String(o.metadata_name)),
    untagged: retired.map((o) => String(o.metadata_name)),
  };
}

await runIfMain(import.meta.url, main);
