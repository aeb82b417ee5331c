// ts.tml against a local ThoughtSpot stand-in on 127.0.0.1: exact wire format on both APIs,
// parsed results, errors inside HTTP 200, async import polling.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createThoughtSpotClient, RequestTimeoutError, TmlImportError } from "../../src/index.js";
import { parseTml } from "../../src/tml-entry.js";
import { caught } from "../support/caught.js";
import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

const fixtures = join(import.meta.dirname, "../fixtures/tml");
const fixture = (name: string) => readFile(join(fixtures, name), "utf8");

let server: TestServer;
let tableTml: string;
let worksheetTml: string;
let polls = 0;
const form = (r: ReceivedRequest) => Object.fromEntries(new URLSearchParams(r.body.toString()));
const jsonBody = (r: ReceivedRequest) => JSON.parse(r.body.toString());

beforeAll(async () => {
  tableTml = await fixture("fact_sales.table.tml");
  worksheetTml = await fixture("retail_sales_ws.worksheet.tml");
  const exported = [
    {
      info: { name: "Retail Sales WS", id: "ws-guid", type: "worksheet", status: { status_code: "OK" } },
      edoc: worksheetTml,
    },
    {
      info: { name: "FACT_SALES", id: "tbl-guid", type: "table", status: { status_code: "OK" } },
      edoc: tableTml,
    },
  ];
  const imported = (metadata: string[]) =>
    metadata.map((text, i) =>
      text.includes("BROKEN")
        ? { response: { status: { status_code: "ERROR", error_message: "Column BROKEN does not exist" } } }
        : {
            response: {
              status: { status_code: "OK" },
              header: { id_guid: `new-${i}`, name: parseName(text), metadata_type: "LOGICAL_TABLE" },
            },
          },
    );
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/api/rest/2.0/metadata/tml/export") return json(res, 200, exported);
    if (path === "/api/rest/2.0/metadata/tml/import")
      return json(res, 200, imported(jsonBody(req).metadata_tmls));
    if (path === "/callosum/v1/tspublic/v1/metadata/tml/export") return json(res, 200, { object: exported });
    if (path === "/callosum/v1/tspublic/v1/metadata/tml/import") {
      return json(res, 200, { object: imported(JSON.parse(form(req).import_objects as string)) });
    }
    if (path === "/api/rest/2.0/metadata/tml/async/import")
      return json(res, 200, { task_id: "task-1", task_status: "IN_QUEUE" });
    if (path === "/api/rest/2.0/metadata/tml/async/status") {
      polls++;
      const done = polls >= 3;
      return json(res, 200, {
        status_list: [
          {
            task_id: "task-1",
            task_status: done ? "COMPLETED" : "IN_PROGRESS",
            object_processed_count: done ? 2 : polls - 1,
            total_object_count: 2,
            ...(done && { import_response: { object: imported([tableTml, worksheetTml]) } }),
          },
        ],
        last_batch: true,
      });
    }
    return json(res, 404, {});
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  polls = 0;
});

function parseName(text: string): string {
  return /^\s+name: "?([^"\n]+)"?$/m.exec(text)?.[1] ?? "?";
}
const client = () => createThoughtSpotClient({ serverUrl: server.url, auth: { token: "tml-test-token" } });

