// The TML types reach the leaves of real exported files: narrowed documents give typed access to
// answer chart/table settings, Liveboard layouts and filters, model joins, connection properties,
// sets and feedback, and the values found there have the types the declarations promise.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { isLegacyConnection, isTmlOfType, parseTml } from "../../src/tml/document";
import type {
  LegacyConnectionTml,
  TmlAxisConfig,
  TmlCohortConfig,
  TmlFeedbackEntry,
  TmlFilter,
  TmlTile,
} from "../../src/tml/types";

const root = join(import.meta.dirname, "../fixtures/tml");
const read = (path: string) => parseTml(readFileSync(join(root, path), "utf8"));

describe("TML types on exported files", () => {
  it("answer: chart axis configs, table columns, answer columns", () => {
    const doc = read("corpus/de-thoughtspotCICD/Testing_CI_CD.answer.tml");
    if (!isTmlOfType(doc, "answer")) throw new Error("expected an answer");
    const axis = doc.answer.chart?.axis_configs?.[0];
    expectTypeOf(axis).toEqualTypeOf<TmlAxisConfig | undefined>();
    expect(typeof doc.answer.chart?.type).toBe("string");
    for (const column of doc.answer.table?.table_columns ?? [])
      expect(typeof column.column_id).toBe("string");
    for (const column of doc.answer.answer_columns ?? []) expect(typeof column.name).toBe("string");
    expect(doc.answer.answer_columns?.length).toBeGreaterThan(0);
  });

  it("liveboard: layout tiles with numbers, filters, visualizations holding answers", () => {
    const doc = read("corpus/de-thoughtspotCICD/Monthly_reports.liveboard.tml");
    if (!isTmlOfType(doc, "liveboard")) throw new Error("expected a liveboard");
    const tiles =
      doc.liveboard.layout?.tiles ?? doc.liveboard.layout?.tabs?.flatMap((t) => t.tiles ?? []) ?? [];
    expectTypeOf(tiles).toEqualTypeOf<TmlTile[]>();
    expect(tiles.length).toBeGreaterThan(0);
    for (const tile of tiles) {
      expect(typeof tile.visualization_id).toBe("string");
      for (const n of [tile.x, tile.y, tile.height, tile.width])
        if (n !== undefined) expect(typeof n).toBe("number");
    }
    const ids = new Set(doc.liveboard.visualizations?.map((v) => v.id));
    for (const tile of tiles) expect(ids).toContain(tile.visualization_id);
    for (const viz of doc.liveboard.visualizations ?? []) expect(typeof viz.answer.name).toBe("string");
    expectTypeOf(doc.liveboard.filters).toEqualTypeOf<TmlFilter[] | undefined>();
  });

  it("sql_view and table: connection, columns, block SQL", () => {
    const sql = read("corpus/de-thoughtspotCICD/App_Link.sql_view.tml");
    if (!isTmlOfType(sql, "sql_view")) throw new Error("expected a sql_view");
    expect(sql.sql_view.sql_query).toContain("\n");
    for (const c of sql.sql_view.sql_view_columns ?? []) expect(typeof c.sql_output_column).toBe("string");
    const table = read("corpus/de-thoughtspotCICD/VW_REF_LANGUAGE_AS_IS.table.tml");
    if (!isTmlOfType(table, "table")) throw new Error("expected a table");
    expect(typeof table.table.connection?.name).toBe("string");
    for (const c of table.table.columns ?? [])
      expect(typeof c.db_column_properties?.data_type).toBe("string");
  });

  it("model: joins on model tables", () => {
    const doc = read("foreign-style/Help_desk.model.tml");
    if (!isTmlOfType(doc, "model")) throw new Error("expected a model");
    const joins = doc.model.model_tables?.flatMap((t) => t.joins ?? []) ?? [];
    expect(joins.length).toBeGreaterThan(0);
    for (const j of joins) expect(typeof j.on).toBe("string");
  });

  it("connections, wrapped and legacy; sets; feedback", () => {
    const wrapped = read("corpus/de-thoughtspotCICD/Snowflake.connection.tml");
    if (!isTmlOfType(wrapped, "connection")) throw new Error("expected a connection");
    expect(wrapped.connection.properties?.find((p) => p.key === "password")?.value).toBe("REDACTED");

    const legacy = read("kinds/legacy.connection.tml");
    if (!isLegacyConnection(legacy)) throw new Error("expected a legacy connection");
    const body = legacy as LegacyConnectionTml;
    expect(body.table?.[0]?.column?.map((c) => c.data_type)).toEqual(["INT64", "DATE_TIME"]);

    const set = read("kinds/age_bins.cohort.tml");
    if (!isTmlOfType(set, "cohort")) throw new Error("expected a cohort");
    expectTypeOf(set.cohort.config).toEqualTypeOf<TmlCohortConfig | undefined>();
    expect(set.cohort.config?.bins).toEqual({ minimum_value: 0, maximum_value: 100, bin_size: 10 });

    const feedback = read("kinds/sales.nls_feedback.tml");
    if (!isTmlOfType(feedback, "nls_feedback")) throw new Error("expected feedback");
    expectTypeOf(feedback.nls_feedback.feedback).toEqualTypeOf<TmlFeedbackEntry[] | undefined>();
    expect(feedback.nls_feedback.feedback?.map((f) => f.id)).toEqual(["1", "2"]);
  });
});
