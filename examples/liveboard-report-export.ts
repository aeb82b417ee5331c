// Files out of ThoughtSpot: a whole Liveboard as PDF, one visualization as PNG, an Answer as CSV (V2 report
// endpoints), and the V1 Liveboard PDF export for older clusters. Streams each into a file.
import { join } from "node:path";
import { TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

const LIVEBOARD = process.env.TS_LIVEBOARD ?? "Retail Overview 📈";
const ANSWER = process.env.TS_ANSWER ?? "Sales by Catégorie";

export async function main({ ts, log, outDir }: ExampleContext) {
  const liveboard = await ts.metadata.findGuid(TSTypes.LIVEBOARD, LIVEBOARD);
  const answer = await ts.metadata.findGuid(TSTypes.ANSWER, ANSWER);
  const written: Record<string, number> = {};
  const save = async (name: string, run: (file: string) => Promise<{ bytes: number }>) => {
    const { bytes } = await run(join(outDir, name));
    written[name] = bytes;
    log(`${name}: ${bytes} bytes`);
  };

  await save("liveboard.pdf", (file) =>
    ts.download(
      "/api/rest/2.0/report/liveboard",
      {
        body: {
          metadata_identifier: liveboard,
          file_format: "PDF",
          pdf_options: {
            include_cover_page: true,
            include_filter_page: true,
            page_footer_text: "Confidential",
          },
        },
      },
      { file },
    ),
  );
  // One visualization: its GUID from the Liveboard's data answer (or its TML).
  const data = await ts.api.v2.fetchLiveboardData({ metadata_identifier: liveboard, record_size: 1 });
  const vizId = data.contents[0]?.visualization_id;
  if (vizId)
    await save("visualization.png", (file) =>
      ts.download(
        "/api/rest/2.0/report/liveboard",
        { body: { metadata_identifier: liveboard, visualization_identifiers: [vizId], file_format: "PNG" } },
        { file },
      ),
    );
  await save("answer.csv", (file) =>
    ts.download(
      "/api/rest/2.0/report/answer",
      { body: { metadata_identifier: answer, file_format: "CSV" } },
      { file },
    ),
  );
  return written;
}

await runIfMain(import.meta.url, main);
