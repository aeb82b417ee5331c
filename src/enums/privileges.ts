// Group privileges under the names ThoughtSpot's UI uses ("Can administer ThoughtSpot" ...), as in
// the Python library. The full, current list is the generated V2 union (V2GroupPrivilege).
import type { V2GroupPrivilege } from "./api-types.js";

export const Privileges = {
  INNATE: "AUTHORING",
  CAN_ADMINISTER_THOUGHTSPOT: "ADMINISTRATION",
  CAN_UPLOAD_USER_DATA: "USERDATAUPLOADING",
  CAN_DOWNLOAD_DATA: "DATADOWNLOADING",
  CAN_MANAGE_DATA: "DATAMANAGEMENT",
  CAN_SHARE_WITH_ALL_USERS: "SHAREWITHALL",
  HAS_SPOTIQ_PRIVILEGE: "A3ANALYSIS",
  // The Python library spells this EXPERIMENTALFEATUREPRIVILEG; both API specs end in E.
  CAN_USE_EXPERIMENTAL_FEATURES: "EXPERIMENTALFEATUREPRIVILEGE",
  CAN_ADMINISTER_AND_BYPASS_RLS: "BYPASSRLS",
  CAN_INVOKE_CUSTOM_R_ANALYSIS: "RANALYSIS",
  CANNOT_CREATE_OR_DELETE_PINBOARDS: "DISABLE_PINBOARD_CREATION",
} as const satisfies Record<string, V2GroupPrivilege>;
export type Privileges = (typeof Privileges)[keyof typeof Privileges];
