// Every V1 operation, called through ts.api.v1 with a valid request built from the spec, must pass
// Prism's request validation (no request.* entry in sl-violations) and come back 2xx. Form and multipart
// bodies go through src/core/encode.ts; JSON-encoded fields are given as arrays/objects so the encoder runs.
// What Prism cannot serve is listed in SKIPPED with the reason and checked on a local stub server below.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { createThoughtSpotClient } from "../../src/index.js";
import { mockableSpec } from "../support/mock-spec.js";
import { recordingFetch, requestViolations } from "../support/recording-fetch.js";
import { type ReceivedRequest, startServer, type TestServer } from "../support/server.js";
import { v1Samples } from "../support/v1-samples.js";

type Loose = Record<string, unknown>;
type Id = keyof typeof v1Operations;
type Row = (typeof v1Operations)[Id] & {
  accept?: string;
  binary?: true;
  body?: "form" | "multipart";
  jsonFields?: readonly string[];
  fileFields?: readonly string[];
};

/** Operations Prism cannot answer, each with the reason; each is checked on the stub server instead. */
const SKIPPED: Partial<Record<Id, string>> = {
  exportPinboardPdf:
    "answers application/octet-stream (schema type: file); Prism has no serializer for it and returns 500",
};

const V1 = "/callosum/v1";
const validInput = v1Samples((await mockableSpec("v1")) as Loose);

/** The login operations get the mock's credentials (it checks them) over the generated sample. */
const { username, password, secretKey } = inject("mockCredentials");
const LOGINS: Partial<Record<Id, Loose>> = {
  sessionLogin: { username, password },
  sessionAuthToken: { username, secret_key: secretKey },
};
const inputFor = (id: Id) => ({ ...(validInput(id) as Loose), ...LOGINS[id] });

const { fetch, exchanges } = recordingFetch();
const ts = createThoughtSpotClient({
  serverUrl: inject("prismV1Url"),
  auth: { token: inject("mockToken") },
  fetch,
  maxRetries: 0,
});
const api = ts.api.v1 as unknown as Record<string, (input: Loose) => Promise<unknown>>;
const ids = Object.keys(v1Operations) as Id[];
const validated = new Set<string>();
const results = new Map<Id, unknown>();

describe("V1 operations against Prism", () => {
  it.each(ids.filter((id) => !(id in SKIPPED)))("%s", async (id) => {
    const row = v1Operations[id] as Row;
    const before = exchanges.length;
    results.set(id, await api[id]?.(inputFor(id)));

    expect(exchanges.length).toBe(before + 1);
    const exchange = exchanges[before]!;
    expect(requestViolations(exchange)).toEqual([]);
    expect(exchange.status).toBeGreaterThanOrEqual(200);
    expect(exchange.status).toBeLessThan(300);
    expect(exchange.method).toBe(row.method);
    expect(new URL(exchange.url).pathname.startsWith(`${V1}/`)).toBe(true);
    expect(exchange.requestHeaders.get("x-requested-by")).toBe("ThoughtSpot");
    expect(exchange.requestHeaders.get("accept")).toBe(row.accept ?? "application/json");
    validated.add(id);
  });
});

describe("V1 answers as Prism serves them", () => {
  const textOps = Object.entries(v1Operations)
    .filter(([, row]) => (row as Row).accept?.startsWith("text/") && row.tag !== "tml")
    .map(([id]) => id as Id);

  it("text/plain, text/html and text/yaml answers come back as text", () => {
    expect(textOps.sort()).toEqual([
      "connectionExport",
      "sessionAuthToken",
      "sessionHomepinboardGet",
      "sessionLoginTokenGet",
      "sessionLoginTokenPost",
      "userInactivate",
    ]);
    for (const id of textOps) expect(typeof results.get(id), id).toBe("string");
  });

  // Prism labels the TML example text/plain (as asked); the typed result is still the parsed object.
  it("TML answers (JSON under Accept: text/plain) come back parsed", () => {
    expect(results.get("metadataTmlExport")).toMatchObject({ object: expect.any(Array) });
    expect(results.get("metadataTmlImport")).toMatchObject({ object: expect.any(Array) });
    expect(results.get("metadataTmlExportBatch")).toMatchObject({ data: { result: expect.any(Array) } });
  });
});

afterAll(() => {
  const total = ids.length;
  console.log(
    `V1 contract: ${validated.size} of ${total} operations validated (${Object.keys(SKIPPED).length} skipped with reasons: ${Object.keys(SKIPPED).join(", ")})`,
  );
  expect(validated.size + Object.keys(SKIPPED).length).toBe(total);
});

describe("Prism flags invalid V1 requests", () => {
  it("rejects a call without X-Requested-By (the client always sends it)", async () => {
    const url = `${inject("prismV1Url")}${V1}/tspublic/v1/session/info`;
    const authorization = `Bearer ${inject("mockToken")}`;
    const response = await globalThis.fetch(url, { headers: { Accept: "application/json", authorization } });
    expect(response.status).toBe(401);
    const withHeader = await globalThis.fetch(url, {
      headers: { Accept: "application/json", "X-Requested-By": "ThoughtSpot", authorization },
    });
    expect(withHeader.status).toBe(200);
  });

  it("reports a wrong enum value in a form field", async () => {
    const before = exchanges.length;
    const { response } = await ts.v1.POST("/tspublic/v1/metadata/tml/import", {
      body: { import_objects: "[]", import_policy: "NOT_A_POLICY" as "PARTIAL" },
      bodySerializer: (b) => new URLSearchParams(b as unknown as Record<string, string>).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/plain" },
    });
    expect(response.status).toBe(400);
    expect(requestViolations(exchanges[before]!).join("\n")).toMatch(/import_policy/);
  });
});

// The operations Prism cannot serve, against a real server on 127.0.0.1 that answers as ThoughtSpot does.
describe("skipped operations on a stub server", () => {
  let server: TestServer;
  const pdf = Buffer.from("%PDF-1.4\n%stub\n");
  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.url.startsWith(`${V1}/tspublic/v1/export/pinboard/pdf`)) {
        response.writeHead(200, { "Content-Type": "application/octet-stream" });
        response.end(pdf);
      } else {
        response.writeHead(404).end();
      }
    });
  });
  afterAll(() => server?.close());

  it("has a stub check for every skipped operation", () => {
    expect(Object.keys(SKIPPED).sort()).toEqual(["exportPinboardPdf"]);
  });

  it("exportPinboardPdf: Accept octet-stream, multipart options with JSON text, answer as a Blob", async () => {
    const stub = createThoughtSpotClient({ serverUrl: server.url, maxRetries: 0 });
    const result = await stub.api.v1.exportPinboardPdf({
      id: "lb-1",
      visualization_ids: ["viz-1", "viz-2"] as unknown as string,
      layout_type: "VISUALIZATION",
      include_logo: false,
    });
    expect(result).toBeInstanceOf(Blob);
    expect(Buffer.from(await (result as Blob).arrayBuffer())).toEqual(pdf);

    const received = server.requests.at(-1) as ReceivedRequest;
    expect(received.method).toBe("POST");
    expect(received.url).toBe(`${V1}/tspublic/v1/export/pinboard/pdf`);
    expect(received.headers.accept).toBe("application/octet-stream");
    expect(received.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(received.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(received.body), {
      headers: { "Content-Type": received.headers["content-type"] as string },
    }).formData();
    expect([...form.entries()]).toEqual([
      ["id", "lb-1"],
      ["visualization_ids", '["viz-1","viz-2"]'],
      ["layout_type", "VISUALIZATION"],
      ["include_logo", "false"],
    ]);
  });
});
