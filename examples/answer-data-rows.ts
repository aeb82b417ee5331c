// Data out of ThoughtSpot as rows: a search query against a Model (searchData), a saved Answer, one
// visualization of a Liveboard, and the same on V1 (pinboarddata), each turned into records keyed by
// column name with dates as ISO text. Also the SQL ThoughtSpot runs for a Liveboard.
import { answerRecords, TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const MODEL = process.env.TS_MODEL ?? "Retail Sales 🛒";
const ANSWER = process.env.TS_ANSWER ?? "Sales by Catégorie";
const LIVEBOARD = process.env.TS_LIVEBOARD ?? "Retail Overview 📈";

export async function main({ ts, log }: ExampleContext) {
  const model = await ts.metadata.findGuid(TSTypes.MODEL, MODEL);
  const searched = await ts.api.v2.searchData({
    query_string: "[Order Date].monthly [Catégorie] [Umsatz (€)]",
    logical_table_identifier: model,
    record_size: 5,
  });
  const rows = answerRecords(searched, { dates: "iso" });
  log(`searchData: ${rows.length} rows, first ${JSON.stringify(rows[0])}`);

  const answer = await ts.metadata.findGuid(TSTypes.ANSWER, ANSWER);
  const saved = answerRecords(await ts.api.v2.fetchAnswerData({ metadata_identifier: answer }));
  log(`Answer "${ANSWER}": ${saved.map((r) => Object.values(r).join(" ")).join("; ")}`);

  const liveboard = await ts.metadata.findGuid(TSTypes.LIVEBOARD, LIVEBOARD);
  const board = await ts.api.v2.fetchLiveboardData({ metadata_identifier: liveboard });
  const first = board.contents[0];
  const viz = answerRecords(board, { visualization: first?.visualization_id ?? "", dates: "iso" });
  log(`Liveboard "${LIVEBOARD}" / ${first?.visualization_name}: ${viz.length} rows`);

  // V1: every visualization of the Liveboard, keyed by visualization GUID.
  const v1 = await ts.api.v1.pinboarddata({ id: liveboard, batchsize: -1 });
  const v1Rows = answerRecords(v1, { visualization: first?.visualization_id ?? "" });
  log(`V1 pinboarddata: ${v1Rows.length} rows for the same visualization`);

  const sql = await ts.api.v2.fetchLiveboardSqlQuery({ metadata_identifier: liveboard });
  log(`SQL of ${sql.sql_queries?.length ?? 0} visualization(s) fetched`);
  return {
    searchRows: rows.length,
    answerRows: saved.length,
    liveboardRows: viz.length,
    v1Rows: v1Rows.length,
  };
}

await runIfMain(import.meta.url, main);
