// The operation table row type, generated with the tables (generated/operation-row.ts).
export type { OperationMethod, OperationRow, PageRule } from "../generated/operation-row.js";
