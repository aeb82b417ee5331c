// Loads the parts of Prism (an optional peer dependency) the mock uses, with an error that says how to
// install it. Startup cost is kept small: Prism's router and validator load at once, its mocker (which
// drags in a schema faker) only when an answer falls back to it, and the specs' parsed operations are
// cached on disk per spec content. Never runs code from the cache: it holds JSON only.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Operation } from "./types.js";

/** The parts of @stoplight/prism-http the mock uses. */
export interface PrismLibrary {
  /** The spec's operations, parsed by Prism (or read from the cache of an earlier parse). */
  loadOperations(specPath: string): Promise<Operation[]>;
  createInstance(config: object, components: object): PrismInstance;
  /** Prism's own mocker when loaded; undefined until loadMocker() has resolved once. */
  mocker(): MockComponent | undefined;
  loadMocker(): Promise<MockComponent>;
}

export interface PrismInstance {
  request(input: object, operations: Operation[], config?: object): () => Promise<Either<Error, PrismResult>>;
}

export type Either<L, R> = { _tag: "Left"; left: L } | { _tag: "Right"; right: R };

export interface PrismResult {
  output: { statusCode: number; headers?: Record<string, string>; body?: unknown };
  validations: { input: Diagnostic[]; output: Diagnostic[] };
}

/** One finding of Prism's validator. severity: 0 error, 1 warning, 2 information, 3 hint. */
export interface Diagnostic {
  message: string;
  severity: number;
  path?: (string | number)[];
  code?: string | number;
}

export type MockComponent = (args: {
  resource: Operation;
  input: { data: unknown; validations: Diagnostic[] };
  config: object;
}) => (logger: unknown) => Either<Error, PrismResult["output"]>;

export const PRISM_PACKAGE = "@stoplight/prism-http";
export const INSTALL_HINT = `npm install --save-dev ${PRISM_PACKAGE}`;

/** Loads a module by a name relative to Prism's package (`./router/index.js`) or by package name. */
type Importer = (name: string) => Promise<unknown>;

let fromPrism: NodeRequire | undefined;
/** Requires from inside Prism's own folder, so its dependencies resolve under any package manager. */
const defaultImporter: Importer = async (name) => {
  fromPrism ??= createRequire(createRequire(import.meta.url).resolve(PRISM_PACKAGE));
  return fromPrism(name);
};

const isMissing = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
};

const unwrap = <T>(module: unknown): T => {
  const m = module as { default?: unknown };
  return (m && typeof m === "object" && "default" in m && m.default ? m.default : module) as T;
};

/** Where parsed operations are cached: a folder of this user's, never one another user could write. */
function cacheDir(): string | undefined {
  try {
    const uid = typeof process.getuid === "function" ? process.getuid() : "user";
    const dir = join(tmpdir(), `thoughtspot-rest-api-mock-${uid}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = statSync(dir);
    if (typeof process.getuid === "function" && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0))
      return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** Prism's parse of a spec, cached by the spec's content: the parse takes seconds, reading the cache milliseconds. */
async function cachedOperations(
  specPath: string,
  parse: (path: string) => Promise<Operation[]>,
): Promise<Operation[]> {
  const text = readFileSync(specPath);
  const dir = cacheDir();
  const file =
    dir && join(dir, `operations-${createHash("sha256").update(text).digest("hex").slice(0, 32)}.json`);
  if (file)
    try {
      return JSON.parse(readFileSync(file, "utf8")) as Operation[];
    } catch {
      // Not cached yet (or unreadable): parse below.
    }
  const operations = await parse(specPath);
  if (file)
    try {
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(operations), { mode: 0o600 });
      renameSync(partial, file);
    } catch {
      // A cache that cannot be written costs time, not correctness.
    }
  return operations;
}

/** Loads Prism; `importer` is there so the missing-package error can be tested. */
export async function loadPrism(importer: Importer = defaultImporter): Promise<PrismLibrary> {
  try {
    const core = (await importer("@stoplight/prism-core")) as { factory: PrismFactory };
    const router = unwrap<unknown>(await importer("./router/index.js"));
    const validator = (await importer("./validator/index.js")) as Record<string, unknown>;
    let mocker: MockComponent | undefined;
    let loading: Promise<MockComponent> | undefined;
    return {
      loadOperations: (specPath) =>
        cachedOperations(specPath, async (path) => {
          const utils = (await importer("./utils/operations.js")) as {
            getHttpOperationsFromSpec(spec: string): Promise<Operation[]>;
          };
          return utils.getHttpOperationsFromSpec(path);
        }),
      createInstance: (config, components) =>
        core.factory(config, {
          route: router,
          validateInput: validator.validateInput,
          validateOutput: validator.validateOutput,
          validateSecurity: validator.validateSecurity,
          // The mock never proxies (isProxy: false), so Prism's forwarder is never called.
          forward: () => () => () =>
            Promise.resolve({ _tag: "Left", left: new Error("the mock does not forward") }),
          ...components,
        }),
      mocker: () => mocker,
      loadMocker: () => {
        loading ??= importer("./mocker/index.js").then((m) => {
          mocker = unwrap<MockComponent>(m);
          return mocker;
        });
        return loading;
      },
    };
  } catch (error) {
    if (!isMissing(error)) throw error;
    throw new Error(
      `thoughtspot-rest-api/testing serves its mock with Prism, an optional peer dependency that is not installed. Install it with:\n  ${INSTALL_HINT}`,
      { cause: error },
    );
  }
}

type PrismFactory = (config: object, components: object) => PrismInstance;
