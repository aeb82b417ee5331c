// ThoughtSpot's V2 error answers, in the shape of the spec's ErrorResponse examples:
// { error: { message: { code, incident_id_guid, trace_id_guid, debug } } }. Bodies only; no state.
import { randomUUID } from "node:crypto";
import type { AnswerOutput } from "../types.js";

export function tsError(status: number, code: number, debug: string): AnswerOutput {
  const id = randomUUID();
  return { status, json: { error: { message: { code, incident_id_guid: id, trace_id_guid: id, debug } } } };
}

// Codes as the spec's examples pair them with statuses: 10002 bad request, 10097 unauthenticated,
// 10023 forbidden, 10038 server error.
export const badRequest = (debug: string) => tsError(400, 10_002, debug);
export const unauthorized = (debug: string) => tsError(401, 10_097, debug);
export const forbidden = (debug: string) => tsError(403, 10_023, debug);
export const serverError = (debug: string) => tsError(500, 10_038, debug);
// ThoughtSpot's V1 docs list 409 for a duplicate name on create (rest-api-getstarted: "409 duplicate
// username on user create"); the body keeps the V2 error shape.
export const conflict = (debug: string) => tsError(409, 10_002, debug);
