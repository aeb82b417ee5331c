// Sharing in the store: shareMetadata records each principal's share mode per object (NO_ACCESS takes
// it away), fetchPermissionsOnMetadata answers from those records plus the owner's MODIFY, in the
// shape of the spec's example. Only objects of the caller's Org; unknown objects or principals fail.
import { page } from "../answers/page.js";
import type { Answer } from "../types.js";
import { badRequest } from "./errors.js";
import { findObject } from "./metadata.js";
import type { MockStore, Share } from "./store.js";

type Loose = Record<string, unknown>;

function principal(store: MockStore, ref: Loose): Share | undefined {
  const id = ref.identifier;
  const user =
    ref.type !== "USER_GROUP" ? store.catalog.users.find((u) => u.id === id || u.name === id) : undefined;
  if (user)
    return {
      principalId: String(user.id),
      principalName: String(user.name),
      principalType: "USER",
      shareMode: "NO_ACCESS",
    };
  const group =
    ref.type !== "USER" ? store.catalog.groups.find((g) => g.id === id || g.name === id) : undefined;
  if (group)
    return {
      principalId: String(group.id),
      principalName: String(group.name),
      principalType: "USER_GROUP",
      shareMode: "NO_ACCESS",
    };
  return undefined;
}

export function sharingAnswers(store: MockStore): Record<string, Answer> {
  return {
    shareMetadata: ({ input, caller }) => {
      const orgId = caller?.orgId ?? 0;
      const ids = [
        ...((input.metadata_identifiers as unknown[] | undefined) ?? []),
        ...((input.metadata as Loose[] | undefined) ?? []).map((m) => m.identifier),
      ];
      const objects = ids.map((id) => ({ id, object: findObject(store, orgId, id) }));
      const missing = objects.filter((o) => !o.object).map((o) => String(o.id));
      if (missing.length)
        return badRequest(`Metadata object(s) not found or not accessible: ${missing.join(", ")}`);
      const grants = ((input.permissions as Loose[] | undefined) ?? []).map((p) => ({
        p,
        share: principal(store, (p.principal ?? {}) as Loose),
      }));
      const unknown = grants.filter((g) => !g.share).map((g) => String((g.p.principal as Loose)?.identifier));
      if (unknown.length) return badRequest(`User or group not found: ${unknown.join(", ")}`);
      for (const { object } of objects) {
        const shares = store.shares.get(object!.id) ?? new Map<string, Share>();
        store.shares.set(object!.id, shares);
        for (const { p, share } of grants) {
          const mode = p.share_mode as Share["shareMode"];
          if (mode === "NO_ACCESS") shares.delete(share!.principalId);
          else shares.set(share!.principalId, { ...share!, shareMode: mode });
        }
      }
      return { status: 204 };
    },
    fetchPermissionsOnMetadata: ({ input, caller }) => {
      const orgId = caller?.orgId ?? 0;
      const asked = (input.metadata as Loose[] | undefined) ?? [];
      const missing = asked
        .filter((m) => !findObject(store, orgId, m.identifier))
        .map((m) => String(m.identifier));
      if (missing.length)
        return badRequest(`Metadata object(s) not found or not accessible: ${missing.join(", ")}`);
      const only = ((input.principals as Loose[] | undefined) ?? []).map(
        (p) => principal(store, p)?.principalId,
      );
      const details = asked.map((m) => {
        const o = findObject(store, orgId, m.identifier)!;
        const ownerName = store.catalog.headers[o.id]?.author ?? "tsadmin";
        const owner = store.catalog.users.find((u) => u.name === ownerName) ?? store.catalog.users[0]!;
        const own: Share = {
          principalId: String(owner.id),
          principalName: String(owner.name),
          principalType: "USER",
          shareMode: "MODIFY",
        };
        const entries: Share[] = [
          own,
          ...[...(store.shares.get(o.id)?.values() ?? [])].filter((s) => s.principalId !== owner.id),
        ].filter((s) => only.length === 0 || only.includes(s.principalId));
        const info = (["USER_GROUP", "USER"] as const)
          .map((type) => ({
            principal_type: type,
            principal_sub_type: type === "USER" ? "LOCAL_USER" : "LOCAL_GROUP",
            principal_permissions: entries
              .filter((s) => s.principalType === type)
              .map((s) => ({
                principal_id: s.principalId,
                principal_name: s.principalName,
                permission: s.shareMode,
                shared_permission: s.principalId === owner.id ? "NO_ACCESS" : s.shareMode,
                group_permission: [],
              })),
          }))
          .filter((i) => i.principal_permissions.length > 0);
        return {
          metadata_id: o.id,
          metadata_name: o.name,
          metadata_type: o.metadataType,
          metadata_owner: { id: owner.id, name: owner.name },
          metadata_author: { id: owner.id, name: owner.name },
          principal_permission_info: info,
        };
      });
      return {
        json: {
          metadata_permission_details: page(details, { ...input, record_size: input.record_size ?? -1 }),
        },
      };
    },
  };
}
