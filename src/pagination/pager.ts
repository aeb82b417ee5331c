// The page loop shared by V2 (record_offset/record_size) and V1 (offset/batchsize): fetch a page,
// hand out its items one by one, and ask for the next page only when the caller wants more items.
import { PaginationError, RequestAbortedError } from "../core/errors.js";

/** What one page told us: its items, and whether it was the last one. */
export interface Page<T> {
  items: readonly T[];
  last: boolean;
}

/** An async iterable of items that can also collect them all; P is one page's answer. */
export interface Paginated<T, P = unknown> extends AsyncIterable<T> {
  /** Every item, in order, in one array (reads all pages). */
  toArray(): Promise<T[]>;
  /** Same as toArray(). */
  all(): Promise<T[]>;
  /** The raw page answers, one per request, for fields the items leave out (column names, counts). */
  pages(): AsyncIterable<P>;
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
  /** Stop with a PaginationError after this many pages (Infinity: no ceiling). */
  maxPages: number;
}

/**
 * The most pages a walk reads unless `maxPages` says otherwise: 10 000 pages (a million items at
 * the default page size) is more than any listing of a cluster, and ends a walk that never does.
 */
export const DEFAULT_MAX_PAGES = 10_000;

/** Fingerprints of full pages kept to notice a cycle (A, B, A, B …); the oldest go first. */
export const PAGE_FINGERPRINTS_KEPT = 10_000;

/** maxPages: a positive integer or Infinity (no ceiling); DEFAULT_MAX_PAGES when not given. */
export function checkMaxPages(value: unknown, where: string): number {
  if (value === undefined) return DEFAULT_MAX_PAGES;
  if (value === Number.POSITIVE_INFINITY) return value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`${where}: maxPages must be a positive integer or Infinity, got ${String(value)}`);
  }
  return value;
}

/**
 * A cheap fingerprint of a page, to notice a server that ignores the offset or cycles: two 32-bit
 * hashes (FNV-1a and a multiplicative one) over its JSON, with its length, so that chance equality
 * of two different pages among thousands is negligible.
 */
function fingerprint(items: readonly unknown[]): string {
  const text = JSON.stringify(items);
  let fnv = 0x811c9dc5;
  let mul = 7;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    mul = (Math.imul(mul, 31) + c) | 0;
  }
  return `${text.length}:${fnv >>> 0}:${mul >>> 0}`;
}

/** A page size must be a positive integer: -1 ("everything at once") would defeat paging. */
export function checkPageSize(pageSize: unknown, where: string): number {
  if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1) {
    throw new TypeError(`${where}: pageSize must be a positive integer, got ${String(pageSize)}`);
  }
  return pageSize;
}

export function createPager<T, P = unknown>(options: PagerOptions<T>): Paginated<T, P> {
  const { pageSize, signal } = options;

  const aborted = (cause?: unknown) =>
    new RequestAbortedError({
      message: `${options.method} ${options.path} was aborted by the caller`,
      method: options.method,
      path: options.path,
      operationId: options.operationId,
      cause: cause ?? signal?.reason,
    });

  const where = { method: options.method, path: options.path, operationId: options.operationId };

  async function* answers(): AsyncGenerator<{ answer: unknown; page: Page<T> }> {
    let offset = options.start;
    // Full pages seen so far (fingerprint → offset), at most PAGE_FINGERPRINTS_KEPT of them.
    const seenAt = new Map<string, number>();
    for (let count = 1; ; count++) {
      if (signal?.aborted) throw aborted();
      // The engine turns an abort while the page is fetched or read into a RequestAbortedError.
      const answer = await options.fetchPage(offset, signal);
      const page = options.read(answer, pageSize);
      // A full page equal to one seen before: the server ignores the offset or cycles (A, B, A, B),
      // and the walk would never end.
      const seen = page.last || page.items.length === 0 ? undefined : fingerprint(page.items);
      if (seen !== undefined) {
        const before = seenAt.get(seen);
        if (before !== undefined) {
          throw new PaginationError({
            ...where,
            message: `${options.operationId}: the page at offset ${offset} repeats the page at offset ${before}; the server ignores the offset or cycles, so the walk stopped`,
          });
        }
        if (seenAt.size >= PAGE_FINGERPRINTS_KEPT) seenAt.delete(seenAt.keys().next().value as string);
        seenAt.set(seen, offset);
      }
      yield { answer, page };
      if (page.last) return;
      if (count >= options.maxPages) {
        const which = options.maxPages === DEFAULT_MAX_PAGES ? "maxPages, by default" : "maxPages";
        throw new PaginationError({
          ...where,
          message: `${options.operationId}: more than ${options.maxPages} pages (${which}); the walk stopped. Pass { maxPages: n } (or Infinity) in the options to walk further`,
        });
      }
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
        for await (const { answer } of answers()) yield answer as P;
      },
    }),
  };
}
