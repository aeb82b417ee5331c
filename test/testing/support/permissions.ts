// The principals' permissions in a V2 permissions answer (fetchPermissionsOnMetadata, or
// ts.sharing.permissionsOnObjects on V2), flattened over its objects: what the mock tests compare.
import type { FetchPermissionsOnMetadataOutput } from "../../../src/v2.js";

export const principalPermissions = (answer: FetchPermissionsOnMetadataOutput) =>
  (answer.metadata_permission_details ?? []).flatMap((object) =>
    (object.principal_permission_info ?? []).flatMap((info) => info.principal_permissions ?? []),
  );
