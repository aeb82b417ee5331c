// The answers that read and change a mock's store, by operationId; rebuilt from the store after reset().
// Composition only: no answer logic lives here.

import { v1Operations } from "../../../generated/v1-operations.js";
import type { Answer } from "../types.js";
import { authAnswers, systemAnswers } from "./auth.js";
import { asV1, forbidden } from "./errors.js";
import { importTaskAnswers } from "./imports.js";
import { metadataAnswers } from "./metadata.js";
import { orgAnswers } from "./orgs.js";
import { principalAnswers } from "./principals.js";
import { sharingAnswers } from "./sharing.js";
import { groupsOf, type MockCaller, type MockStore } from "./store.js";
import { tagAnswers } from "./tags.js";
import { v1MetadataAnswers } from "./v1-metadata.js";
import { v1OrgAnswers } from "./v1-orgs.js";
import { v1PrincipalAnswers } from "./v1-principals.js";
import { v1SharingAnswers } from "./v1-sharing.js";

/** Logins, tokens and sessions: the mock's own even with `realistic: false`, since it checks every call. */
export const loginAnswers = (store: MockStore): Record<string, Answer> => authAnswers(store);

/**
 * Operations ThoughtSpot allows only to administrators (the spec's 403 examples name ADMINISTRATION;
 * ThoughtSpot's Group API docs: ADMINISTRATION is what lets a user "create, edit, and delete users and
 * user groups", hence updateUserGroup too; the Org administration docs: "only cluster administrators are
 * allowed to perform CRUD operations on Org objects").
 */
const ADMIN_ONLY = [
  "createUser",
  "deleteUser",
  "createUserGroup",
  "updateUserGroup",
  "deleteUserGroup",
  "userPost",
  "createOrg",
  "updateOrg",
  "deleteOrg",
  // Their V1 counterparts (v1-principals.ts, v1-orgs.ts, v1-sync.ts), which change the store through
  // the V2 answers above.
  "groupPost",
  "groupPut",
  "groupDelete",
  "groupAddprivilege",
  "groupRemoveprivilege",
  "groupUsersPost",
  "groupUsersPut",
  "groupUsersDelete",
  "groupUserPost",
  "groupUserDelete",
  "groupAddmemberships",
  "groupRemovememberships",
  "userDelete",
  "userSync",
  "userAddtoorg",
  "orgPost",
  "orgPut",
  "orgDelete",
  "groupGroupsPost",
  "groupGroupsPut",
  "groupGroupsDelete",
];

/** Whether an operation is V1's, whose errors have V1's body (the V1 spec's ErrorBody). */
const isV1 = (id: string) => Object.hasOwn(v1Operations, id);

/**
 * Whether the caller is in a group with the ADMINISTRATION privilege, of the Org it works in (an Org
 * administrator) or of the Primary Org (a cluster administrator, who administers every Org).
 */
function isAdmin(store: MockStore, caller: MockCaller | undefined): boolean {
  const user = store.catalog.users.find((u) => u.id === caller?.userId);
  const groups = ((user?.user_groups as { id?: unknown }[] | undefined) ?? []).map((g) => g.id);
  return [...new Set([0, caller?.orgId ?? 0])].some((orgId) =>
    groupsOf(store.catalog, orgId).some(
      (g) =>
        groups.includes(g.id) && ((g.privileges as string[] | undefined) ?? []).includes("ADMINISTRATION"),
    ),
  );
}

/** The answers, with the administrator-only operations refused (403) to other users. */
function adminOnly(store: MockStore, answers: Record<string, Answer>): Record<string, Answer> {
  const out = { ...answers };
  for (const id of ADMIN_ONLY) {
    const answer = answers[id];
    if (!answer) continue;
    out[id] = (request) =>
      isAdmin(store, request.caller)
        ? answer(request)
        : isV1(id)
          ? asV1(forbidden(`ADMINISTRATION privilege required for ${id}.`))
          : forbidden(`ADMINISTRATION privilege required for ${id}.`);
  }
  return out;
}

export function stateAnswers(store: MockStore): Record<string, Answer> {
  const answers: Record<string, Answer> = {
    ...systemAnswers(store),
    ...principalAnswers(store.catalog),
    ...tagAnswers(store),
    ...metadataAnswers(store),
    ...importTaskAnswers(store),
    ...sharingAnswers(store),
    ...orgAnswers(store),
  };
  // V1 operations change and read the same store through the V2 answers (one rule for each change).
  return adminOnly(store, {
    ...answers,
    ...v1PrincipalAnswers(store, answers),
    ...v1MetadataAnswers(store, answers),
    ...v1SharingAnswers(store, answers),
    ...v1OrgAnswers(store, answers),
  });
}
