// `{ username, password, session: true }`: a cookie session (V2 auth/session/login, or V1
// session/login with session: "v1"). The cookies live in the client's one jar, so logins and logouts
// run one at a time, in the order asked; each belongs to an auth generation (./generation.ts), and a
// login that completes after its generation ended is logged out again at once. A 401 re-logs in once.
import { AuthSequence, type Generation } from "./generation.js";
import type { AuthStrategy } from "./strategy.js";

export interface SessionHooks {
  login(orgId: number | undefined): Promise<void>;
  logout(): Promise<void>;
  /** Forget every cookie (after logout). */
  clearCookies(): Promise<void>;
}

export function cookieSession(hooks: SessionHooks, orgId: number | undefined): AuthStrategy {
  const sequence = new AuthSequence(orgId);
  /** The session the jar holds: its generation, and when it was made (performance.now()). */
  let session: { generation: Generation; at: number } | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  /** Session logins and logouts share the jar: each runs after the one asked before it. */
  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
  const end = async () => {
    session = undefined;
    try {
      await hooks.logout();
    } finally {
      await hooks.clearCookies();
    }
  };
  /** Logs in for `generation` unless it holds a session made after `sentAt`; false once it has ended. */
  const loginFor = (generation: Generation, sentAt = Number.NEGATIVE_INFINITY) =>
    inTurn(async () => {
      if (!sequence.isCurrent(generation)) return false;
      if (session?.generation === generation && session.at >= sentAt) return true;
      const done = await sequence.login(generation, () => hooks.login(generation.org), end);
      if (!done) return false;
      session = { generation, at: performance.now() };
      return true;
    });
  /** Moves to the next generation and ends the session of the old one, in turn. */
  const leave = (reason: "switchOrg" | "logout", org?: number) => {
    const next = sequence.advance(reason, org);
    const ending = inTurn(async () => {
      if (session) await end();
    });
    return { next, ending };
  };

  return {
    async authorize(headers, call) {
      const generation = sequence.enter(call);
      if (session?.generation !== generation && !(await loginFor(generation))) {
        throw sequence.ended(generation, call);
      }
      if (!sequence.isCurrent(generation)) throw sequence.ended(generation, call);
      sequence.sending(headers, generation);
    },
    async refresh({ headers, sentAt }) {
      // Sent before a logout or switchOrg: the 401 is final, no new login.
      const generation = sequence.renewable(headers);
      // Another call may have logged in again after this one was sent: then just replay.
      return generation ? loginFor(generation, sentAt) : false;
    },
    async login() {
      // false: a later switchOrg or logout decides the state; nothing to do here.
      await loginFor(sequence.current);
    },
    async logout() {
      await leave("logout").ending;
    },
    async switchOrg(orgId) {
      const { next, ending } = leave("switchOrg", orgId);
      // The old Org's session is ended first; a failure there does not undo the switch.
      await ending.catch(() => undefined);
      await loginFor(next);
    },
  };
}
