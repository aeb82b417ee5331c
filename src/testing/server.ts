// The mock's HTTP server on 127.0.0.1: each request goes through Prism (routing, validation, generated
// answers); realistic answers replace Prism's for valid requests; strict mode turns findings into a 422.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Diagnostic, MockComponent, PrismLibrary, PrismResult } from "./prism.js";
import type { Answer, AnswerInput, AnswerOutput, MockFinding, MockRequest, Operation } from "./types.js";

const SEVERITY: MockFinding["severity"][] = ["error", "warning", "info", "hint"];
/** Fresh per request: Prism's mocker writes the request's Accept types into config.mock. */
const prismConfig = () => ({
  mock: { dynamic: false },
  checkSecurity: true,
  validateRequest: true,
  validateResponse: true,
  errors: false,
  isProxy: false,
});

/** Prism logs through pino; the mock keeps quiet. */
const silent: Record<string, unknown> = new Proxy(
  {},
  { get: (_, name) => (name === "child" ? () => silent : () => undefined) },
);

const finding =
  (where: "request" | "response") =>
  (d: Diagnostic): MockFinding => ({
    location: [where, ...(d.path ?? []).map(String)],
    severity: SEVERITY[d.severity] ?? "error",
    message: d.message,
    ...(d.code !== undefined && { code: d.code }),
  });

/** Security findings (no Authorization header) keep Prism's 401, as a cluster would answer. */
const isSecurity = (d: Diagnostic) => d.code === 401 || /security/i.test(d.message);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => done(Buffer.concat(chunks)));
    req.on("error", fail);
  });
}

function parseBody(raw: Buffer, type: string): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString("utf8");
  if (/json/i.test(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/** Values of the {name} segments of `template` in `path`. */
function pathParams(template: string, path: string): Record<string, string> {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, n: string) => {
    names.push(n);
    return "([^/]+)";
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match?.[i + 1] ?? "")]));
}

function answerInput(query: Record<string, unknown>, body: unknown, type: string): Record<string, unknown> {
  let fields: Record<string, unknown> = {};
  if (body && typeof body === "object" && !Array.isArray(body)) fields = body as Record<string, unknown>;
  else if (typeof body === "string" && /x-www-form-urlencoded/i.test(type))
    fields = Object.fromEntries(new URLSearchParams(body));
  return { ...query, ...fields };
}

function toOutput(answer: AnswerOutput): PrismResult["output"] {
  if ("json" in answer && answer.json !== undefined)
    return {
      statusCode: answer.status ?? 200,
      headers: { "Content-Type": "application/json" },
      body: answer.json,
    };
  const plain = answer as { status?: number; headers?: Record<string, string>; body?: unknown };
  return { statusCode: plain.status ?? 200, headers: plain.headers ?? {}, body: plain.body };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown) {
  let bytes: Uint8Array | string = "";
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  if (body instanceof Uint8Array || typeof body === "string") bytes = body;
  else if (body !== undefined && body !== null) {
    bytes = JSON.stringify(body);
    if (!type) headers["Content-Type"] = "application/json";
  }
  res.writeHead(status, headers);
  res.end(status === 204 ? undefined : bytes);
}

export interface MockServerSetup {
  prism: PrismLibrary;
  operations: Operation[];
  answers: Record<string, Answer>;
  strict: boolean;
  port: number;
  record(request: MockRequest): void;
}

export async function startServer(setup: MockServerSetup): Promise<{ url: string; close(): Promise<void> }> {
  const { prism, operations, answers, strict } = setup;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const type = String(req.headers["content-type"] ?? "");
    const body = parseBody(await readBody(req), type);
    const query = queryOf(url);
    let operation: Operation | undefined;

    // Wraps Prism's mocker: remembers the operation, and answers valid requests realistically.
    const mock: MockComponent = (args) => (logger) => {
      operation = args.resource;
      const id = args.resource.iid;
      const answer = id ? answers[id] : undefined;
      if (answer && !args.input.validations.some((d) => d.severity === 0)) {
        const input: AnswerInput = {
          operationId: id!,
          input: answerInput(query, body, type),
          params: pathParams(args.resource.path, url.pathname),
          headers: req.headers,
        };
        const output = answer(input);
        if (output) return { _tag: "Right", right: toOutput(output) };
      }
      return prism.defaultMock(args)(logger);
    };

    const instance = prism.createInstance(prismConfig(), { logger: silent, mock });
    const input = {
      method: (req.method ?? "GET").toLowerCase(),
      url: { path: url.pathname, query },
      headers: req.headers,
      body,
    };
    const result = await instance.request(input, operations)();
    const recorded: MockRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      headers: req.headers,
      body,
      operationId: (operation as Operation | undefined)?.iid,
      findings: [],
      status: 0,
    };

    if (result._tag === "Left") {
      // Prism's own refusals (no such path, wrong Accept, ...) as problem+json.
      const error = result.left as Error & { status?: number; detail?: string; additional?: object };
      recorded.status = error.status ?? 500;
      recorded.findings = [{ location: ["request"], severity: "error", message: error.message }];
      setup.record(recorded);
      return send(
        res,
        recorded.status,
        { "Content-Type": "application/problem+json" },
        { type: error.name, title: error.message, status: recorded.status, detail: error.detail ?? "" },
      );
    }

    const { output, validations } = result.right;
    recorded.findings = [
      ...validations.input.map(finding("request")),
      ...validations.output.map(finding("response")),
    ];
    const refused = validations.input.filter((d) => d.severity === 0 && !isSecurity(d));
    const headers: Record<string, string> = { ...(output.headers ?? {}) };
    if (recorded.findings.length) headers["sl-violations"] = JSON.stringify(recorded.findings).slice(0, 8000);

    if (strict && refused.length) {
      const list = refused.map(finding("request")).map((f) => `${f.location.join(".")}: ${f.message}`);
      recorded.status = 422;
      setup.record(recorded);
      return send(
        res,
        422,
        { "Content-Type": "application/json", "sl-violations": headers["sl-violations"]! },
        {
          error: {
            message: {
              code: "MOCK_REQUEST_INVALID",
              debug: `the request breaks ThoughtSpot's API description (${recorded.operationId ?? url.pathname}):\n- ${list.join("\n- ")}`,
            },
          },
          findings: recorded.findings.filter((f) => f.location[0] === "request"),
        },
      );
    }
    recorded.status = output.statusCode;
    setup.record(recorded);
    send(res, output.statusCode, headers, output.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/problem+json" });
      res.end(JSON.stringify({ title: "mock ThoughtSpot failed", detail: String(error), status: 500 }));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(setup.port, "127.0.0.1", () => done());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : setup.port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
