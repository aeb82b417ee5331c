// Realistic answers for users and groups: twelve users of the cluster and the groups of each Org (the
// caller's Org only: a token for Org 1 never sees, joins or changes Primary's groups), filtered and paged
// like ThoughtSpot. Never lets a group cross Orgs.

import { page } from "../answers/page.js";
import type { Catalog } from "../catalog.js";
import type { Answer, AnswerInput } from "../types.js";
import { asV1, badRequest, conflict } from "./errors.js";
import { findOrg, groupsOf, isMember } from "./store.js";

type Loose = Record<string, unknown>;
type Ref = { id: unknown; name: unknown };

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

const orgOf = (request: AnswerInput) => request.caller?.orgId ?? 0;
const named = (item: Loose, identifier: unknown) => item.id === identifier || item.name === identifier;
const refs = (item: Loose, key: "users" | "user_groups" | "sub_groups") => {
  item[key] ??= [];
  return item[key] as Ref[];
};

/** Puts `user` in `group`, on both sides (the user's user_groups and the group's users). */
function join(user: Loose, group: Loose): void {
  if (!refs(user, "user_groups").some((g) => g.id === group.id))
    refs(user, "user_groups").push({ id: group.id, name: group.name });
  if (!refs(group, "users").some((u) => u.id === user.id))
    refs(group, "users").push({ id: user.id, name: user.name });
}

function leave(user: Loose, group: Loose): void {
  user.user_groups = refs(user, "user_groups").filter((g) => g.id !== group.id);
  group.users = refs(group, "users").filter((u) => u.id !== user.id);
}

// An id ThoughtSpot cannot resolve is a 400 (the spec declares no 404 for users and groups). A group of
// another Org is one the caller's Org cannot resolve, so it gets the same answer.
const unknownPrincipal = (what: unknown) => badRequest(`User or group not found: ${String(what)}`);

/** ADD, REMOVE or (the spec's default) REPLACE `wanted` in `current`, by id. */
function merge<T extends Loose>(operation: unknown, current: T[], wanted: T[]): T[] {
  const others = current.filter((c) => !wanted.some((w) => w.id === c.id));
  return operation === "ADD" ? [...others, ...wanted] : operation === "REMOVE" ? others : wanted;
}

