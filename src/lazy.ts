// Parts of the client that most programs never call (V1, TML with its YAML parser) load on first
// use, so a browser bundle that only searches metadata stays small. Bundlers split them into chunks.

export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    loaded.catch(() => {
      loaded = undefined; // a failed chunk load may succeed on the next call
    });
    return loaded;
  };
}

type AsyncMethods<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/**
 * The one way every helper namespace (ts.metadata, ts.sharing, ts.users, ts.groups, ts.tml, ts.auth)
 * is built: an object whose async methods load their implementation on the first call. `names` is the
 * helper's `xMethods` table, declared beside its interface with `satisfies Record<keyof X, true>`.
 */
export function lazyNamespace<T extends AsyncMethods<T>>(
  load: () => Promise<T>,
  names: Readonly<Record<keyof T & string, true>>,
): T {
  const loaded = once(load);
  return methodsOnRead(
    () => Object.keys(names),
    (name) => Object.hasOwn(names, name),
    (name) =>
      async (...args: unknown[]) => {
        const api = (await loaded()) as Record<string, (...a: unknown[]) => Promise<unknown>>;
        return api[name]!(...args);
      },
  ) as T;
}

const no = () => false;

/**
 * A read-only object (as if frozen) listing `names`, whose method for a name `has` accepts is made by
 * `make` when first read, and kept: a client made per request does not build the hundreds of functions
 * of every namespace to call one or two.
 */
export function methodsOnRead(
  names: () => string[],
  has: (name: string) => boolean,
  make: (name: string) => (...args: never[]) => unknown,
): Record<string, unknown> {
  const made = new Map<string, unknown>();
  const method = (name: string) => {
    let found = made.get(name);
    if (!found) {
      found = make(name);
      made.set(name, found);
    }
    return found;
  };
  const isName = (name: string | symbol): name is string => typeof name === "string" && has(name);
  return new Proxy({} as Record<string, unknown>, {
    // A method read before is found first: `has` runs once per name.
    get: (_, name) => made.get(name as string) ?? (isName(name) ? method(name) : undefined),
    has: (_, name) => isName(name),
    ownKeys: names,
    getOwnPropertyDescriptor: (_, name) =>
      isName(name)
        ? { value: method(name), writable: false, enumerable: true, configurable: true }
        : undefined,
    set: no,
    deleteProperty: no,
  });
}

/** The shape ts.paginate returns (see src/pagination/pager.ts), kept here so the entry needs no pager code. */
interface PaginatedLike<T, P> extends AsyncIterable<T> {
  toArray(): Promise<T[]>;
  all(): Promise<T[]>;
  pages(): AsyncIterable<P>;
}

/** A paginated result whose pager loads on first use; argument errors surface on first use too. */
export function deferredPaginated<T, P>(load: () => Promise<PaginatedLike<T, P>>): PaginatedLike<T, P> {
  const get = once(load);
  return {
    async *[Symbol.asyncIterator]() {
      yield* await get();
    },
    toArray: async () => (await get()).toArray(),
    all: async () => (await get()).toArray(),
    async *pages() {
      yield* (await get()).pages();
    },
  };
}
