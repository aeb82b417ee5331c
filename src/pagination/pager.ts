// The page loop shared by V2 (record_offset/record_size) and V1 (offset/batchsize): fetch a page,
// hand out its items one by one, and ask for the next page only when the caller wants more items.
import { RequestAbortedError, ThoughtSpotError } from "../core/errors.js";

/** What one page told us: its items, and whether it was the last one. */
export interface Page<T> {
  items: readonly T[];
  last: boolean;
}

/** An async iterable of items that can also collect them all. */
export interface Paginated<T> extends AsyncIterable<T> {
  /** Every item, in order, in one array (reads all pages). */
  toArray(): Promise<T[]>;
  /** Same as toArray(). */
  all(): Promise<T[]>;
  /** The raw page answers, one per request, for fields the items leave out (column names, counts). */
  pages(): AsyncIterable<unknown>;
}

export interface PagerOptions<T> {
  /** Offset of the first page. */
  start: number;
  pageSize: number;
  signal?: AbortSignal | undefined;
  /** Method and path, for the abort error. */
  method: string;
  path: string;
  operationId: string;
  /** Fetches the page at this offset and returns the parsed answer. */
  fetchPage(offset: number, signal: AbortSignal | undefined): Promise<unknown>;
  /** Reads items and the last-page signal out of an answer. */
  read(answer: unknown, pageSize: number): Page<T>;
}

/** A page size must be a positive integer: -1 ("everything at once") would defeat paging. */
export function checkPageSize(pageSize: unknown, where: string): number {
  if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1) {
    throw new TypeError(`${where}: pageSize must be a positive integer, got ${String(pageSize)}`);
  }
  return pageSize;
}

export function createPager<T>(options: PagerOptions<T>): Paginated<T> {
  const { pageSize, signal } = options;

  const aborted = (cause?: unknown) =>
    new RequestAbortedError({
      message: `${options.method} ${options.path} was aborted by the caller`,
      method: options.method,
      path: options.path,
      operationId: options.operationId,
      cause: cause ?? signal?.reason,
    });

  async function* answers(): AsyncGenerator<{ answer: unknown; page: Page<T> }> {
    let offset = options.start;
    for (;;) {
      if (signal?.aborted) throw aborted();
      let answer: unknown;
      try {
        answer = await options.fetchPage(offset, signal);
      } catch (error) {
        // An abort while the body is being read surfaces as fetch's own AbortError.
        if (signal?.aborted && !(error instanceof ThoughtSpotError)) throw aborted(error);
        throw error;
      }
      const page = options.read(answer, pageSize);
      yield { answer, page };
      if (page.last) return;
      offset += pageSize;
    }
  }

  async function* items(): AsyncGenerator<T> {
    for await (const { page } of answers()) {
      for (const item of page.items) {
        // Checked per item too, so a consumer that aborts mid-page stops at once.
        if (signal?.aborted) throw aborted();
        yield item;
      }
    }
  }

  const toArray = async () => {
    const out: T[] = [];
    for await (const item of items()) out.push(item);
    return out;
  };

  return {
    [Symbol.asyncIterator]: () => items(),
    toArray,
    all: toArray,
    pages: () => ({
      async *[Symbol.asyncIterator]() {
        for await (const { answer } of answers()) yield answer;
      },
    }),
  };
}
