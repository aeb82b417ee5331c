// Loads Prism's HTTP library, an optional peer dependency, with an error that says how to install it.
import type { Operation } from "./types.js";

/** The parts of @stoplight/prism-http the mock uses. */
export interface PrismLibrary {
  getHttpOperationsFromSpec(spec: string | object): Promise<Operation[]>;
  createInstance(config: object, components: object): PrismInstance;
  /** Prism's own mocker, which the mock falls back to for every operation without a realistic answer. */
  defaultMock: MockComponent;
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

type Importer = (name: string) => Promise<unknown>;

const isMissing = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
};

/** Imports Prism; `importer` is there so the missing-package error can be tested. */
export async function loadPrism(importer: Importer = (name) => import(name)): Promise<PrismLibrary> {
  try {
    const http = (await importer(PRISM_PACKAGE)) as Record<string, unknown> & { default?: object };
    const mocker = (await importer(`${PRISM_PACKAGE}/dist/mocker/index.js`)) as {
      default: MockComponent | { default: MockComponent };
    };
    const lib = (http.getHttpOperationsFromSpec ? http : http.default) as PrismLibrary;
    const mock = mocker.default;
    return {
      getHttpOperationsFromSpec: lib.getHttpOperationsFromSpec,
      createInstance: lib.createInstance,
      defaultMock: typeof mock === "function" ? mock : mock.default,
    };
  } catch (error) {
    if (!isMissing(error)) throw error;
    throw new Error(
      `thoughtspot-rest-api/testing serves its mock with Prism, an optional peer dependency that is not installed. Install it with:\n  ${INSTALL_HINT}`,
      { cause: error },
    );
  }
}
