// ts.clusterVersion() and ts.compatibility() against the built-in Prism mocks: the release requests
// pass Prism's validation, and the report is whole even though the mock's release ("test") is not one
// that can be compared.
import { describe, expect, inject, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import { createThoughtSpotClient, parseRelease } from "../../src/index.js";
import { mockableSpec } from "../support/mock-spec.js";
import { recordingFetch, requestViolations } from "../support/recording-fetch.js";

// The release Prism answers with: the spec's own example for getSystemInformation.
const spec = (await mockableSpec("v2")) as {
  paths: Record<
    string,
    { get: { responses: Record<string, { content: Record<string, { examples: object }> }> } }
  >;
};
const examples =
  spec.paths["/api/rest/2.0/system"]?.get.responses["200"]?.content["application/json"]?.examples;
const exampleRelease = (Object.values(examples ?? {})[0] as { value: { release_version: string } }).value
  .release_version;
const total = Object.keys(v2Operations).length + Object.keys(v1Operations).length;

describe("release against Prism", () => {
  it("V2 mock: the release comes from getSystemInformation, and compatibility() reports on both APIs", async () => {
    const { fetch, exchanges } = recordingFetch();
    const ts = createThoughtSpotClient({
      serverUrl: inject("prismV2Url"),
      auth: { token: inject("mockToken") },
      fetch,
      maxRetries: 0,
    });
    const report = await ts.compatibility();
    expect(report.clusterVersion).toBe(exampleRelease);
    expect(report.comparable).toBe(parseRelease(exampleRelease) !== undefined);
    expect(report.total).toBe(total);
    expect(report.deprecated.length).toBe(
      [...Object.values(v2Operations), ...Object.values(v1Operations)].filter((r) => "deprecated" in r)
        .length,
    );
    if (!report.comparable) expect(report.unavailable).toEqual([]); // an unknown release is never older
    expect(report.summary).toContain(exampleRelease);
    expect(exchanges.map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`)).toEqual([
      "GET /api/rest/2.0/system 200",
    ]);
    for (const e of exchanges) expect(requestViolations(e)).toEqual([]);
    expect(await ts.clusterVersion()).toBe(report.clusterVersion);
    expect(exchanges).toHaveLength(1); // learnt once
  });

  it("V1 mock: without the V2 system endpoint, the release comes from session/info", async () => {
    const { fetch, exchanges } = recordingFetch();
    const asked: string[] = [];
    const ts = createThoughtSpotClient({
      serverUrl: inject("prismV1Url"),
      auth: { token: inject("mockToken") },
      fetch,
      maxRetries: 0,
      // A cluster older than the V2 system endpoint: it answers 404 there (played by a middleware).
      middleware: [
        async (request, next, context) => {
          asked.push(`${context.api} ${context.operationId}`);
          return context.operationId === "getSystemInformation"
            ? new Response('{"error":{"message":"No handler found"}}', { status: 404 })
            : next(request);
        },
      ],
    });
    const release = await ts.clusterVersion();
    expect(asked).toEqual(["v2 getSystemInformation", "v1 sessionInfo"]);
    expect(exchanges.map((e) => `${e.method} ${new URL(e.url).pathname}`)).toEqual([
      "GET /callosum/v1/tspublic/v1/session/info",
    ]);
    expect(exchanges[0]?.status).toBe(200);
    expect(requestViolations(exchanges[0]!)).toEqual([]);
    expect(release).toEqual(expect.any(String));
    const report = await ts.compatibility();
    expect(report.clusterVersion).toBe(release);
    expect(exchanges).toHaveLength(1);
  });
});
