// Sharing in the store: shareMetadata records each principal's share mode per object (NO_ACCESS takes
// it away), fetchPermissionsOnMetadata answers from those records plus the owner's MODIFY, in the
// shape of the spec's example, and fetchPermissionsOfPrincipals the same records by principal. Only
// objects of the caller's Org, and only its groups and the users who work in it; unknown objects or
// principals (a group of another Org among them) fail.
import { page } from "../answers/page.js";
import type { Answer } from "../types.js";
import { badRequest } from "./errors.js";
import { findObject, objectsIn } from "./metadata.js";
import { findGroup, findUser, isMember, type MockStore, type Share } from "./store.js";

type Loose = Record<string, unknown>;

/**
 * The user or group `ref` names, as the caller's Org resolves it: a group of that Org, or a user who works
 * in it. A group of another Org is not found (nor is a user outside the Org), as on ThoughtSpot, where
 * each Org has its own groups.
 */
function principal(store: MockStore, orgId: number, ref: Loose): Share | undefined {
  const id = ref.identifier;
  const found = ref.type !== "USER_GROUP" ? findUser(store.catalog, id) : undefined;
  const user = found && isMember(store.catalog, String(found.name), orgId) ? found : undefined;
  if (user)
    return {
      principalId: String(user.id),
      principalName: String(user.name),
      principalType: "USER",
      shareMode: "NO_ACCESS",
    };
  const group = ref.type !== "USER" ? findGroup(store.catalog, orgId, id) : undefined;
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
        share: principal(store, orgId, (p.principal ?? {}) as Loose),
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
        (p) => principal(store, orgId, p)?.principalId,
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
    fetchPermissionsOfPrincipals: ({ input, caller }) => {
      const orgId = caller?.orgId ?? 0;
      const asked = (input.principals as Loose[] | undefined) ?? [];
      const found = asked.map((p) => ({ p, share: principal(store, orgId, p) }));
      const unknown = found.filter((f) => !f.share).map((f) => String(f.p.identifier));
      if (unknown.length) return badRequest(`User or group not found: ${unknown.join(", ")}`);
      const type = input.default_metadata_type;
      const objects = objectsIn(store, orgId).filter(
        (o) => type === undefined || type === "ALL" || type === o.metadataType,
      );
      const details = found.map(({ share }) => {
        const p = share!;
        const permissions = objects.flatMap((o) => {
          const ownerName = store.catalog.headers[o.id]?.author ?? "tsadmin";
          const owner = store.catalog.users.find((u) => u.name === ownerName) ?? store.catalog.users[0]!;
          const mode =
            owner.id === p.principalId ? "MODIFY" : store.shares.get(o.id)?.get(p.principalId)?.shareMode;
          if (!mode) return [];
          return [
            {
              metadata_type: o.metadataType,
              metadata_id: o.id,
              metadata_name: o.name,
              metadata_owner: { id: owner.id, name: owner.name },
              metadata_author: { id: owner.id, name: owner.name },
              permission: mode,
              shared_permission: owner.id === p.principalId ? "NO_ACCESS" : mode,
              group_permission: [],
            },
          ];
        });
        const types = [...new Set(permissions.map((m) => m.metadata_type))];
        return {
          principal_id: p.principalId,
          principal_name: p.principalName,
          principal_type: p.principalType,
          principal_sub_type: p.principalType === "USER" ? "LOCAL_USER" : "LOCAL_GROUP",
          metadata_permission_info: types.map((t) => ({
            metadata_type: t,
            metadata_permissions: permissions
              .filter((m) => m.metadata_type === t)
              .map(({ metadata_type: _, ...m }) => m),
          })),
        };
      });
      return { json: { principal_permission_details: details } };
    },
  };
}
