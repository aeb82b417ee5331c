// V1's wire format, which openapi-fetch's serializers get wrong (they send `a,b` lists and
// `[object Object]`): JSON text for x-json-encoded fields, booleans as "true"/"false", undefined left
// out, form-urlencoded or multipart as the spec says. JSON parts of a multipart body (user/sync's
// principals) go as application/json file parts, which is what ThoughtSpot reads.
import type { OperationRow } from "../operation-row.js";

type Loose = Record<string, unknown>;

function text(name: string, value: unknown, row: OperationRow): string {
  if (row.jsonFields?.includes(name)) return typeof value === "string" ? value : JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (value instanceof Date) return value.toISOString();
  // An array or object in a field the spec does not mark as JSON: JSON is still the only faithful text.
  return JSON.stringify(value);
}

/** Query (or any name → value) parameters as the strings V1 expects. */
export function encodeV1Params(
  row: OperationRow,
  values: Loose | undefined,
): Record<string, string> | undefined {
  if (!values) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null) out[name] = text(name, value, row);
  }
  return out;
}

export function encodeV1Body(
  row: OperationRow,
  body: Loose,
): { body: BodyInit; headers?: Record<string, string> } {
  if (row.body === "multipart") {
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) {
      if (value === undefined || value === null) continue;
      if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
      else if (row.fileFields?.includes(name)) {
        const type = row.jsonFields?.includes(name) ? "application/json" : "application/octet-stream";
        form.append(
          name,
          new Blob([text(name, value, row)], { type }),
          row.jsonFields?.includes(name) ? `${name}.json` : name,
        );
      } else form.append(name, text(name, value, row));
    }
    return { body: form };
  }
  const form = new URLSearchParams(encodeV1Params(row, body));
  return {
    body: form.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  };
}
