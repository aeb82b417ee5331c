// The built-in realistic answers that read the example data without changing it (data rows, files,
// Spotter); the stateful ones live in ../state/. Every other operation keeps Prism's generated answer.
import type { Catalog } from "../catalog.js";
import type { Answer } from "../types.js";
import { dataAnswers } from "./data.js";
import { fileAnswers } from "./files.js";
import { spotterAnswers } from "./spotter.js";

export function realisticAnswers(catalog: Catalog): Record<string, Answer> {
  return {
    ...dataAnswers(catalog),
    ...fileAnswers(catalog),
    ...spotterAnswers,
  };
}
