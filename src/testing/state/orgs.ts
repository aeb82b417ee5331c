// Orgs of the store: searchOrgs lists the Orgs the caller belongs to (all of them for tsadmin);
// createOrg adds an empty Org (tsadmin and the creator are members), deleteOrg removes one with its
// objects. The Primary Org (0) cannot be deleted.
import type { Answer } from "../types.js";
import { badRequest, conflict } from "./errors.js";
import { findOrg, isMember, type MockStore } from "./store.js";

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
    deleteOrg: ({ params }) => {
      const org = findOrg(catalog, params.org_identifier);
      if (!org) return badRequest(`Org not found: ${params.org_identifier}`);
      if (org.id === 0) return badRequest("The Primary Org cannot be deleted.");
      catalog.orgs.splice(catalog.orgs.indexOf(org), 1);
      catalog.objects = catalog.objects.filter((o) => o.orgId !== org.id);
      for (const [token, grant] of store.tokens) if (grant.orgId === org.id) store.tokens.delete(token);
      for (const [id, session] of store.sessions) if (session.orgId === org.id) store.sessions.delete(id);
      return { status: 204 };
    },
  };
}
