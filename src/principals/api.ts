// ts.users and ts.groups: the membership, privilege, sync and preference steps admin scripts repeat.
// Creating, updating and deleting users and groups needs nothing beyond ts.api.v2.createUser,
// updateUser, deleteUser, createUserGroup, ... (named as in ThoughtSpot's own SDK).

import { type UserPreferences, userPreferences } from "./preferences.js";

export type { UserPreferences };

import { call, type LooseApi } from "../operations/loose-api.js";

/** One entry of V1 user/sync `principals` (the shape of V1 user/list items). */
export interface SyncPrincipal {
  name: string;
  displayName?: string;
  principalTypeEnum: "LOCAL_USER" | "LOCAL_GROUP" | (string & {});
  groupNames?: string[];
  mail?: string;
  visibility?: "DEFAULT" | "NON_SHARABLE" | "SHARABLE";
  [key: string]: unknown;
}

export interface UsersApi {
  addToGroups(user: string, groups: readonly string[]): Promise<void>;
  removeFromGroups(user: string, groups: readonly string[]): Promise<void>;
  /** V1 user/sync: brings users and groups in line with `principals` (multipart, JSON file part). */
  sync(input: {
    principals: readonly SyncPrincipal[];
    /** Password for users the sync creates. */
    password: string;
    /** false (default) = dry run: ThoughtSpot reports what it would change. */
    applyChanges?: boolean;
    removeDeleted?: boolean;
  }): Promise<unknown>;
  /** V1 user/updatepreference for a user GUID. */
  updatePreferences(user: string, prefs: UserPreferences): Promise<void>;
}

export interface GroupsApi {
  addUsers(group: string, users: readonly string[]): Promise<void>;
  removeUsers(group: string, users: readonly string[]): Promise<void>;
  addPrivileges(group: string, privileges: readonly string[]): Promise<void>;
  removePrivileges(group: string, privileges: readonly string[]): Promise<void>;
  addSubGroups(group: string, groups: readonly string[]): Promise<void>;
}

function names(list: readonly string[], what: string) {
  if (!Array.isArray(list) || list.length === 0 || list.some((n) => typeof n !== "string" || !n)) {
    throw new TypeError(`${what}: give a non-empty list of GUIDs or names`);
  }
  return list;
}
function one(id: string, what: string) {
  if (typeof id !== "string" || !id) throw new TypeError(`${what}: give a GUID or name`);
  return id;
}

export function createPrincipalsApi(api: LooseApi): { users: UsersApi; groups: GroupsApi } {
  const calls = {
    updateUser: call(api.v2, "updateUser"),
    updateUserGroup: call(api.v2, "updateUserGroup"),
    userSync: call(api.v1, "userSync"),
    userUpdatepreference: call(api.v1, "userUpdatepreference"),
  };
  // V2 updates REPLACE lists by default; ADD and REMOVE change only what is named.
  const user = (id: string, operation: "ADD" | "REMOVE", groups: readonly string[], what: string) =>
    calls
      .updateUser({ user_identifier: one(id, what), group_identifiers: names(groups, what), operation })
      .then(() => undefined);
  const group = (
    id: string,
    operation: "ADD" | "REMOVE",
    field: string,
    list: readonly string[],
    what: string,
  ) =>
    calls
      .updateUserGroup({ group_identifier: one(id, what), [field]: names(list, what), operation })
      .then(() => undefined);

  return {
    users: {
      addToGroups: (id, groups) => user(id, "ADD", groups, "users.addToGroups"),
      removeFromGroups: (id, groups) => user(id, "REMOVE", groups, "users.removeFromGroups"),
      sync: ({ principals, password, applyChanges, removeDeleted }) => {
        if (!Array.isArray(principals)) throw new TypeError("users.sync: principals must be an array");
        if (typeof password !== "string" || !password)
          throw new TypeError("users.sync: password is required");
        return calls.userSync({
          principals,
          password,
          applyChanges: applyChanges ?? false,
          ...(removeDeleted !== undefined && { removeDeleted }),
        });
      },
      updatePreferences: async (id, prefs) => {
        await calls.userUpdatepreference({
          userid: one(id, "users.updatePreferences"),
          preferences: userPreferences(prefs),
        });
      },
    },
    groups: {
      addUsers: (id, users) => group(id, "ADD", "user_identifiers", users, "groups.addUsers"),
      removeUsers: (id, users) => group(id, "REMOVE", "user_identifiers", users, "groups.removeUsers"),
      addPrivileges: (id, privileges) => group(id, "ADD", "privileges", privileges, "groups.addPrivileges"),
      removePrivileges: (id, privileges) =>
        group(id, "REMOVE", "privileges", privileges, "groups.removePrivileges"),
      addSubGroups: (id, groups) => group(id, "ADD", "sub_group_identifiers", groups, "groups.addSubGroups"),
    },
  };
}
