// Data answers as records: the answers of V2 searchData, fetchAnswerData, fetchLiveboardData and V1
// searchdata, pinboarddata turned into objects keyed by column name, with dates as Date or ISO text.

/** How date cells come out: Date objects (default), ISO 8601 text, or as ThoughtSpot sent them. */
export type DateMode = "date" | "iso" | "raw";

export interface RecordsOptions<M extends DateMode = "date"> {
  dates?: M;
  /**
   * Columns holding dates as epoch seconds. Default: columns whose name says date or time (Date,
   * Time, Day, Week, Month, Quarter, Year) and whose numbers look like epoch seconds (1973-2286).
   * Custom-calendar cells ({ v: { s, e } }) are recognised in any column.
   */
  dateColumns?: readonly string[];
  /** Liveboards and V1 pinboarddata: the visualization (name or GUID) to read; default: the only one. */
  visualization?: string;
}

type DateOf<M extends DateMode> = M extends "iso" ? string : M extends "raw" ? number : Date;

/** A custom-calendar bucket: its first and last moment. */
export interface DateRange<D> {
  start: D;
  end: D;
}

/** One cell: ThoughtSpot's scalars, or a date (a range for custom-calendar buckets) as chosen. */
export type RecordValue<M extends DateMode = "date"> =
  | string
  | number
  | boolean
  | null
  | DateOf<M>
  | (M extends "raw" ? { v: { s: number; e: number } } : DateRange<DateOf<M>>);

export type AnswerRecord<M extends DateMode = "date"> = Record<string, RecordValue<M>>;

/** One table of a data answer: a search or Answer, or one visualization of a Liveboard. */
export interface AnswerTable<M extends DateMode = "date"> {
  /** The visualization's GUID and name (Liveboards), when the answer has them. */
  visualizationId?: string;
  visualizationName?: string;
  columns: string[];
  records: AnswerRecord<M>[];
  /** Rows available on the server (for paging), when the answer says. */
  totalRows?: number;
}

type Loose = Record<string, unknown>;
interface RawTable {
  id?: string;
  name?: string;
  columns: string[];
  rows: unknown[];
  total?: number;
}

const DATE_NAME = /date|time|day|week|month|quarter|year/i;
const EPOCH_MIN = 1e8; // 1973
const EPOCH_MAX = 1e10; // 2286

const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((c) => typeof c === "string") ? (v as string[]) : undefined;

function fromContent(c: Loose): RawTable | undefined {
  const columns = strings(c.column_names);
  if (!columns || !Array.isArray(c.data_rows)) return undefined;
  return {
    ...(typeof c.visualization_id === "string" && { id: c.visualization_id }),
    ...(typeof c.visualization_name === "string" && { name: c.visualization_name }),
    columns,
    rows: c.data_rows,
    ...(typeof c.available_data_row_count === "number" && { total: c.available_data_row_count }),
  };
}

function fromV1Page(p: Loose, id?: string): RawTable | undefined {
  const columns = strings(p.columnNames);
  if (!columns || !Array.isArray(p.data)) return undefined;
  return {
    ...(id !== undefined && { id }),
    ...(typeof p.name === "string" && { name: p.name }),
    columns,
    rows: p.data,
    ...(typeof p.totalRowCount === "number" && { total: p.totalRowCount }),
  };
}

/** The tables of any of the five answer shapes, or a TypeError naming what was expected. */
function rawTables(answer: unknown): RawTable[] {
  if (isObject(answer)) {
    if (Array.isArray(answer.contents)) {
      const tables = answer.contents.filter(isObject).map(fromContent);
      if (tables.every(Boolean)) return tables as RawTable[];
    } else {
      const single = fromV1Page(answer);
      if (single) return [single];
      const pages = Object.entries(answer).map(([id, p]) => (isObject(p) ? fromV1Page(p, id) : undefined));
      if (pages.length && pages.every(Boolean)) return pages as RawTable[];
    }
  }
  throw new TypeError(
    "answerRecords: not a data answer (expected V2 { contents: [{ column_names, data_rows }] }, V1 { columnNames, data } or V1 pinboarddata { <viz GUID>: { columnNames, data } })",
  );
}

