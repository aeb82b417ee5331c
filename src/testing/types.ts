// Public types of thoughtspot-rest-api/testing: options, recorded requests, realistic answers.
import type { ThoughtSpotClient, ThoughtSpotClientOptions } from "../client.js";
import type { MockFault } from "./faults.js";
import type { MockCaller } from "./state/store.js";

export type { MockCaller, MockFault };

/** The fields of Prism's operation object (IHttpOperation) the mock reads. */
export interface Operation {
  /** The operationId. */
  iid?: string;
  method: string;
  path: string;
}

/** One finding of Prism's validator about a request or the answer it produced. */
export interface MockFinding {
  /** Where: ["request", "body", "name"], ["request", "query", "limit"], ["response", "body"], ... */
  location: string[];
  severity: "error" | "warning" | "info" | "hint";
  message: string;
  code?: string | number;
}

/** A request the mock received. */
export interface MockRequest {
  method: string;
  /** Path without the query, e.g. /api/rest/2.0/users/search. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the text of a form or multipart body; undefined without a body. */
  body: unknown;
  /** The operationId Prism matched; undefined when no operation has this path. */
  operationId: string | undefined;
  /** Prism's findings on the request and on the answer (location[0] is "request" or "response"). */
  findings: MockFinding[];
  /** The status the mock answered with. */
  status: number;
}

/** What a realistic answer receives. */
export interface AnswerInput {
  operationId: string;
  /** Body fields, form fields and query parameters merged into one object (V1 form fields stay strings). */
  input: Record<string, unknown>;
  /** Path parameters, by name. */
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Who is calling (the user and Org of the token or session); undefined for the login operations. */
  caller?: MockCaller;
}

/** A realistic answer: a JSON value, or { status, headers, body } with a string or bytes body. */
export type AnswerOutput =
  | { status?: number; headers?: Record<string, string>; body?: unknown; json?: never }
  | { json: unknown; status?: number };

/** Builds the answer for one operation; undefined leaves the call to Prism's generated answer. */
export type Answer = (request: AnswerInput) => AnswerOutput | undefined;

export interface MockThoughtSpotOptions {
  /**
   * true (default), both ways: a request that breaks ThoughtSpot's API description gets a 422 listing
   * Prism's findings (the SDK call fails with a BadRequestError naming them), and an answer (built-in or
   * yours) that breaks the response schema becomes a 500 naming the findings. false: Prism's own
   * behaviour (the spec's error example, findings in the sl-violations header). Or one way only:
   * `{ requests: true, responses: false }`.
   */
  strict?: boolean | { requests?: boolean; responses?: boolean };
  /**
   * The ThoughtSpot release the mock runs (default: the newest the API description names). Operations
   * newer than it answer 404 as on such a cluster; getSystemInformation and session/info report it.
   */
  release?: string;
  /** Passwords by username over the example ones (see `mock.credentials`); a new username adds a user. */
  users?: Record<string, string>;
  /** The trusted-authentication secret key (see `mock.credentials.secretKey`). */
  secretKey?: string;
  /** Wait this long before every answer (simulates a distant cluster). Default 0. */
  latencyMs?: number;
  /**
   * Files served by GET at their path, without login, e.g. { "/index.html": "<!doctype html>…",
   * "/sdk.js": bytes }: a page and the SDK's browser build on the mock's own origin, for browser tests.
   * The Content-Type follows the extension unless given ({ body, type }).
   */
  files?: Record<string, MockFile>;
  /** Realistic answers (default true); false keeps Prism's generated answers for every operation. */
  realistic?: boolean;
  /** Your own answers by operationId, used before the built-in ones. */
  answers?: Record<string, Answer>;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
}

/** A file the mock serves: its text or bytes, or { body, type } with a Content-Type. */
export type MockFile = string | Uint8Array | { body: string | Uint8Array; type: string };

/** Who can log in to the mock. */
export interface MockCredentials {
  /** The administrator, a member of every Org. */
  username: string;
  password: string;
  /** The trusted-authentication secret key (token requests with `secret_key`). */
  secretKey: string;
  /** Every user's password by username (the 12 example users, and those of the `users` option). */
  users: Record<string, string>;
  /** The Orgs: id and name (tsadmin belongs to all). */
  orgs: { id: number; name: string }[];
}

export interface MockThoughtSpot {
  /** http://127.0.0.1:<port>; V2 under /api/rest/2.0, V1 under /callosum/v1/tspublic/v1. */
  url: string;
  /** The release the mock reports and serves. */
  release: string;
  /** Usernames, passwords, the secret key and the Orgs the mock accepts. */
  credentials: MockCredentials;
  /**
   * A client pointed at the mock, logged in as tsadmin in the Primary Org (a token the mock issued,
   * valid for a day) unless `auth` is given.
   */
  client(options?: Partial<ThoughtSpotClientOptions>): ThoughtSpotClient;
  /** Makes the next `times` calls of `operationId` ("*" for any) fail, wait or drop (see MockFault). */
  fail(operationId: string, fault: MockFault): void;
  /** Forgets the faults of one operation, or all. */
  clearFaults(operationId?: string): void;
  /** Returns to the example data: created, imported, shared and deleted things are undone. Logins stay valid. */
  reset(): void;
  /** Every request received so far, oldest first. */
  requests(): MockRequest[];
  /** Forgets the recorded requests. */
  clearRequests(): void;
  close(): Promise<void>;
}
