// V1 Org operations (org/ create, get, update, delete, search) on the same store as V2: each goes through
// the V2 answer that owns the change (orgs.ts) and answers in the V1 spec's Org shape and error body.
// No Org rule of its own beyond V1's statuses.
import type { Answer, AnswerInput } from "../types.js";
import { badRequest } from "./errors.js";
import { findOrg, type MockStore } from "./store.js";
import { failed, v1Failure } from "./v1-fields.js";

export function v1OrgAnswers(store: MockStore, v2: Record<string, Answer>): Record<string, Answer> {
  const call = (id: string, request: AnswerInput, input: Record<string, unknown>, params = {}) =>
    v2[id]!({ ...request, operationId: id, input, params });
  /** An Org as the V1 spec's Org schema has it. */
  const shape = (id: unknown) => {
    const org = findOrg(store.catalog, id)!;
    return { orgId: org.id, orgName: org.name, description: org.description, active: true, deleted: false };
  };
  /** The Org named by id (which wins, as the V1 docs say for org update) or name. */
  const named = (request: AnswerInput) => {
    const { id, name } = request.input;
    return id !== undefined && id !== "" ? findOrg(store.catalog, id) : findOrg(store.catalog, name);
  };
  // The V1 spec's 400 "Invalid parameter" (update: "Invalid ID or name") for an Org it cannot resolve.
  const unknownOrg = (request: AnswerInput) =>
    v1Failure(badRequest(`Invalid parameter: no Org ${String(request.input.id ?? request.input.name)}`), 400);
  return {
    // A name that exists: the V1 spec's 400 "Name not unique" (V2 answers that case with 409).
    orgPost: (request) => {
      const out = call("createOrg", request, {
        name: request.input.name,
        description: request.input.description,
      });
      const failure = failed(out);
      if (failure) return v1Failure(failure, 400);
      return { json: shape(request.input.name) };
    },
    orgGet: (request) => {
      const org = named(request);
      return org ? { json: shape(org.id) } : unknownOrg(request);
    },
    orgSearch: (request) => {
      const out = call("searchOrgs", request, {}) as { json: { id: number }[] };
      const { id, name } = request.input;
      return {
        json: out.json
          .map((o) => shape(o.id))
          .filter(
            (o) =>
              (id === undefined || id === "" || String(o.orgId) === String(id)) &&
              (name === undefined || name === "" || o.orgName === name),
          ),
      };
    },
    // With id and name, id names the Org and name is its new name (the V1 docs: id wins if both).
    orgPut: (request) => {
      const org = named(request);
      if (!org) return unknownOrg(request);
      const { id, name, description } = request.input;
      const rename = id !== undefined && id !== "" && typeof name === "string" ? name : undefined;
      const out = call(
        "updateOrg",
        request,
        { ...(rename !== undefined && { name: rename }), ...(description !== undefined && { description }) },
        { org_identifier: String(org.id) },
      );
      const failure = failed(out);
      if (failure) return v1Failure(failure, 400);
      return { json: shape(org.id) };
    },
    orgDelete: (request) => {
      const org = named(request);
      if (!org) return unknownOrg(request);
      const failure = failed(call("deleteOrg", request, {}, { org_identifier: String(org.id) }));
      return failure ? v1Failure(failure, 400) : { status: 204 };
    },
  };
}
