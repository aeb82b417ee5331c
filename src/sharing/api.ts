// ts.sharing: share objects and visualizations, and ask who can see what, on V2 (default) or V1.
import type { operations as V1Operations } from "../../generated/v1.js";
import type { components } from "../../generated/v2.js";
import type { Call, V1Input, V1Output, V2Output } from "../core/call.js";
import type { CallOptions, OperationInput } from "../core/types.js";
import type { V2MetadataType } from "../enums/api-types.js";
import { type ObjectTypeInput, resolveObjectType } from "../enums/object-types.js";
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

/** Who can access which objects, as V2 security/metadata/fetch-permissions answers it. */
export type PermissionsOnObjectsV2 = V2Output<"fetchPermissionsOnMetadata">;
/** The same on V1 (security/metadata/permissions): a map keyed by object GUID. */
export type PermissionsOnObjectsV1 = V1Output<"securityMetadataPermissions">;
/** What principals can access, as V2 security/principals/fetch-permissions answers it. */
export type PermissionsOfPrincipals = V2Output<"fetchPermissionsOfPrincipals">;

/** What ts.sharing.permissionsOnObjects takes: objects of one type, optionally narrowed to some principals. */
export interface PermissionsOnObjectsInput {
  type: ObjectTypeInput;
  ids: readonly string[];
  principals?: readonly string[];
  includeDependents?: boolean;
  api?: "v1" | "v2";
  permissionType?: "EFFECTIVE" | "DEFINED";
}

/** Every method takes per-call options last (signal, headers, timeoutMs, maxRetries). */
export interface SharingApi {
  share(input: ShareInput, options?: CallOptions): Promise<void>;
  /** One visualization of a Liveboard, with principals who get read-only access. */
  shareVisualization(
    input: {
      liveboardId: string;
      vizId: string;
      principals: readonly string[];
      emails?: readonly string[];
      notify?: boolean;
      message?: string;
      customUrls?: boolean;
      api?: "v1" | "v2";
    },
    options?: CallOptions,
  ): Promise<void>;
  /**
   * Who has access to these objects: V2 security/metadata/fetch-permissions, or with api: "v1"
   * security/metadata/permissions (permissionType EFFECTIVE, the default, or DEFINED). The answer
   * is the spec's type for the API used.
   */
  permissionsOnObjects<I extends PermissionsOnObjectsInput>(
    input: I,
    options?: CallOptions,
  ): Promise<I extends { api: "v1" } ? PermissionsOnObjectsV1 : PermissionsOnObjectsV2>;
  /** What these users or groups can access (V2 security/principals/fetch-permissions). */
  permissionsOfPrincipals(
    input: { principals: readonly string[]; type?: ObjectTypeInput },
    options?: CallOptions,
  ): Promise<PermissionsOfPrincipals>;
}

const V1_SHAREABLE = new Set<string>([
  "QUESTION_ANSWER_BOOK",
  "PINBOARD_ANSWER_BOOK",
  "LOGICAL_TABLE",
  "LOGICAL_COLUMN",
] satisfies V1ShareableType[]);

type V1ShareType = "QUESTION_ANSWER_BOOK" | "PINBOARD_ANSWER_BOOK" | "LOGICAL_TABLE" | "LOGICAL_COLUMN";
type V2ShareType = Extract<
  V2MetadataType,
  "LIVEBOARD" | "ANSWER" | "LOGICAL_TABLE" | "LOGICAL_COLUMN" | "CONNECTION" | "COLLECTION"
>;

function v1ShareType(type: ObjectTypeInput): V1ShareType {
  const { type: v1 } = resolveObjectType(type, "v1");
  if (!V1_SHAREABLE.has(v1)) throw new TypeError(`objects of type ${String(type)} cannot be shared on V1`);
  return v1 as V1ShareType;
}

function v2ShareType(type: ObjectTypeInput): V2ShareType {
  const { type: v2 } = resolveObjectType(type, "v2");
  if (!V2_SHAREABLE.has(v2)) throw new TypeError(`objects of type ${String(type)} cannot be shared`);
  return v2 as V2ShareType;
}

