// The built-in realistic answers by operationId; every other operation keeps Prism's generated answer.
import type { Catalog } from "../catalog.js";
import type { Answer } from "../types.js";
import { authAnswers } from "./auth.js";
import { dataAnswers } from "./data.js";
import { fileAnswers } from "./files.js";
import { metadataAnswers } from "./metadata.js";
import { principalAnswers } from "./principals.js";
import { spotterAnswers } from "./spotter.js";
import { tagAnswers } from "./tags.js";

export function realisticAnswers(catalog: Catalog): Record<string, Answer> {
  return {
    ...authAnswers,
    ...principalAnswers(catalog),
    ...metadataAnswers(catalog),
    ...dataAnswers(catalog),
    ...fileAnswers(catalog),
    ...spotterAnswers,
    ...tagAnswers(catalog),
  };
}
