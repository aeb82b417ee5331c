// Realistic data answers (V2 searchData, fetchAnswerData, fetchLiveboardData; V1 searchdata, pinboarddata)
// from mock/data.json, paged like ThoughtSpot: V2 record_offset/record_size, V1 offset/batchsize.
import type { Catalog, DataTable } from "../catalog.js";
import type { Answer } from "../types.js";
import { page } from "./page.js";

type Loose = Record<string, unknown>;

function v2Content(table: DataTable, input: Loose): Loose {
  const rows = page(table.data_rows, input, 10);
  return {
    ...(table.visualization_id !== undefined && {
      visualization_id: table.visualization_id,
      visualization_name: table.visualization_name,
    }),
    available_data_row_count: table.data_rows.length,
    column_names: table.column_names,
    data_rows: rows,
    record_offset: Number(input.record_offset ?? 0),
    record_size: Number(input.record_size ?? 10),
    returned_data_row_count: rows.length,
    sampling_ratio: 1,
  };
}

/** V1 pages: offset is 1-based when given, batchsize -1 means all. */
function v1Page(table: DataTable, input: Loose, name?: string): Loose {
  const size = Number(input.batchsize ?? -1);
  const offset = Math.max(0, Number(input.offset ?? -1) - 1);
  const rows = size < 0 ? table.data_rows.slice(offset) : table.data_rows.slice(offset, offset + size);
  return {
    ...(name !== undefined && { name }),
    columnNames: table.column_names,
    data: rows,
    samplingRatio: 1,
    totalRowCount: table.data_rows.length,
    rowCount: rows.length,
    pageSize: size,
    offset: offset + 1,
  };
}

const notFound = (what: unknown) => ({
  status: 400,
  json: { error: { message: { code: 10_005, debug: `No data for ${String(what)} in the mock` } } },
});

/** A list field that V1 sends as JSON text and V2 as an array. */
function listOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" && value.startsWith("[")) return JSON.parse(value) as string[];
  return typeof value === "string" && value ? [value] : undefined;
}

export function dataAnswers(catalog: Catalog): Record<string, Answer> {
  const search = catalog.data.search?.[0];
  const tablesOf = (id: unknown, vizIds?: string[]) =>
    (catalog.data[String(id)] ?? []).filter(
      (t) => !vizIds?.length || vizIds.includes(String(t.visualization_id)),
    );
  const nameOf = (id: unknown) => catalog.objects.find((o) => o.id === id || o.name === id)?.name ?? "";
  return {
    searchData: ({ input }) => (search ? { json: { contents: [v2Content(search, input)] } } : undefined),
    fetchAnswerData: ({ input }) => {
      const [table] = tablesOf(input.metadata_identifier);
      if (!table) return notFound(input.metadata_identifier);
      return {
        json: {
          metadata_id: input.metadata_identifier,
          metadata_name: nameOf(input.metadata_identifier),
          contents: [v2Content(table, input)],
        },
      };
    },
    fetchLiveboardData: ({ input }) => {
      const tables = tablesOf(input.metadata_identifier, listOf(input.visualization_identifiers));
      if (!tables.length) return notFound(input.metadata_identifier);
      return {
        json: {
          metadata_id: input.metadata_identifier,
          metadata_name: nameOf(input.metadata_identifier),
          contents: tables.map((t) => v2Content(t, input)),
        },
      };
    },
    searchdata: ({ input }) => (search ? { json: v1Page(search, input) } : undefined),
    pinboarddata: ({ input }) => {
      const tables = tablesOf(input.id, listOf(input.vizid));
      if (!tables.length) return notFound(input.id);
      return {
        json: Object.fromEntries(
          tables.map((t) => [t.visualization_id, v1Page(t, input, t.visualization_name)]),
        ),
      };
    },
  };
}
