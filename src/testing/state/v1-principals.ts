// V1 user and group operations on the same store as V2: each translates V1's form fields (lists as JSON
// text) into the V2 answer that owns the change, then answers in V1's shapes (User, Group, Principal) and
// V1's error body. Holds no state or rule of its own beyond V1's statuses; never crosses the caller's Org.
import type { Answer, AnswerInput, AnswerOutput } from "../types.js";
import { badRequest, serverError } from "./errors.js";
import {
  findGroup as findGroupIn,
  findUser as findUserIn,
  groupsOf,
  isMember,
  type MockStore,
} from "./store.js";
import { failed, isObjectText, v1Failure, v1List, v1Object, v1Visibility, v2Caller } from "./v1-fields.js";
import { userSyncAnswer } from "./v1-sync.js";

type Loose = Record<string, unknown>;
type Ref = { id?: unknown; name?: unknown };

const orgOf = (request: AnswerInput) => request.caller?.orgId ?? 0;
const refsOf = (item: Loose, key: string) => (item[key] as Ref[] | undefined) ?? [];
const visibility = v1Visibility;

export function v1PrincipalAnswers(store: MockStore, v2: Record<string, Answer>): Record<string, Answer> {
  const catalog = () => store.catalog;
  const call = v2Caller(v2);
  const findUser = (id: unknown) => findUserIn(catalog(), id);
  const findGroup = (orgId: number, id: unknown) => findGroupIn(catalog(), orgId, id);

  /** A user as V1's User schema has it; its groups as the caller's Org knows them. */
  const user = (u: Loose, orgId: number): Loose => {
    const inOrg = new Set(groupsOf(catalog(), orgId).map((g) => g.id));
    const orgIds = catalog()
      .orgs.filter((o) => isMember(catalog(), String(u.name), o.id))
      .map((o) => o.id);
    const created = Number(u.creation_time_in_millis ?? 0);
    return {
      header: {
        id: u.id,
        name: u.name,
        displayName: u.display_name ?? u.name,
        type: "USER",
        created,
        modified: created,
        orgIds,
      },
      state: u.account_status ?? "ACTIVE",
      assignedGroups: refsOf(u, "user_groups")
        .filter((g) => inOrg.has(g.id))
        .map((g) => String(g.id)),
      inheritedGroups: [],
      privileges: [],
      type: u.account_type ?? "LOCAL_USER",
      visibility: u.visibility ?? "DEFAULT",
      displayName: u.display_name ?? u.name,
      complete: true,
    };
  };
  /** A group as V1's Group schema has it: assignedGroups are the groups it was put into (its parents). */
  const group = (g: Loose, orgId: number): Loose => ({
    header: {
      id: g.id,
      name: g.name,
      displayName: g.display_name ?? g.name,
      description: g.description ?? "",
      type: "USER_GROUP",
      orgIds: [orgId],
    },
    assignedGroups: groupsOf(catalog(), orgId)
      .filter((p) => refsOf(p, "sub_groups").some((s) => s.id === g.id))
      .map((p) => String(p.id)),
    inheritedGroups: [],
    privileges: (g.privileges as string[] | undefined) ?? [],
    type: g.type ?? "LOCAL_GROUP",
    visibility: g.visibility ?? "DEFAULT",
    displayName: g.display_name ?? g.name,
    complete: true,
  });

  /** Changes `groupid`'s members through V2's updateUserGroup; `missing` is V1's status for an unknown id. */
  const members =
    (operation: "ADD" | "REMOVE" | "REPLACE", users: (r: AnswerInput) => string[], missing = 400): Answer =>
    (request) => {
      const groupId = request.params.groupid;
      const out = call(
        "updateUserGroup",
        request,
        { user_identifiers: users(request), operation },
        { group_identifier: groupId ?? "" },
      );
      const failure = failed(out);
      return failure ? v1Failure(failure, missing) : { status: 204 };
    };
  /** Changes one user's groups (in the caller's Org) through V2's updateUser. */
  const groupsOfUser =
    (operation: "ADD" | "REMOVE" | "REPLACE"): Answer =>
    (request) => {
      const out = call(
        "updateUser",
        request,
        { group_identifiers: v1List(request.input.groupids), operation },
        { user_identifier: request.params.userid ?? "" },
      );
      const failure = failed(out);
      return failure ? v1Failure(failure, 400) : { status: 204 };
    };
  /** Adds or removes many users in many groups (group/addmemberships, removememberships). */
  const memberships =
    (operation: "ADD" | "REMOVE"): Answer =>
    (request) => {
      const users = v1List(request.input.userids);
      for (const id of v1List(request.input.groupids)) {
        const out = call(
          "updateUserGroup",
          request,
          { user_identifiers: users, operation },
          { group_identifier: id },
        );
        const failure = failed(out);
        if (failure) return v1Failure(failure, 400);
      }
      return { status: 204 };
    };
  /** Adds or removes one privilege of the groups named in groupNames (group/addprivilege, removeprivilege). */
  const privilege = (operation: "ADD" | "REMOVE", request: AnswerInput) => {
    const names = v1List(request.input.groupNames);
    const changed: Loose[] = [];
    for (const name of names) {
      const out = call(
        "updateUserGroup",
        request,
        { privileges: [request.input.privilege], operation },
        { group_identifier: name },
      );
      const failure = failed(out);
      if (failure) return { failure: v1Failure(failure, 400) };
      changed.push(findGroup(orgOf(request), name)!);
    }
    return { changed };
  };

  const answers: Record<string, Answer> = {
    // ThoughtSpot's V1 docs (group-api): name and display_name create a LOCAL_GROUP; privileges are JSON
    // text. A duplicate name in the Org is the duplicate answer of V2's createUserGroup (409, errors.ts).
    groupPost: (request) => {
      const { input } = request;
      const out = call("createUserGroup", request, {
        name: input.name,
        display_name: input.display_name ?? input.displayname ?? input.name,
        description: input.description,
        privileges: v1List(input.privileges),
        type: input.grouptype,
        visibility: visibility(input.visibility),
      });
      const failure = failed(out);
      if (failure) return v1Failure(failure);
      const orgId = orgOf(request);
      return { json: group(findGroup(orgId, input.name)!, orgId) };
    },
    // One group by groupid or name. Without either ThoughtSpot lists every group, which the V1 spec's
    // single-Group schema cannot describe: that call keeps Prism's answer (see the README).
    groupGet: (request) => {
      const asked = request.input.groupid ?? request.input.name;
      if (asked === undefined) return undefined;
      const orgId = orgOf(request);
      const found = findGroup(orgId, asked);
      // The V1 spec's 400 "Invalid parameter" for this operation.
      if (!found) return v1Failure(badRequest(`Invalid parameter: no group ${String(asked)}`), 400);
      return { json: group(found, orgId) };
    },
    // The V1 spec's 500 "Invalid group ID" for an id ThoughtSpot cannot resolve.
    groupDelete: (request) => {
      const out = call("deleteUserGroup", request, {}, { group_identifier: request.params.groupid ?? "" });
      const failure = failed(out);
      return failure
        ? v1Failure(serverError(`Invalid group ID: ${request.params.groupid}`))
        : { status: 204 };
    },
    // content is the group object as V1 answers it: its header's name, displayName and description, its
    // visibility and privileges replace the group's. The V1 spec lists 500 ("Invalid content format") and
    // 403 only, so an unknown group is the 500 of group delete.
    groupPut: (request) => {
      if (!isObjectText(request.input.content))
        return v1Failure(serverError("Invalid content format: content must be a JSON object"));
      const content = v1Object(request.input.content);
      const header = v1Object(content.header);
      const input: Loose = {
        name: header.name,
        display_name: header.displayName ?? content.displayName,
        description: header.description,
        visibility: visibility(content.visibility),
        ...(Array.isArray(content.privileges) && { privileges: content.privileges, operation: "REPLACE" }),
      };
      const id = request.params.groupid ?? "";
      if (!findGroup(orgOf(request), id)) return v1Failure(serverError(`Invalid group ID: ${id}`));
      const failure = failed(call("updateUserGroup", request, input, { group_identifier: id }));
      return failure ? v1Failure(failure) : { status: 204 };
    },
    // The V1 docs (group-api) answer the group's metadata with its updated privileges; one group per call
    // in their example, so with several the last one changed is answered.
    groupAddprivilege: (request) => {
      const result = privilege("ADD", request);
      if (result.failure) return result.failure;
      const last = result.changed.at(-1);
      return last
        ? { json: group(last, orgOf(request)) }
        : v1Failure(badRequest("Invalid parameter: groupNames is empty"), 400);
    },
    groupRemoveprivilege: (request) => privilege("REMOVE", request).failure ?? { status: 204 },
    groupUsersPost: members("ADD", (r) => v1List(r.input.userids)),
    groupUsersPut: members("REPLACE", (r) => v1List(r.input.userids)),
    groupUsersDelete: members("REMOVE", (r) => v1List(r.input.userids)),
    groupUserPost: members("ADD", (r) => [r.params.userid ?? ""]),
    // The V1 spec's 500 "Invalid group or user ID".
    groupUserDelete: members("REMOVE", (r) => [r.params.userid ?? ""], 500),
    groupAddmemberships: memberships("ADD"),
    groupRemovememberships: memberships("REMOVE"),
    groupUsersGet: (request) => usersOfGroup(request),
    groupListuser: (request) => usersOfGroup(request),
    // One user by userid or name. Without either ThoughtSpot lists every user (see groupGet).
    userGet: (request) => {
      const { userid, name } = request.input;
      if (userid === undefined && name === undefined) return undefined;
      const found = findUser(userid ?? name);
      const orgId = orgOf(request);
      // The V1 spec: 400 "Invalid username", 500 "Invalid user ID".
      if (!found || !isMember(catalog(), String(found.name), orgId))
        return userid !== undefined
          ? v1Failure(serverError(`Invalid user ID: ${String(userid)}`))
          : v1Failure(badRequest(`Invalid username: ${String(name)}`), 400);
      return { json: user(found, orgId) };
    },
    // ThoughtSpot's V1 docs: every user and group with their group names (the Principal schema); here
    // those of the caller's Org.
    userList: (request) => {
      const orgId = orgOf(request);
      const groups = groupsOf(catalog(), orgId);
      const nameOf = new Map(groups.map((g) => [g.id, String(g.name)]));
      const users = catalog()
        .users.filter((u) => isMember(catalog(), String(u.name), orgId))
        .map((u) => ({
          name: u.name,
          displayName: u.display_name ?? u.name,
          created: Number(u.creation_time_in_millis ?? 0),
          modified: Number(u.creation_time_in_millis ?? 0),
          ...(typeof u.email === "string" && { mail: u.email }),
          principalTypeEnum: u.account_type ?? "LOCAL_USER",
          groupNames: refsOf(u, "user_groups").flatMap((g) => nameOf.get(g.id) ?? []),
          visibility: u.visibility ?? "DEFAULT",
          activate: (u.account_status ?? "ACTIVE") === "ACTIVE",
        }));
      const listed = groups.map((g) => ({
        name: g.name,
        displayName: g.display_name ?? g.name,
        ...(typeof g.description === "string" && { description: g.description }),
        created: 0,
        modified: 0,
        principalTypeEnum: g.type ?? "LOCAL_GROUP",
        groupNames: groups
          .filter((p) => refsOf(p, "sub_groups").some((s) => s.id === g.id))
          .map((p) => p.name),
        visibility: g.visibility ?? "DEFAULT",
        activate: true,
      }));
      return { json: [...users, ...listed] };
    },
    // ThoughtSpot's Org administration docs (orgs-api-op): DELETE removes the user from the Org named by
    // orgid (default: the caller's) when it belongs to other Orgs too, and from the system when that Org
    // is its only one or orgid is -1. The V1 spec's 500 "Invalid user ID" for an unknown user.
    userDelete: (request) => {
      const id = request.params.userid ?? "";
      const found = findUser(id);
      const orgId = request.input.orgid === undefined ? orgOf(request) : Number(request.input.orgid);
      if (!found) return v1Failure(serverError(`Invalid user ID: ${id}`));
      const name = String(found.name);
      const org = catalog().orgs.find((o) => o.id === orgId);
      // A user the named Org does not have is one it cannot resolve: the same 500.
      if (orgId !== -1 && (!org || !isMember(catalog(), name, orgId)))
        return v1Failure(serverError(`Invalid user ID: ${id} is not in Org ${orgId}`));
      const others = catalog().orgs.filter((o) => o.id !== orgId && isMember(catalog(), name, o.id));
      if (orgId !== -1 && org && Array.isArray(org.members) && others.length > 0) {
        org.members.splice(org.members.indexOf(name), 1);
        for (const g of groupsOf(catalog(), orgId))
          call(
            "updateUserGroup",
            request,
            { user_identifiers: [id], operation: "REMOVE" },
            { group_identifier: String(g.id) },
          );
        return { status: 204 };
      }
      const failure = failed(call("deleteUser", request, {}, { user_identifier: id }));
      return failure ? v1Failure(serverError(`Invalid user ID: ${id}`)) : { status: 204 };
    },
    // content is the user object as V1 answers it (userGet): display name, state, visibility and, when
    // given, assignedGroups (the user's groups in the caller's Org) replace the user's; password too.
    // The V1 spec lists 500 ("Invalid content format") and 403, so an unknown user is the 500 of delete.
    userPut: (request) => {
      const id = request.params.userid ?? "";
      const found = findUser(id);
      if (!found) return v1Failure(serverError(`Invalid user ID: ${id}`));
      // The V1 spec's 500 "Invalid content format".
      if (!isObjectText(request.input.content))
        return v1Failure(serverError("Invalid content format: content must be a JSON object"));
      const content = v1Object(request.input.content);
      const header = v1Object(content.header);
      const input: Loose = {
        display_name: header.displayName ?? content.displayName,
        account_status: content.state,
        visibility: visibility(content.visibility),
        ...(Array.isArray(content.assignedGroups) && {
          group_identifiers: content.assignedGroups,
          operation: "REPLACE",
        }),
      };
      const failure = failed(call("updateUser", request, input, { user_identifier: id }));
      if (failure) return v1Failure(failure);
      if (typeof request.input.password === "string" && request.input.password)
        catalog().credentials.passwords[String(found.name)] = request.input.password;
      return { status: 204 };
    },
    userGroupsPost: groupsOfUser("ADD"),
    userGroupsPut: groupsOfUser("REPLACE"),
    userGroupsDelete: groupsOfUser("REMOVE"),
    userGroupsGet: (request) => {
      const orgId = orgOf(request);
      const found = findUser(request.params.userid);
      if (!found) return v1Failure(badRequest(`Invalid parameter: no user ${request.params.userid}`), 400);
      const ids = new Set(refsOf(found, "user_groups").map((g) => g.id));
      return {
        json: groupsOf(catalog(), orgId)
          .filter((g) => ids.has(g.id))
          .map((g) => group(g, orgId)),
      };
    },
  };
  answers.userSync = userSyncAnswer(store, v2, answers.userDelete!);
  // A group's sub-groups (principalids), through V2's updateUserGroup sub_group_identifiers.
  const subGroups =
    (operation: "ADD" | "REMOVE" | "REPLACE"): Answer =>
    (request) => {
      const out = call(
        "updateUserGroup",
        request,
        { sub_group_identifiers: v1List(request.input.principalids), operation },
        { group_identifier: request.params.groupid ?? "" },
      );
      const failure = failed(out);
      return failure ? v1Failure(failure, 400) : { status: 204 };
    };
  answers.groupGroupsPost = subGroups("ADD");
  answers.groupGroupsPut = subGroups("REPLACE");
  answers.groupGroupsDelete = subGroups("REMOVE");
  answers.groupGroupsGet = (request) => {
    const orgId = orgOf(request);
    const found = findGroup(orgId, request.params.groupid);
    if (!found) return v1Failure(badRequest(`Invalid parameter: no group ${request.params.groupid}`), 400);
    return {
      json: refsOf(found, "sub_groups").flatMap((r) => {
        const g = findGroup(orgId, r.id);
        return g ? [group(g, orgId)] : [];
      }),
    };
  };
  // ThoughtSpot's Org administration docs: user/addtoorg adds existing users to an Org (orgid, default
  // the caller's). An unknown user or Org is the V1 spec's 400 "Invalid parameter", nothing added.
  answers.userAddtoorg = (request) => {
    const orgId = request.input.orgid === undefined ? orgOf(request) : Number(request.input.orgid);
    const org = catalog().orgs.find((o) => o.id === orgId);
    if (!org) return v1Failure(badRequest(`Invalid parameter: no Org ${String(request.input.orgid)}`), 400);
    const ids = v1List(request.input.userids);
    const missing = ids.find((id) => !findUser(id));
    if (missing !== undefined) return v1Failure(badRequest(`Invalid parameter: no user ${missing}`), 400);
    for (const id of ids) {
      const name = String(findUser(id)!.name);
      if (Array.isArray(org.members) && !org.members.includes(name)) org.members.push(name);
    }
    return { status: 204 };
  };
  return answers;

  function usersOfGroup(request: AnswerInput): AnswerOutput {
    const orgId = orgOf(request);
    const found = findGroup(orgId, request.params.groupid);
    if (!found) return v1Failure(badRequest(`Invalid parameter: no group ${request.params.groupid}`), 400);
    return {
      json: refsOf(found, "users").flatMap((r) => {
        const u = findUser(r.id);
        return u ? [user(u, orgId)] : [];
      }),
    };
  }
}
