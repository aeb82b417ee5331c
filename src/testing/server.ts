// The mock's HTTP server on 127.0.0.1. Each request: latency and faults, the release's routes (404 for
// newer operations), the caller's token or session (401 without), then Prism (validation, generated
// answers) with the store's and your answers in place of Prism's; strict mode turns findings into errors.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Faults } from "./faults.js";
import type { Diagnostic, MockComponent, PrismLibrary, PrismResult } from "./prism.js";
import { isControlPath } from "./remote.js";
import { createRouter, missingIn } from "./routes.js";
import { authenticate, needsLogin, notAuthenticated } from "./state/auth.js";
import { asV1, tsError } from "./state/errors.js";
import type { MockCaller, MockStore } from "./state/store.js";
import type {
  Answer,
  AnswerInput,
  AnswerOutput,
  MockFile,
  MockFinding,
  MockRequest,
  Operation,
} from "./types.js";

const SEVERITY: MockFinding["severity"][] = ["error", "warning", "info", "hint"];
/** Fresh per request: Prism's mocker writes the request's Accept types into config.mock. */
const prismConfig = () => ({
  mock: { dynamic: false },
  // The mock checks tokens and sessions itself (Prism would refuse V2 session login, whose spec entry
  // inherits bearer security).
  checkSecurity: false,
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

/** Response findings only count for JSON bodies: Prism checks bytes and streams as if they were text. */
const isJson = (headers: Record<string, string> | undefined) =>
  /json/i.test(
    Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "json",
  );

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
  else if (typeof body === "string" && /multipart\/form-data/i.test(type))
    fields = multipartFields(body, type);
  return { ...query, ...fields };
}

/** The parts of a multipart/form-data body as text by field name (V1's group privileges, user sync). */
function multipartFields(body: string, type: string): Record<string, string> {
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return {};
  const out: Record<string, string> = {};
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1];
    if (name !== undefined) out[name] = part.slice(split + 4).replace(/\r\n$/, "");
  }
  return out;
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
  /** The answers by operationId now (rebuilt when the mock resets). */
  answers(): Record<string, Answer>;
  strict: { requests: boolean; responses: boolean };
  port: number;
  release: string;
  latencyMs: number;
  faults: Faults;
  store: MockStore;
  files: Record<string, MockFile>;
  /** Answers the control routes (/__mock/...), outside the recorded requests. */
  control(
    path: string,
    method: string,
    headers: IncomingMessage["headers"],
    body: unknown,
  ): { status: number; json?: unknown };
  record(request: MockRequest): void;
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  map: "application/json",
  txt: "text/plain; charset=utf-8",
};

/** A static file of the `files` option: body and Content-Type. */
function staticFile(file: MockFile, path: string): { body: string | Uint8Array; type: string } {
  if (typeof file === "string" || file instanceof Uint8Array)
    return {
      body: file,
      type: TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ""] ?? "application/octet-stream",
    };
  return file;
}

