// Builds the operation table (operationId → method, path and flags) from an OpenAPI 3 document.
// The facade reads this table instead of repeating per-endpoint facts by hand.

import { RUNTIME_KEY_FAMILY } from "../../../src/v1/runtime-keys.js";
import { addReleaseFacts } from "../release-facts.js";
import { type Obj, specWalker } from "../spec/walk.js";
import { isBeta } from "./docs.js";
import type { OperationRow, PageRule } from "./operation-row.js";

export type { OperationRow };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * Which operations are safe to retry on 5xx: GET, and POST operations that only read. ThoughtSpot
 * does most reads through POST, so the rule is by the verbs in the operationId, as whole camelCase
 * words: search, fetch, get, export, download, validate or list (searchUsers, connectionConfigurationSearch,
 * metadataTmlExport, connectionFetchLiveColumns), plus V1's pinboarddata and searchdata. A first guess:
 * openapi/overlays/retry/<api>.json corrects the operations whose name misleads (../spec/retry-overlay.ts).
 */
export const READ_ONLY_OPERATION =
  /^(search|fetch|get|export|download|validate|list)(?=[A-Z]|$)|(Search|Fetch|Get|Export|Download|Validate|List)(?=[A-Z]|$)|^(pinboarddata|searchdata)$/;

/**
 * operationId → row. `pages` holds the page rules (scripts/lib/spec/page-rules.ts): an operation is
 * `paginated` when it has one.
 */
export function buildOperationTable(
  doc: Obj,
  pages: Record<string, PageRule> = {},
): Record<string, OperationRow> {
  const walker = specWalker(doc);
  const { resolve } = walker;
  // Properties of a schema, merging allOf branches.
  const properties = (schema: unknown): { props: Obj; required: string[] } => {
    const s = walker.merged(schema);
    return { props: (s.properties as Obj) ?? {}, required: (s.required as string[]) ?? [] };
  };

  const table: Record<string, OperationRow> = {};
  const specOperations: Record<string, Obj> = {};
  const walkedOps = walker.operations().filter((w) => (METHODS as readonly string[]).includes(w.method));
  for (const path of [...new Set(walkedOps.map((w) => w.path))].sort()) {
    for (const walked of walkedOps.filter((w) => w.path === path)) {
      const { method, operation: op } = walked;
      const id = walked.operationId as string;
      if (!id) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      if (table[id]) throw new Error(`duplicate operationId ${id}`);
      specOperations[id] = op;

      const params = walker.parameters(walked);
      const byIn = (where: string) => params.filter((p) => p.in === where).map((p) => p.name as string);
      // Accept is a header parameter in one upstream operation; the transport sets it from `accept`.
      const headerParams = byIn("header").filter((h) => h.toLowerCase() !== "accept");

      const content = walker.requestContent(walked);
      const mediaTypes = Object.keys(content);
      const body = mediaTypes.some((m) => m.startsWith("multipart/"))
        ? "multipart"
        : mediaTypes.some((m) => m === "application/x-www-form-urlencoded")
          ? "form"
          : mediaTypes.length > 0
            ? "json"
            : undefined;
      const bodyMedia = mediaTypes[0];
      const bodySchema = bodyMedia ? properties(content[bodyMedia]?.schema) : { props: {}, required: [] };

      const success = walker.successContent(walked).map((c) => c.media);
      const successMedia = success[0];
      const streaming = success.includes("text/event-stream");
      const binary =
        !streaming &&
        successMedia !== undefined &&
        !/json|^text\//.test(successMedia) &&
        !success.some((m) => m.includes("json"));

      const names = [...byIn("path"), ...byIn("query"), ...headerParams, ...Object.keys(bodySchema.props)];
      const clash = names.find((n, i) => names.indexOf(n) !== i);
      if (clash) {
        throw new Error(
          `${id}: "${clash}" is both a parameter and a body field; the folded input shape cannot hold it`,
        );
      }

      const requiredParams = params
        .filter((p) => p.required && p.in !== "header")
        .map((p) => p.name as string);
      const fileFields = Object.entries(bodySchema.props)
        .filter(
          ([, s]) => resolve(s).format === "binary" || typeof resolve(s)["x-multipart-filename"] === "string",
        )
        .map(([n]) => n);
      // V1 fields that carry JSON text, in the query or in the form body.
      const jsonFields = [
        ...params.filter((p) => p["x-json-encoded"] === true).map((p) => p.name as string),
        ...Object.entries(bodySchema.props)
          .filter(([, s]) => resolve(s)["x-json-encoded"] === true)
          .map(([n]) => n),
      ];

      const row: OperationRow = {
        method: method.toUpperCase() as OperationRow["method"],
        path,
        tag: ((op.tags as string[]) ?? ["default"])[0] as string,
      };
      if (byIn("path").length) row.pathParams = byIn("path");
      if (byIn("query").length) row.queryParams = byIn("query");
      if (headerParams.length) row.headerParams = headerParams;
      if (body) row.body = body;
      if (successMedia && successMedia !== "application/json") row.accept = successMedia;
      const page = pages[id];
      if (page) {
        row.paginated = true;
        row.page = page;
      }
      if (binary) row.binary = true;
      if (body === "multipart") row.multipart = true;
      if (streaming) row.streaming = true;
      if (op.deprecated) row.deprecated = true;
      if (isBeta(op.description)) row.beta = true;
      if (method === "get" || READ_ONLY_OPERATION.test(id)) row.idempotent = true;
      if (jsonFields.length) row.jsonFields = jsonFields;
      if (fileFields.length) row.fileFields = fileFields;
      // V1's numbered runtime filter/sort/Parameter keys: families from the spec's x-dynamic-query-params.
      const dynamic = (op["x-dynamic-query-params"] as string[] | undefined) ?? [];
      const runtimeQuery = (["filter", "sort", "parameter"] as const).filter((family) =>
        dynamic.some((key) => RUNTIME_KEY_FAMILY[key.replace("<n>", "")] === family),
      );
      const required = [...requiredParams, ...bodySchema.required];
      if (runtimeQuery.length) row.runtimeQuery = [...runtimeQuery];
      if (required.length) row.required = required;
      table[id] = row;
    }
  }
  addReleaseFacts(table, specOperations);
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
