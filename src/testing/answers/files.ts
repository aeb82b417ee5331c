// Realistic file answers: a one-page PDF and a PNG chart for report exports, CSV from the example rows.
import type { Catalog } from "../catalog.js";
import type { Answer, AnswerOutput } from "../types.js";

function file(body: Uint8Array | string, name: string): AnswerOutput {
  return {
    status: 200,
    headers: {
      "Content-Type": "application/octet-stream",
      // Header values are Latin-1: an ASCII fallback name, and the real one percent-encoded (RFC 6266).
      "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
    body,
  };
}

const csvCell = (v: unknown) => {
  const text = v !== null && typeof v === "object" ? JSON.stringify(v) : String(v ?? "");
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function fileAnswers(catalog: Catalog): Record<string, Answer> {
  const report: Answer = ({ input }) => {
    const format = String(input.file_format ?? "CSV").toUpperCase();
    const id = String(input.metadata_identifier ?? "");
    const name = catalog.objects.find((o) => o.id === id || o.name === id)?.name ?? "report";
    if (format === "PDF") return file(catalog.pdf, `${name}.pdf`);
    if (format === "PNG") return file(catalog.png, `${name}.png`);
    const table = catalog.data[id]?.[0];
    if (format === "CSV" && table) {
      const lines = [table.column_names, ...table.data_rows].map((row) => row.map(csvCell).join(","));
      return file(`${lines.join("\n")}\n`, `${name}.csv`);
    }
    return undefined;
  };
  return { exportLiveboardReport: report, exportAnswerReport: report };
}
