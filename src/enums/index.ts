// ThoughtSpot's enum vocabulary: the Python library's names, typed against the generated unions.
export type {
  V1Category,
  V1GroupVisibility,
  V1MetadataSubtype,
  V1MetadataType,
  V1PermissionType,
  V1ShareMode,
  V1Sort,
  V2GroupPrivilege,
  V2GroupVisibility,
  V2MetadataSubtype,
  V2MetadataType,
  V2ReportFormat,
  V2ShareMode,
} from "./api-types.js";
export { GroupVisibility, GroupVisibilityV2 } from "./groups.js";
export {
  Categories,
  MetadataCategories,
  MetadataNames,
  MetadataSorts,
  MetadataSubtypes,
  MetadataTypes,
  Sorts,
} from "./metadata.js";
export type {
  ApiVersion,
  ObjectHeaderType,
  ObjectTypeInput,
  V1ObjectType,
  V2ObjectType,
} from "./object-types.js";
export { OBJECT_TYPES, resolveObjectType, tsTypeOf, v1TypeOf, v2TypeOf } from "./object-types.js";
export { Privileges } from "./privileges.js";
export { ReportTypes } from "./reports.js";
export { PermissionTypes, ShareModes } from "./sharing.js";
export { TSTypes, TSTypesV2 } from "./ts-types.js";
