// Every V2 operation, called through ts.api.v2 with a valid request built from the spec, must pass
// Prism's request validation (no request.* entry in sl-violations) and come back 2xx.
import { afterAll, describe, expect, inject, it } from "vitest";
import { v2Operations } from "../../generated/v2-operations.js";
import { createThoughtSpotClient } from "../../src/index.js";
import { mockableSpec } from "../support/mock-spec.js";
import { recordingFetch, requestViolations } from "../support/recording-fetch.js";
import { sampler } from "../support/sample-request.js";

type Loose = Record<string, unknown>;

/** Operations not validated here, each with the reason. Empty: with openapi/patches, Prism answers every operation. */
const SKIPPED: Record<string, string> = {};

const spec = (await mockableSpec("v2")) as Loose;
const sampleInput = sampler(spec);
const operationObject = (id: keyof typeof v2Operations) => {
  const row = v2Operations[id];
  return (spec.paths as Record<string, Loose>)[row.path]?.[row.method.toLowerCase()] as Loose;
};

/**
 * The mock checks logins and tokens itself: the login operations get its credentials, validateToken
 * the run's token, revokeToken a token of its own (revoking the run's token would end the run).
 */
const { username, password, secretKey } = inject("mockCredentials");
const LOGINS: Record<string, Loose> = {
  getFullAccessToken: { username, password },
  getObjectAccessToken: { username, password },
  getCustomAccessToken: { username, secret_key: secretKey },
  login: { username, password },
  validateToken: { token: inject("mockToken") },
  revokeToken: { token: "a-token-the-mock-never-issued" },
};
const inputFor = (id: string) => ({
  ...sampleInput(operationObject(id as keyof typeof v2Operations)),
  ...LOGINS[id],
});

const { fetch, exchanges } = recordingFetch();
const ts = createThoughtSpotClient({
  serverUrl: inject("prismV2Url"),
  auth: { token: inject("mockToken") },
  fetch,
  maxRetries: 0,
});
const api = ts.api.v2 as unknown as Record<string, (input: Loose) => Promise<unknown>>;
const ids = Object.keys(v2Operations) as (keyof typeof v2Operations)[];
const validated = new Set<string>();

describe("V2 operations against Prism", () => {
  it.each(ids.filter((id) => !(id in SKIPPED)))("%s", async (id) => {
    const row = v2Operations[id] as (typeof v2Operations)[typeof id] & {
      binary?: true;
      streaming?: true;
      accept?: string;
    };
    const before = exchanges.length;
    const result = await api[id]?.(inputFor(id));

    expect(exchanges.length).toBe(before + 1);
    const exchange = exchanges[before]!;
    expect(requestViolations(exchange)).toEqual([]);
    expect(exchange.status).toBeGreaterThanOrEqual(200);
    expect(exchange.status).toBeLessThan(300);
    expect(exchange.method).toBe(row.method);
    expect(exchange.requestHeaders.get("x-requested-by")).toBe("ThoughtSpot");
    expect(exchange.requestHeaders.get("accept")).toBe(row.accept ?? "application/json");
    if (row.binary) expect(result).toBeInstanceOf(Blob);
    if (row.streaming) {
      expect(result).toBeInstanceOf(ReadableStream);
      expect(await new Response(result as ReadableStream).text()).toMatch(/^data: /);
    }
    validated.add(id);
  });
});

afterAll(() => {
  const total = ids.length;
  console.log(
    `V2 contract: ${validated.size} of ${total} operations validated (${Object.keys(SKIPPED).length} skipped with reasons)`,
  );
  expect(validated.size + Object.keys(SKIPPED).length).toBe(total);
});

// The check above is only worth something if Prism flags bad requests; prove it does.
describe("Prism flags invalid requests", () => {
  it("reports a wrong enum value in the body as a request violation", async () => {
    const before = exchanges.length;
    const { response } = await ts.v2.POST("/api/rest/2.0/metadata/search", {
      body: { metadata: [{ type: "NOT_A_TYPE" as "LIVEBOARD" }] },
    });
    expect(response.status).toBe(400);
    expect(requestViolations(exchanges[before]!).join("\n")).toMatch(/metadata\.0\.type/);
  });

  it("reports a missing required field, which ts.api.v2 and ts.v2 refuse before sending", async () => {
    const { fetch: recording, exchanges: direct } = recordingFetch();
    await recording(
      new Request(`${inject("prismV2Url")}/api/rest/2.0/auth/token/full`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: "{}",
      }),
    );
    expect(direct[0]!.status).toBe(400);
    expect(requestViolations(direct[0]!).join("\n")).toMatch(/username/);

    const before = exchanges.length;
    await expect(api.getFullAccessToken!({})).rejects.toThrow(/missing required "username"/);
    await expect(ts.v2.POST("/api/rest/2.0/auth/token/full", { body: {} as never })).rejects.toThrow(
      /missing required "username"/,
    );
    expect(exchanges.length).toBe(before);
  });
});
