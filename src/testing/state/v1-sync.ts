// V1 user/sync on the store: the users and groups an Org should have, created, updated and (with
// removeDeleted) removed through the V2 answers and V1's user delete. A dry run unless applyChanges;
// never removes the caller.
import type { Answer, AnswerInput, AnswerOutput } from "../types.js";
import { serverError } from "./errors.js";
import {
  findGroup as findGroupIn,
  findUser as findUserIn,
  groupsOf,
  isMember,
  type MockStore,
} from "./store.js";
import { failed, v1Failure, v1List, v2Caller, v1Visibility as visibility } from "./v1-fields.js";

type Loose = Record<string, unknown>;
const orgOf = (request: AnswerInput) => request.caller?.orgId ?? 0;

/**
 * user/sync (ThoughtSpot's V1 docs): principals is the list of users and groups the caller's Org should
 * have, in user/list's shape. Missing ones are created (users with `password`), listed ones updated
 * (display name, and a user's groups become its groupNames), and with removeDeleted (the docs' default)
 * unlisted ones removed, never the caller. applyChanges (default false) makes the changes; without it
 * the answer only says what would change. The docs show no answer: its keys are the mock's own.
 */
export function userSyncAnswer(store: MockStore, v2: Record<string, Answer>, removeUser: Answer): Answer {
  const catalog = () => store.catalog;
  const call = v2Caller(v2);
  const findUser = (id: unknown) => findUserIn(catalog(), id);
  const findGroup = (orgId: number, id: unknown) => findGroupIn(catalog(), orgId, id);
  return (request) => sync(request);

  function sync(request: AnswerInput): AnswerOutput {
    const { input } = request;
    let listed: unknown;
    try {
      listed = JSON.parse(String(input.principals));
    } catch {
      listed = undefined;
    }
    // The V1 spec's 500 "Invalid request".
    if (
      !Array.isArray(listed) ||
      listed.some((p) => !p || typeof p !== "object" || typeof p.name !== "string")
    )
      return v1Failure(
        serverError("Invalid request: principals must be a JSON array of principals with names"),
      );
    const apply = String(input.applyChanges) === "true";
    const removeDeleted = String(input.removeDeleted ?? input.removeDelete ?? "true") !== "false";
    const orgId = orgOf(request);
    const principals = listed as Loose[];
    const isGroup = (p: Loose) => String(p.principalTypeEnum ?? "").endsWith("_GROUP");
    const summary = {
      usersAdded: [] as string[],
      usersUpdated: [] as string[],
      usersDeleted: [] as string[],
      groupsAdded: [] as string[],
      groupsUpdated: [] as string[],
      groupsDeleted: [] as string[],
    };
    const check = (out: AnswerOutput | undefined) => {
      const failure = failed(out);
      if (failure) throw failure;
    };
    try {
      for (const p of principals.filter(isGroup)) {
        const fields = {
          display_name: p.displayName ?? p.name,
          description: p.description,
          visibility: visibility(p.visibility),
        };
        if (findGroup(orgId, p.name)) {
          summary.groupsUpdated.push(String(p.name));
          if (apply) check(call("updateUserGroup", request, fields, { group_identifier: String(p.name) }));
        } else {
          summary.groupsAdded.push(String(p.name));
          if (apply) check(call("createUserGroup", request, { name: p.name, ...fields }));
        }
      }
      for (const p of principals.filter((x) => !isGroup(x))) {
        const known = findUser(p.name);
        const groupNames = v1List(p.groupNames).filter((n) => findGroup(orgId, n));
        if (known && isMember(catalog(), String(known.name), orgId)) {
          summary.usersUpdated.push(String(p.name));
          if (apply)
            check(
              call(
                "updateUser",
                request,
                { display_name: p.displayName, group_identifiers: groupNames, operation: "REPLACE" },
                { user_identifier: String(known.id) },
              ),
            );
        } else {
          summary.usersAdded.push(String(p.name));
          if (!apply) continue;
          if (known) {
            // A user of another Org joins this one.
            const org = catalog().orgs.find((o) => o.id === orgId);
            if (org && Array.isArray(org.members)) org.members.push(String(known.name));
            check(
              call(
                "updateUser",
                request,
                { group_identifiers: groupNames, operation: "REPLACE" },
                { user_identifier: String(known.id) },
              ),
            );
          } else
            check(
              call("createUser", request, {
                name: p.name,
                display_name: p.displayName ?? p.name,
                email: p.mail,
                password: input.password,
                account_type: p.principalTypeEnum,
                visibility: visibility(p.visibility),
                group_identifiers: groupNames,
              }),
            );
        }
      }
      if (removeDeleted) {
        const names = new Set(principals.map((p) => String(p.name)));
        for (const u of catalog().users.filter(
          (x) =>
            !names.has(String(x.name)) &&
            x.id !== request.caller?.userId &&
            isMember(catalog(), String(x.name), orgId),
        )) {
          summary.usersDeleted.push(String(u.name));
          if (apply) check(removeUser({ ...request, input: {}, params: { userid: String(u.id) } }));
        }
        for (const g of groupsOf(catalog(), orgId).filter((x) => !names.has(String(x.name)))) {
          summary.groupsDeleted.push(String(g.name));
          if (apply) check(call("deleteUserGroup", request, {}, { group_identifier: String(g.id) }));
        }
      }
    } catch (failure) {
      if (failure instanceof Error) throw failure;
      return v1Failure(failure as AnswerOutput, 500);
    }
    return { json: summary };
  }
}
