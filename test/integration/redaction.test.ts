// Secrets at any depth, in any encoding, on every path out of the SDK: servers on 127.0.0.1 that echo
// request bodies and credentials back in their errors and answers, and the one boundary (sealError)
// that scrubs every error before a caller sees it.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { sealError } from "../../src/core/boundary.js";
import * as sdk from "../../src/index.js";
import {
  BadRequestError,
  createThoughtSpotClient,
  ThoughtSpotError,
  TmlError,
  UnexpectedResponseError,
} from "../../src/index.js";
import { Redactor } from "../../src/redact.js";
import { json, type ReceivedRequest, serversPerTest } from "../support/server.js";

const serve = serversPerTest();
const bearerOf = (request: ReceivedRequest) => String(request.headers.authorization).replace(/^Bearer /, "");

/** Every way an error can be shown: message, stack, JSON, inspect output, and the same for each cause. */
function shown(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as Error;
    parts.push(String(e.message), String(e.stack), inspect(current, { depth: 8 }));
    if (current instanceof ThoughtSpotError)
      parts.push(JSON.stringify(current.toJSON()), JSON.stringify(current));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

async function caught(promise: Promise<unknown> | AsyncIterable<unknown>): Promise<unknown> {
  try {
    if (Symbol.asyncIterator in promise) for await (const _ of promise);
    else await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

// The encodings a server may echo a secret in, written out here independently of the SDK's own.
const code = (c: string) => c.codePointAt(0)!;
const ENCODINGS: [string, (s: string) => string][] = [
  ["raw", (s) => s],
  ["URL-encoded", encodeURIComponent],
  ["form-encoded", (s) => new URLSearchParams({ x: s }).toString().slice(2)],
  ["JSON-escaped", (s) => JSON.stringify(s).slice(1, -1)],
  [
    "JSON with non-ASCII as \\u escapes (Python's ensure_ascii)",
    (s) =>
      JSON.stringify(s)
        .slice(1, -1)
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  ],
  [
    "every character as \\uXXXX",
    (s) => [...s].map((c) => `\\u${code(c).toString(16).padStart(4, "0")}`).join(""),
  ],
  [
    "every character as \\uXXXX, upper-case hex",
    (s) => [...s].map((c) => `\\u${code(c).toString(16).toUpperCase().padStart(4, "0")}`).join(""),
  ],
  [
    "HTML-escaped (&amp; &lt; &gt; &quot; &#39;)",
    (s) =>
      s
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;"),
  ],
  ["HTML-escaped with numeric references", (s) => s.replace(/[&<>"']/g, (c) => `&#${code(c)};`)],
  ["every character as &#NNN;", (s) => [...s].map((c) => `&#${code(c)};`).join("")],
  ["every character as &#xHH;", (s) => [...s].map((c) => `&#x${code(c).toString(16)};`).join("")],
];
const PASSWORD = `Wh<3"s&'ky-p\u00e4ss/w\u00f6rd`;
/** The encodings added to the masking (raw, URL, form and JSON-escaped ones are covered by hostile.test.ts). */
const ADDED = ENCODINGS.filter(([name]) => /\\u|HTML|&#/.test(name));
/** A bearer token is ASCII: its Python-style JSON form is its plain JSON form. */
const ADDED_ASCII = ADDED.filter(([name]) => !/ensure_ascii/.test(name));

describe("secrets at any depth of a call's input", () => {
  it("createConnection: a warehouse password in data_warehouse_config, echoed in a 400", async () => {
    const password = "wareh0use-Pa55!";
    const cluster = await serve((request, res) =>
      json(res, 400, { error: { message: { debug: `invalid config ${request.body.toString()}` } } }),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(
      ts.api.v2.createConnection({
        name: "wh",
        data_warehouse_type: "SNOWFLAKE",
        data_warehouse_config: { configuration: { accountName: "acme", user: "etl", password } },
      } as never),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(shown(error)).toContain("accountName");
    expect(shown(error)).not.toContain(password);
  });

  it.each([
    ["an object", (config: unknown) => config],
    ["JSON text", (config: unknown) => JSON.stringify(config)],
  ])("V1 connectionCreate: the password inside the metadata field given as %s, echoed form-encoded", async (_, as) => {
    const password = "v1-metadata-Pa55&word";
    const cluster = await serve((request, res) =>
      json(res, 400, { code: 400, debug: `cannot create from ${request.body.toString()}` }),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const metadata = as({ configuration: { accountName: "acme", user: "etl", password } });
    const error = await caught(
      ts.api.v1.connectionCreate({
        name: "wh",
        description: "d",
        type: "RDBMS_SNOWFLAKE",
        metadata,
      } as never),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    const text = shown(error);
    expect(text).toContain("accountName");
    for (const [, encode] of ENCODINGS) expect(text).not.toContain(encode(password));
  });

  it("the raw client's { error } value is scrubbed too", async () => {
    const password = "raw-Secr3t!pass";
    const cluster = await serve((request, res) => {
      res.writeHead(400, { "Content-Type": "application/json" });
      const echo = JSON.stringify(`rejected ${request.body.toString()}`);
      res.end(`{"__proto__":{"isAdmin":true},"error":{"message":{"debug":${echo}}}}`);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const result = await ts.v2.POST("/api/rest/2.0/connection/create", {
      body: {
        name: "wh",
        data_warehouse_type: "SNOWFLAKE",
        data_warehouse_config: { configuration: { password } },
      } as never,
    });
    expect(result.error).toBeDefined();
    expect(JSON.stringify(result.error)).toContain("rejected");
    expect(JSON.stringify(result.error)).not.toContain(password);
    expect(inspect(result.error, { depth: 8 })).not.toContain(password);
    // The scrubbed copy keeps the server's "__proto__" key as data, not as its prototype.
    expect(Object.hasOwn(result.error as object, "__proto__")).toBe(true);
    expect((result.error as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
});

describe("secrets in every encoding", () => {
  it.each(ADDED)("a password echoed %s in an error message", async (_, encode) => {
    const cluster = await serve((_, res) =>
      json(res, 400, { error: { message: { debug: `user rejected: password=${encode(PASSWORD)}` } } }),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(
      ts.api.v2.createUser({ name: "jane", display_name: "Jane", email: "j@x.io", password: PASSWORD }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    const text = shown(error);
    expect(text).toContain("user rejected");
    expect(text).not.toContain(encode(PASSWORD));
  });

  it.each(ADDED_ASCII)("the session token echoed %s in an HTML error page", async (_, encode) => {
    const token = `tok&<en>"'-0123456789`;
    const cluster = await serve((_, res) => {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end(`<html><body><p>upstream refused ${encode(token)}</p></body></html>`);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token }, maxRetries: 0 });
    const error = await caught(ts.api.v2.searchUsers({}));
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(shown(error)).toContain("upstream refused");
    expect(shown(error)).not.toContain(encode(token));
  });
});

describe("errors built outside the engine are scrubbed at the boundary", () => {
  it("a TML export whose per-object error message echoes the bearer token", async () => {
    const token = "tml-export-token-0123456789";
    const cluster = await serve((request, res) =>
      json(res, 200, [
        {
          info: { name: "Sales", id: "g-1" },
          response: { status: { status_code: "ERROR", error_message: `no access for ${bearerOf(request)}` } },
        },
      ]),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token } });
    const error = await caught(ts.tml.export("g-1"));
    expect(error).toBeInstanceOf(TmlError);
    expect((error as TmlError).operationId).toBe("exportMetadataTML");
    expect(shown(error)).toContain("no access for");
    expect(shown(error)).not.toContain(token);
  });

  it("a TML answer of an unexpected shape is an UnexpectedResponseError that does not quote the answer", async () => {
    const token = "tml-shape-token-0123456789";
    const cluster = await serve((request, res) =>
      json(res, 200, { unexpected: `session ${bearerOf(request)}` }),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token } });
    const error = await caught(ts.tml.export("g-1"));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).operationId).toBe("exportMetadataTML");
    expect((error as UnexpectedResponseError).message).toMatch(/unexpected shape.*key unexpected/);
    expect(shown(error)).not.toContain(token);
    expect(shown(error)).not.toContain(token.slice(0, 12));
  });

  it("a non-JSON event in ts.stream that echoes the token", async () => {
    const token = "stream-token-0123456789";
    const cluster = await serve((request, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end(`data: [{"type":"ack"}]\n\ndata: oops ${bearerOf(request)} ${"x".repeat(40)}\n\n`);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token } });
    const error = await caught(
      ts.stream("sendAgentMessageStreaming", { conversation_identifier: "c1", messages: ["hi"] } as never),
    );
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(shown(error)).toContain("not JSON");
    expect(shown(error)).not.toContain(token);
  });

  it("the SyntaxError of a non-JSON answer does not quote the body's first characters", async () => {
    const token = "Zq9xW7-syntax-token-0123456789";
    // The body starts with the token: JSON.parse's message quotes a cut-off prefix no mask could find.
    const cluster = await serve((request, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(`${bearerOf(request)} is what you sent`);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token } });
    const error = await caught(ts.api.v2.searchUsers({}));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(SyntaxError);
    expect(shown(error)).not.toContain(token.slice(0, 6));
  });

  it("async TML import: a task answer without task_id is an UnexpectedResponseError naming the operation", async () => {
    const cluster = await serve((_, res) => json(res, 200, "accepted"));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(ts.tml.import("guid: 1\ntable:\n  name: t\n", { async: true }));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).operationId).toBe("importMetadataTMLAsync");
    expect((error as UnexpectedResponseError).method).toBe("POST");
  });
});

describe("an answer of the wrong shape is the server's mistake, not a TypeError", () => {
  it.each([
    [
      "tml.import, a string",
      () => "done",
      (ts: Client) => ts.tml.import("guid: 1\ntable:\n  name: t\n"),
      "importMetadataTML",
    ],
    ["tml.export, null", () => null, (ts: Client) => ts.tml.export("g-1"), "exportMetadataTML"],
    [
      "metadata.list, headers as text",
      () => ({ headers: "none" }),
      (ts: Client) => ts.metadata.list({ type: "USER" }),
      "metadataList",
    ],
    [
      "metadata.listObjectHeaders, a number",
      () => 7,
      (ts: Client) => ts.metadata.listObjectHeaders({ type: "USER" }),
      "metadataListobjectheaders",
    ],
    [
      "paginate, an object where the list belongs",
      () => ({ users: [] }),
      (ts: Client) => ts.paginate("searchUsers", {}).toArray(),
      "searchUsers",
    ],
    [
      "metadata.search, pages of text",
      () => "no results",
      (ts: Client) => ts.metadata.search({ type: "LIVEBOARD" }),
      "searchMetadata",
    ],
  ])("%s", async (_, answer, run, operationId) => {
    const cluster = await serve((_, res) => json(res, 200, answer()));
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = await caught(run(ts));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect((error as UnexpectedResponseError).operationId).toBe(operationId);
    expect((error as Error).message).toMatch(/unexpected shape/);
  });
});
type Client = ReturnType<typeof createThoughtSpotClient>;

describe("odd but readable answers", () => {
  it("tml.export: an edoc that is YAML null is kept as it is, not a TypeError", async () => {
    const cluster = await serve((_, res) =>
      json(res, 200, [
        { info: { name: "Odd", id: "g-1" }, response: { status: { status_code: "OK" } }, edoc: "null" },
      ]),
    );
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const { objects } = await ts.tml.export("g-1");
    expect(objects).toHaveLength(1);
    expect(objects[0]!.doc).toBeNull();
    expect(objects[0]!.guid).toBe("g-1");
  });
});

describe("server-chosen keys stay data", () => {
  it('an error body with "__proto__" keeps it as a plain key, at every depth', async () => {
    const body =
      '{"error":{"message":{"debug":"bad"}},"__proto__":{"polluted":true},"nested":{"__proto__":{"deep":1}}}';
    const cluster = await serve((_, res) => {
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end(body);
    });
    const ts = createThoughtSpotClient({ serverUrl: cluster.url, auth: { token: "static-token-1" } });
    const error = (await caught(ts.api.v2.searchUsers({}))) as BadRequestError;
    const copy = error.body as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    const nested = copy.nested as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.hasOwn(nested, "__proto__")).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('data records: columns named "__proto__", "constructor" and "prototype" are plain keys', () => {
    const answer = JSON.parse(
      '{"contents":[{"column_names":["__proto__","constructor","prototype"],"data_rows":[[{"x":1},"c","p"],{"__proto__":{"y":2}}]}]}',
    );
    const records = sdk.answerRecords(answer);
    expect(records).toHaveLength(2);
    for (const record of records) expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.hasOwn(records[0]!, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(records[0], "__proto__")?.value).toEqual({ x: 1 });
    expect(records[0]!.constructor).toBe("c");
    expect((records[0] as { x?: unknown }).x).toBeUndefined();
    // A FULL row without the column: null, not Object.prototype.constructor.
    expect(records[1]!.constructor).toBeNull();
    expect(Object.getOwnPropertyDescriptor(records[1], "__proto__")?.value).toEqual({ y: 2 });
    const tables = sdk.answerTables(answer);
    expect(Object.getPrototypeOf(tables[0]!.records[0])).toBe(Object.prototype);
  });
});

describe("the boundary: every ThoughtSpotError subclass, scrubbed whole", () => {
  const secret = "Bx7!boundary-secret-0123456789";
  const redactor = new Redactor([secret]);
  let syntax: unknown;
  try {
    JSON.parse(`${secret} trailing`);
  } catch (e) {
    syntax = e;
  }
  const init = {
    message: `failed for ${secret}`,
    method: "POST",
    path: "/api/rest/2.0/x",
    url: `https://ts.example.com/x?ticket=${encodeURIComponent(secret)}`,
    status: 400,
    body: {
      echo: secret,
      nested: [{ note: `&#x${secret.codePointAt(0)!.toString(16)};${secret.slice(1)}` }],
    },
    details: { message: `said ${secret}`, debug: { secret } },
    requestId: `req-${secret}`,
    operationId: "x",
    cause: new Error(`inner ${secret}`, { cause: syntax }),
    location: `https://sso/${secret}`,
    availableFrom: "10.1.0.cl",
    clusterVersion: secret,
    retryAfterMs: 5,
  };
  const build: Record<string, (C: new (...a: never[]) => Error) => Error> = {
    TmlParseError: (C) =>
      new (C as unknown as typeof sdk.TmlParseError)(`reason ${secret}`, 1, 2, {
        cause: syntax,
        file: secret,
        kind: "table",
      }),
    TmlImportError: (C) =>
      new (C as unknown as typeof sdk.TmlImportError)({
        method: "POST",
        path: "/p",
        operationId: "importMetadataTML",
        failures: [{ index: 0, name: secret, message: `denied ${secret}` }],
        result: { objects: [{ message: secret }] },
      }),
    TmlDeployError: (C) => {
      const object = {
        name: secret,
        type: "table",
        key: secret,
        sourceGuid: secret,
        targetGuid: undefined,
        outcome: "failed" as const,
        message: `not attempted: the deploy stopped (${secret})`,
        level: 0,
        dependsOn: [secret],
      };
      const entry = { guid: secret, type: "table", name: secret };
      return new (C as unknown as typeof sdk.TmlDeployError)(
        {
          target: secret,
          dryRun: false,
          policy: "PARTIAL",
          objects: [object],
          excluded: [],
          counts: { created: 0, updated: 0, unchanged: 0, failed: 1 },
          ok: false,
          mappingFile: secret,
          stopped: `inner ${secret}`,
          summary: `failed table "${secret}"`,
          mapping: {
            format: "thoughtspot-rest-api/tml-deploy-mapping",
            version: 1,
            targets: { [secret]: { [secret]: entry } },
          },
        },
        new ThoughtSpotError(init),
      );
    },
    ObjectLookupError: (C) =>
      new (C as unknown as typeof sdk.ObjectLookupError)(`no ${secret}`, secret, [
        { id: secret, name: secret },
      ]),
  };
  const classes = Object.entries(sdk).filter(
    ([, value]) =>
      typeof value === "function" &&
      value.prototype instanceof Error &&
      (value === ThoughtSpotError || value.prototype instanceof ThoughtSpotError),
  ) as [string, new (...a: never[]) => Error][];

  it("finds the subclasses the SDK exports", () => {
    expect(classes.length).toBeGreaterThanOrEqual(10);
  });

  it.each(classes)("%s", (name, C) => {
    const error = build[name]?.(C) ?? new (C as unknown as typeof ThoughtSpotError)(init);
    expect(sealError(error, redactor)).toBe(error);
    const text = shown(error);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(0, 8));
    expect(text).not.toContain(encodeURIComponent(secret));
    expect(error).toBeInstanceOf(C);
    expect(error.name).toBe(name);
  });
});