describe("tml.export", () => {
  it("V2: sends metadata identifiers, YAML and fqn by default; returns parsed documents and the name→GUID map", async () => {
    const result = await client().tml.export("ws-guid", { associated: true });
    expect(jsonBody(server.requests[0]!)).toEqual({
      metadata: [{ identifier: "ws-guid" }],
      edoc_format: "YAML",
      export_fqn: true,
      export_associated: true,
    });
    expect(result.objects.map((o) => [o.type, o.guid, o.name])).toEqual([
      ["worksheet", "ws-guid", "Retail Sales WS"],
      ["table", "tbl-guid", "FACT_SALES"],
    ]);
    expect(result.objects[0]!.text).toBe(worksheetTml);
    expect(result.objects[0]!.doc).toEqual(parseTml(worksheetTml));
    expect(Object.fromEntries(result.guidsByName)).toEqual({
      "Retail Sales WS": "ws-guid",
      FACT_SALES: "tbl-guid",
    });
  });

  it("V2: names with a type, and every option on the wire", async () => {
    await client().tml.export([{ identifier: "Retail Sales WS", type: "LOGICAL_TABLE" }], {
      format: "JSON",
      fqn: false,
      dependent: true,
      schemaVersion: "V2",
    });
    expect(jsonBody(server.requests[0]!)).toEqual({
      metadata: [{ identifier: "Retail Sales WS", type: "LOGICAL_TABLE" }],
      edoc_format: "JSON",
      export_fqn: false,
      export_dependent: true,
      export_schema_version: "V2",
    });
  });

  it("V1: form fields with export_ids as a JSON array and Accept: text/plain", async () => {
    const result = await client().tml.export(["ws-guid"], { api: "v1", associated: true });
    const request = server.requests[0]!;
    expect(request.headers.accept).toBe("text/plain");
    expect(request.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(form(request)).toEqual({
      export_ids: '["ws-guid"]',
      formattype: "YAML",
      export_associated: "true",
      export_fqn: "true",
    });
    expect(result.objects).toHaveLength(2);
  });

  it("the client-level switch turns fqn off for releases before 8.9", async () => {
    const ts = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "tml-test-token" },
      tmlFqn: false,
    });
    await ts.tml.export("ws-guid");
    expect(jsonBody(server.requests[0]!).export_fqn).toBe(false);
  });

  it("exportToFolder writes {name}.{type}.tml files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tml-export-"));
    try {
      await client().tml.exportToFolder("ws-guid", dir, { associated: true });
      expect((await readdir(dir)).sort()).toEqual(["FACT_SALES.table.tml", "Retail Sales WS.worksheet.tml"]);
      expect(parseTml(await readFile(join(dir, "FACT_SALES.table.tml"), "utf8"))).toEqual(parseTml(tableTml));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("no targets → TypeError before any request", async () => {
    await expect(client().tml.export([])).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("tml.import", () => {
  it("V2: text and objects as metadata_tmls; GUIDs in input order", async () => {
    const result = await client().tml.import([tableTml, parseTml(worksheetTml)], {
      policy: "ALL_OR_NONE",
      createNew: true,
    });
    const body = jsonBody(server.requests[0]!);
    expect(body.import_policy).toBe("ALL_OR_NONE");
    expect(body.create_new).toBe(true);
    expect(body.metadata_tmls[0]).toBe(tableTml);
    expect(parseTml(body.metadata_tmls[1])).toEqual(parseTml(worksheetTml));
    expect(result.guids).toEqual(["new-0", "new-1"]);
    expect(result.failures).toEqual([]);
  });

  it("V2: an object that failed inside HTTP 200 → TmlImportError naming it", async () => {
    const broken = tableTml.replace("FACT_SALES", "BROKEN_TABLE");
    const error = await caught<TmlImportError>(client().tml.import([tableTml, broken]));
    expect(error).toBeInstanceOf(TmlImportError);
    expect(error.status).toBe(200);
    expect(error.failures).toEqual([
      { index: 1, name: "BROKEN_TABLE", message: "Column BROKEN does not exist" },
    ]);
    expect(error.message).toContain("#1 BROKEN_TABLE: Column BROKEN does not exist");
  });

  it("throwOnError: false returns the failures instead", async () => {
    const broken = tableTml.replace("FACT_SALES", "BROKEN_TABLE");
    const result = await client().tml.import([broken, tableTml], { throwOnError: false });
    expect(result.guids).toEqual([undefined, "new-1"]);
    expect(result.objects[0]!.status).toBe("ERROR");
  });

  it("PARTIAL_OBJECT (a V2 policy) goes to V2, and V1 refuses it before any request", async () => {
    await client().tml.import([tableTml], { policy: "PARTIAL_OBJECT" });
    expect(jsonBody(server.requests[0]!).import_policy).toBe("PARTIAL_OBJECT");
    const sent = server.requests.length;
    await expect(client().tml.import([tableTml], { api: "v1", policy: "PARTIAL_OBJECT" })).rejects.toThrow(
      /V1 takes policy PARTIAL, ALL_OR_NONE, VALIDATE_ONLY, not PARTIAL_OBJECT/,
    );
    expect(server.requests.length).toBe(sent);
  });

  it("V1: import_objects as a JSON array of two documents, Accept: text/plain, errors in HTTP 200", async () => {
    const result = await client().tml.import([tableTml, worksheetTml], { api: "v1" });
    const request = server.requests[0]!;
    expect(request.headers.accept).toBe("text/plain");
    const fields = form(request);
    expect(JSON.parse(fields.import_objects as string)).toEqual([tableTml, worksheetTml]);
    expect(fields.import_policy).toBe("ALL_OR_NONE");
    expect(result.guids).toEqual(["new-0", "new-1"]);

    const broken = tableTml.replace("FACT_SALES", "BROKEN_TABLE");
    await expect(client().tml.import([broken], { api: "v1" })).rejects.toBeInstanceOf(TmlImportError);
  });

  it("async: polls with back-off until the task completes (three polls), reporting progress", async () => {
    const progress: string[] = [];
    const result = await client().tml.import([tableTml, worksheetTml], {
      async: true,
      pollIntervalMs: 20,
      onProgress: (p) => progress.push(`${p.status} ${p.processed}/${p.total}`),
    });
    expect(polls).toBe(3);
    expect(progress).toEqual(["IN_PROGRESS 0/2", "IN_PROGRESS 1/2", "COMPLETED 2/2"]);
    expect(result.guids).toEqual(["new-0", "new-1"]);
    const statusRequest = server.requests.find((r) => r.url.endsWith("/async/status"))!;
    expect(jsonBody(statusRequest)).toEqual({ task_ids: ["task-1"], include_import_response: true });
  });

  it("async: abort stops polling", async () => {
    const controller = new AbortController();
    const pending = client().tml.import([tableTml], {
      async: true,
      pollIntervalMs: 5_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/aborted/);
    expect(polls).toBe(0);
  });

  it("async: a task that does not finish within maxWaitMs is a RequestTimeoutError, polling stops", async () => {
    const error = await caught(
      client().tml.import([tableTml], { async: true, pollIntervalMs: 20, maxWaitMs: 30 }),
    );
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toMatch(/may still run on the server/);
    expect(polls).toBe(1);
    await expect(client().tml.import([tableTml], { async: true, maxWaitMs: -1 })).rejects.toThrow(TypeError);
  });

  it("importFromFolder reads every .tml file", async () => {
    const result = await client().tml.importFromFolder(fixtures);
    expect(result.files.length).toBeGreaterThanOrEqual(8);
    expect(jsonBody(server.requests[0]!).metadata_tmls).toHaveLength(result.files.length);
  });

  it("bad input fails before any request", async () => {
    await expect(client().tml.import([])).rejects.toThrow(/at least one/);
    await expect(client().tml.import(["  "])).rejects.toThrow(/empty/);
    await expect(client().tml.import([tableTml], { api: "v1", async: true })).rejects.toThrow(/V2/);
    expect(server.requests).toHaveLength(0);
  });
});
