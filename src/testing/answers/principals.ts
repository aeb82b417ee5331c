// Realistic answers for users and groups: twelve users and four groups, filtered and paged like ThoughtSpot.
import type { Catalog } from "../catalog.js";
import type { Answer } from "../types.js";
import { page } from "./page.js";

type Loose = Record<string, unknown>;

/** Keeps the items whose id or name equals `identifier` and whose name matches the SQL-like `pattern`. */
function filter(items: Loose[], identifier: unknown, pattern: unknown): Loose[] {
  let out = items;
  if (typeof identifier === "string" && identifier)
    out = out.filter((i) => i.id === identifier || i.name === identifier);
  if (typeof pattern === "string" && pattern) {
    const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*")}$`, "i");
    out = out.filter((i) => re.test(String(i.name)) || re.test(String(i.display_name)));
  }
  return out;
}

export function principalAnswers(catalog: Catalog): Record<string, Answer> {
  return {
    searchUsers: ({ input }) => ({
      json: page(filter(catalog.users, input.user_identifier, input.name_pattern), input),
    }),
    searchUserGroups: ({ input }) => ({
      json: page(filter(catalog.groups, input.group_identifier, input.name_pattern), input),
    }),
    getCurrentUserInfo: () => ({ json: catalog.users[0] }),
  };
}
