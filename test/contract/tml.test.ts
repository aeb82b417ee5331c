// ts.tml's requests against Prism, on both APIs: the bodies ts.tml builds from real TML documents
// must pass ThoughtSpot's request schemas. Prism's example answers hold no TML, so only the wire is
// judged here; results are tested against local servers in test/integration/tml.test.ts.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createThoughtSpotClient } from "../../src/index.js";
import { recordingFetch, requestViolations } from "../support/recording-fetch.js";

const fixture = (name: string) => readFile(join(import.meta.dirname, "../fixtures/tml", name), "utf8");

function client(url: string) {
  const recorder = recordingFetch();
  const ts = createThoughtSpotClient({
    serverUrl: url,
    auth: { token: inject("mockToken") },
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  return { ts, exchanges: recorder.exchanges };
}

/** Runs a ts.tml call whose answer may not parse (Prism's examples hold no TML) and returns what went out. */
async function sent(exchanges: ReturnType<typeof client>["exchanges"], call: () => Promise<unknown>) {
  const before = exchanges.length;
  await call().catch(() => undefined);
  const made = exchanges.slice(before);
  expect(made.length).toBeGreaterThan(0);
  return made;
}

describe.each([
  ["V2", () => inject("prismV2Url"), "v2" as const, /\/api\/rest\/2.0\/metadata\/tml\/(export|import)$/],
  [
    "V1",
    () => inject("prismV1Url"),
    "v1" as const,
    /\/callosum\/v1\/tspublic\/v1\/metadata\/tml\/(export|import)$/,
  ],
])("ts.tml on %s against Prism", (_name, url, api, path) => {
  it("export: no request violations", async () => {
    const { ts, exchanges } = client(url());
    const made = await sent(exchanges, () =>
      ts.tml.export(["guid-1"], { api, associated: true, format: "YAML" }),
    );
    for (const exchange of made) {
      expect(new URL(exchange.url).pathname).toMatch(path);
      expect(requestViolations(exchange)).toEqual([]);
      expect(exchange.status).toBeLessThan(300);
    }
  });

  it("import of two documents, text and object: no request violations", async () => {
    const { ts, exchanges } = client(url());
    const table = await fixture("fact_sales.table.tml");
    const worksheet = await fixture("retail_sales_ws.worksheet.tml");
    const made = await sent(exchanges, () =>
      ts.tml.import([table, worksheet], {
        api,
        policy: "VALIDATE_ONLY",
        createNew: false,
        throwOnError: false,
      }),
    );
    for (const exchange of made) {
      expect(new URL(exchange.url).pathname).toMatch(path);
      expect(requestViolations(exchange)).toEqual([]);
      expect(exchange.status).toBeLessThan(300);
    }
  });
});

describe("ts.tml async import against Prism (V2)", () => {
  it("async/import and async/status requests pass", async () => {
    const { ts, exchanges } = client(inject("prismV2Url"));
    const table = await fixture("fact_sales.table.tml");
    const made = await sent(exchanges, () =>
      ts.tml.import([table], { async: true, pollIntervalMs: 10, throwOnError: false }),
    );
    expect(made.map((e) => new URL(e.url).pathname)).toContain("/api/rest/2.0/metadata/tml/async/import");
    expect(made.map((e) => new URL(e.url).pathname)).toContain("/api/rest/2.0/metadata/tml/async/status");
    for (const exchange of made) expect(requestViolations(exchange)).toEqual([]);
  });
});
