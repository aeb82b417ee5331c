// ts.metadata.list, dependents, assignTags/unassignTags and V1 permission queries: exact wire data.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createThoughtSpotClient, TSTypes } from "../../src/index.js";
import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path.endsWith("/metadata/list"))
      return json(res, 200, { headers: [{ id: "ws-1", name: "Sales" }], isLastBatch: true });
    if (path.endsWith("/dependency/listdependents"))
      return json(res, 200, { "tbl-1": { QUESTION_ANSWER_BOOK: [] } });
    if (path.endsWith("/security/metadata/permissions"))
      return json(res, 200, { "lb-1": { permissions: {} } });
    res.writeHead(204);
    res.end();
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const ts = () => createThoughtSpotClient({ serverUrl: server.url, auth: { token: "tags-test-token" } });
const query = (r: ReceivedRequest) => Object.fromEntries(new URL(r.url, "http://x").searchParams);
const form = (r: ReceivedRequest) => Object.fromEntries(new URLSearchParams(r.body.toString()));

describe("ts.metadata V1 lists and dependents", () => {
  it("list sends type and subtypes from TSTypes and returns the headers", async () => {
    const headers = await ts().metadata.list({ type: TSTypes.WORKSHEET, filter: "Sal%", batchSize: 10 });
    expect(headers).toEqual([{ id: "ws-1", name: "Sales" }]);
    expect(query(server.requests[0]!)).toEqual({
      type: "LOGICAL_TABLE",
      subtypes: '["WORKSHEET"]',
      pattern: "Sal%",
      batchsize: "10",
    });
  });

  it("dependents posts the V1 type and the ids as JSON text", async () => {
    const answer = await ts().metadata.dependents({ type: TSTypes.TABLE, ids: ["tbl-1"] });
    expect(answer).toEqual({ "tbl-1": { QUESTION_ANSWER_BOOK: [] } });
    expect(form(server.requests[0]!)).toEqual({ type: "LOGICAL_TABLE", id: '["tbl-1"]' });
  });
});

describe("ts.metadata tags", () => {
  it("V2 by default: metadata with the V2 type, tag_identifiers", async () => {
    await ts().metadata.assignTags({ type: TSTypes.LIVEBOARD, ids: ["lb-1", "lb-2"], tags: ["finance"] });
    const request = server.requests[0]!;
    expect(request.url).toBe("/api/rest/2.0/tags/assign");
    expect(JSON.parse(request.body.toString())).toEqual({
      metadata: [
        { type: "LIVEBOARD", identifier: "lb-1" },
        { type: "LIVEBOARD", identifier: "lb-2" },
      ],
      tag_identifiers: ["finance"],
    });
    await ts().metadata.unassignTags({ type: "ANSWER", ids: ["a-1"], tags: ["old"] });
    expect(server.requests[1]!.url).toBe("/api/rest/2.0/tags/unassign");
  });

  it("V1: one type per id, JSON text fields", async () => {
    await ts().metadata.assignTags({
      type: TSTypes.LIVEBOARD,
      ids: ["lb-1", "lb-2"],
      tags: ["finance"],
      api: "v1",
    });
    const request = server.requests[0]!;
    expect(request.url).toBe("/callosum/v1/tspublic/v1/metadata/assigntag");
    expect(form(request)).toEqual({
      id: '["lb-1","lb-2"]',
      type: '["PINBOARD_ANSWER_BOOK","PINBOARD_ANSWER_BOOK"]',
      tagname: '["finance"]',
    });
  });

  it("bad input fails before any request", async () => {
    await expect(ts().metadata.assignTags({ type: TSTypes.LIVEBOARD, ids: [], tags: ["x"] })).rejects.toThrow(
      TypeError,
    );
    await expect(ts().metadata.assignTags({ type: TSTypes.LIVEBOARD, ids: ["a"], tags: [] })).rejects.toThrow(
      TypeError,
    );
    await expect(ts().metadata.assignTags({ type: "NOT_A_TYPE", ids: ["a"], tags: ["x"] })).rejects.toThrow(
      /TSTypes/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("ts.sharing.permissionsOnObjects on V1", () => {
  it("sends type, ids as JSON text and EFFECTIVE by default", async () => {
    await ts().sharing.permissionsOnObjects({ type: TSTypes.LIVEBOARD, ids: ["lb-1"], api: "v1" });
    const request = server.requests[0]!;
    expect(request.method).toBe("GET");
    expect(query(request)).toEqual({
      type: "PINBOARD_ANSWER_BOOK",
      id: '["lb-1"]',
      permissiontype: "EFFECTIVE",
    });
    await ts().sharing.permissionsOnObjects({
      type: TSTypes.LIVEBOARD,
      ids: ["lb-1"],
      api: "v1",
      permissionType: "DEFINED",
    });
    expect(query(server.requests[1]!).permissiontype).toBe("DEFINED");
  });
});
