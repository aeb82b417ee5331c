// Realistic answers for users and groups: twelve users and four groups, filtered and paged like ThoughtSpot.

import { page } from "../answers/page.js";
import type { Catalog } from "../catalog.js";
import type { Answer } from "../types.js";
import { badRequest, conflict } from "./errors.js";

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

/** A fresh GUID for a created user or group, stable within one mock server. */
const guid = (prefix: string, n: number) => `${prefix}-${String(n).padStart(12, "0")}`;

/** The groups named (by name or GUID) as { id, name } references. */
function groupRefs(catalog: Catalog, identifiers: unknown): Loose[] {
  if (!Array.isArray(identifiers)) return [];
  return catalog.groups
    .filter((g) => identifiers.includes(g.id) || identifiers.includes(g.name))
    .map((g) => ({ id: g.id, name: g.name }));
}

// An id ThoughtSpot cannot resolve is a 400 (the spec declares no 404 for users and groups).
const unknownPrincipal = (what: unknown) => badRequest(`User or group not found: ${String(what)}`);

export function principalAnswers(catalog: Catalog): Record<string, Answer> {
  let created = 0;
  const findUser = (id: unknown) => catalog.users.find((u) => u.id === id || u.name === id);
  return {
    // Created users and groups are remembered, so a sync sees them on its next search.
    createUser: ({ input }) => {
      if (findUser(input.name)) return conflict(`A user named ${String(input.name)} already exists.`);
      const user = {
        id: guid("59481331-ee53-42be-a548", 0x100 + ++created),
        name: input.name,
        display_name: input.display_name,
        visibility: input.visibility ?? "SHARABLE",
        email: input.email,
        account_type: input.account_type ?? "LOCAL_USER",
        account_status: input.account_status ?? "ACTIVE",
        creation_time_in_millis: Date.now(),
        user_groups: groupRefs(catalog, input.group_identifiers),
        current_org: { id: 0, name: "Primary" },
      };
      catalog.users.push(user);
      return { json: user };
    },
    createUserGroup: ({ input }) => {
      if (catalog.groups.some((g) => g.name === input.name))
        return conflict(`A group named ${String(input.name)} already exists.`);
      const group = {
        id: guid("a0d1f2e3-0000-4c00-8000", 0x100 + ++created),
        name: input.name,
        display_name: input.display_name,
        visibility: input.visibility ?? "SHARABLE",
        privileges: input.privileges ?? [],
        type: input.type ?? "LOCAL_GROUP",
        users: [],
      };
      catalog.groups.push(group);
      return { json: group };
    },
    updateUser: ({ input, params }) => {
      const user = findUser(params.user_identifier);
      if (!user) return unknownPrincipal(params.user_identifier);
      if (Array.isArray(input.group_identifiers)) {
        const named = groupRefs(catalog, input.group_identifiers);
        const current = (user.user_groups as Loose[]) ?? [];
        const others = current.filter((g) => !named.some((n) => n.id === g.id));
        user.user_groups =
          input.operation === "ADD" ? [...others, ...named] : input.operation === "REMOVE" ? others : named;
      }
      for (const field of ["display_name", "email", "account_status", "visibility"])
        if (input[field] !== undefined) user[field] = input[field];
      return { status: 204 };
    },
    deleteUser: ({ params }) => {
      const at = catalog.users.findIndex(
        (u) => u.id === params.user_identifier || u.name === params.user_identifier,
      );
      if (at < 0) return unknownPrincipal(params.user_identifier);
      catalog.users.splice(at, 1);
      return { status: 204 };
    },
    deleteUserGroup: ({ params }) => {
      const id = params.group_identifier;
      const at = catalog.groups.findIndex((g) => g.id === id || g.name === id);
      if (at < 0) return unknownPrincipal(id);
      const [group] = catalog.groups.splice(at, 1);
      for (const u of catalog.users)
        u.user_groups = ((u.user_groups as Loose[]) ?? []).filter((g) => g.id !== group!.id);
      return { status: 204 };
    },
    searchUsers: ({ input }) => {
      const groups = Array.isArray(input.group_identifiers) ? input.group_identifiers : undefined;
      const users = filter(catalog.users, input.user_identifier, input.name_pattern).filter(
        (u) =>
          !groups ||
          ((u.user_groups as Loose[] | undefined) ?? []).some(
            (g) => groups.includes(g.id) || groups.includes(g.name),
          ),
      );
      return { json: page(users, input) };
    },
    searchUserGroups: ({ input }) => ({
      json: page(filter(catalog.groups, input.group_identifier, input.name_pattern), input),
    }),
  };
}
