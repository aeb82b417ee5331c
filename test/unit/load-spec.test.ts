import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec, releaseOf, SpecError } from "../../scripts/lib/spec/load.js";

const fixture = join(import.meta.dirname, "../fixtures/specs/openapiSpecv3-2_0.26.7.0.cl.json");

const smallSpec = {
  openapi: "3.0.3",
  info: { title: "Small", version: "1.0.0" },
  paths: {
    "/ping": { get: { operationId: "ping", responses: { "200": { description: "pong" } } } },
  },
};
const smallYaml = `openapi: 3.0.3
info:
  title: Small
  version: 1.0.0
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200":
          description: pong
`;
const swaggerYaml = `swagger: "2.0"
info: { title: V1, version: "1" }
paths:
  /tspublic/v1/session/info:
    get:
      responses:
        "200": { description: ok }
`;

let dir: string;
const file = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "load-spec-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadSpec from files", () => {
  it("reads a real V2 JSON file, hashes its bytes and finds the release", async () => {
    const spec = await loadSpec(fixture);
    const bytes = await readFile(fixture);
    expect(spec).toMatchObject({ format: "json", kind: "openapi3", version: "3.0.0", source: fixture });
    expect(spec.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(spec.text).toBe(bytes.toString("utf8"));
    expect(releaseOf(spec.doc)).toBe("26.7.0.cl");
  });

  it("reads YAML, OpenAPI 3 and Swagger 2.0", async () => {
    const yaml = await loadSpec(await file("small.yaml", smallYaml));
    expect(yaml).toMatchObject({ format: "yaml", kind: "openapi3", version: "3.0.3", doc: smallSpec });
    const swagger = await loadSpec(await file("v1.yaml", swaggerYaml));
    expect(swagger).toMatchObject({ format: "yaml", kind: "swagger2", version: "2.0" });
  });

  it("rejects malformed JSON and YAML", async () => {
    await expect(loadSpec(await file("bad.json", '{"openapi": "3.0.0", '))).rejects.toThrow(/not valid JSON/);
    await expect(loadSpec(await file("bad.yaml", "openapi: 3.0.0\ninfo: [unclosed\n"))).rejects.toThrow(
      /not valid YAML/,
    );
    await expect(loadSpec(await file("scalar.yaml", "just text\n"))).rejects.toThrow(SpecError);
  });

  it("rejects JSON that is not an OpenAPI description", async () => {
    const notApi = loadSpec(await file("package.json", JSON.stringify({ name: "x", version: "1.0.0" })));
    await expect(notApi).rejects.toThrow(SpecError);
    await expect(notApi).rejects.toThrow(/not an OpenAPI 3\.x or Swagger 2\.0 document/);
    const wrongVersion = { ...smallSpec, openapi: "4.0.0" };
    await expect(loadSpec(await file("v4.json", JSON.stringify(wrongVersion)))).rejects.toThrow(
      /unsupported version "4\.0\.0"/,
    );
    const noOps = { ...smallSpec, paths: {} };
    await expect(loadSpec(await file("empty.json", JSON.stringify(noOps)))).rejects.toThrow(
      /declares no operations/,
    );
  });

  it("rejects a structurally plausible document that fails swagger-parser validation", async () => {
    const bad = {
      ...smallSpec,
      paths: { "/ping": { get: { responses: { "200": { description: "x", content: 5 } } } } },
    };
    const path = await file("invalid.json", JSON.stringify(bad));
    await expect(loadSpec(path)).rejects.toThrow(/invalid API description/);
    // Validation can be skipped when the caller only needs the structure check.
    await expect(loadSpec(path, { validate: false })).resolves.toMatchObject({ kind: "openapi3" });
  });

  it("rejects missing files, oversize files and other URL schemes", async () => {
    await expect(loadSpec(join(dir, "nope.json"))).rejects.toThrow(/cannot read/);
    const path = await file("big.json", JSON.stringify(smallSpec));
    await expect(loadSpec(path, { maxBytes: 10 })).rejects.toThrow(/over the 10-byte limit/);
    await expect(loadSpec("ftp://127.0.0.1/spec.json")).rejects.toThrow(/only http\(s\) URLs and file paths/);
  });
});

