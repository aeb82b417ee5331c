// Orgs of the store: searchOrgs lists the Orgs the caller belongs to (all of them for tsadmin).
import type { Answer } from "../types.js";
import { isMember, type MockStore } from "./store.js";

export function orgAnswers(store: MockStore): Record<string, Answer> {
  return {
    searchOrgs: ({ input, caller }) => {
      const id = input.org_identifier;
      const orgs = store.catalog.orgs.filter(
        (o) =>
          isMember(store.catalog, caller?.username ?? "tsadmin", o.id) &&
          (id === undefined || String(o.id) === String(id) || o.name === id),
      );
      return {
        json: orgs.map((o) => ({
          id: o.id,
          name: o.name,
          status: "ACTIVE",
          visibility: "SHOW",
          description: o.description,
        })),
      };
    },
  };
}
