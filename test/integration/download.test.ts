// download() against a real HTTP server on 127.0.0.1: exact bytes, files, unbuffered streams, errors.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  createThoughtSpotClient,
  NotFoundError,
  RequestAbortedError,
  ThoughtSpotError,
} from "../../src/index.js";
import { json, startServer, type TestServer } from "../support/server.js";

const payload = randomBytes(6 * 1024 * 1024 + 123);
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: TestServer | undefined;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ts-download-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends `payload` in 64 KiB writes, the way a report export streams. */
async function fileServer() {
  server = await startServer(async (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/octet-stream" });
    for (let at = 0; at < payload.length; at += 65536) {
      if (!res.write(payload.subarray(at, at + 65536))) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  });
  return createThoughtSpotClient({
    serverUrl: server.url,
    auth: { token: "test-token-123456" },
    maxRetries: 0,
  });
}

describe("download", () => {
  it("returns the exact bytes, with the body as given and Accept from the spec", async () => {
    const ts = await fileServer();
    const body = { metadata_identifier: "lb-guid", file_format: "PDF" as const };
    const bytes = await ts.download("/api/rest/2.0/report/liveboard", { body });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(payload.length);
    expect(sha256(bytes)).toBe(sha256(payload));
    const sent = server!.requests[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/api/rest/2.0/report/liveboard");
    expect(sent.headers.accept).toBe("application/octet-stream");
    expect(sent.headers.authorization).toBe("Bearer test-token-123456");
    expect(JSON.parse(sent.body.toString())).toEqual(body);
  });

  it("sends the Accept each operation declares", async () => {
    const ts = await fileServer();
    await ts.download("/api/rest/2.0/customization/styles/logos/export", { body: {} });
    await ts.download("/api/rest/2.0/report/answer", {
      body: { metadata_identifier: "a", file_format: "CSV" },
    });
    await ts.download("/api/rest/2.0/localizations/manual-translation/export", { body: {} });
    await ts.download(
      "/api/rest/2.0/connections/download-connection-metadata-changes/{connection_identifier}",
      {
        params: { path: { connection_identifier: "conn 1" } },
      },
    );
    expect(server!.requests.map((r) => [r.url, r.headers.accept])).toEqual([
      ["/api/rest/2.0/customization/styles/logos/export", "application/zip"],
      ["/api/rest/2.0/report/answer", "application/octet-stream"],
      ["/api/rest/2.0/localizations/manual-translation/export", "application/octet-stream"],
      ["/api/rest/2.0/connections/download-connection-metadata-changes/conn%201", "application/octet-stream"],
    ]);
  });

  it("streams into a file equal to the source", async () => {
    const ts = await fileServer();
    const file = join(dir, "out.pdf");
    const written = await ts.download(
      "/api/rest/2.0/report/liveboard",
      { body: { metadata_identifier: "lb" } },
      { file },
    );
    expect(written).toEqual({ file, bytes: payload.length });
    expect((await stat(file)).size).toBe(payload.length);
    expect(sha256(await readFile(file))).toBe(sha256(payload));
  });

  it("posts the V1 Liveboard PDF as multipart with JSON text fields", async () => {
    const ts = await fileServer();
    const bytes = await ts.download("/tspublic/v1/export/pinboard/pdf", {
      body: { id: "lb-guid", visualization_ids: '["v1","v2"]', include_logo: false },
    });
    expect(sha256(bytes)).toBe(sha256(payload));
    const sent = server!.requests[0]!;
    expect(sent.url).toBe("/callosum/v1/tspublic/v1/export/pinboard/pdf");
    expect(sent.headers.accept).toBe("application/octet-stream");
    expect(sent.headers["x-requested-by"]).toBe("ThoughtSpot");
    expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(sent.body), {
      headers: { "content-type": String(sent.headers["content-type"]) },
    }).formData();
    expect(Object.fromEntries(form)).toEqual({
      id: "lb-guid",
      visualization_ids: '["v1","v2"]',
      include_logo: "false",
    });
  });

  it("returns the stream before the body has finished", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let releasedByClient = false;
    server = await startServer(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.write(payload.subarray(0, 1000));
      // The rest goes only once the client has read the first chunk (or after 3 s, failing the test).
      await Promise.race([gate.then(() => (releasedByClient = true)), tick(3000)]);
      res.end(payload.subarray(1000, 5000));
    });
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const stream = await ts.download("/api/rest/2.0/report/answer", { body: {} }, { as: "stream" });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    release();
    const chunks = [first.value!];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(releasedByClient).toBe(true);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(payload.subarray(0, 5000)));
  });

  it("turns an error JSON into a ThoughtSpotError subclass with the parsed body", async () => {
    server = await startServer((_req, res) =>
      json(res, 404, { error: { message: { code: 10004, debug: "Liveboard lb-x not found" } } }),
    );
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const error = await ts
      .download(
        "/api/rest/2.0/report/liveboard",
        { body: { metadata_identifier: "lb-x" } },
        {
          as: "stream",
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ThoughtSpotError);
    const e = error as NotFoundError;
    expect(e.status).toBe(404);
    expect(e.operationId).toBe("exportLiveboardReport");
    expect(e.path).toBe("/api/rest/2.0/report/liveboard");
    expect(e.details).toMatchObject({ message: "Liveboard lb-x not found", code: 10004 });
    expect(e.body).toEqual({ error: { message: { code: 10004, debug: "Liveboard lb-x not found" } } });
  });

  it("aborts a download mid-body and leaves no partial file", async () => {
    server = await startServer(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.write(payload.subarray(0, 1000));
      await tick(2000);
      res.end(payload.subarray(1000, 2000));
    });
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const file = join(dir, "aborted.pdf");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await ts
      .download(
        "/api/rest/2.0/report/answer",
        { body: {} },
        {
          file,
          signal: controller.signal,
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it("refuses a path that is not a download, before any request", async () => {
    const ts = await fileServer();
    const js = ts.download as (...args: unknown[]) => Promise<unknown>;
    await expect(js("/api/rest/2.0/metadata/search", { body: {} })).rejects.toThrow(TypeError);
    await expect(js("searchMetadata", {})).rejects.toThrow(TypeError);
    await expect(js("/api/rest/2.0/report/answer", { body: {} }, { as: "blob" })).rejects.toThrow(TypeError);
    expect(server!.requests).toHaveLength(0);
  });

  it("types: only binary paths, and the result follows the options", () => {
    const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });
    const typed = async () => {
      const bytes: Uint8Array = await ts.download("/api/rest/2.0/report/answer", { body: {} });
      const stream: ReadableStream<Uint8Array> = await ts.download(
        "/api/rest/2.0/report/answer",
        { body: {} },
        { as: "stream" },
      );
      const file: { file: string; bytes: number } = await ts.download(
        "/tspublic/v1/export/pinboard/pdf",
        { body: { id: "x" } },
        { file: "out.pdf" },
      );
      // @ts-expect-error metadata/search is not a download
      await ts.download("/api/rest/2.0/metadata/search", { body: {} });
      // @ts-expect-error report/liveboard requires metadata_identifier
      await ts.download("/api/rest/2.0/report/liveboard", { body: {} });
      const connection =
        "/api/rest/2.0/connections/download-connection-metadata-changes/{connection_identifier}";
      // @ts-expect-error the connection download needs its path parameter
      await ts.download(connection, {});
      return [bytes, stream, file];
    };
    expect(typeof typed).toBe("function");
  });
});
