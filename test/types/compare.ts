// Type comparisons the type tests share.

/** Exactly the same type (TypeScript's identity relation: `User[]` is `components["schemas"]["User"][]`). */
export type Identical<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Each assignable to the other (toEqualTypeOf tells an intersection from the same type written out). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
