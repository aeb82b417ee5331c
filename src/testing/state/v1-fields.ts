// How V1's form fields read (lists and objects as JSON text) and how a V2 answer's outcome becomes a V1
// answer (V1's error body and statuses). Shared by the V1 adapters of the mock; holds no state.
import type { Answer, AnswerInput, AnswerOutput } from "../types.js";
import { asV1 } from "./errors.js";

type Loose = Record<string, unknown>;

/** A V1 list field: JSON text of an array (or the array itself, or one bare value). */
export function v1List(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) return value.map(String);
  try {
    const parsed: unknown = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.map(String) : [String(value)];
  } catch {
    return [String(value)];
  }
}

/** A V1 object field (JSON text), or {} when it is not an object. */
export function v1Object(value: unknown): Loose {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Loose;
  try {
    const parsed: unknown = JSON.parse(String(value));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Loose) : {};
  } catch {
    return {};
  }
}

/** Whether a V1 field holds a JSON object (text or parsed). */
export const isObjectText = (value: unknown) =>
  Object.keys(v1Object(value)).length > 0 || /^\s*\{\s*\}\s*$/.test(String(value));

/** A V2 answer's failure, or undefined when it succeeded. */
export const failed = (out: AnswerOutput | undefined) =>
  out && (out.status ?? 200) >= 400 ? out : undefined;

/** The failure in V1's error body; with `status`, the status V1's spec gives for that case. */
export function v1Failure(out: AnswerOutput, status?: number): AnswerOutput {
  const v1 = asV1(out);
  return status === undefined ? v1 : { ...v1, status };
}

/** V1 visibility DEFAULT is V2's SHARABLE (the V1 docs' default; V2 names the same setting SHARABLE). */
export const v1Visibility = (value: unknown) =>
  value === undefined || value === "DEFAULT" ? undefined : value;

/** Runs the V2 answer `id` for a V1 request, with V2's input and path parameters. */
export const v2Caller =
  (v2: Record<string, Answer>) =>
  (id: string, request: AnswerInput, input: Loose, params: Record<string, string> = {}) =>
    v2[id]!({ ...request, operationId: id, input, params });
