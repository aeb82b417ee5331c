// The prefixes of V1's numbered runtime query keys (`col1`, `sortCol1`, `paramVal1`, …) and the family
// each belongs to. One table for the generator (a row's `runtimeQuery`, from the spec's
// x-dynamic-query-params) and for the runtime helpers that move such keys into the query string.
import type { OperationRow } from "../operation-row.js";

type RuntimeFamily = NonNullable<OperationRow["runtimeQuery"]>[number];

export const RUNTIME_KEY_FAMILY: Readonly<Record<string, RuntimeFamily>> = {
  col: "filter",
  op: "filter",
  val: "filter",
  sortCol: "sort",
  asc: "sort",
  param: "parameter",
  paramVal: "parameter",
};
