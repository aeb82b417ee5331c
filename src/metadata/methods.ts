// The method names of ts.metadata, beside its interface: the client builds the lazy namespace from
// them, and a name missing here or not in MetadataApi is a compile error.
import type { MetadataApi } from "./api.js";

export const metadataMethods = {
  search: true,
  listObjectHeaders: true,
  list: true,
  findGuid: true,
  dependents: true,
  assignTags: true,
  unassignTags: true,
  userDetails: true,
  groupDetails: true,
  liveboardDetails: true,
} as const satisfies Record<keyof MetadataApi, true>;
