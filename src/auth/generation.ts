// The auth state as a sequence of generations: the Org, and a count of switchOrg and logout calls.
// Owns which generation is current, which one each call and each request belongs to, and what becomes
// of a login that completes for a generation that has ended. Must never hand a credential of an ended
// generation to a call, nor let a 401 of one start a login.
import type { CallInfo, OutgoingHeaders } from "../core/engine.js";
import { AuthError } from "../core/errors.js";

export interface Generation {
  readonly org: number | undefined;
  readonly epoch: number;
  /** What ended it, once switchOrg or logout has started the next one. */
  endedBy?: "switchOrg" | "logout";
}

export class AuthSequence {
  #current: Generation;
  /** The generation each call runs in: fixed at its first attempt, so a retry never crosses a switch. */
  #calls = new WeakMap<CallInfo, Generation>();
  /** The generation whose credential each request went out with (the headers object it was sent with). */
  #sent = new WeakMap<OutgoingHeaders, Generation>();

  constructor(org: number | undefined) {
    this.#current = { org, epoch: 0 };
  }

  get current(): Generation {
    return this.#current;
  }

  isCurrent(generation: Generation): boolean {
    return generation === this.#current;
  }

  /** switchOrg or logout: every call that starts from now on belongs to the next generation. */
  advance(reason: "switchOrg" | "logout", org = this.#current.org): Generation {
    this.#current.endedBy = reason;
    this.#current = { org, epoch: this.#current.epoch + 1 };
    return this.#current;
  }

  /** The generation a call's attempt runs in; a later attempt after switchOrg or logout is refused. */
  enter(call: CallInfo): Generation {
    const pinned = this.#calls.get(call);
    if (pinned && pinned !== this.#current) throw this.ended(pinned, call);
    this.#calls.set(call, this.#current);
    return this.#current;
  }

  /** The request is about to go out with `generation`'s credential. */
  sending(headers: OutgoingHeaders, generation: Generation): void {
    this.#sent.set(headers, generation);
  }

  /** After a 401: the generation whose credential may be renewed, if the request was sent in the current one. */
  renewable(headers: OutgoingHeaders): Generation | undefined {
    const generation = this.#sent.get(headers);
    return generation && this.isCurrent(generation) ? generation : undefined;
  }

  /**
   * Runs a login for `generation`. If that generation has ended by the time the login completes,
   * `end` revokes or ends what it created (best effort: it also expires on its own) and the answer is
   * undefined: the result is never cached or used.
   */
  async login<T>(
    generation: Generation,
    start: () => Promise<T>,
    end: (result: T) => Promise<void>,
  ): Promise<{ value: T } | undefined> {
    const value = await start();
    if (this.isCurrent(generation)) return { value };
    await end(value).catch(() => undefined);
    return undefined;
  }

  /** The AuthError of a call that belongs to an ended generation: it is not sent (again). */
  ended(generation: Generation, call: CallInfo): AuthError {
    const what = call.operationId
      ? `${call.operationId} (${call.method} ${call.path})`
      : `${call.method} ${call.path}`;
    const change =
      generation.endedBy === "logout" ? "logout() was called" : "switchOrg() moved the client to another Org";
    return new AuthError({
      message: `${what} was not sent: ${change} after it started, and a call never runs with a login other than its own`,
      method: call.method,
      path: call.path,
      operationId: call.operationId,
      status: 401,
    });
  }
}
