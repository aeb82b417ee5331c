// thoughtspot-rest-api/testing: a mock ThoughtSpot (V2 and V1, validated by Prism, stateful, enforcing
// logins, with faults on demand and older releases) on 127.0.0.1 for your own tests and scripts.
import { createThoughtSpotClient } from "../client.js";
import { realisticAnswers } from "./answers/index.js";
import { Faults } from "./faults.js";
import { mockSpecPath } from "./files.js";
import { loadPrism, type PrismLibrary } from "./prism.js";
import { control } from "./remote.js";
import { checkRelease, newestRelease } from "./routes.js";
import { startServer } from "./server.js";
import { issueToken } from "./state/auth.js";
import { loginAnswers, stateAnswers } from "./state/index.js";
import { createStore, passwordOf, secret } from "./state/store.js";
import type {
  Answer,
  MockCredentials,
  MockRequest,
  MockThoughtSpot,
  MockThoughtSpotOptions,
  Operation,
} from "./types.js";

export { INSTALL_HINT } from "./prism.js";
export { connectMockThoughtSpot, type MockConnection, type RemoteMockThoughtSpot } from "./remote.js";
export type {
  Answer,
  AnswerInput,
  AnswerOutput,
  MockCaller,
  MockCredentials,
  MockFault,
  MockFile,
  MockFinding,
  MockRequest,
  MockThoughtSpot,
  MockThoughtSpotOptions,
} from "./types.js";

let prepared: Promise<{ prism: PrismLibrary; operations: Operation[] }> | undefined;

/** Prism and both specs' operations, once per process: later mocks start in milliseconds. */
function prepare() {
  prepared ??= (async () => {
    const prism = await loadPrism();
    const [v2, v1] = await Promise.all([
      prism.loadOperations(mockSpecPath("v2")),
      prism.loadOperations(mockSpecPath("v1")),
    ]);
    return { prism, operations: [...v2, ...v1] };
  })();
  prepared.catch(() => {
    prepared = undefined;
  });
  return prepared;
}

/** Checks the options that a typo would otherwise turn into a mock that silently ignores them. */
function checkOptions(options: MockThoughtSpotOptions): void {
  const fail = (what: string) => {
    throw new TypeError(`startMockThoughtSpot: ${what}`);
  };
  if (options === null || typeof options !== "object") fail("options must be an object");
  const { port, answers, files, strict } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535))
    fail("port must be an integer from 0 to 65535");
  for (const [id, answer] of Object.entries(answers ?? {}))
    if (typeof answer !== "function") fail(`answers.${id} must be a function`);
  for (const [path, file] of Object.entries(files ?? {})) {
    if (!path.startsWith("/")) fail(`files: "${path}" must start with /`);
    const body = typeof file === "object" && !(file instanceof Uint8Array) ? file?.body : file;
    if (typeof body !== "string" && !(body instanceof Uint8Array))
      fail(`files["${path}"] must be text or bytes`);
  }
  if (strict !== undefined && typeof strict !== "boolean" && (strict === null || typeof strict !== "object"))
    fail("strict must be true, false or { requests, responses }");
}

/** The mock's strictness, both ways, from the `strict` option. */
function strictness(strict: MockThoughtSpotOptions["strict"]) {
  if (typeof strict === "object" && strict !== null)
    return { requests: strict.requests ?? true, responses: strict.responses ?? true };
  return { requests: strict ?? true, responses: strict ?? true };
}

/**
 * Starts a mock ThoughtSpot on 127.0.0.1 serving V2 (/api/rest/2.0) and V1 (/callosum/v1/tspublic/v1).
 * Needs @stoplight/prism-http (an optional peer dependency). Close it when done.
 */
export async function startMockThoughtSpot(options: MockThoughtSpotOptions = {}): Promise<MockThoughtSpot> {
  checkOptions(options);
  const release = options.release === undefined ? newestRelease() : checkRelease(options.release);
  const latencyMs = options.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0 && latencyMs <= 600_000))
    throw new TypeError("startMockThoughtSpot: latencyMs must be a number of milliseconds from 0 to 600000");
  const { prism, operations } = await prepare();
  const received: MockRequest[] = [];
  const store = createStore({
    release,
    ...(options.users && { users: options.users }),
    ...(options.secretKey !== undefined && { secretKey: options.secretKey }),
  });
  let answers: Record<string, Answer> = {};
  const build = () => {
    answers = {
      ...(options.realistic === false ? {} : { ...realisticAnswers(store.catalog), ...stateAnswers(store) }),
      ...loginAnswers(store),
      ...options.answers,
    };
  };
  build();
  const faults = new Faults();
  const key = secret("mock-key-");
  // Control routes check the key before they touch `mock`, which is set once the server has started.
  let mock: MockThoughtSpot;
  const known = new Set(operations.map((o) => o.iid).filter((id): id is string => typeof id === "string"));
  const server = await startServer({
    prism,
    operations,
    answers: () => answers,
    strict: strictness(options.strict),
    port: options.port ?? 0,
    release,
    latencyMs,
    faults,
    store,
    files: { ...options.files },
    control: (path, method, headers, body) => control(mock, key, path, method, headers, body),
    record: (r) => received.push(r),
  });
  const admin = store.catalog.users.find((u) => u.name === "tsadmin")!;
  const credentials: MockCredentials = {
    username: "tsadmin",
    password: passwordOf(store.catalog, "tsadmin")!,
    secretKey: store.catalog.credentials.secret_key,
    users: Object.fromEntries(
      store.catalog.users.map((u) => [String(u.name), passwordOf(store.catalog, String(u.name))!]),
    ),
    orgs: store.catalog.orgs.map((o) => ({ id: o.id, name: o.name })),
  };
  mock = {
    url: server.url,
    release,
    credentials,
    connection: { url: server.url, key, release, credentials },
    client: (clientOptions = {}) =>
      createThoughtSpotClient({
        maxRetries: 0,
        ...clientOptions,
        auth: clientOptions.auth ?? { token: issueToken(store, admin, 0, 86_400).token },
        serverUrl: server.url,
      }),
    requests: () => [...received],
    clearRequests: () => {
      received.length = 0;
    },
    fail: (operationId, fault) => {
      // A misspelt operationId would never match: refuse it at once.
      if (operationId !== "*" && typeof operationId === "string" && !known.has(operationId))
        throw new TypeError(
          `mock.fail: no operation ${operationId} (use an operationId of ts.api.v2 or ts.api.v1, or "*")`,
        );
      faults.add(operationId, fault);
    },
    clearFaults: (operationId) => faults.clear(operationId),
    reset: () => {
      store.reset();
      faults.clear();
      build();
    },
    close: server.close,
  };
  return mock;
}
