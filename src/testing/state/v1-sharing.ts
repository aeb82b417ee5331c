// V1 sharing on the same store as V2: security/share records shares through V2's shareMetadata, and the
// V1 permission reads (metadata/permissions, by id, effectivepermissionbulk) answer from those records
// in V1's ObjectPermissionsMap shape. Only objects of the caller's Org; no share rule of its own.
import type { Answer, AnswerInput, AnswerOutput } from "../types.js";
import { badRequest } from "./errors.js";
import { findObject } from "./metadata.js";
import { groupsOf, type MockStore, type Share } from "./store.js";
import { failed, v1Failure, v1List, v1Object } from "./v1-fields.js";

type Loose = Record<string, unknown>;

const RANK: Record<string, number> = { NO_ACCESS: 0, READ_ONLY: 1, MODIFY: 2 };

export function v1SharingAnswers(store: MockStore, v2: Record<string, Answer>): Record<string, Answer> {
  const orgOf = (request: AnswerInput) => request.caller?.orgId ?? 0;

  /**
   * Who may do what with one object, keyed by principal GUID. DEFINED: the shares made on it. EFFECTIVE
   * (the V1 docs: "inherited via groups"): those, the owner's MODIFY, and each member of a shared group
   * with the group's mode when that is more than the member's own.
   */
  const permissionsOf = (orgId: number, id: string, effective: boolean): Loose => {
    const shares = [...(store.shares.get(id)?.values() ?? [])];
    const modes = new Map<string, string>(shares.map((s: Share) => [s.principalId, s.shareMode]));
    if (effective) {
      const raise = (principal: string, mode: string) => {
        if ((RANK[mode] ?? 0) > (RANK[modes.get(principal) ?? "NO_ACCESS"] ?? 0)) modes.set(principal, mode);
      };
      for (const s of shares.filter((x) => x.principalType === "USER_GROUP")) {
        const group = groupsOf(store.catalog, orgId).find((g) => g.id === s.principalId);
        for (const member of (group?.users as { id: unknown }[] | undefined) ?? [])
          raise(String(member.id), s.shareMode);
      }
      const ownerName = store.catalog.headers[id]?.author ?? "tsadmin";
      const owner = store.catalog.users.find((u) => u.name === ownerName);
      if (owner) raise(String(owner.id), "MODIFY");
    }
    return {
      permissions: Object.fromEntries(
        [...modes].map(([principal, shareMode]) => [principal, { topLevelObjectId: id, shareMode }]),
      ),
    };
  };
  /** The ObjectPermissionsMap of `ids`, or the V1 spec's 400 "Invalid parameter value" naming an unknown one. */
  const permissionMap = (request: AnswerInput, ids: string[], effective: boolean): AnswerOutput => {
    const orgId = orgOf(request);
    const missing = ids.filter((id) => !findObject(store, orgId, id));
    if (missing.length)
      return v1Failure(badRequest(`Invalid parameter value: no object ${missing.join(", ")}`), 400);
    const out: Loose = {};
    for (const id of ids) {
      const object = findObject(store, orgId, id)!;
      out[object.id] = permissionsOf(orgId, object.id, effective);
    }
    return { json: out };
  };
  const isEffective = (request: AnswerInput) =>
    String(request.input.permissiontype ?? "EFFECTIVE").toUpperCase() !== "DEFINED";

  return {
    // permission is {"permissions": {<principal GUID>: {"shareMode": ...}}} (the V1 docs); NO_ACCESS takes
    // a share away. Unknown objects or principals: V2's answer, as V1's 400 "Invalid parameter value".
    securityShare: (request) => {
      const { input } = request;
      const asked = v1Object(v1Object(input.permission).permissions);
      const ids = v1List(input.id);
      // Nothing to share, or with nobody: the V1 spec's 400 "Invalid parameter value".
      if (ids.length === 0 || Object.keys(asked).length === 0)
        return v1Failure(
          badRequest('Invalid parameter value: id and permission {"permissions": {...}} are required'),
          400,
        );
      const out = v2.shareMetadata!({
        ...request,
        operationId: "shareMetadata",
        input: {
          metadata_identifiers: ids,
          permissions: Object.entries(asked).map(([identifier, p]) => ({
            principal: { identifier },
            share_mode: v1Object(p).shareMode,
          })),
        },
      });
      const failure = failed(out);
      return failure ? v1Failure(failure, 400) : { status: 204 };
    },
    securityMetadataPermissions: (request) =>
      permissionMap(request, v1List(request.input.id), isEffective(request)),
    securityMetadataPermissionsById: (request) =>
      permissionMap(request, [request.params.id ?? ""], isEffective(request)),
    // idsbytype is {<type>: [GUID, ...]}; the answer is keyed by type, then GUID, with effective permissions.
    securityEffectivepermissionbulk: (request) => {
      const out: Loose = {};
      for (const [type, ids] of Object.entries(v1Object(request.input.idsbytype))) {
        const map = permissionMap(request, v1List(ids), true);
        if (failed(map)) return map;
        out[type] = (map as { json: unknown }).json;
      }
      return { json: out };
    },
  };
}
