// Builds the operation table (operationId → method, path and flags) from an OpenAPI 3 document.
// The facade reads this table instead of repeating per-endpoint facts by hand.
import type { OperationRow } from "../../src/operation-row.js";
import { addReleaseFacts } from "./release-facts.js";

export type { OperationRow };

type Obj = Record<string, unknown>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const RUNTIME_FAMILY: Record<string, "filter" | "sort" | "parameter"> = {
  col: "filter",
  op: "filter",
  val: "filter",
  sortCol: "sort",
  asc: "sort",
  param: "parameter",
  paramVal: "parameter",
};

/**
 * Which operations are safe to retry on 5xx: GET, and POST operations that only read. ThoughtSpot
 * does most reads through POST, so the rule is by the verbs in the operationId, as whole camelCase
 * words: search, fetch, get, export, download, validate or list (searchUsers, connectionConfigurationSearch,
 * metadataTmlExport, connectionFetchLiveColumns), plus V1's pinboarddata and searchdata.
 */
export const READ_ONLY_OPERATION =
  /^(search|fetch|get|export|download|validate|list)(?=[A-Z]|$)|(Search|Fetch|Get|Export|Download|Validate|List)(?=[A-Z]|$)|^(pinboarddata|searchdata)$/;

export function buildOperationTable(doc: Obj): Record<string, OperationRow> {
  const resolve = (value: unknown): Obj => {
    let node = value as Obj;
    const seen = new Set<string>();
    while (node && typeof node.$ref === "string") {
      const ref = node.$ref;
      if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
      seen.add(ref);
      node = ref
        .slice(2)
        .split("/")
        .reduce<unknown>(
          (at, key) => (at as Obj)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")],
          doc,
        ) as Obj;
    }
    return node ?? {};
  };
  // Properties of a schema, merging allOf branches.
  const properties = (schema: unknown): { props: Obj; required: string[] } => {
    const s = resolve(schema);
    const props: Obj = { ...((s.properties as Obj) ?? {}) };
    const required = [...((s.required as string[]) ?? [])];
    for (const branch of (s.allOf as unknown[]) ?? []) {
      const inner = properties(branch);
      Object.assign(props, inner.props);
      required.push(...inner.required);
    }
    return { props, required };
  };

  const table: Record<string, OperationRow> = {};
  const specOperations: Record<string, Obj> = {};
  const paths = (doc.paths ?? {}) as Record<string, Obj>;
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path] as Obj;
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (!op) continue;
      const id = op.operationId as string;
      if (!id) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      if (table[id]) throw new Error(`duplicate operationId ${id}`);
      specOperations[id] = op;

      const params = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map(
        resolve,
      );
      const byIn = (where: string) => params.filter((p) => p.in === where).map((p) => p.name as string);
      // Accept is a header parameter in one upstream operation; the transport sets it from `accept`.
      const headerParams = byIn("header").filter((h) => h.toLowerCase() !== "accept");

      const content = ((resolve(op.requestBody).content as Obj) ?? {}) as Record<string, Obj>;
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

      const responses = (op.responses ?? {}) as Record<string, unknown>;
      const success = Object.keys(responses)
        .filter((code) => code.startsWith("2"))
        .sort()
        .flatMap((code) => Object.keys((resolve(responses[code]).content as Obj) ?? {}));
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
      if ("record_offset" in bodySchema.props && "record_size" in bodySchema.props) row.paginated = true;
      if (binary) row.binary = true;
      if (body === "multipart") row.multipart = true;
      if (streaming) row.streaming = true;
      if (op.deprecated) row.deprecated = true;
      if (method === "get" || READ_ONLY_OPERATION.test(id)) row.idempotent = true;
      if (jsonFields.length) row.jsonFields = jsonFields;
      if (fileFields.length) row.fileFields = fileFields;
      // V1's numbered runtime filter/sort/Parameter keys: families from the spec's x-dynamic-query-params.
      const dynamic = (op["x-dynamic-query-params"] as string[] | undefined) ?? [];
      const runtimeQuery = (["filter", "sort", "parameter"] as const).filter((family) =>
        dynamic.some((key) => RUNTIME_FAMILY[key.replace("<n>", "")] === family),
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
