// The method names of ts.users and ts.groups, beside their interfaces (a missing or extra name is a
// compile error).
import type { GroupsApi, UsersApi } from "./api.js";

export const usersMethods = {
  addToGroups: true,
  removeFromGroups: true,
  sync: true,
  updatePreferences: true,
} as const satisfies Record<keyof UsersApi, true>;

export const groupsMethods = {
  addUsers: true,
  removeUsers: true,
  addPrivileges: true,
  removePrivileges: true,
  addSubGroups: true,
} as const satisfies Record<keyof GroupsApi, true>;
