// thoughtspot-rest-api/tml: TML documents without a client (parse, write, files, migration steps).
// A separate entry because the YAML parser is large; ts.tml on the client loads it on first use.

export {
  emptyMapping as emptyTmlDeployMapping,
  parseMapping as parseTmlDeployMapping,
  stringifyMapping as stringifyTmlDeployMapping,
  TML_DEPLOY_MAPPING_FORMAT,
  TML_DEPLOY_MAPPING_VERSION,
  type TmlDeployMapping,
  type TmlDeployMappingEntry,
} from "./tml/deploy/mapping.js";
export { formatDeployReport as formatTmlDeployReport } from "./tml/deploy/report.js";
// Types the functions above take, so users can name them.
export type { ParseTmlOptions, StringifyTmlOptions } from "./tml/document.js";
export {
  isLegacyConnection,
  isTmlOfType,
  MAX_TML_ALIAS_NODES,
  MAX_TML_LENGTH,
  parseTml,
  parseTmlInTurns,
  stringifyTml,
  TML_TYPES,
  tmlNeedsQuotes,
  tmlType,
  tmlValueStyle,
} from "./tml/document.js";
export {
  TmlDeployError,
  TmlError,
  TmlImportError,
  type TmlImportFailure,
  TmlParseError,
} from "./tml/errors.js";
export type { ReadTmlFolderOptions } from "./tml/files.js";
export { readTmlFolder, type TmlFile, tmlFileName, writeTmlFolder } from "./tml/files.js";
export {
  addFqns,
  swapConnection,
  swapTableReferences,
  swapWorksheetReferences,
  type TmlReference,
  type TmlRefMapping,
  type TmlRefTarget,
  tmlReferences,
} from "./tml/migrate.js";
export type { TmlScalarStyle } from "./tml/style.js";
export type * from "./tml/types.js";
