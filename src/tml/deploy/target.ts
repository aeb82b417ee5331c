// What the target holds now: which of the GUIDs the mapping gives for this target still exist there (one
// metadata search per 100 GUIDs), so an object deleted on the target since the last deploy is created again
// instead of being skipped as unchanged. It only reads the target; it never changes it or the mapping.
import type { Call } from "../../core/call.js";
import type { CallOptions } from "../../core/types.js";

/** GUIDs per search: one request for most deploys, and a request body of a few kilobytes at most. */
const PER_SEARCH = 100;

/** The GUIDs of `guids` that the target (its Org, as its user sees it) does not hold. */
export async function missingOnTarget(
  call: Call,
  guids: readonly string[],
  options: CallOptions,
): Promise<Set<string>> {
  const unique = [...new Set(guids)];
  const found = new Set<string>();
  for (let start = 0; start < unique.length; start += PER_SEARCH) {
    const chunk = unique.slice(start, start + PER_SEARCH);
    // A GUID needs no type (the spec: "optional when the object GUID is specified as identifier").
    const items = await call.v2(
      "searchMetadata",
      {
        metadata: chunk.map((identifier) => ({ identifier })),
        record_offset: 0,
        record_size: -1, // all: a page cut short would make objects that exist look deleted
      },
      options,
    );
    for (const item of items) if (typeof item.metadata_id === "string") found.add(item.metadata_id);
  }
  return new Set(unique.filter((guid) => !found.has(guid)));
}
