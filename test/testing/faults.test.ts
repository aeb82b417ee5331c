// Faults on demand (mock.fail), latency, older releases and strict answers: what users need to test
// their retry, timeout and back-off handling, "this cluster is too old" branches, and their own answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { v2Operations } from "../../generated/v2-operations.js";
import {
  NetworkError,
  NotFoundError,
  RateLimitError,
  RedirectError,
  RequestTimeoutError,
  ServerError,
  TmlImportError,
  TSTypes,
  UnexpectedResponseError,
} from "../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";

let mock: MockThoughtSpot;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
}, 120_000);
afterAll(() => mock?.close());

describe("mock.fail", () => {
  it("answers 429 with Retry-After the given number of times; the client's retry then succeeds", async () => {
    mock.fail("searchUsers", { status: 429, times: 2, retryAfter: 0 });
    mock.clearRequests();
    const ts = mock.client({ maxRetries: 3 });
    const users = await ts.api.v2.searchUsers({});
    expect(users.length).toBeGreaterThan(0);
    expect(mock.requests().map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("without retries the 429 is a RateLimitError carrying Retry-After", async () => {
    mock.fail("searchUsers", { status: 429, retryAfter: 7 });
    const error = await mock
      .client()
      .api.v2.searchUsers({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
    expect((await mock.client().api.v2.searchUsers({})).length).toBeGreaterThan(0); // used up
  });

  it("a 503 fault on every operation ('*') until cleared", async () => {
    mock.fail("*", { status: 503, times: Number.POSITIVE_INFINITY, message: "maintenance" });
    const ts = mock.client();
    for (const call of [() => ts.api.v2.searchTags({}), () => ts.api.v2.getSystemInformation()]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as Error).message).toContain("maintenance");
    }
    mock.clearFaults();
    expect(await ts.api.v2.searchTags({})).toEqual(expect.any(Array));
  });

  it("delayMs beyond the client's timeout is a RequestTimeoutError", async () => {
    mock.fail("searchTags", { delayMs: 500 });
    const error = await mock
      .client({ timeoutMs: 100 })
      .api.v2.searchTags({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it("drop closes the connection without an answer: a NetworkError", async () => {
    mock.fail("searchTags", { drop: true });
    const error = await mock
      .client()
      .api.v2.searchTags({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("refuses a fault that would never apply, before any call", () => {
    expect(() => mock.fail("searchUsers", {})).toThrow(TypeError);
    expect(() => mock.fail("searchUsers", { status: 42 })).toThrow(/status/);
    expect(() => mock.fail("searchUsers", { status: 429, times: 0 })).toThrow(/times/);
    expect(() => mock.fail("", { status: 429 })).toThrow(/operationId/);
    expect(() => mock.fail("searchUser", { status: 429 })).toThrow(/no operation searchUser/);
  });

  it("close() ends a pending delay at once", async () => {
    const stalled = await startMockThoughtSpot();
    stalled.fail("searchTags", { delayMs: 600_000 });
    const call = stalled
      .client()
      .api.v2.searchTags({})
      .catch((e: unknown) => e);
    await new Promise((done) => setTimeout(done, 100));
    const started = performance.now();
    await stalled.close();
    expect(await call).toBeInstanceOf(NetworkError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("latencyMs delays every answer", async () => {
    const slow = await startMockThoughtSpot({ latencyMs: 150 });
    try {
      const started = performance.now();
      await slow.client().api.v2.searchTags({});
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });
});

describe("release", () => {
  it("an older release answers newer operations 404, which the SDK explains; reports that release", async () => {
    const old = await startMockThoughtSpot({ release: "10.1.0.cl" });
    try {
      const ts = old.client();
      expect(old.release).toBe("10.1.0.cl");
      expect((await ts.api.v2.getSystemInformation()).release_version).toBe("10.1.0.cl");
      expect(((await ts.api.v1.sessionInfo()) as { releaseVersion: string }).releaseVersion).toBe(
        "10.1.0.cl",
      );
      const error = await ts.api.v2
        .importMetadataTMLAsync({ metadata_tmls: ["liveboard:\n  name: x\n"] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).availableFrom).toBe(v2Operations.importMetadataTMLAsync.availableFrom);
      const report = await ts.compatibility();
      expect(report.unavailable.map((u) => u.operationId)).toContain("importMetadataTMLAsync");
      // Operations the release has still work.
      expect((await ts.metadata.search({ type: TSTypes.LIVEBOARD })).length).toBeGreaterThan(0);
    } finally {
      await old.close();
    }
  });

  it("by default the mock runs the newest release the API description names", () => {
    const newest = Object.values(v2Operations)
      .map((r): string | undefined => r.availableFrom)
      .filter((v): v is string => typeof v === "string")
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
      .at(-1);
    expect(mock.release).toBe(newest);
  });

  it("refuses a release that is not a ThoughtSpot release", async () => {
    await expect(startMockThoughtSpot({ release: "latest" })).rejects.toThrow(TypeError);
  });
});

describe("strict answers", () => {
  it("your answer that breaks the response schema fails the call with the findings; strict: false serves it", async () => {
    const broken = { searchTags: () => ({ json: [{ id: 5, name: ["not", "a", "string"] }] }) };
    const strict = await startMockThoughtSpot({ answers: broken });
    const loose = await startMockThoughtSpot({ answers: broken, strict: { responses: false } });
    try {
      const error = await strict
        .client()
        .api.v2.searchTags({})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as Error).message).toMatch(/breaks ThoughtSpot's response schema \(searchTags/);
      expect((error as Error).message).toMatch(/response\.body\.0\.id: .*must be string/);
      const served = await loose.client().api.v2.searchTags({});
      expect(served[0]!.id).toBe(5);
      expect(
        loose
          .requests()
          .at(-1)!
          .findings.some((f) => f.location[0] === "response"),
      ).toBe(true);
    } finally {
      await Promise.all([strict.close(), loose.close()]);
    }
  });
});

describe("the README's other failure branches", () => {
  it("an SSO redirect, an HTML page instead of JSON, and TML rejected inside a 200", async () => {
    const odd = await startMockThoughtSpot({
      answers: {
        searchUsers: () => ({ status: 302, headers: { Location: "https://sso.example/login" } }),
        searchTags: () => ({
          status: 200,
          headers: { "Content-Type": "text/html" },
          body: "<html>Login</html>",
        }),
      },
    });
    try {
      const ts = odd.client();
      expect(await ts.api.v2.searchUsers({}).catch((e: unknown) => e)).toBeInstanceOf(RedirectError);
      expect(await ts.api.v2.searchTags({}).catch((e: unknown) => e)).toBeInstanceOf(UnexpectedResponseError);
      const rejected = await ts.tml
        .import([{ liveboard: { visualizations: [] } } as never])
        .catch((e: unknown) => e);
      expect(rejected).toBeInstanceOf(TmlImportError);
      expect((rejected as Error).message).toMatch(/Invalid TML/);
    } finally {
      await odd.close();
    }
  });
});
