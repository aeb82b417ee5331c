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

/** An object whose async methods load their implementation on the first call. */
export function lazyMethods<T extends AsyncMethods<T>>(
  load: () => Promise<T>,
  names: readonly (keyof T & string)[],
): T {
  const out = {} as Record<string, unknown>;
  for (const name of names) {
    out[name] = async (...args: unknown[]) => {
      const api = (await load()) as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return api[name]!(...args);
    };
  }
  return out as T;
}

/** The shape ts.paginate returns (see src/pagination/pager.ts), kept here so the entry needs no pager code. */
interface PaginatedLike<T> extends AsyncIterable<T> {
  toArray(): Promise<T[]>;
  all(): Promise<T[]>;
  pages(): AsyncIterable<unknown>;
}

/** A paginated result whose pager loads on first use; argument errors surface on first use too. */
export function deferredPaginated<T>(load: () => Promise<PaginatedLike<T>>): PaginatedLike<T> {
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
