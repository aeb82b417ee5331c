// The one encoder: an operation's table row and one input object → path, query, headers and body,
// the same for ts.api and the raw ts.v2/ts.v1 clients. Driven by the row only:
// - path parameters: one checked, encoded segment each (never ".", "..", "" or an object);
// - query: arrays repeat their key (val1=a&val1=b), fields marked jsonFields go as JSON text,
//   objects as JSON, booleans as "true"/"false", undefined and null left out;
// - body: JSON; form fields (V1) with the same text rules; multipart with files as file parts and
//   JSON parts of jsonFields files (V1 user/sync principals) as application/json parts.
import type { OperationRow } from "../operation-row.js";

type Loose = Record<string, unknown>;

export interface EncodedCall {
  /** The row's path with parameters filled in, then the query string. */
  path: string;
  query: string;
  /** content-type (except multipart, whose boundary fetch sets) and accept when not the default; lower-case names. */
  headers: Record<string, string>;
  body: BodyInit | undefined;
}

/** Text of one value as ThoughtSpot reads it in a query or a form field. */
function text(name: string, value: unknown, row: OperationRow): string {
  if (row.jsonFields?.includes(name)) return typeof value === "string" ? value : JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (value instanceof Date) return value.toISOString();
  // An array or object in a field the spec does not mark as JSON: JSON is still the only faithful text.
  return JSON.stringify(value);
}

/** A path parameter as one URL segment, or a TypeError naming the operation and the parameter. */
function pathSegment(operationId: string, name: string, value: unknown): string {
  const fail = (why: string) =>
    new TypeError(
      `${operationId}: path parameter "${name}" ${why}; it must be a non-empty string or a number`,
    );
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw fail(`is ${value}`);
    return String(value);
  }
  if (typeof value !== "string")
    throw fail(`is ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`);
  if (value.trim() === "") throw fail(value === "" ? "is empty" : "is blank");
  // "." and ".." would be resolved away by URL parsing and reach another route.
  if (value === "." || value === "..") throw fail(`is "${value}", which would leave its place in the path`);
  try {
    return encodeURIComponent(value);
  } catch {
    // Only a lone surrogate makes it throw (a URIError): it has no UTF-8 form. A caller mistake.
    throw fail("has a lone UTF-16 surrogate (text cut in the middle of a character)");
  }
}

function fillPath(operationId: string, row: OperationRow, values: Loose): string {
  return row.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathSegment(operationId, name, values[name]));
}

function encodeQuery(row: OperationRow, values: Loose): string {
  let any = false;
  for (const key in values) if (values[key] !== undefined && values[key] !== null) any = true;
  if (!any) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && !row.jsonFields?.includes(key)) {
      for (const item of value)
        if (item !== undefined && item !== null) search.append(key, text(key, item, row));
    } else search.append(key, text(key, value, row));
  }
  return search.toString();
}

function formData(row: OperationRow, body: Loose): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
    else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
      form.append(name, new Blob([value as BlobPart]), name);
    } else if (row.fileFields?.includes(name)) {
      // A file given as text (or JSON): still a file part, as the server expects one.
      const json = row.jsonFields?.includes(name);
      const type = json ? "application/json" : "application/octet-stream";
      form.append(name, new Blob([text(name, value, row)], { type }), json ? `${name}.json` : name);
    } else form.append(name, text(name, value, row));
  }
  return form;
}

/** The body as the row says: JSON, form fields, or multipart. */
function encodeBody(row: OperationRow, body: Loose): { body: BodyInit; contentType?: string } {
  if (row.body === "multipart") return { body: formData(row, body) }; // fetch sets the boundary
  if (row.body === "form") {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(body)) {
      if (value !== undefined && value !== null) form.append(name, text(name, value, row));
    }
    return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
  }
  return { body: JSON.stringify(body), contentType: "application/json" };
}

const NAMES = new WeakMap<OperationRow, Set<string>>();

/** The row's path, query and header parameter names, computed once per row. */
function parameterNames(row: OperationRow): Set<string> {
  let names = NAMES.get(row);
  if (!names) {
    names = new Set([...(row.pathParams ?? []), ...(row.queryParams ?? []), ...(row.headerParams ?? [])]);
    NAMES.set(row, names);
  }
  return names;
}

/**
 * Splits one input object by the row's parameter names and encodes each part. `extraQuery` takes the
 * input keys no spec can declare (V1's numbered runtime filter keys) and returns them as query values.
 */
export function encodeCall(
  operationId: string,
  row: OperationRow,
  input: unknown,
  extraQuery?: (operationId: string, fields: Loose) => Loose | undefined,
): EncodedCall {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new TypeError(`${operationId}: the input must be an object of parameters and body fields`);
  }
  const fields = input as Loose;
  for (const name of row.required ?? []) {
    if (fields[name] === undefined || fields[name] === null) {
      throw new TypeError(`${operationId}: missing required "${name}"`);
    }
  }
  const path = row.pathParams ? fillPath(operationId, row, fields) : row.path;
  const query: Loose = {};
  for (const name of row.queryParams ?? []) if (fields[name] !== undefined) query[name] = fields[name];
  const extra = extraQuery?.(operationId, fields);
  const headers: Record<string, string> = {};
  if (row.accept) headers.accept = row.accept;
  for (const name of row.headerParams ?? []) {
    if (fields[name] !== undefined) headers[name.toLowerCase()] = String(fields[name]);
  }

  const taken = parameterNames(row);
  const bodyFields: Loose = {};
  let bodyCount = 0;
  for (const key of Object.keys(fields)) {
    if (!taken.has(key) && !(extra && key in extra) && fields[key] !== undefined) {
      bodyFields[key] = fields[key];
      bodyCount++;
    }
  }
  let body: BodyInit | undefined;
  if (row.body) {
    const encoded = encodeBody(row, bodyFields);
    body = encoded.body;
    if (encoded.contentType) headers["content-type"] = encoded.contentType;
  } else if (bodyCount) {
    throw new TypeError(`${operationId}: takes no body, but got ${Object.keys(bodyFields).join(", ")}`);
  }
  return { path, query: encodeQuery(row, extra ? { ...query, ...extra } : query), headers, body };
}
