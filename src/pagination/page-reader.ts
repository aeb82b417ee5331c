// Reads one page by the operation's generated page rule: where the items are (the answer itself,
// one property, or the rows inside each entry) and how the last page shows (a short page, a flag,
// or no inner group that came back full). No per-operation code: the rule comes from the table.

import { type AnswerSource, unexpectedAnswer } from "../core/response-error.js";
import type { PageRule } from "../operation-row.js";
import type { Page } from "./pager.js";

type Loose = Record<string, unknown>;
export type PageReader = (answer: unknown, pageSize: number) => Page<unknown>;

const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown =>
  value && typeof value === "object" ? (value as Loose)[name] : undefined;
const at = (value: unknown, route: readonly string[]): unknown => route.reduce(field, value);

/** Longest array found at the end of `route` (arrays along the way are walked through). */
function largestGroup(value: unknown, route: readonly string[]): number {
  if (Array.isArray(value)) return value.reduce((max: number, v) => Math.max(max, largestGroup(v, route)), 0);
  if (route.length === 0) return 0;
  const next = field(value, route[0]!);
  return route.length === 1 ? asArray(next).length : largestGroup(next, route.slice(1));
}

export function pageReader(rule: PageRule, source?: AnswerSource): PageReader {
  const flag = rule.lastFlag;
  const flagSaysLast = (answer: unknown) => flag !== undefined && at(answer, flag.at) === flag.last;
  return (answer, pageSize) => {
    const value = rule.items === undefined ? answer : field(answer, rule.items);
    // A page that is not a list (text, a number, an object where the list belongs) is the server's
    // mistake, said as one; an answer without the list (no body, or no such field) is an empty page.
    const empty =
      answer === undefined || (value === undefined && typeof answer === "object" && answer !== null);
    if (source && !rule.inner && !Array.isArray(value) && !empty)
      throw unexpectedAnswer(
        source,
        rule.items === undefined ? "a list" : `{ ${rule.items}: [...] }`,
        answer,
      );
    if (rule.inner) {
      // Paged inside each entry: an object instead of an array is one entry, with nothing to count.
      if (value && typeof value === "object" && !Array.isArray(value)) return { items: [value], last: true };
      const items = asArray(value);
      return { items, last: largestGroup(items, rule.inner) < pageSize || flagSaysLast(answer) };
    }
    const rowsField = rule.rows;
    const items = rowsField
      ? asArray(value).flatMap((entry) => asArray(field(entry, rowsField)))
      : asArray(value);
    return { items, last: items.length < pageSize || flagSaysLast(answer) };
  };
}
