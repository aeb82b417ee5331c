// Explains a "not found" answer from a cluster too old for the operation: the message names the
// release the operation needs and the release the cluster runs. Pure: the caller brings the release.
import { NotFoundError, type ThoughtSpotError } from "../core/errors.js";
import type { OperationRow } from "../operation-row.js";
import { tooOldFor } from "./needed.js";

export interface MissingOperationFacts {
  message: string;
  availableFrom: string;
  clusterVersion: string;
}

type FailedCall = Pick<ThoughtSpotError, "status" | "details" | "body" | "message">;

// Spring's answer for a route it does not know, which some ThoughtSpot releases send with other statuses.
const NO_HANDLER = /no handler (found )?for/i;

/** A 404, a 405, or ThoughtSpot's "no handler" error: the answers of a cluster that lacks the route. */
export function mayBeMissingOperation(error: FailedCall): boolean {
  if (error.status === 404 || error.status === 405) return true;
  const said = [
    error.details?.message,
    typeof error.body === "string" ? error.body : JSON.stringify(error.body ?? ""),
  ];
  return said.some((text) => typeof text === "string" && NO_HANDLER.test(text));
}

/** The explained message and fields, or undefined when the answer or the releases do not show a missing operation. */
export function missingOperationFacts(
  error: FailedCall,
  operationId: string,
  row: Pick<OperationRow, "availableFrom" | "availableFromSoftware">,
  clusterVersion: string | undefined,
): MissingOperationFacts | undefined {
  if (!mayBeMissingOperation(error) || clusterVersion === undefined) return undefined;
  const availableFrom = tooOldFor(row, clusterVersion);
  if (!availableFrom) return undefined;
  return {
    message: `${operationId} is available from ThoughtSpot ${availableFrom}; this cluster runs ${clusterVersion}. ${error.message}`,
    availableFrom,
    clusterVersion,
  };
}

/** The same failure as a NotFoundError carrying the facts (a 405 or "no handler" answer becomes one too). */
export function explainedNotFound(error: ThoughtSpotError, facts: MissingOperationFacts): NotFoundError {
  return new NotFoundError({
    message: facts.message,
    method: error.method,
    path: error.path,
    url: error.url,
    status: error.status,
    body: error.body,
    details: error.details,
    requestId: error.requestId,
    operationId: error.operationId,
    response: error.response,
    cause: error,
    availableFrom: facts.availableFrom,
    clusterVersion: facts.clusterVersion,
  });
}