describe("loadSpec from a local HTTP server", () => {
  let server: Server;
  let base: string;
  const body = JSON.stringify(smallSpec);

  beforeAll(async () => {
    server = createServer((req, res) => {
      switch (req.url) {
        case "/spec.json":
          res.writeHead(200, {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          });
          res.end(body);
          return;
        case "/chunked-big": {
          // No Content-Length: the limit must be enforced while reading.
          res.writeHead(200, { "content-type": "application/json" });
          const chunk = " ".repeat(16 * 1024);
          let sent = 0;
          const push = () => {
            while (sent < 64 && res.write(chunk)) sent++;
            if (sent < 64) res.once("drain", push);
            else res.end("{}");
          };
          push();
          return;
        }
        case "/declared-big":
          res.writeHead(200, { "content-length": 10 * 1024 * 1024 });
          res.write("{");
          return; // never finishes: the declared size alone must be enough to refuse
        case "/stall-body":
          res.writeHead(200, { "content-type": "application/json" });
          res.write('{"openapi": ');
          return; // headers sent, body never completes
        case "/stall-headers":
          return; // never answers
        default:
          res.writeHead(404).end("not found");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("fetches and parses a spec", async () => {
    const spec = await loadSpec(`${base}/spec.json`);
    expect(spec).toMatchObject({
      format: "json",
      kind: "openapi3",
      source: `${base}/spec.json`,
      doc: smallSpec,
    });
    expect(spec.sha256).toBe(createHash("sha256").update(body).digest("hex"));
  });

  it("reports HTTP errors", async () => {
    await expect(loadSpec(`${base}/missing`)).rejects.toThrow(/HTTP 404/);
  });

  it("enforces the size limit while streaming, and on a declared Content-Length", async () => {
    await expect(loadSpec(`${base}/chunked-big`, { maxBytes: 256 * 1024 })).rejects.toThrow(
      /body is over the 262144-byte limit/,
    );
    await expect(
      loadSpec(`${base}/declared-big`, { maxBytes: 1024 * 1024, timeoutMs: 5000 }),
    ).rejects.toThrow(/10485760 bytes is over the 1048576-byte limit/);
  });

  it("times out on a stalled body and on a server that never answers", async () => {
    const started = Date.now();
    await expect(loadSpec(`${base}/stall-body`, { timeoutMs: 200 })).rejects.toThrow(
      /no complete answer within 200 ms/,
    );
    await expect(loadSpec(`${base}/stall-headers`, { timeoutMs: 200 })).rejects.toThrow(SpecError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("uses an injected fetch", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(smallYaml, { status: 200 });
    };
    const spec = await loadSpec("http://127.0.0.1:9/spec.yaml", { fetch: fakeFetch });
    expect(calls).toEqual(["http://127.0.0.1:9/spec.yaml"]);
    expect(spec.format).toBe("yaml");
  });
});

describe("releaseOf", () => {
  it("reads a release-shaped info.version first", () => {
    expect(releaseOf({ info: { version: "10.12.0.cl" } })).toBe("10.12.0.cl");
  });

  it("otherwise takes the newest release among x-roles and operation tags", () => {
    const doc = {
      info: { version: "2.0" },
      "x-roles": [{ name: "9.12.0.cl" }, { name: "10.4.0.cl" }],
      paths: { "/a": { post: { tags: ["Users", "26.2.0.cl", "10.15.0.cl"] } } },
    };
    expect(releaseOf(doc)).toBe("26.2.0.cl");
  });

  it("is undefined when nothing names a release", () => {
    expect(releaseOf({ info: { version: "2.0" }, paths: {} })).toBeUndefined();
  });
});
