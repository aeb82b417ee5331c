// File formats for V2 report/answer and report/liveboard downloads.
import type { V2ReportFormat } from "./api-types.js";

/** Checked against the formats both report endpoints accept. */
export const ReportTypes = {
  PDF: "PDF",
  XLSX: "XLSX",
  CSV: "CSV",
  PNG: "PNG",
} as const satisfies Record<string, V2ReportFormat>;
export type ReportTypes = (typeof ReportTypes)[keyof typeof ReportTypes];
