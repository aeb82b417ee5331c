// For every V1 operation in the generated table, the raw client (ts.v1.<METHOD>(path, init)) puts the
// same request on the wire as ts.api.v1.<operationId>(input) for the same logical call: method, path,
// query, content type, each decoded body field (form or multipart, with file names and part types),
// and Accept. Both go to a recording server on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { createThoughtSpotClient } from "../../src/index.js";
import { mockableSpec } from "../support/mock-spec.js";
import { type ReceivedRequest, startServer, type TestServer } from "../support/server.js";
import { type V1Id, v1Samples } from "../support/v1-samples.js";

type Loose = Record<string, unknown>;
type Row = (typeof v1Operations)[V1Id] & {
  pathParams?: readonly string[];
  queryParams?: readonly string[];
  headerParams?: readonly string[];
  runtimeQuery?: readonly string[];
};

const validInput = v1Samples((await mockableSpec("v1")) as Loose);
const ids = Object.keys(v1Operations) as V1Id[];

/** What the server saw, decoded: the comparison ignores only the multipart boundary. */
async function decoded(request: ReceivedRequest) {
  const url = new URL(request.url, "http://x");
  const type = (request.headers["content-type"] as string | undefined) ?? "";
  let fields: unknown;
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(request.body), {
      headers: { "Content-Type": type },
    }).formData();
    fields = await Promise.all(
      [...form.entries()].map(async ([name, value]) =>
        typeof value === "string" ? [name, value] : [name, value.name, value.type, await value.text()],
      ),
    );
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    fields = [...new URLSearchParams(request.body.toString()).entries()];
  } else if (request.body.length) {
    fields = JSON.parse(request.body.toString());
  }
  return {
    method: request.method,
    path: url.pathname,
    query: [...url.searchParams.entries()],
    contentType: type.replace(/; boundary=.*$/, ""),
    accept: request.headers.accept,
    fields,
  };
}

/** The same call in openapi-fetch's shape: path, query and header parameters apart from the body. */
function rawInit(row: Row, input: Loose) {
  const pick = (names: readonly string[] | undefined) =>
    Object.fromEntries(Object.entries(input).filter(([key]) => names?.includes(key)));
  const runtime = Object.keys(input).filter((key) =>
    /^(col|op|val|sortCol|asc|param|paramVal)\d+$/.test(key),
  );
  const params = [
    ...(row.pathParams ?? []),
    ...(row.queryParams ?? []),
    ...(row.headerParams ?? []),
    ...runtime,
  ];
  const body = Object.fromEntries(Object.entries(input).filter(([key]) => !params.includes(key)));
  return {
    params: { path: pick(row.pathParams), query: { ...pick(row.queryParams), ...pick(runtime) } },
    ...(Object.keys(body).length && { body }),
  };
}

describe("raw ts.v1 calls are right on the wire", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end("{}");
    });
  });
  afterAll(() => server?.close());

  it.each(ids)("%s: ts.v1 sends what ts.api.v1 sends", async (id) => {
    const row = v1Operations[id] as Row;
    const input = validInput(id);
    // The runtime filter keys ThoughtSpot reads from the query, where the operation takes them.
    if (row.runtimeQuery?.includes("filter"))
      Object.assign(input, { col1: "Region", op1: "IN", val1: ["East", "West & North"] });
    const ts = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "t0ken-for-wire" },
      maxRetries: 0,
    });
    const api = ts.api.v1 as unknown as Record<string, (input: Loose) => Promise<unknown>>;
    const raw = ts.v1 as unknown as Record<
      string,
      (path: string, init: unknown) => Promise<{ response: Response }>
    >;

    const before = server.requests.length;
    await api[id]!(input);
    const { response } = await raw[row.method]!(row.path, rawInit(row, input));
    expect(response.status).toBe(200);
    expect(server.requests.length).toBe(before + 2);

    const [viaApi, viaRaw] = await Promise.all(server.requests.slice(before).map(decoded));
    expect(viaRaw).toEqual(viaApi);
    expect(viaApi!.accept).toBe((row as { accept?: string }).accept ?? "application/json");
    const body = (row as { body?: string }).body;
    if (body === "form") expect(viaRaw!.contentType).toBe("application/x-www-form-urlencoded");
    if (body === "multipart") expect(viaRaw!.contentType).toBe("multipart/form-data");
  });
});

describe("V1 group creation", () => {
  it("groupPost sends display_name (as ThoughtSpot's clients and the docs' example do); description is optional", async () => {
    const server = await startServer((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end('{"header":{"name":"analysts"}}');
    });
    try {
      const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "t0ken-for-wire" } });
      await ts.api.v1.groupPost({ name: "analysts", display_name: "Analysts" });
      const sent = server.requests[0]!;
      expect(sent.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect([...new URLSearchParams(sent.body.toString()).entries()]).toEqual([
        ["name", "analysts"],
        ["display_name", "Analysts"],
      ]);
    } finally {
      await server.close();
    }
  });
});
