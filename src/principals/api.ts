// ts.users and ts.groups: the membership, privilege, sync and preference steps admin scripts repeat.
// Creating, updating and deleting users and groups needs nothing beyond ts.api.v2.createUser,
// updateUser, deleteUser, createUserGroup, ... (named as in ThoughtSpot's own SDK).

import type { Call, V1Input, V1Output, V2Input } from "../core/call.js";
import type { CallOptions } from "../core/types.js";
import { type UserPreferences, userPreferences } from "./preferences.js";

export type { UserPreferences };

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

/** What V1 user/sync answers, as the spec types it. */
export type UserSyncResult = V1Output<"userSync">;

/** Every method takes per-call options last (signal, headers, timeoutMs, maxRetries). */
export interface UsersApi {
  addToGroups(user: string, groups: readonly string[], options?: CallOptions): Promise<void>;
  removeFromGroups(user: string, groups: readonly string[], options?: CallOptions): Promise<void>;
  /** V1 user/sync: brings users and groups in line with `principals` (multipart, JSON file part). */
  sync(
    input: {
      principals: readonly SyncPrincipal[];
      /** Password for users the sync creates. */
      password: string;
      /** false (default) = dry run: ThoughtSpot reports what it would change. */
      applyChanges?: boolean;
      removeDeleted?: boolean;
    },
    options?: CallOptions,
  ): Promise<UserSyncResult>;
  /** V1 user/updatepreference for a user GUID. */
  updatePreferences(user: string, prefs: UserPreferences, options?: CallOptions): Promise<void>;
}

export interface GroupsApi {
  addUsers(group: string, users: readonly string[], options?: CallOptions): Promise<void>;
  removeUsers(group: string, users: readonly string[], options?: CallOptions): Promise<void>;
  addPrivileges(group: string, privileges: readonly string[], options?: CallOptions): Promise<void>;
  removePrivileges(group: string, privileges: readonly string[], options?: CallOptions): Promise<void>;
  addSubGroups(group: string, groups: readonly string[], options?: CallOptions): Promise<void>;
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

type GroupUpdate = V2Input<"updateUserGroup">;
type GroupList = "user_identifiers" | "privileges" | "sub_group_identifiers";

export function createPrincipalsApi(call: Call): { users: UsersApi; groups: GroupsApi } {
  // V2 updates REPLACE lists by default; ADD and REMOVE change only what is named.
  const user = (
    id: string,
    operation: "ADD" | "REMOVE",
    groups: readonly string[],
    what: string,
    options: CallOptions | undefined,
  ) =>
    call
      .v2(
        "updateUser",
        { user_identifier: one(id, what), group_identifiers: [...names(groups, what)], operation },
        options,
      )
      .then(() => undefined);
  const group = (
    id: string,
    operation: "ADD" | "REMOVE",
    field: GroupList,
    list: readonly string[],
    what: string,
    options: CallOptions | undefined,
  ) => {
    // Pick keeps the field names checked against the spec; privilege names are checked by ThoughtSpot.
    const lists = { [field]: [...names(list, what)] } as Pick<GroupUpdate, GroupList>;
    const input: GroupUpdate = { group_identifier: one(id, what), operation, ...lists };
    return call.v2("updateUserGroup", input, options).then(() => undefined);
  };

  return {
    users: {
      addToGroups: (id, groups, options) => user(id, "ADD", groups, "users.addToGroups", options),
      removeFromGroups: (id, groups, options) =>
        user(id, "REMOVE", groups, "users.removeFromGroups", options),
      sync: ({ principals, password, applyChanges, removeDeleted }, options) => {
        if (!Array.isArray(principals)) throw new TypeError("users.sync: principals must be an array");
        if (typeof password !== "string" || !password)
          throw new TypeError("users.sync: password is required");
        const input: V1Input<"userSync"> = {
          principals,
          password,
          applyChanges: applyChanges ?? false,
          ...(removeDeleted !== undefined && { removeDeleted }),
        };
        return call.v1("userSync", input, options);
      },
      updatePreferences: async (id, prefs, options) => {
        const input: V1Input<"userUpdatepreference"> = {
          userid: one(id, "users.updatePreferences"),
          preferences: userPreferences(prefs),
        };
        await call.v1("userUpdatepreference", input, options);
      },
    },
    groups: {
      addUsers: (id, users, options) =>
        group(id, "ADD", "user_identifiers", users, "groups.addUsers", options),
      removeUsers: (id, users, options) =>
        group(id, "REMOVE", "user_identifiers", users, "groups.removeUsers", options),
      addPrivileges: (id, privileges, options) =>
        group(id, "ADD", "privileges", privileges, "groups.addPrivileges", options),
      removePrivileges: (id, privileges, options) =>
        group(id, "REMOVE", "privileges", privileges, "groups.removePrivileges", options),
      addSubGroups: (id, groups, options) =>
        group(id, "ADD", "sub_group_identifiers", groups, "groups.addSubGroups", options),
    },
  };
}
