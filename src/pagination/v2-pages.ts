// How to read one V2 page: where the items are and how to tell the last page. Most answers are a
// bare array (short page = last page); the rest wrap it, and some page inside each entry.
import type { Page } from "./pager.js";
import type { PaginatedOperationId } from "./v2-types.js";

type Loose = Record<string, unknown>;
export type PageReader = (answer: unknown, pageSize: number) => Page<unknown>;

const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const field = (answer: unknown, name: string): unknown =>
  answer && typeof answer === "object" ? (answer as Loose)[name] : undefined;

/** A bare array answer. */
const bareArray: PageReader = (answer, pageSize) => {
  const items = asArray(answer);
  return { items, last: items.length < pageSize };
};

/** An object holding the array in `name`, with an optional "no more" flag. */
const wrapped =
  (name: string, isLast: (answer: unknown) => boolean = () => false): PageReader =>
  (answer, pageSize) => {
    const items = asArray(field(answer, name));
    return { items, last: items.length < pageSize || isLast(answer) };
  };

/** Data answers: rows of every `contents` entry; a page is short when fewer rows came back. */
const dataRows: PageReader = (answer, pageSize) => {
  const contents = asArray(field(answer, "contents"));
  const items = contents.flatMap((content) => asArray(field(content, "data_rows")));
  return { items, last: items.length < pageSize };
};

/** Longest array found at the end of `route` (arrays along the way are walked through). */
function largestGroup(value: unknown, route: readonly string[]): number {
  if (Array.isArray(value)) return value.reduce((max: number, v) => Math.max(max, largestGroup(v, route)), 0);
  if (route.length === 0) return 0;
  const next = field(value, route[0]!);
  return route.length === 1 ? asArray(next).length : largestGroup(next, route.slice(1));
}

/**
 * Answers that page inside each entry (record_size applies "for each metadata type", per object or
 * per visualization). The entries are yielded as they come, page after page; the walk ends when no
 * inner group came back full. An answer that is an object instead of an array yields that one object
 * and ends the walk: without an array there is nothing to count.
 */
const nested =
  (name: string, route: readonly string[]): PageReader =>
  (answer, pageSize) => {
    const value = field(answer, name);
    if (value && typeof value === "object" && !Array.isArray(value)) return { items: [value], last: true };
    const items = asArray(value);
    return { items, last: largestGroup(items, route) < pageSize };
  };

export const v2PageReaders: Record<PaginatedOperationId, PageReader> = {
  fetchAnswerData: dataRows,
  searchData: dataRows,
  fetchLiveboardData: nested("contents", ["data_rows"]),
  fetchAsyncImportTaskStatus: wrapped("status_list", (a) => field(a, "last_batch") === true),
  fetchObjectPrivileges: nested("metadata_object_privileges", [
    "principal_object_privilege_info",
    "principal_object_privileges",
  ]),
  fetchPermissionsOfPrincipals: nested("principal_permission_details", [
    "metadata_permission_info",
    "metadata_permissions",
  ]),
  fetchPermissionsOnMetadata: nested("metadata_permission_details", [
    "principal_permission_info",
    "principal_permissions",
  ]),
  searchCollections: wrapped("collections", (a) => field(a, "is_last_batch") === true),
  searchWebhookConfigurations: wrapped(
    "webhooks",
    (a) => field(field(a, "pagination"), "has_more") === false,
  ),
  searchCalendars: bareArray,
  searchCommits: bareArray,
  searchConnection: bareArray,
  searchMetadata: bareArray,
  searchSchedules: bareArray,
  searchUserGroups: bareArray,
  searchUsers: bareArray,
  searchVariables: bareArray,
};
