// thoughtspot-rest-api/testing: a mock ThoughtSpot (V2 and V1, validated by Prism, with realistic
// answers) on 127.0.0.1 for your own tests and scripts.
import { createThoughtSpotClient } from "../client.js";
import { realisticAnswers } from "./answers/index.js";
import { loadCatalog } from "./catalog.js";
import { mockSpecPath } from "./files.js";
import { loadPrism, type PrismLibrary } from "./prism.js";
import { startServer } from "./server.js";
import type { MockRequest, MockThoughtSpot, MockThoughtSpotOptions, Operation } from "./types.js";

export { INSTALL_HINT } from "./prism.js";
export type {
  Answer,
  AnswerInput,
  AnswerOutput,
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
      prism.getHttpOperationsFromSpec(mockSpecPath("v2")),
      prism.getHttpOperationsFromSpec(mockSpecPath("v1")),
    ]);
    return { prism, operations: [...v2, ...v1] };
  })();
  prepared.catch(() => {
    prepared = undefined;
  });
  return prepared;
}

/**
 * Starts a mock ThoughtSpot on 127.0.0.1 serving V2 (/api/rest/2.0) and V1 (/callosum/v1/tspublic/v1).
 * Needs @stoplight/prism-http (an optional peer dependency). Close it when done.
 */
export async function startMockThoughtSpot(options: MockThoughtSpotOptions = {}): Promise<MockThoughtSpot> {
  const { prism, operations } = await prepare();
  const received: MockRequest[] = [];
  const answers = {
    ...(options.realistic === false ? {} : realisticAnswers(loadCatalog())),
    ...options.answers,
  };
  const server = await startServer({
    prism,
    operations,
    answers,
    strict: options.strict ?? true,
    port: options.port ?? 0,
    record: (r) => received.push(r),
  });
  return {
    url: server.url,
    client: (clientOptions = {}) =>
      createThoughtSpotClient({
        auth: { token: "mock-token-tsadmin" },
        maxRetries: 0,
        ...clientOptions,
        serverUrl: server.url,
      }),
    requests: () => [...received],
    clearRequests: () => {
      received.length = 0;
    },
    close: server.close,
  };
}
