// The generated unions the hand-written enums are checked against, named once.
// When a spec regeneration removes a value one of our enums uses, the `satisfies` next to
// that enum stops compiling: the build breaks instead of the SDK sending a dead value.
import type { operations as V1Operations } from "../../generated/v1.js";
import type { components as V2Components } from "../../generated/v2.js";

type V1Query<Op extends keyof V1Operations> = NonNullable<V1Operations[Op]["parameters"]["query"]>;
type V2Schemas = V2Components["schemas"];
type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;

/** V1 metadata `type` (metadata/list, listobjectheaders, details). */
export type V1MetadataType = V1Query<"metadataList">["type"];

/**
 * V1 `subtypes` items. The V1 spec carries `subtypes` as JSON text, so its allowed values live in the
 * YAML's `x-json-items-enum`, not in a generated union; this list mirrors it (a unit test compares them)
 * plus SQL_VIEW and PRIVATE_WORKSHEET, which ThoughtSpot's docs and the Python library use (DECISIONS.md).
 */
export type V1MetadataSubtype =
  | "ONE_TO_ONE_LOGICAL"
  | "WORKSHEET"
  | "USER_DEFINED"
  | "AGGR_WORKSHEET"
  | "SQL_VIEW"
  | "PRIVATE_WORKSHEET"
  | "FORMULA"
  | "CALENDAR_TYPE"
  | "CALENDAR_TABLE";

/** V1 listing sort field. */
export type V1Sort = NonNullable<V1Query<"metadataListobjectheaders">["sort"]>;
/** V1 listing category. */
export type V1Category = NonNullable<V1Query<"metadataListobjectheaders">["category"]>;
/** V1 access level (`minimumaccesslevel`; the same words go into `security/share` permissions). */
export type V1ShareMode = NonNullable<V1Query<"metadataListas">["minimumaccesslevel"]>;
/** V1 `permissiontype` of security/metadata/permissions. */
export type V1PermissionType = V1Query<"securityMetadataPermissions">["permissiontype"];
/** V1 group `visibility`. */
export type V1GroupVisibility = NonNullable<
  V1Operations["groupPost"]["requestBody"]["content"]["application/x-www-form-urlencoded"]["visibility"]
>;

/** V2 metadata `type` (metadata/search `metadata[].type`). */
export type V2MetadataType = NonNullable<V2Schemas["MetadataListItemInput"]["type"]>;
/** V2 LOGICAL_TABLE subtypes (metadata/search `metadata[].subtypes`). */
export type V2MetadataSubtype = Item<V2Schemas["MetadataListItemInput"]["subtypes"]>;
/** V2 `share_mode` of security/metadata/share. */
export type V2ShareMode = V2Schemas["SharePermissionsInput"]["share_mode"];
/** V2 privileges a group can hold (groups/create, groups/update). */
export type V2GroupPrivilege = Item<V2Schemas["CreateUserGroupRequest"]["privileges"]>;
/** V2 group `visibility`. */
export type V2GroupVisibility = NonNullable<V2Schemas["CreateUserGroupRequest"]["visibility"]>;
/** V2 report `file_format` accepted by both report/answer and report/liveboard. */
export type V2ReportFormat = Extract<
  NonNullable<V2Schemas["ExportAnswerReportRequest"]["file_format"]>,
  NonNullable<V2Schemas["ExportLiveboardReportRequest"]["file_format"]>
>;
