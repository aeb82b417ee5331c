// Runtime filters, sorts and Parameter overrides for the V1 data calls (pinboarddata, searchdata) and
// the Liveboard PDF export. ThoughtSpot reads them from numbered query keys that no spec can declare
// (`col1`/`op1`/`val1`, `sortCol1`/`asc1`, `param1`/`paramVal1`; spec: `x-dynamic-query-params`):
// these helpers build the keys from typed lists, and `v1RuntimeQuery` moves them into the query string.
// Sources: developer-docs runtime-filters.adoc, runtime-sort.adoc, runtime-parameters.adoc.
import { v1Operations } from "../../generated/v1-operations.js";
import type { OperationRow } from "../operation-row.js";
import { RUNTIME_KEY_FAMILY } from "./runtime-keys.js";

/**
 * Runtime filter operators. The docs' table lists EQ … IN; NOT_IN comes from the Visual Embed SDK's
 * RuntimeFilterOp (newer releases), which shares the same URL keys.
 */
export const RUNTIME_FILTER_OPERATORS = [
  "EQ",
  "NE",
  "LT",
  "LE",
  "GT",
  "GE",
  "CONTAINS",
  "BEGINS_WITH",
  "ENDS_WITH",
  "BW_INC_MAX",
  "BW_INC_MIN",
  "BW_INC",
  "BW",
  "IN",
  "NOT_IN",
] as const;
export type RuntimeFilterOperator = (typeof RUNTIME_FILTER_OPERATORS)[number];

/** How many values each operator takes ("many" = one or more), from the docs' table. */
const VALUE_COUNT: Record<RuntimeFilterOperator, 1 | 2 | "many"> = {
  EQ: 1,
  NE: 1,
  LT: 1,
  LE: 1,
  GT: 1,
  GE: 1,
  CONTAINS: 1,
  BEGINS_WITH: 1,
  ENDS_WITH: 1,
  BW_INC_MAX: 2,
  BW_INC_MIN: 2,
  BW_INC: 2,
  BW: 2,
  IN: "many",
  NOT_IN: "many",
};

/** A filter value; dates go out as epoch seconds, which is what ThoughtSpot wants for DATE columns. */
export type RuntimeValue = string | number | boolean | Date;

export interface RuntimeFilter {
  /** Column name as the Liveboard or Answer shows it (the base column name when the Model aliases it). */
  column: string;
  operator: RuntimeFilterOperator;
  values: readonly RuntimeValue[];
}

export interface RuntimeSort {
  column: string;
  /** Leave out for ThoughtSpot's default (ascending); false sorts descending. */
  ascending?: boolean;
}

export interface RuntimeParameter {
  /** The Parameter's name in the Model. */
  name: string;
  value: RuntimeValue;
}

/** The numbered query keys, as openapi-fetch serializes them: an array value repeats the key. */
export type RuntimeFilterQuery = { [key: `col${number}`]: string } & {
  [key: `op${number}`]: RuntimeFilterOperator;
} & { [key: `val${number}`]: string | string[] };
export type RuntimeSortQuery = { [key: `sortCol${number}`]: string } & { [key: `asc${number}`]: string };
export type RuntimeParameterQuery = { [key: `param${number}`]: string } & {
  [key: `paramVal${number}`]: string;
};
/** Every numbered key an operation may take, with the loose value types a caller may write by hand. */
export type RuntimeQuery = Partial<RuntimeFilterQuery & RuntimeSortQuery & RuntimeParameterQuery>;

type Rows = typeof v1Operations;
type RuntimeFamily = NonNullable<OperationRow["runtimeQuery"]>[number];
/** The operations whose row lists runtime key families (from the spec's x-dynamic-query-params). */
export type V1RuntimeQueryOperationId = {
  [K in keyof Rows]: Rows[K] extends { runtimeQuery: readonly RuntimeFamily[] } ? K : never;
}[keyof Rows];

/** Key families per operation, read from the generated table. */
export const V1_RUNTIME_QUERY_OPERATIONS = Object.fromEntries(
  Object.entries(v1Operations as Record<string, OperationRow>).flatMap(([id, row]) =>
    row.runtimeQuery ? [[id, row.runtimeQuery]] : [],
  ),
) as {
  [K in V1RuntimeQueryOperationId]: Extract<
    Rows[K],
    { runtimeQuery: readonly RuntimeFamily[] }
  >["runtimeQuery"];
};

