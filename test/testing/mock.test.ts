// thoughtspot-rest-api/testing from vitest: realistic answers through the SDK, recorded requests with
// operationIds and findings, strict mode, and your own answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { v2Operations } from "../../generated/v2-operations.js";
import users from "../../mock/users.json" with { type: "json" };
import { answerRecords, BadRequestError, TSTypes } from "../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";
import { loadPrism } from "../../src/testing/prism.js";

let mock: MockThoughtSpot;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
}, 120_000);
afterAll(() => mock?.close());

describe("startMockThoughtSpot", () => {
  it("serves V2 and V1 on one 127.0.0.1 port to a client that is already logged in", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ts = mock.client();
    const info = await ts.api.v2.getSystemInformation();
    expect(info.release_version).toMatch(/^\d+\.\d+/);
    const session = (await ts.api.v1.sessionInfo()) as { userName?: string };
    expect(session.userName).toBe("tsadmin");
  });

  it("pages users like ThoughtSpot: every user once, in order", async () => {
    const ts = mock.client();
    mock.clearRequests();
    const all = await ts.paginate("/api/rest/2.0/users/search", { body: {} }, { pageSize: 5 }).toArray();
    expect(all.map((u) => u.name)).toEqual(users.map((u) => u.name));
    expect(mock.requests().length).toBe(Math.ceil((users.length + 1) / 5));
    expect(mock.requests().every((r) => r.operationId === "searchUsers" && r.status === 200)).toBe(true);
  });

  it("exports real TML, imports an edited copy, and finds the copy by name afterwards", async () => {
    const ts = mock.client();
    const [liveboard] = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    const { objects } = await ts.tml.export(String(liveboard!.metadata_id));
    const doc = objects[0]!.doc as { guid?: string; liveboard: { name: string } };
    expect(doc.liveboard.name).toBe(liveboard!.metadata_name);
    delete doc.guid;
    doc.liveboard.name = "Copy of the overview";
    const { guids } = await ts.tml.import([doc]);
    expect(await ts.metadata.findGuid(TSTypes.LIVEBOARD, "Copy of the overview")).toBe(guids[0]);
  });

  it("answers data calls with rows that answerRecords turns into records with dates", async () => {
    const ts = mock.client();
    const answer = await ts.api.v2.searchData({
      query_string: "[Umsatz (€)] [Month(Order Date)]",
      logical_table_identifier: "x",
      record_size: 3,
    });
    const records = answerRecords(answer, { dates: "iso" });
    expect(records).toHaveLength(3);
    expect(records[0]!["Month(Order Date)"]).toMatch(/^\d{4}-\d\d-\d\dT/);
    const v1 = await ts.api.v1.pinboarddata({ id: "61728394-0008-4a5b-8c9d-000000000008" });
    expect(answerRecords(v1, { visualization: "Sales count: classic" })[0]).toHaveProperty("# of Sales");
  });

  it("serves a real PDF and PNG for report exports, and a Spotter stream", async () => {
    const ts = mock.client();
    const lb = "61728394-0008-4a5b-8c9d-000000000008";
    const pdf = await ts.download("/api/rest/2.0/report/liveboard", {
      body: { metadata_identifier: lb, file_format: "PDF" },
    });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    const png = await ts.download("/api/rest/2.0/report/liveboard", {
      body: { metadata_identifier: lb, file_format: "PNG" },
    });
    expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    const types: string[] = [];
    for await (const event of ts.stream("sendAgentConversationMessageStreaming", {
      conversation_identifier: "c1",
      messages: ["Sales by category?"],
    }))
      types.push(String(event.type));
    expect(types).toContain("text-chunk");
  });

  it("keeps every realistic answer valid against ThoughtSpot's response schemas", async () => {
    const responseFindings = mock
      .requests()
      .flatMap((r) =>
        r.findings
          .filter((f) => f.location[0] === "response")
          .map((f) => `${r.operationId}: ${f.location.join(".")} ${f.message}`),
      );
    // Binary bodies are checked by Prism as text; the only finding allowed is its "must be string".
    expect(
      responseFindings.filter((f) => !/exportLiveboardReport: response\.body .*must be string/.test(f)),
    ).toEqual([]);
  });

  it("strict: a request that breaks the spec fails with a BadRequestError listing the findings", async () => {
    const ts = mock.client();
    const error = await ts.v2
      .POST("/api/rest/2.0/metadata/search", { body: { metadata: [{ type: "NOT_A_TYPE" as "LIVEBOARD" }] } })
      .then((r) => r);
    expect(error.response.status).toBe(422);
    const thrown = await ts.api.v2
      .createUser({ name: 5 as unknown as string, display_name: "x", email: "x@y.z" })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(BadRequestError);
    expect((thrown as BadRequestError).message).toMatch(/request\.body\.name: .*must be string/);
    const last = mock.requests().at(-1)!;
    expect(last).toMatchObject({ operationId: "createUser", status: 422 });
    expect(last.findings.some((f) => f.location.join(".") === "request.body.name")).toBe(true);
  });

  it("non-strict: Prism's own answer, with the findings in sl-violations", async () => {
    const loose = await startMockThoughtSpot({ strict: false, realistic: false });
    try {
      const { response } = await loose.client().v2.POST("/api/rest/2.0/metadata/search", {
        body: { metadata: [{ type: "NOT_A_TYPE" as "LIVEBOARD" }] },
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("sl-violations")).toMatch(/metadata\.0\.type/);
    } finally {
      await loose.close();
    }
  });

  it("uses your answers before the built-in ones; other operations keep Prism's answers", async () => {
    const own = await startMockThoughtSpot({
      answers: { searchTags: () => ({ json: [{ id: "t1", name: "Finance", color: "#2770EF" }] }) },
    });
    try {
      const ts = own.client();
      expect((await ts.api.v2.searchTags({})).map((t) => t.name)).toEqual(["Finance"]);
      await ts.api.v2.searchCollections({});
      expect(own.requests().map((r) => r.operationId)).toEqual(["searchTags", "searchCollections"]);
      expect(Object.keys(v2Operations)).toContain("searchCollections");
    } finally {
      await own.close();
    }
  });

  it("names the install command when Prism is not installed", async () => {
    const missing = Object.assign(new Error("Cannot find package '@stoplight/prism-http'"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    await expect(loadPrism(() => Promise.reject(missing))).rejects.toThrow(
      /npm install --save-dev @stoplight\/prism-http/,
    );
  });
});
