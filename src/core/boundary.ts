// Where errors leave the SDK. Every error a client surface throws or rejects with passes through
// sealError once, which scrubs it with the client's redactor — message, stack, cause chain, body,
// details and every other field — so no module has to remember to. It never swallows, replaces or
// re-types an error: the same object comes out, only with its secrets masked.

import { methodsOnRead } from "../lazy.js";
import type { Redactor } from "../redact.js";
import { ThoughtSpotError } from "./errors.js";

/** The redactor's state an error was last sealed with: sealing again is a no-op until it learns more. */
const sealedAt = new WeakMap<object, { redactor: Redactor; version: number }>();

/**
 * Scrubs `error` in place with `redactor` and returns it. A ThoughtSpotError has every own field
 * rewritten (body and details as redacted copies, whose __proto__ keys stay data); a cause that
 * needed masking is replaced by a scrubbed copy of the same class. Other errors (TypeErrors for
 * caller mistakes) have their message and stack scrubbed.
 */
export function sealError(error: unknown, redactor: Redactor, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 4) return error;
  const seen = sealedAt.get(error);
  if (seen && seen.redactor === redactor && seen.version === redactor.version) return error;
  sealedAt.set(error, { redactor, version: redactor.version });
  try {
    rewrite(error, "message", redactor.text(error.message));
    if (typeof error.stack === "string") rewrite(error, "stack", redactor.text(error.stack));
    if (!(error instanceof ThoughtSpotError)) return error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause !== undefined) {
      rewrite(
        error,
        "cause",
        cause instanceof ThoughtSpotError ? sealError(cause, redactor, depth + 1) : redactor.cause(cause),
      );
    }
    for (const key of Object.keys(error)) {
      // The Response stays as it came (not enumerable, never in JSON or logs).
      if (key === "response") continue;
      const value = (error as unknown as Record<string, unknown>)[key];
      if (value === undefined || value === null || typeof value === "number" || typeof value === "boolean")
        continue;
      rewrite(error, key, redactor.value(value));
    }
  } catch {
    // A frozen error from elsewhere: nothing more can be done to it here.
  }
  return error;
}

function rewrite(target: object, key: string, value: unknown): void {
  if ((target as Record<string, unknown>)[key] === value) return;
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: own ? own.enumerable === true : false,
    configurable: true,
  });
}

/** `promise`, whose rejection is sealed. */
export function sealed<T>(promise: Promise<T>, redactor: Redactor): Promise<T> {
  return promise.then(undefined, (error: unknown) => {
    throw sealError(error, redactor);
  });
}

type AnyFunction = (...args: unknown[]) => unknown;

/** A function whose throws, rejections and iterator failures are sealed. */
export function sealFunction<F>(fn: F, redactor: Redactor, self?: unknown): F {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    let result: unknown;
    try {
      result = (fn as AnyFunction).apply(self ?? this, args);
    } catch (error) {
      throw sealError(error, redactor);
    }
    return sealResult(result, redactor);
  };
  return wrapped as F;
}

function sealResult(result: unknown, redactor: Redactor): unknown {
  if (!result || typeof result !== "object") return result;
  if (typeof (result as { then?: unknown }).then === "function")
    return sealed(result as Promise<unknown>, redactor);
  // Walkers and streams (plain objects and async generators); a ReadableStream or Blob passes as it is.
  const iterable =
    typeof (result as Record<symbol, unknown>)[Symbol.asyncIterator] === "function" ||
    typeof (result as { next?: unknown }).next === "function";
  if (iterable && (isPlain(result) || Object.prototype.toString.call(result) === "[object AsyncGenerator]"))
    return sealObject(result, redactor);
  return result;
}

/** A copy of an object whose function members are sealed (own string and symbol keys, methods of generators). */
export function sealObject<T extends object>(source: T, redactor: Redactor): T {
  const out: Record<PropertyKey, unknown> = {};
  const keys: PropertyKey[] = isPlain(source)
    ? Reflect.ownKeys(source)
    : ["next", "return", "throw", Symbol.asyncIterator];
  for (const key of keys) {
    const value = (source as Record<PropertyKey, unknown>)[key];
    if (value === undefined) continue;
    out[key] = typeof value === "function" ? sealFunction(value, redactor, source) : value;
  }
  return (Object.isFrozen(source) ? Object.freeze(out) : out) as T;
}

/**
 * The client's surfaces with every function sealed: its own methods, and the methods of its helper
 * namespaces (plain objects holding functions). Namespaces of namespaces (ts.api) seal in the call
 * path (./invoke.ts).
 */
export function sealSurfaces<T extends object>(client: T, redactor: Redactor): T {
  // In place, on the object literal createThoughtSpotClient just built (data properties only): copying
  // it through property descriptors cost a client made per request more than the rest of its making.
  const surfaces = client as Record<string, unknown>;
  for (const key of Object.keys(surfaces)) {
    const value = surfaces[key];
    if (typeof value === "function") surfaces[key] = sealFunction(value, redactor, client);
    else if (value && typeof value === "object" && isPlain(value) && holdsFunctions(value))
      surfaces[key] = sealNamespace(value as Record<string, unknown>, redactor);
  }
  return client;
}

/**
 * A helper namespace holds functions: its first member says so. Reading only that one keeps a namespace
 * whose methods are made when first read (../lazy.ts) from making all of them here.
 */
function holdsFunctions(value: object): boolean {
  // Reflect.ownKeys, not Object.keys: it asks no property descriptor, so makes no method.
  const [first] = Reflect.ownKeys(value);
  return first !== undefined && typeof (value as Record<PropertyKey, unknown>)[first] === "function";
}

/**
 * The namespace with each member sealed when first read, not all at once: a client made per request
 * (one per user in a web service) wraps only the one or two methods it calls.
 */
function sealNamespace(ns: Record<string, unknown>, redactor: Redactor): Record<string, unknown> {
  return methodsOnRead(
    () => Object.keys(ns),
    (name) => Object.hasOwn(ns, name),
    (name) => {
      const member = ns[name];
      return (typeof member === "function" ? sealFunction(member, redactor, ns) : member) as () => unknown;
    },
  );
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
