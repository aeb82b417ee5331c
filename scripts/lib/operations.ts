// The operation table builder moved to scripts/lib/emit/operation-table.ts; this path stays for
// branches that still import it.
export { buildOperationTable, type OperationRow, READ_ONLY_OPERATION } from "./emit/operation-table.js";
