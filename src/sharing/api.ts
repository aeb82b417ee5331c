// ts.sharing: share objects and visualizations, and ask who can see what, on V2 (default) or V1.
import type { operations as V1Operations } from "../../generated/v1.js";
import type { components } from "../../generated/v2.js";
import type { OperationInput } from "../core/types.js";
import { type ObjectTypeInput, resolveObjectType } from "../enums/object-types.js";
import { call, type LooseApi } from "../operations/loose-api.js";
import type { SharePermissions } from "./permissions.js";

type V2ShareableType = NonNullable<components["schemas"]["ShareMetadataTypeInput"]["type"]>;
type V1ShareableType = OperationInput<V1Operations["securityShare"]>["type"];

/**
 * The types the helper shares, checked against the generated unions: a value ThoughtSpot removes is a
 * compile error here. A value it adds is refused before any request until listed.
 */
const V2_SHAREABLE = new Set<string>([
  "LIVEBOARD",
  "ANSWER",
  "LOGICAL_TABLE",
  "LOGICAL_COLUMN",
  "CONNECTION",
  "COLLECTION",
] satisfies V2ShareableType[]);

export interface ShareInput {
  /** TSTypes member or raw API type of the objects (all of one type). */
  type: ObjectTypeInput;
  ids: readonly string[];
  permissions: SharePermissions;
  /** Email addresses to notify as well (V1 emailshares, V2 emails). */
  emails?: readonly string[];
  notify?: boolean;
  message?: string;
  /** Links in the notification point at your embedding app (V1 useCustomEmbedUrls, V2 enable_custom_url). */
  customUrls?: boolean;
  api?: "v1" | "v2";
}

export interface SharingApi {
  share(input: ShareInput): Promise<void>;
  /** One visualization of a Liveboard, with principals who get read-only access. */
  shareVisualization(input: {
    liveboardId: string;
    vizId: string;
    principals: readonly string[];
    emails?: readonly string[];
    notify?: boolean;
    message?: string;
    customUrls?: boolean;
    api?: "v1" | "v2";
  }): Promise<void>;
  /**
   * Who has access to these objects: V2 security/metadata/fetch-permissions, or with api: "v1"
   * security/metadata/permissions (permissionType EFFECTIVE, the default, or DEFINED).
   */
  permissionsOnObjects(input: {
    type: ObjectTypeInput;
    ids: readonly string[];
    principals?: readonly string[];
    includeDependents?: boolean;
    api?: "v1" | "v2";
    permissionType?: "EFFECTIVE" | "DEFINED";
  }): Promise<unknown>;
  /** What these users or groups can access (V2 security/principals/fetch-permissions). */
  permissionsOfPrincipals(input: { principals: readonly string[]; type?: ObjectTypeInput }): Promise<unknown>;
}

const V1_SHAREABLE = new Set<string>([
  "QUESTION_ANSWER_BOOK",
  "PINBOARD_ANSWER_BOOK",
  "LOGICAL_TABLE",
  "LOGICAL_COLUMN",
] satisfies V1ShareableType[]);

function v1ShareType(type: ObjectTypeInput): string {
  const { type: v1 } = resolveObjectType(type, "v1");
  if (!V1_SHAREABLE.has(v1)) throw new TypeError(`objects of type ${String(type)} cannot be shared on V1`);
  return v1;
}

function v2ShareType(type: ObjectTypeInput): string {
  const { type: v2 } = resolveObjectType(type, "v2");
  if (!V2_SHAREABLE.has(v2)) throw new TypeError(`objects of type ${String(type)} cannot be shared`);
  return v2;
}

function checkIds(ids: readonly string[], what: string) {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== "string" || !id)) {
    throw new TypeError(`${what} needs a non-empty list of GUIDs`);
  }
}

export function createSharingApi(api: LooseApi): SharingApi {
  const calls = {
    shareMetadata: call(api.v2, "shareMetadata"),
    fetchPermissionsOnMetadata: call(api.v2, "fetchPermissionsOnMetadata"),
    fetchPermissionsOfPrincipals: call(api.v2, "fetchPermissionsOfPrincipals"),
    securityShare: call(api.v1, "securityShare"),
    securityShareviz: call(api.v1, "securityShareviz"),
    securityMetadataPermissions: call(api.v1, "securityMetadataPermissions"),
  };
  return {
    async share({ type, ids, permissions, emails, notify, message, customUrls, api }) {
      checkIds(ids, "sharing.share");
      if (permissions.size === 0) throw new TypeError("sharing.share: the permissions name nobody");
      if (api === "v1") {
        await calls.securityShare({
          type: v1ShareType(type),
          id: ids,
          permission: permissions.toV1(),
          emailshares: emails ?? [],
          useCustomEmbedUrls: customUrls ?? false,
          ...(notify !== undefined && { notify }),
          ...(message !== undefined && { message }),
        });
        return;
      }
      const metadataType = v2ShareType(type);
      await calls.shareMetadata({
        metadata: ids.map((identifier) => ({ type: metadataType, identifier })),
        permissions: permissions.toV2(),
        message: message ?? "", // required by V2 even when nobody is notified
        ...(emails !== undefined && { emails }),
        ...(notify !== undefined && { notify_on_share: notify }),
        ...(customUrls !== undefined && { enable_custom_url: customUrls }),
      });
    },

    async shareVisualization({ liveboardId, vizId, principals, emails, notify, message, customUrls, api }) {
      checkIds([liveboardId, vizId], "sharing.shareVisualization");
      checkIds(principals, "sharing.shareVisualization principals");
      if (api === "v1") {
        await calls.securityShareviz({
          type: "PINBOARD_ANSWER_BOOK",
          pinboardId: liveboardId,
          principalids: principals,
          vizid: vizId,
          emailshares: emails ?? [],
          useCustomEmbedUrls: customUrls ?? false,
          ...(notify !== undefined && { notify }),
          ...(message !== undefined && { message }),
        });
        return;
      }
      await calls.shareMetadata({
        metadata: [{ type: "LIVEBOARD", identifier: liveboardId }],
        visualization_identifiers: [vizId],
        permissions: principals.map((identifier) => ({ principal: { identifier }, share_mode: "READ_ONLY" })),
        message: message ?? "",
        ...(emails !== undefined && { emails }),
        ...(notify !== undefined && { notify_on_share: notify }),
        ...(customUrls !== undefined && { enable_custom_url: customUrls }),
      });
    },

    permissionsOnObjects({ type, ids, principals, includeDependents, api, permissionType }) {
      checkIds(ids, "sharing.permissionsOnObjects");
      if (api === "v1") {
        return calls.securityMetadataPermissions({
          type: resolveObjectType(type, "v1").type,
          id: ids,
          permissiontype: permissionType ?? "EFFECTIVE",
          ...(includeDependents !== undefined && { dependentshare: includeDependents }),
        });
      }
      const metadataType = v2ShareType(type);
      return calls.fetchPermissionsOnMetadata({
        metadata: ids.map((identifier) => ({ type: metadataType, identifier })),
        ...(principals && { principals: principals.map((identifier) => ({ identifier })) }),
        ...(includeDependents !== undefined && { include_dependent_objects: includeDependents }),
      });
    },

    permissionsOfPrincipals({ principals, type }) {
      checkIds(principals, "sharing.permissionsOfPrincipals");
      return calls.fetchPermissionsOfPrincipals({
        principals: principals.map((identifier) => ({ identifier })),
        ...(type !== undefined && { default_metadata_type: v2ShareType(type) }),
      });
    },
  };
}