export async function startServer(setup: MockServerSetup): Promise<{ url: string; close(): Promise<void> }> {
  const { prism, operations, strict, store } = setup;
  const route = createRouter(operations);
  // Ends the waits of latency and delay faults when the mock closes, so a closed mock holds no timer.
  const closing = new AbortController();
  const wait = (ms: number) => sleep(ms, undefined, { signal: closing.signal });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const type = String(req.headers["content-type"] ?? "");
    const body = parseBody(await readBody(req), type);
    const query = queryOf(url);
    if (isControlPath(url.pathname)) {
      const answer = setup.control(url.pathname, req.method ?? "GET", req.headers, body);
      return send(res, answer.status, {}, answer.json);
    }
    const operation = route(req.method ?? "GET", url.pathname);
    const recorded: MockRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      headers: req.headers,
      body,
      operationId: operation?.iid,
      findings: [],
      status: 0,
    };
    const finish = (status: number, headers: Record<string, string>, answer: unknown) => {
      recorded.status = status;
      setup.record(recorded);
      send(res, status, headers, answer);
    };

    const file = Object.hasOwn(setup.files, url.pathname) ? setup.files[url.pathname] : undefined;
    if (file !== undefined && (req.method === "GET" || req.method === "HEAD")) {
      const { body: content, type: contentType } = staticFile(file, url.pathname);
      return finish(200, { "Content-Type": contentType, "Cache-Control": "no-store" }, content);
    }
    if (setup.latencyMs > 0) await wait(setup.latencyMs);
    const fault = setup.faults.take(operation?.iid);
    if (fault?.delayMs) await wait(fault.delayMs);
    if (fault?.drop) {
      setup.record(recorded);
      req.socket.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      const error = tsError(fault.status, 10_038, fault.message ?? `mock fault: ${fault.status}`);
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
      return finish(fault.status, headers, (error as { json: unknown }).json);
    }

    // A cluster older than the operation has no such route: Spring's 404 for an unknown path.
    if (operation && missingIn(setup.release, operation))
      return finish(
        404,
        { "Content-Type": "application/json" },
        { timestamp: new Date().toISOString(), status: 404, error: "Not Found", path: url.pathname },
      );

    // V1 answers errors in its own body shape.
    const v1 = operation?.path.startsWith("/callosum/") === true;
    const refuse = (answer: AnswerOutput) =>
      finish(
        answer.status ?? 401,
        { "Content-Type": "application/json" },
        ((v1 ? asV1(answer) : answer) as { json: unknown }).json,
      );
    // ThoughtSpot rejects V1 calls without X-Requested-By (the V1 spec declares it as a security scheme).
    if (v1 && !req.headers["x-requested-by"])
      return refuse(tsError(401, 10_097, "V1 calls need the header X-Requested-By: ThoughtSpot."));
    let caller: MockCaller | undefined;
    if (operation && needsLogin(operation)) {
      const grant = authenticate(store, req.headers);
      if (!grant) return refuse(notAuthenticated());
      caller = { userId: grant.userId, username: grant.username, orgId: grant.orgId };
    }

    const answers = setup.answers();
    /** Set when the answer falls back to Prism's mocker before it is loaded: load it, then run again. */
    let needsMocker = false;
    // Wraps Prism's mocker: answers valid requests from the store, your answers, or the built-in ones.
    const mock: MockComponent = (args) => (logger) => {
      const id = args.resource.iid;
      const answer = id ? answers[id] : undefined;
      const invalid = args.input.validations.some((d) => d.severity === 0);
      if (answer && !invalid) {
        const input: AnswerInput = {
          operationId: id!,
          input: answerInput(query, body, type),
          params: pathParams(args.resource.path, url.pathname),
          headers: req.headers,
          ...(caller && { caller }),
        };
        const output = answer(input);
        if (output) return { _tag: "Right", right: toOutput(output) };
      }
      // A request strict mode refuses gets a 422 below, whatever Prism would have answered.
      if (invalid && strict.requests) return { _tag: "Right", right: { statusCode: 422, headers: {} } };
      const fallback = prism.mocker();
      if (fallback) return fallback(args)(logger);
      needsMocker = true;
      return { _tag: "Left", left: new Error("Prism's mocker is loading") };
    };

    const instance = prism.createInstance(prismConfig(), { logger: silent, mock });
    const input = {
      method: (req.method ?? "GET").toLowerCase(),
      url: { path: url.pathname, query },
      headers: req.headers,
      body,
    };
    let result = await instance.request(input, operations)();
    if (needsMocker) {
      await prism.loadMocker();
      result = await instance.request(input, operations)();
    }

    if (result._tag === "Left") {
      // Prism's own refusals (no such path, wrong Accept, ...) as problem+json.
      const error = result.left as Error & { status?: number; detail?: string; additional?: object };
      recorded.findings = [{ location: ["request"], severity: "error", message: error.message }];
      const status = error.status ?? 500;
      return finish(
        status,
        { "Content-Type": "application/problem+json" },
        { type: error.name, title: error.message, status, detail: error.detail ?? "" },
      );
    }

    const { output, validations } = result.right;
    const json = isJson(output.headers);
    recorded.findings = [
      ...validations.input.map(finding("request")),
      ...(json ? validations.output.map(finding("response")) : []),
    ];
    const refused = validations.input.filter((d) => d.severity === 0);
    const headers: Record<string, string> = { ...(output.headers ?? {}) };
    if (recorded.findings.length) headers["sl-violations"] = JSON.stringify(recorded.findings).slice(0, 8000);
    const violations = headers["sl-violations"] ?? "";
    const listed = (where: "request" | "response", list: Diagnostic[]) =>
      list.map(finding(where)).map((f) => `${f.location.join(".")}: ${f.message}`);

    if (strict.requests && refused.length) {
      recorded.findings = recorded.findings.filter((f) => f.location[0] === "request");
      return finish(
        422,
        { "Content-Type": "application/json", "sl-violations": violations },
        {
          error: {
            message: {
              code: "MOCK_REQUEST_INVALID",
              debug: `the request breaks ThoughtSpot's API description (${recorded.operationId ?? url.pathname}):\n- ${listed("request", refused).join("\n- ")}`,
            },
          },
          findings: recorded.findings,
        },
      );
    }
    const broken = json ? validations.output.filter((d) => d.severity === 0) : [];
    if (strict.responses && broken.length)
      return finish(
        500,
        { "Content-Type": "application/json", "sl-violations": violations },
        {
          error: {
            message: {
              code: "MOCK_RESPONSE_INVALID",
              debug: `the answer breaks ThoughtSpot's response schema (${recorded.operationId ?? url.pathname}, status ${output.statusCode}):\n- ${listed("response", broken).join("\n- ")}`,
            },
          },
          findings: recorded.findings.filter((f) => f.location[0] === "response"),
        },
      );
    finish(output.statusCode, headers, output.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted) return void res.destroy();
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
        closing.abort();
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
