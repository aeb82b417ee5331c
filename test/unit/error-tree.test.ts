// One error root: everything the SDK throws on purpose is a ThoughtSpotError, HTTP answers under ApiError.
import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthError,
  BadRequestError,
  NetworkError,
  NotFoundError,
  ObjectLookupError,
  RateLimitError,
  RedirectError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  ThoughtSpotError,
  TmlError,
  TmlImportError,
  TmlParseError,
  UnexpectedResponseError,
} from "../../src/index.js";
import { parseTml } from "../../src/tml-entry.js";

const http = { message: "m", method: "GET", path: "/p", status: 400 };

describe("the error tree", () => {
  it.each([
    ["BadRequestError", new BadRequestError(http)],
    ["AuthError", new AuthError(http)],
    ["NotFoundError", new NotFoundError(http)],
    ["RateLimitError", new RateLimitError(http)],
    ["ServerError", new ServerError(http)],
    ["RedirectError", new RedirectError(http)],
    ["UnexpectedResponseError", new UnexpectedResponseError(http)],
  ])("%s is an ApiError and a ThoughtSpotError", (name, error) => {
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(error.name).toBe(name);
  });

  it.each([
    ["NetworkError", new NetworkError({ message: "m" })],
    ["RequestTimeoutError", new RequestTimeoutError({ message: "m" })],
    ["RequestAbortedError", new RequestAbortedError({ message: "m" })],
    ["TmlError", new TmlError("m")],
    ["TmlParseError", new TmlParseError("bad", 2, 3)],
    [
      "TmlImportError",
      new TmlImportError({
        method: "POST",
        path: "/p",
        operationId: "importMetadataTML",
        failures: [],
        result: {},
      }),
    ],
    ["ObjectLookupError", new ObjectLookupError("none", "Sales", [])],
  ])("%s is a ThoughtSpotError but not an ApiError", (name, error) => {
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error.name).toBe(name);
  });

  it("TML errors from the client-free entry share the root", () => {
    let caught: unknown;
    try {
      parseTml("table:\n  name: [unclosed");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TmlParseError);
    expect(caught).toBeInstanceOf(ThoughtSpotError);
  });
});
