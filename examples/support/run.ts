// How every example runs: against the mock ThoughtSpot by default, or a real cluster from TS_SERVER_URL and
// credentials in the environment; the test suite calls the same main() with one shared mock.
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AuthOptions,
  createThoughtSpotClient,
  type ThoughtSpotClient,
  type ThoughtSpotClientOptions,
  ThoughtSpotError,
} from "thoughtspot-rest-api";
import { startMockThoughtSpot } from "thoughtspot-rest-api/testing";

/** What an example's main() receives. */
export interface ExampleContext {
  /** A client, logged in lazily on the first call. */
  ts: ThoughtSpotClient;
  /** Another client with the same server and credentials, and these options (timeouts, logger, ...). */
  connect(options?: Partial<ThoughtSpotClientOptions>): ThoughtSpotClient;
  /** Another client on the same cluster, logged into the given Org (by id). */
  connectToOrg(orgId: number): ThoughtSpotClient;
  /** Prints one line of the example's output. */
  log(line?: string): void;
  /**
   * The folder for files the example writes: TS_OUT_DIR, or a new temporary folder. Run from the command
   * line, the files are kept after the run (the paths the example prints stay valid).
   */
  outDir: string;
  /**
   * Whether the example may change the cluster: always against the mock; on a real cluster only with
   * TS_EXAMPLE_WRITE=1 (otherwise examples that change things say what they would do).
   */
  writes: boolean;
}

export type Example<T = unknown> = (ctx: ExampleContext) => Promise<T>;

/** Credentials from the environment: TS_TOKEN, or TS_USERNAME with TS_PASSWORD or TS_SECRET_KEY. */
function authFromEnv(orgId?: number): AuthOptions {
  const env = process.env;
  if (env.TS_TOKEN) return { token: env.TS_TOKEN };
  const username = env.TS_USERNAME;
  if (!username)
    throw new Error("set TS_USERNAME and TS_PASSWORD (or TS_SECRET_KEY, or TS_TOKEN) with TS_SERVER_URL");
  const org = orgId ?? (env.TS_ORG_ID ? Number(env.TS_ORG_ID) : undefined);
  const base = { username, ...(org !== undefined && { orgId: org }) };
  if (env.TS_SECRET_KEY) return { ...base, secretKey: env.TS_SECRET_KEY };
  if (env.TS_PASSWORD) return { ...base, password: env.TS_PASSWORD };
  throw new Error("set TS_PASSWORD or TS_SECRET_KEY for TS_USERNAME");
}

/** Runs `main` when this file is the script node was started with (not when a test imports it). */
export async function runIfMain(moduleUrl: string, main: Example): Promise<void> {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const serverUrl = process.env.TS_SERVER_URL;
  const mock = serverUrl ? undefined : await startMockThoughtSpot();
  const connectToOrg = (orgId: number) =>
    mock
      ? mock.client({
          auth: { username: mock.credentials.username, password: mock.credentials.password, orgId },
        })
      : createThoughtSpotClient({ serverUrl: serverUrl!, auth: authFromEnv(orgId) });
  const connect = (options: Partial<ThoughtSpotClientOptions> = {}) =>
    mock
      ? mock.client(options)
      : createThoughtSpotClient({ serverUrl: serverUrl!, auth: authFromEnv(), ...options });
  const ts = connect();
  console.log(mock ? `(mock ThoughtSpot on ${mock.url}; set TS_SERVER_URL for a real cluster)` : serverUrl);
  const outDir = process.env.TS_OUT_DIR ?? (await mkdtemp(join(tmpdir(), "ts-example-")));
  await mkdir(outDir, { recursive: true });
  try {
    await main({
      ts,
      connect,
      connectToOrg,
      log: (line = "") => console.log(line),
      outDir,
      writes: !serverUrl || process.env.TS_EXAMPLE_WRITE === "1",
    });
  } catch (error) {
    console.error(error instanceof ThoughtSpotError ? `${error.name}: ${error.message}` : error);
    process.exitCode = 1;
  } finally {
    await ts.logout().catch(() => {});
    await mock?.close();
  }
}
