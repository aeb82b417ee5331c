// `{ username, password, session: true }`: a cookie session (V2 auth/session/login, or V1
// session/login with session: "v1"). The cookies live in the client's jar; a 401 means the session
// ended, so log in again once.
import type { AuthStrategy } from "./strategy.js";

export interface SessionHooks {
  login(orgId: number | undefined): Promise<void>;
  logout(): Promise<void>;
  /** Forget every cookie (after logout). */
  clearCookies(): Promise<void>;
}

export function cookieSession(hooks: SessionHooks, orgId: number | undefined): AuthStrategy {
  let org = orgId;
  let loggedInAt: number | undefined;
  let pending: Promise<void> | undefined;

  const login = () => {
    pending ??= hooks
      .login(org)
      .then(() => {
        loggedInAt = performance.now();
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return {
    async authorize() {
      if (loggedInAt === undefined) await login();
    },
    async refresh({ sentAt }) {
      // Another call already logged in again after this one was sent: just replay.
      if (pending) await pending;
      else if (loggedInAt === undefined || loggedInAt < sentAt) await login();
      return true;
    },
    login,
    async logout() {
      if (loggedInAt === undefined) return;
      loggedInAt = undefined;
      try {
        await hooks.logout();
      } finally {
        await hooks.clearCookies();
      }
    },
    async switchOrg(orgId) {
      org = orgId;
      await login();
    },
  };
}