function isRange(v: unknown): v is { v: { s: number; e: number } } {
  return isObject(v) && isObject(v.v) && typeof v.v.s === "number" && typeof v.v.e === "number";
}

function convert(seconds: number, mode: DateMode): Date | string | number {
  if (mode === "raw") return seconds;
  const date = new Date(seconds * 1000);
  return mode === "iso" ? date.toISOString() : date;
}

function dateColumnsOf(table: RawTable, cells: unknown[][], explicit?: readonly string[]): Set<number> {
  const out = new Set<number>();
  table.columns.forEach((name, i) => {
    if (explicit) {
      if (explicit.includes(name)) out.add(i);
      return;
    }
    if (!DATE_NAME.test(name)) return;
    const values = cells.map((row) => row[i]).filter((v) => v !== null && v !== undefined);
    const epochs = values.every(
      (v) => isRange(v) || (typeof v === "number" && Number.isInteger(v) && v >= EPOCH_MIN && v < EPOCH_MAX),
    );
    if (values.length && epochs) out.add(i);
  });
  return out;
}

function toTable<M extends DateMode>(table: RawTable, options: RecordsOptions<M>): AnswerTable<M> {
  const mode: DateMode = options.dates ?? "date";
  // COMPACT rows are arrays of cells in column order; FULL rows may be objects keyed by column name.
  // Own cells only: a column named "constructor" must not read Object.prototype.constructor.
  const cells = table.rows.map((row) =>
    Array.isArray(row)
      ? row
      : isObject(row)
        ? table.columns.map((c) => (Object.hasOwn(row, c) ? row[c] : undefined))
        : [],
  );
  const dates = dateColumnsOf(table, cells, options.dateColumns);
  const records = cells.map((row) => {
    const record: Loose = {};
    table.columns.forEach((name, i) => {
      const v = row[i] ?? null;
      // Column names are the server's: "__proto__" is a key like any other, never the record's prototype.
      defineData(
        record,
        name,
        isRange(v)
          ? mode === "raw"
            ? v
            : { start: convert(v.v.s, mode), end: convert(v.v.e, mode) }
          : dates.has(i) && typeof v === "number"
            ? convert(v, mode)
            : v,
      );
    });
    return record as AnswerRecord<M>;
  });
  return {
    ...(table.id !== undefined && { visualizationId: table.id }),
    ...(table.name !== undefined && { visualizationName: table.name }),
    columns: table.columns,
    records,
    ...(table.total !== undefined && { totalRows: table.total }),
  };
}

/** Every table of a data answer (one per visualization for Liveboards) with its records. */
export function answerTables<M extends DateMode = "date">(
  answer: unknown,
  options: RecordsOptions<M> = {},
): AnswerTable<M>[] {
  return rawTables(answer).map((t) => toTable(t, options));
}

/**
 * The rows of a data answer as objects keyed by column name. For a Liveboard with several
 * visualizations, name one with `visualization` (or use answerTables).
 */
export function answerRecords<M extends DateMode = "date">(
  answer: unknown,
  options: RecordsOptions<M> = {},
): AnswerRecord<M>[] {
  let tables = rawTables(answer);
  if (options.visualization !== undefined) {
    tables = tables.filter((t) => t.id === options.visualization || t.name === options.visualization);
    if (!tables.length) throw new TypeError(`answerRecords: no visualization ${options.visualization}`);
  }
  if (tables.length > 1)
    throw new TypeError(
      `answerRecords: the answer holds ${tables.length} visualizations (${tables.map((t) => t.name ?? t.id).join(", ")}); pick one with { visualization } or use answerTables()`,
    );
  return tables.length ? toTable(tables[0]!, options).records : [];
}

/** Sets an own data property ("__proto__" stays a key). Local, not ../redact.js's: importing the
 * redactor from a lazily loaded module would make it a separate chunk at startup. */
function defineData(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