const KEY = new RegExp(`^(${Object.keys(RUNTIME_KEY_FAMILY).join("|")})([1-9][0-9]*)$`);

function valueText(value: unknown, where: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${where}: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new TypeError(`${where}: invalid Date`);
    return String(Math.floor(ms / 1000));
  }
  throw new TypeError(`${where}: a value must be a string, number, boolean or Date, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

function columnName(value: unknown, where: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${where}: the column name must be a non-empty string`);
  }
  return value;
}

function checkOperator(value: unknown, where: string): RuntimeFilterOperator {
  if (typeof value !== "string" || !(RUNTIME_FILTER_OPERATORS as readonly string[]).includes(value)) {
    throw new TypeError(
      `${where}: operator must be one of ${RUNTIME_FILTER_OPERATORS.join(", ")}, got ${JSON.stringify(value)}`,
    );
  }
  return value as RuntimeFilterOperator;
}

function checkCount(operator: RuntimeFilterOperator, count: number, where: string) {
  const wanted = VALUE_COUNT[operator];
  if (wanted === "many" ? count < 1 : count !== wanted) {
    const expected =
      wanted === "many" ? "at least 1 value" : `exactly ${wanted} value${wanted === 1 ? "" : "s"}`;
    throw new TypeError(`${where}: ${operator} takes ${expected}, got ${count}`);
  }
}

function list<T>(items: readonly T[], what: string): readonly T[] {
  if (!Array.isArray(items)) throw new TypeError(`${what} takes an array`);
  return items;
}

/**
 * `[{ column: "Region", operator: "IN", values: ["East", "West"] }]` → `{ col1: "Region", op1: "IN",
 * val1: ["East", "West"] }`, sent as `col1=Region&op1=IN&val1=East&val1=West`. Filters AND together.
 * The docs set no maximum count; they do say ThoughtSpot rejects URLs longer than 2000 characters.
 */
export function runtimeFilters(filters: readonly RuntimeFilter[]): RuntimeFilterQuery {
  const out: Record<string, string | string[]> = {};
  list(filters, "runtimeFilters").forEach((filter, index) => {
    const n = index + 1;
    const where = `runtimeFilters[${index}]`;
    if (!filter || typeof filter !== "object") throw new TypeError(`${where}: not an object`);
    const column = columnName(filter.column, where);
    const operator = checkOperator(filter.operator, where);
    if (!Array.isArray(filter.values)) throw new TypeError(`${where}: values must be an array`);
    checkCount(operator, filter.values.length, where);
    const values = filter.values.map((v, i) => valueText(v, `${where}.values[${i}]`));
    out[`col${n}`] = column;
    out[`op${n}`] = operator;
    out[`val${n}`] = values.length === 1 ? (values[0] as string) : values;
  });
  return out as RuntimeFilterQuery;
}

/** `[{ column: "Sales", ascending: false }, { column: "Tea" }]` → `sortCol1=Sales&asc1=false&sortCol2=Tea`; order matters. */
export function runtimeSorts(sorts: readonly RuntimeSort[]): RuntimeSortQuery {
  const out: Record<string, string> = {};
  list(sorts, "runtimeSorts").forEach((sort, index) => {
    const n = index + 1;
    const where = `runtimeSorts[${index}]`;
    if (!sort || typeof sort !== "object") throw new TypeError(`${where}: not an object`);
    out[`sortCol${n}`] = columnName(sort.column, where);
    if (sort.ascending !== undefined) {
      if (typeof sort.ascending !== "boolean") throw new TypeError(`${where}: ascending must be a boolean`);
      out[`asc${n}`] = String(sort.ascending);
    }
  });
  return out as RuntimeSortQuery;
}

