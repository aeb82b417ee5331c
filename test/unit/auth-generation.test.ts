// The auth generation state machine on its own: which generation a call and a request belong to, and
// what becomes of a login that completes after its generation ended.
import { describe, expect, it } from "vitest";
import { AuthSequence } from "../../src/auth/generation.js";
import { AuthError } from "../../src/index.js";

const call = () => ({ method: "POST", path: "/api/rest/2.0/users/search", operationId: "searchUsers" });

describe("AuthSequence", () => {
  it("switchOrg and logout start a new generation at once; the Org carries over a logout", () => {
    const sequence = new AuthSequence(1);
    const first = sequence.current;
    const second = sequence.advance("switchOrg", 2);
    expect(sequence.isCurrent(first)).toBe(false);
    expect(first.endedBy).toBe("switchOrg");
    expect(second.org).toBe(2);
    const third = sequence.advance("logout");
    expect(third.org).toBe(2);
    expect(second.endedBy).toBe("logout");
    expect(third.epoch).toBe(2);
  });

  it("a call keeps the generation of its first attempt; a later attempt after a switch is refused", () => {
    const sequence = new AuthSequence(undefined);
    const info = call();
    const generation = sequence.enter(info);
    expect(sequence.enter(info)).toBe(generation); // a retry in the same generation
    sequence.advance("switchOrg", 5);
    let thrown: unknown;
    try {
      sequence.enter(info);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AuthError);
    expect((thrown as AuthError).message).toBe(
      "searchUsers (POST /api/rest/2.0/users/search) was not sent: switchOrg() moved the client to another Org after it started, and a call never runs with a login other than its own",
    );
    // Another call starts in the new generation.
    expect(sequence.enter(call())).toBe(sequence.current);
  });

  it("only a request sent in the current generation may have its credential renewed after a 401", () => {
    const sequence = new AuthSequence(undefined);
    const before: Record<string, string> = {};
    const untagged: Record<string, string> = {};
    sequence.sending(before, sequence.current);
    expect(sequence.renewable(before)).toBe(sequence.current);
    expect(sequence.renewable(untagged)).toBeUndefined();
    sequence.advance("logout");
    expect(sequence.renewable(before)).toBeUndefined();
  });

  it("a login that completes after its generation ended is ended and its result withheld", async () => {
    const sequence = new AuthSequence(undefined);
    const generation = sequence.current;
    const ended: string[] = [];
    let answer: (value: string) => void = () => {};
    const login = sequence.login(
      generation,
      () =>
        new Promise<string>((resolve) => {
          answer = resolve;
        }),
      async (token) => {
        ended.push(token);
      },
    );
    sequence.advance("logout");
    answer("late-token");
    expect(await login).toBeUndefined();
    expect(ended).toEqual(["late-token"]);
    // In the current generation the result is handed back and nothing is ended.
    expect(
      await sequence.login(
        sequence.current,
        async () => "fresh",
        async () => {},
      ),
    ).toEqual({
      value: "fresh",
    });
    expect(ended).toEqual(["late-token"]);
  });

  it("a failure to end a late login does not escape (the credential also expires on its own)", async () => {
    const sequence = new AuthSequence(undefined);
    const generation = sequence.current;
    const login = sequence.login(
      generation,
      async () => {
        sequence.advance("switchOrg", 3);
        return "late";
      },
      async () => {
        throw new Error("revoke failed");
      },
    );
    await expect(login).resolves.toBeUndefined();
  });
});
