// The error a promise rejects with; fails the test if it resolves.
import type { ThoughtSpotError } from "../../src/index.js";

export async function caught<E = ThoughtSpotError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
