// Public types of thoughtspot-rest-api/testing: options, recorded requests, realistic answers.
import type { ThoughtSpotClient, ThoughtSpotClientOptions } from "../client.js";

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
}

/** A realistic answer: a JSON value, or { status, headers, body } with a string or bytes body. */
export type AnswerOutput =
  | { status?: number; headers?: Record<string, string>; body?: unknown; json?: never }
  | { json: unknown; status?: number };

/** Builds the answer for one operation; undefined leaves the call to Prism's generated answer. */
export type Answer = (request: AnswerInput) => AnswerOutput | undefined;

export interface MockThoughtSpotOptions {
  /**
   * true (default): a request that breaks ThoughtSpot's API description gets a 422 listing Prism's
   * findings, so the SDK call fails with a BadRequestError naming them. false: Prism's own behaviour
   * (the spec's error example, findings in the sl-violations header).
   */
  strict?: boolean;
  /** Realistic answers (default true); false keeps Prism's generated answers for every operation. */
  realistic?: boolean;
  /** Your own answers by operationId, used before the built-in ones. */
  answers?: Record<string, Answer>;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
}

export interface MockThoughtSpot {
  /** http://127.0.0.1:<port>; V2 under /api/rest/2.0, V1 under /callosum/v1/tspublic/v1. */
  url: string;
  /** A client pointed at the mock, logged in as tsadmin (a token from auth/token/full) unless `auth` is given. */
  client(options?: Partial<ThoughtSpotClientOptions>): ThoughtSpotClient;
  /** Every request received so far, oldest first. */
  requests(): MockRequest[];
  /** Forgets the recorded requests. */
  clearRequests(): void;
  close(): Promise<void>;
}
