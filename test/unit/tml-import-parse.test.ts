// ts.tml.import checks that TML text parses before it sends anything, and ts.tml.export keeps
// kinds the SDK does not know; both against a ThoughtSpot stand-in on 127.0.0.1 that records
// every request it gets.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createThoughtSpotClient } from "../../src/index.js";
import { stringifyTml, TmlParseError } from "../../src/tml-entry.js";
import { json, startServer, type TestServer } from "../support/server.js";

const good = "guid: g\ntable:\n  name: FACT\n  db: D\n";
const unknownKind = "guid: u\nspreadsheet:\n  name: Sheet\n  size: 0.0\n";
const feedback = 'guid: m\nnls_feedback:\n  feedback:\n  - id: "1"\n    feedback_phrase: top 10\n';

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/api/rest/2.0/metadata/tml/export")
      return json(res, 200, [
        {
          info: { name: "Sheet", id: "u", type: "spreadsheet", status: { status_code: "OK" } },
          edoc: unknownKind,
        },
        { info: { name: "fb", id: "m", type: "feedback", status: { status_code: "OK" } }, edoc: feedback },
        { info: { name: "users", id: "b", type: "user", status: { status_code: "OK" } }, edoc: "- a\n- b\n" },
      ]);
    const sent: string[] = JSON.parse(req.body.toString()).metadata_tmls;
    return json(
      res,
      200,
      sent.map((_, i) => ({ response: { status: { status_code: "OK" }, header: { id_guid: `new-${i}` } } })),
    );
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () => createThoughtSpotClient({ serverUrl: server.url, auth: { token: "tml-test-token" } });

describe("tml.import parses TML text before any request", () => {
  it.each([
    ["nested mapping under a scalar", "table:\n  name: x\n    db: y\n", 3, 5, "table"],
    ["duplicate key", "guid: g\nmodel:\n  name: a\n  name: b\n", 4, 3, "model"],
    ["unclosed quote", 'liveboard:\n  name: "open\n', 3, 1, "liveboard"],
    ["broken JSON", '{"answer": {"name": "x",}}', 1, 25, "answer"],
  ])("%s: TmlParseError with line, column and kind; nothing sent", async (_label, text, line, column, kind) => {
    for (const api of ["v2", "v1"] as const) {
      const error = await client()
        .tml.import([good, text], { api })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TmlParseError);
      expect(error).toMatchObject({ line, column, kind, file: "tml.import document #1" });
      expect((error as Error).message).toContain(`at line ${line}, column ${column}`);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("sends text that parses exactly as given, unknown kinds included", async () => {
    await client().tml.import([good, unknownKind, feedback]);
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body.toString()).metadata_tmls).toEqual([
      good,
      unknownKind,
      feedback,
    ]);
  });
});

describe("tml.export keeps what ThoughtSpot sends", () => {
  it("unknown kinds, feedback and shapes that are not one document come back parsed, text unchanged", async () => {
    const { objects } = await client().tml.export(["u", "m", "b"]);
    expect(objects.map((o) => [o.type, o.text])).toEqual([
      ["spreadsheet", unknownKind],
      ["feedback", feedback],
      ["user", "- a\n- b\n"],
    ]);
    expect(stringifyTml(objects[0]!.doc)).toBe(unknownKind);
    expect(stringifyTml(objects[1]!.doc)).toBe(feedback);
    expect(objects[2]!.doc).toEqual(["a", "b"]);
  });
});
