// The answers that read and change a mock's store, by operationId; rebuilt from the store after reset().
// Composition only: no answer logic lives here.

import type { Answer } from "../types.js";
import { authAnswers, systemAnswers } from "./auth.js";
import { forbidden } from "./errors.js";
import { importTaskAnswers } from "./imports.js";
import { metadataAnswers } from "./metadata.js";
import { orgAnswers } from "./orgs.js";
import { principalAnswers } from "./principals.js";
import { sharingAnswers } from "./sharing.js";
import { groupsOf, type MockCaller, type MockStore } from "./store.js";
import { tagAnswers } from "./tags.js";

/** Logins, tokens and sessions: the mock's own even with `realistic: false`, since it checks every call. */
export const loginAnswers = (store: MockStore): Record<string, Answer> => authAnswers(store);

/**
 * Operations ThoughtSpot allows only to administrators (the spec's 403 examples name ADMINISTRATION;
 * ThoughtSpot's Group API docs: ADMINISTRATION is what lets a user "create, edit, and delete users and
 * user groups", hence updateUserGroup too).
 */
const ADMIN_ONLY = [
  "createUser",
  "deleteUser",
  "createUserGroup",
  "updateUserGroup",
  "deleteUserGroup",
  "userPost",
  "createOrg",
  "deleteOrg",
];

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
        : forbidden(`ADMINISTRATION privilege required for ${id}.`);
  }
  return out;
}

export function stateAnswers(store: MockStore): Record<string, Answer> {
  return adminOnly(store, {
    ...systemAnswers(store),
    ...principalAnswers(store.catalog),
    ...tagAnswers(store),
    ...metadataAnswers(store),
    ...importTaskAnswers(store),
    ...sharingAnswers(store),
    ...orgAnswers(store),
  });
}