/** `[{ name: "Discount", value: 0.25 }]` → `param1=Discount&paramVal1=0.25` (Parameter overrides). */
export function runtimeParameters(parameters: readonly RuntimeParameter[]): RuntimeParameterQuery {
  const out: Record<string, string> = {};
  list(parameters, "runtimeParameters").forEach((parameter, index) => {
    const n = index + 1;
    const where = `runtimeParameters[${index}]`;
    if (!parameter || typeof parameter !== "object") throw new TypeError(`${where}: not an object`);
    if (typeof parameter.name !== "string" || parameter.name.trim() === "") {
      throw new TypeError(`${where}: the Parameter name must be a non-empty string`);
    }
    out[`param${n}`] = parameter.name;
    out[`paramVal${n}`] = valueText(parameter.value, `${where}.value`);
  });
  return out as RuntimeParameterQuery;
}

/** All three at once, for `{ id, ...runtimeQuery({ filters, sorts }) }`. */
export function runtimeQuery(options: {
  filters?: readonly RuntimeFilter[];
  sorts?: readonly RuntimeSort[];
  parameters?: readonly RuntimeParameter[];
}): RuntimeQuery {
  return {
    ...(options.filters ? runtimeFilters(options.filters) : {}),
    ...(options.sorts ? runtimeSorts(options.sorts) : {}),
    ...(options.parameters ? runtimeParameters(options.parameters) : {}),
  };
}

/**
 * Takes the numbered keys out of an operation's input and returns them as query values (arrays repeat
 * the key), checked as a set: each filter needs col, op and val with the right count; a sort or
 * Parameter needs its name. Hand-written keys get the same checks as the helpers' output. Returns
 * undefined when the operation takes none or the input has none; keys of a family the operation does
 * not take are left where they are (so they reach the body, or the "takes no body" error).
 */
export function v1RuntimeQuery(
  operationId: string,
  fields: Record<string, unknown>,
): Record<string, string | string[]> | undefined {
  const families = (V1_RUNTIME_QUERY_OPERATIONS as Record<string, readonly RuntimeFamily[]>)[operationId];
  if (!families) return undefined;
  const found = new Map<string, { prefix: string; n: number; value: unknown }>();
  for (const [key, value] of Object.entries(fields)) {
    const match = KEY.exec(key);
    if (!match || value === undefined) continue;
    const prefix = match[1] as string;
    if (!families.includes(RUNTIME_KEY_FAMILY[prefix] as RuntimeFamily)) continue;
    found.set(key, { prefix, n: Number(match[2]), value });
  }
  if (found.size === 0) return undefined;

  const get = (prefix: string, n: number) => found.get(`${prefix}${n}`)?.value;
  const out: Record<string, string | string[]> = {};
  for (const { prefix, n } of found.values()) {
    const where = `${operationId}: ${prefix}${n}`;
    if (prefix === "col" || prefix === "op" || prefix === "val") {
      if (`col${n}` in out) continue;
      for (const part of ["col", "op", "val"]) {
        if (get(part, n) === undefined)
          throw new TypeError(`${operationId}: runtime filter ${n} has no ${part}${n}`);
      }
      const operator = checkOperator(get("op", n), `${operationId}: op${n}`);
      const raw = get("val", n);
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => valueText(v, `${operationId}: val${n}`));
      checkCount(operator, values.length, `${operationId}: filter ${n}`);
      out[`col${n}`] = columnName(get("col", n), `${operationId}: col${n}`);
      out[`op${n}`] = operator;
      out[`val${n}`] = values.length === 1 ? (values[0] as string) : values;
    } else if (prefix === "sortCol" || prefix === "asc") {
      if (get("sortCol", n) === undefined) throw new TypeError(`${where} has no sortCol${n}`);
      out[`sortCol${n}`] = columnName(get("sortCol", n), `${operationId}: sortCol${n}`);
      const asc = get("asc", n);
      if (asc !== undefined) {
        if (asc !== true && asc !== false && asc !== "true" && asc !== "false") {
          throw new TypeError(`${operationId}: asc${n} must be true or false`);
        }
        out[`asc${n}`] = String(asc);
      }
    } else {
      if (get("param", n) === undefined || get("paramVal", n) === undefined) {
        throw new TypeError(`${operationId}: Parameter override ${n} needs both param${n} and paramVal${n}`);
      }
      out[`param${n}`] = columnName(get("param", n), `${operationId}: param${n}`);
      out[`paramVal${n}`] = valueText(get("paramVal", n), `${operationId}: paramVal${n}`);
    }
  }
  return out;
}
