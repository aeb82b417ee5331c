// One mock for a whole test run: the mock's control routes (/__mock/..., guarded by a per-mock random
// key) and connectMockThoughtSpot(), which drives them from another process or worker (reset, faults,
// recorded requests). Never serves a control route without the key; never sends the key elsewhere.
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { createThoughtSpotClient, type ThoughtSpotClient, type ThoughtSpotClientOptions } from "../client.js";
import type { MockFault } from "./faults.js";
import type { MockCredentials, MockRequest, MockThoughtSpot } from "./types.js";

/** What another process needs to use a running mock (JSON: give it to vitest's `provide`, or the environment). */
export interface MockConnection {
  url: string;
  /** The key of the mock's control routes. */
  key: string;
  release: string;
  credentials: MockCredentials;
}

/** A mock started elsewhere in the run, driven over HTTP. */
export interface RemoteMockThoughtSpot {
  url: string;
  release: string;
  credentials: MockCredentials;
  /** A client pointed at the mock, logging in as tsadmin with the password unless `auth` is given. */
  client(options?: Partial<ThoughtSpotClientOptions>): ThoughtSpotClient;
  requests(): Promise<MockRequest[]>;
  clearRequests(): Promise<void>;
  fail(operationId: string, fault: MockFault): Promise<void>;
  clearFaults(operationId?: string): Promise<void>;
  reset(): Promise<void>;
}

const CONTROL = "/__mock/";
export const isControlPath = (path: string) => path.startsWith(CONTROL);

const sameKey = (given: unknown, key: string) => {
  if (typeof given !== "string" || given.length !== key.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(key));
};

/** JSON has no Infinity: `times: null` stands for it on the wire. */
const toWire = (fault: MockFault) => ({
  ...fault,
  times: fault.times === Number.POSITIVE_INFINITY ? null : fault.times,
});
const fromWire = (fault: MockFault & { times?: number | null }): MockFault => {
  const { times, ...rest } = fault;
  return times === null
    ? { ...rest, times: Number.POSITIVE_INFINITY }
    : times === undefined
      ? rest
      : { ...rest, times };
};

/** Answers a control route: { status, json }. A wrong or missing key is a 403 that says nothing more. */
export function control(
  mock: MockThoughtSpot,
  key: string,
  path: string,
  method: string,
  headers: IncomingHttpHeaders,
  body: unknown,
): { status: number; json?: unknown } {
  if (!sameKey(headers["x-mock-key"], key)) return { status: 403, json: { error: "forbidden" } };
  const input = (body && typeof body === "object" ? body : {}) as { operationId?: string; fault?: MockFault };
  try {
    switch (`${method} ${path.slice(CONTROL.length)}`) {
      case "GET requests":
        return { status: 200, json: mock.requests() };
      case "POST clear-requests":
        mock.clearRequests();
        return { status: 204 };
      case "POST reset":
        mock.reset();
        return { status: 204 };
      case "POST fail":
        mock.fail(String(input.operationId), fromWire(input.fault ?? {}));
        return { status: 204 };
      case "POST clear-faults":
        mock.clearFaults(input.operationId);
        return { status: 204 };
      default:
        return { status: 404, json: { error: `no control route ${method} ${path}` } };
    }
  } catch (error) {
    return { status: 400, json: { error: error instanceof Error ? error.message : String(error) } };
  }
}

function checkConnection(connection: MockConnection): void {
  const ok =
    connection &&
    typeof connection.url === "string" &&
    /^http:\/\/127\.0\.0\.1:\d+$/.test(connection.url) &&
    typeof connection.key === "string" &&
    connection.key.length > 0 &&
    typeof connection.credentials?.password === "string";
  if (!ok)
    throw new TypeError(
      "connectMockThoughtSpot: pass the `connection` of a mock (its url on 127.0.0.1 and key)",
    );
}

/** Connects to a mock another process started (its `mock.connection`), e.g. in vitest's globalSetup. */
export function connectMockThoughtSpot(connection: MockConnection): RemoteMockThoughtSpot {
  checkConnection(connection);
  const call = async (method: "GET" | "POST", route: string, body?: unknown) => {
    const answer = await fetch(`${connection.url}${CONTROL}${route}`, {
      method,
      headers: {
        "x-mock-key": connection.key,
        "content-type": "application/json",
        accept: "application/json",
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const text = await answer.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (answer.status === 400) throw new TypeError(String((json as { error?: string }).error));
    if (!answer.ok) throw new Error(`mock control ${route} answered ${answer.status}`);
    return json;
  };
  const { url, release, credentials } = connection;
  return {
    url,
    release,
    credentials,
    client: (options = {}) =>
      createThoughtSpotClient({
        maxRetries: 0,
        ...options,
        auth: options.auth ?? { username: credentials.username, password: credentials.password },
        serverUrl: url,
      }),
    requests: async () => (await call("GET", "requests")) as MockRequest[],
    clearRequests: async () => void (await call("POST", "clear-requests")),
    fail: async (operationId, fault) =>
      void (await call("POST", "fail", { operationId, fault: toWire(fault) })),
    clearFaults: async (operationId) =>
      void (await call("POST", "clear-faults", operationId === undefined ? {} : { operationId })),
    reset: async () => void (await call("POST", "reset")),
  };
}