function checkIds(ids: readonly string[], what: string) {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== "string" || !id)) {
    throw new TypeError(`${what} needs a non-empty list of GUIDs`);
  }
}

export function createSharingApi(call: Call): SharingApi {
  return {
    async share({ type, ids, permissions, emails, notify, message, customUrls, api }, options) {
      checkIds(ids, "sharing.share");
      if (permissions.size === 0) throw new TypeError("sharing.share: the permissions name nobody");
      if (api === "v1") {
        await call.v1(
          "securityShare",
          {
            type: v1ShareType(type),
            id: ids,
            permission: permissions.toV1(),
            emailshares: emails ?? [],
            useCustomEmbedUrls: customUrls ?? false,
            ...(notify !== undefined && { notify }),
            ...(message !== undefined && { message }),
          },
          options,
        );
        return;
      }
      const metadataType = v2ShareType(type);
      await call.v2(
        "shareMetadata",
        {
          metadata: ids.map((identifier) => ({ type: metadataType, identifier })),
          permissions: permissions.toV2(),
          message: message ?? "", // required by V2 even when nobody is notified
          ...(emails !== undefined && { emails: [...emails] }),
          ...(notify !== undefined && { notify_on_share: notify }),
          ...(customUrls !== undefined && { enable_custom_url: customUrls }),
        },
        options,
      );
    },

    async shareVisualization(
      { liveboardId, vizId, principals, emails, notify, message, customUrls, api },
      options,
    ) {
      checkIds([liveboardId, vizId], "sharing.shareVisualization");
      checkIds(principals, "sharing.shareVisualization principals");
      if (api === "v1") {
        await call.v1(
          "securityShareviz",
          {
            type: "PINBOARD_ANSWER_BOOK",
            pinboardId: liveboardId,
            principalids: principals,
            vizid: vizId,
            emailshares: emails ?? [],
            useCustomEmbedUrls: customUrls ?? false,
            ...(notify !== undefined && { notify }),
            ...(message !== undefined && { message }),
          },
          options,
        );
        return;
      }
      await call.v2(
        "shareMetadata",
        {
          metadata: [{ type: "LIVEBOARD", identifier: liveboardId }],
          visualization_identifiers: [vizId],
          permissions: principals.map((identifier) => ({
            principal: { identifier },
            share_mode: "READ_ONLY",
          })),
          message: message ?? "",
          ...(emails !== undefined && { emails: [...emails] }),
          ...(notify !== undefined && { notify_on_share: notify }),
          ...(customUrls !== undefined && { enable_custom_url: customUrls }),
        },
        options,
      );
    },

    // The conditional result type cannot be checked inside a generic body: each branch returns its
    // operation's generated type, and the cast only joins them.
    permissionsOnObjects({ type, ids, principals, includeDependents, api, permissionType }, options) {
      checkIds(ids, "sharing.permissionsOnObjects");
      if (api === "v1") {
        return call.v1(
          "securityMetadataPermissions",
          {
            // ThoughtSpot answers other types with its own error, as it always has.
            type: resolveObjectType(type, "v1").type as V1Input<"securityMetadataPermissions">["type"],
            id: ids,
            permissiontype: permissionType ?? "EFFECTIVE",
            ...(includeDependents !== undefined && { dependentshare: includeDependents }),
          },
          options,
        ) as never;
      }
      const metadataType = v2ShareType(type);
      return call.v2(
        "fetchPermissionsOnMetadata",
        {
          metadata: ids.map((identifier) => ({ type: metadataType, identifier })),
          ...(principals && { principals: principals.map((identifier) => ({ identifier })) }),
          ...(includeDependents !== undefined && { include_dependent_objects: includeDependents }),
        },
        options,
      ) as never;
    },

    permissionsOfPrincipals({ principals, type }, options) {
      checkIds(principals, "sharing.permissionsOfPrincipals");
      return call.v2(
        "fetchPermissionsOfPrincipals",
        {
          principals: principals.map((identifier) => ({ identifier })),
          ...(type !== undefined && { default_metadata_type: v2ShareType(type) }),
        },
        options,
      );
    },
  };
}
