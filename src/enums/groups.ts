// Group visibility: whether other users can see the group as a target when sharing.
// V1 and V2 spell the sharable setting differently, hence two objects.
import type { V1GroupVisibility, V2GroupVisibility } from "./api-types.js";

/** V1 group `visibility` (group/ endpoints). SHARABLE is the Python library's name for DEFAULT. */
export const GroupVisibility = {
  DEFAULT: "DEFAULT",
  SHARABLE: "DEFAULT",
  NON_SHARABLE: "NON_SHARABLE",
} as const satisfies Record<string, V1GroupVisibility>;
export type GroupVisibility = (typeof GroupVisibility)[keyof typeof GroupVisibility];

/** V2 group `visibility` (groups/create, groups/update, groups/import), which has no DEFAULT. */
export const GroupVisibilityV2 = {
  SHARABLE: "SHARABLE",
  NON_SHARABLE: "NON_SHARABLE",
} as const satisfies Record<string, V2GroupVisibility>;
export type GroupVisibilityV2 = (typeof GroupVisibilityV2)[keyof typeof GroupVisibilityV2];
