// thoughtspot-rest-api/testing: a mock ThoughtSpot (V2 and V1, validated by Prism, stateful, enforcing
// logins, with faults on demand and older releases) on 127.0.0.1 for your own tests and scripts.
import { createThoughtSpotClient } from "../client.js";
import { realisticAnswers } from "./answers/index.js";
import { Faults } from "./faults.js";
import { mockSpecPath } from "./files.js";
import { loadPrism, type PrismLibrary } from "./prism.js";
import { checkRelease, newestRelease } from "./routes.js";
import { startServer } from "./server.js";
import { issueToken } from "./state/auth.js";
import { loginAnswers, stateAnswers } from "./state/index.js";
import { createStore, passwordOf } from "./state/store.js";
import type {
  Answer,
  MockCredentials,
  MockRequest,
  MockThoughtSpot,
  MockThoughtSpotOptions,
  Operation,
} from "./types.js";

export { INSTALL_HINT } from "./prism.js";
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
  return {
    url: server.url,
    release,
    credentials,
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
}
