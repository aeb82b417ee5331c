// Orgs of the store: searchOrgs lists the Orgs the caller belongs to (all of them for tsadmin);
// createOrg adds an empty Org (tsadmin and the creator are members; no groups, no tags), deleteOrg
// removes one with its objects, groups, tags and logins, updateOrg renames it and changes its members.
// Never deletes the Primary Org (0).
import type { Answer } from "../types.js";
import { badRequest, conflict } from "./errors.js";
import { findOrg, findUser, isMember, type MockStore } from "./store.js";

export function orgAnswers(store: MockStore): Record<string, Answer> {
  const { catalog } = store;
  const shape = (o: (typeof catalog.orgs)[number]) => ({
    id: o.id,
    name: o.name,
    status: "ACTIVE",
    description: o.description,
    visibility: "SHOW",
  });
  return {
    searchOrgs: ({ input, caller }) => {
      const id = input.org_identifier;
      const orgs = catalog.orgs.filter(
        (o) =>
          isMember(catalog, caller?.username ?? "tsadmin", o.id) &&
          (id === undefined || String(o.id) === String(id) || o.name === id),
      );
      return { json: orgs.map(shape) };
    },
    createOrg: ({ input, caller }) => {
      const name = String(input.name);
      if (catalog.orgs.some((o) => o.name === name)) return conflict(`An Org named ${name} already exists.`);
      const org = {
        id: Math.max(...catalog.orgs.map((o) => o.id)) + 1,
        name,
        description: String(input.description ?? name),
        members: [...new Set(["tsadmin", caller?.username ?? "tsadmin"])],
      };
      catalog.orgs.push(org);
      // The answer's shape is the spec's createOrg example.
      return { json: shape(org) };
    },
    // name and description change; user_identifiers ADD (the spec's default), REMOVE or REPLACE the Org's
    // members (tsadmin stays: the cluster administrator works in every Org). A name another Org has is
    // createOrg's 409; an unknown Org or user the spec's 400.
    updateOrg: ({ input, params }) => {
      const org = findOrg(catalog, params.org_identifier);
      if (!org) return badRequest(`Org not found: ${params.org_identifier}`);
      const name = typeof input.name === "string" ? input.name : undefined;
      if (name !== undefined && catalog.orgs.some((o) => o !== org && o.name === name))
        return conflict(`An Org named ${name} already exists.`);
      const asked = Array.isArray(input.user_identifiers) ? input.user_identifiers : undefined;
      const users = (asked ?? []).map((id) => findUser(catalog, id));
      const unknown = (asked ?? []).find((_, i) => !users[i]);
      if (unknown !== undefined) return badRequest(`User not found: ${String(unknown)}`);
      if (asked && org.members !== "*") {
        const names = users.map((u) => String(u!.name));
        const operation = input.operation ?? "ADD";
        const kept =
          operation === "REPLACE"
            ? []
            : org.members.filter((m) => operation !== "REMOVE" || !names.includes(m) || m === "tsadmin");
        org.members = [
          ...new Set([
            ...(operation === "REPLACE" ? ["tsadmin"] : []),
            ...kept,
            ...(operation === "REMOVE" ? [] : names),
          ]),
        ];
      }
      if (name !== undefined) org.name = name;
      if (typeof input.description === "string") org.description = input.description;
      return { status: 204 };
    },
    deleteOrg: ({ params }) => {
      const org = findOrg(catalog, params.org_identifier);
      if (!org) return badRequest(`Org not found: ${params.org_identifier}`);
      if (org.id === 0) return badRequest("The Primary Org cannot be deleted.");
      catalog.orgs.splice(catalog.orgs.indexOf(org), 1);
      for (const o of catalog.objects)
        if (o.orgId === org.id) {
          store.shares.delete(o.id);
          delete catalog.headers[o.id];
        }
      catalog.objects = catalog.objects.filter((o) => o.orgId !== org.id);
      // Its groups and tags go with it; users stay (they are the cluster's) but leave its groups.
      const gone = new Set((catalog.groups[org.id] ?? []).map((g) => g.id));
      for (const u of catalog.users)
        u.user_groups = ((u.user_groups as { id?: unknown }[] | undefined) ?? []).filter(
          (g) => !gone.has(g.id),
        );
      delete catalog.groups[org.id];
      delete catalog.tags[org.id];
      for (const [token, grant] of store.tokens) if (grant.orgId === org.id) store.tokens.delete(token);
      for (const [id, session] of store.sessions) if (session.orgId === org.id) store.sessions.delete(id);
      return { status: 204 };
    },
  };
}