export function principalAnswers(catalog: Catalog): Record<string, Answer> {
  let created = 0;
  const findUser = (id: unknown) => catalog.users.find((u) => named(u, id));
  /** The groups of `orgId` named (by name or GUID) in `identifiers`. */
  const groupsNamed = (orgId: number, identifiers: unknown): Loose[] =>
    Array.isArray(identifiers)
      ? groupsOf(catalog, orgId).filter((g) => identifiers.some((i) => named(g, i)))
      : [];
  /** The first identifier no group of `orgId` answers to. */
  const missingGroup = (orgId: number, identifiers: unknown) =>
    Array.isArray(identifiers)
      ? identifiers.find((i) => !groupsOf(catalog, orgId).some((g) => named(g, i)))
      : undefined;
  /** The user's groups in `orgId` become `wanted` (ADD, REMOVE or REPLACE); other Orgs' memberships stay. */
  const regroup = (user: Loose, orgId: number, operation: unknown, wanted: Loose[]) => {
    const inOrg = groupsOf(catalog, orgId).filter((g) =>
      refs(user, "user_groups").some((r) => r.id === g.id),
    );
    const after = merge(operation, inOrg, wanted);
    for (const g of inOrg) if (!after.includes(g)) leave(user, g);
    for (const g of after) joinIn(user, g, orgId);
  };
  /**
   * Puts `user` in a group of `orgId`, and so in that Org: a member of an Org's group works in the Org
   * (its searches list the user, as they list those createUser enrols).
   */
  const joinIn = (user: Loose, group: Loose, orgId: number) => {
    join(user, group);
    enrol(String(user.name), [orgId]);
  };
  /** The user is a member of the caller's Org (and of any Org named in org_identifiers), so it can log in there. */
  const enrol = (username: string, orgIds: number[]) => {
    for (const id of orgIds) {
      const org = catalog.orgs.find((o) => o.id === id);
      if (org && org.members !== "*" && !org.members.includes(username)) org.members.push(username);
    }
  };
  const newUser = (request: AnswerInput, fields: Loose): Loose => {
    const orgId = orgOf(request);
    const org = catalog.orgs.find((o) => o.id === orgId);
    const user: Loose = {
      id: guid("59481331-ee53-42be-a548", 0x100 + ++created),
      creation_time_in_millis: Date.now(),
      user_groups: [],
      ...fields,
      current_org: { id: orgId, name: org?.name ?? "Primary" },
    };
    catalog.users.push(user);
    enrol(String(user.name), [orgId]);
    return user;
  };
  /** A group as the spec's UserGroupResponse has it, with "Orgs in which group exists" (ids as strings there). */
  const shape = (group: Loose, orgId: number) => {
    const org = catalog.orgs.find((o) => o.id === orgId);
    return { ...group, orgs: [{ id: String(orgId), name: org?.name ?? "Primary" }] };
  };
  return {
    // Created users and groups are remembered, so a sync sees them on its next search.
    createUser: (request) => {
      const { input } = request;
      if (findUser(input.name)) return conflict(`A user named ${String(input.name)} already exists.`);
      const orgId = orgOf(request);
      const missing = missingGroup(orgId, input.group_identifiers);
      if (missing !== undefined) return unknownPrincipal(missing);
      const user = newUser(request, {
        name: input.name,
        display_name: input.display_name,
        visibility: input.visibility ?? "SHARABLE",
        email: input.email,
        account_type: input.account_type ?? "LOCAL_USER",
        account_status: input.account_status ?? "ACTIVE",
      });
      // The spec's org_identifiers: "List of Org IDs to which the user belongs" (beside the caller's).
      const orgs = ((input.org_identifiers as unknown[] | undefined) ?? []).map((o) => findOrg(catalog, o));
      enrol(
        String(user.name),
        orgs.flatMap((o) => (o ? [o.id] : [])),
      );
      for (const g of groupsNamed(orgId, input.group_identifiers)) join(user, g);
      // The new user can log in with the password it was created with.
      if (typeof input.password === "string")
        catalog.credentials.passwords[String(input.name)] = input.password;
      return { json: user };
    },
    createUserGroup: (request) => {
      const { input } = request;
      const orgId = orgOf(request);
      // Names are unique within an Org: two Orgs may each have a group of the same name. A duplicate gets
      // the 409 of a duplicate user (errors.ts: ThoughtSpot's V1 docs); the V2 spec lists no 409 here.
      if (groupsOf(catalog, orgId).some((g) => g.name === input.name))
        return conflict(`A group named ${String(input.name)} already exists.`);
      const unknownUser = ((input.user_identifiers as unknown[] | undefined) ?? []).find((u) => !findUser(u));
      if (unknownUser !== undefined) return unknownPrincipal(unknownUser);
      const missing = missingGroup(orgId, input.sub_group_identifiers);
      if (missing !== undefined) return unknownPrincipal(missing);
      const group: Loose = {
        id: guid("a0d1f2e3-0000-4c00-8000", 0x100 + ++created),
        name: input.name,
        display_name: input.display_name,
        description: input.description,
        visibility: input.visibility ?? "SHARABLE",
        privileges: input.privileges ?? [],
        type: input.type ?? "LOCAL_GROUP",
        users: [],
        sub_groups: groupsNamed(orgId, input.sub_group_identifiers).map((g) => ({ id: g.id, name: g.name })),
      };
      groupsOf(catalog, orgId).push(group);
      for (const u of (input.user_identifiers as unknown[] | undefined) ?? [])
        joinIn(findUser(u)!, group, orgId);
      return { json: shape(group, orgId) };
    },
    updateUserGroup: (request) => {
      const { input, params } = request;
      const orgId = orgOf(request);
      const group = groupsOf(catalog, orgId).find((g) => named(g, params.group_identifier));
      if (!group) return unknownPrincipal(params.group_identifier);
      if (typeof input.name === "string" && input.name !== group.name) {
        // A rename onto a name the Org already has: the same duplicate answer as createUserGroup's.
        if (groupsOf(catalog, orgId).some((g) => g.name === input.name))
          return conflict(`A group named ${input.name} already exists.`);
      }
      const users = input.user_identifiers as unknown[] | undefined;
      const unknownUser = (users ?? []).find((u) => !findUser(u));
      if (unknownUser !== undefined) return unknownPrincipal(unknownUser);
      const missing = missingGroup(orgId, input.sub_group_identifiers);
      if (missing !== undefined) return unknownPrincipal(missing);
      const { operation } = input;
      if (Array.isArray(users)) {
        const current = refs(group, "users").flatMap((r): Loose[] => {
          const user = findUser(r.id);
          return user ? [user] : [];
        });
        const after = merge<Loose>(
          operation,
          current,
          users.map((u): Loose => findUser(u)!),
        );
        for (const u of current) if (!after.includes(u)) leave(u, group);
        for (const u of after) joinIn(u, group, orgId);
      }
      if (Array.isArray(input.privileges)) {
        const current = ((group.privileges as string[] | undefined) ?? []).map((id) => ({ id }));
        group.privileges = merge(
          operation,
          current,
          input.privileges.map((id: unknown) => ({ id })),
        ).map((p) => p.id);
      }
      if (Array.isArray(input.sub_group_identifiers)) {
        const wanted = groupsNamed(orgId, input.sub_group_identifiers).map((g) => ({
          id: g.id,
          name: g.name,
        }));
        group.sub_groups = merge(operation, refs(group, "sub_groups"), wanted);
      }
      for (const field of ["name", "display_name", "description", "visibility", "type"])
        if (input[field] !== undefined) group[field] = input[field];
      // A renamed group is renamed in its members' user_groups too.
      for (const u of catalog.users)
        for (const r of refs(u, "user_groups")) if (r.id === group.id) r.name = group.name;
      return { status: 204 };
    },
    updateUser: (request) => {
      const { input, params } = request;
      const user = findUser(params.user_identifier);
      if (!user) return unknownPrincipal(params.user_identifier);
      const orgId = orgOf(request);
      if (Array.isArray(input.group_identifiers)) {
        const missing = missingGroup(orgId, input.group_identifiers);
        if (missing !== undefined) return unknownPrincipal(missing);
        regroup(user, orgId, input.operation, groupsNamed(orgId, input.group_identifiers));
      }
      for (const field of ["display_name", "email", "account_status", "visibility"])
        if (input[field] !== undefined) user[field] = input[field];
      return { status: 204 };
    },
    deleteUser: ({ params }) => {
      const user = findUser(params.user_identifier);
      if (!user) return unknownPrincipal(params.user_identifier);
      catalog.users.splice(catalog.users.indexOf(user), 1);
      // Out of every group of every Org.
      for (const groups of Object.values(catalog.groups)) for (const g of groups) leave(user, g);
      return { status: 204 };
    },
    deleteUserGroup: (request) => {
      const id = request.params.group_identifier;
      const groups = groupsOf(catalog, orgOf(request));
      const group = groups.find((g) => named(g, id));
      if (!group) return unknownPrincipal(id);
      groups.splice(groups.indexOf(group), 1);
      for (const u of catalog.users) leave(u, group);
      for (const g of groups) g.sub_groups = refs(g, "sub_groups").filter((s) => s.id !== group.id);
      return { status: 204 };
    },
    // V1 user create: the V1 spec declares 409 "Username not unique" (and ThoughtSpot's V1 docs list 409
    // for a duplicate username on user create).
    userPost: (request) => {
      const { input } = request;
      if (findUser(input.name)) return asV1(conflict(`Username not unique: ${String(input.name)}`));
      const orgId = orgOf(request);
      const asked = typeof input.groups === "string" ? JSON.parse(input.groups) : input.groups;
      const groups = groupsNamed(orgId, asked);
      const user = newUser(request, {
        name: input.name,
        display_name: input.displayname,
        visibility: input.visibility ?? "SHARABLE",
        account_type: input.usertype ?? "LOCAL_USER",
        account_status: "ACTIVE",
      });
      for (const g of groups) join(user, g);
      if (typeof input.password === "string")
        catalog.credentials.passwords[String(input.name)] = input.password;
      return {
        json: {
          header: { id: user.id, name: input.name, displayName: input.displayname, type: "USER" },
          state: "ACTIVE",
          assignedGroups: groups.map((g) => String(g.id)),
          inheritedGroups: [],
          privileges: [],
          type: input.usertype ?? "LOCAL_USER",
          visibility: input.visibility ?? "DEFAULT",
          displayName: input.displayname,
        },
      };
    },
    searchUsers: (request) => {
      const { input } = request;
      const orgId = orgOf(request);
      const inOrg = new Set(groupsOf(catalog, orgId).map((g) => g.id));
      const groups = Array.isArray(input.group_identifiers)
        ? groupsNamed(orgId, input.group_identifiers).map((g) => g.id)
        : undefined;
      // An Org's users are its members (ThoughtSpot's Org administration docs: users are mapped to Orgs, and
      // each Org's administrators manage the users of their Org); the spec's org_identifiers ("the Orgs to
      // which the user belongs") asks for other Orgs' members instead.
      const asked = Array.isArray(input.org_identifiers) ? input.org_identifiers : [];
      const orgIds = asked.length ? asked.flatMap((o) => findOrg(catalog, o)?.id ?? []) : [orgId];
      const users = filter(catalog.users, input.user_identifier, input.name_pattern)
        .filter((u) => orgIds.some((id) => isMember(catalog, String(u.name), id)))
        .filter((u) => !groups || refs(u, "user_groups").some((g) => groups.includes(g.id)))
        // A user's groups as the caller's Org knows them: another Org's groups are not listed.
        .map((u) => ({ ...u, user_groups: refs(u, "user_groups").filter((g) => inOrg.has(g.id)) }));
      return { json: page(users, input) };
    },
    searchUserGroups: (request) => {
      const { input, caller } = request;
      // The spec's org_identifiers: "ID or name of the Org to which the group belongs"; without it, the
      // caller's Org. Only Orgs the caller works in answer.
      const asked = input.org_identifiers as unknown[] | undefined;
      const orgIds =
        Array.isArray(asked) && asked.length
          ? asked.flatMap((o) => {
              const org = findOrg(catalog, o);
              const member =
                org && (org.members === "*" || org.members.includes(caller?.username ?? "tsadmin"));
              return member ? [org.id] : [];
            })
          : [orgOf(request)];
      const groups = orgIds.flatMap((id) =>
        filter(groupsOf(catalog, id), input.group_identifier, input.name_pattern).map((g) => shape(g, id)),
      );
      return { json: page(groups, input) };
    },
  };
}
