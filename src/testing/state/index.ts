// The answers that read and change a mock's store, by operationId. Rebuilt from the store after reset().

import type { Answer } from "../types.js";
import { authAnswers, systemAnswers } from "./auth.js";
import { importTaskAnswers } from "./imports.js";
import { metadataAnswers } from "./metadata.js";
import { orgAnswers } from "./orgs.js";
import { principalAnswers } from "./principals.js";
import { sharingAnswers } from "./sharing.js";
import type { MockStore } from "./store.js";
import { tagAnswers } from "./tags.js";

/** Logins, tokens and sessions: the mock's own even with `realistic: false`, since it checks every call. */
export const loginAnswers = (store: MockStore): Record<string, Answer> => authAnswers(store);

export function stateAnswers(store: MockStore): Record<string, Answer> {
  return {
    ...systemAnswers(store),
    ...principalAnswers(store.catalog),
    ...tagAnswers(store.catalog),
    ...metadataAnswers(store),
    ...importTaskAnswers(store),
    ...sharingAnswers(store),
    ...orgAnswers(store),
  };
}
