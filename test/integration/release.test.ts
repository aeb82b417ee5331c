// Against a local server that reports an older ThoughtSpot release: errors that say which release a
// call needs, the compatibility report, and deprecation warnings once per operation per client.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import { createThoughtSpotClient, NotFoundError, ThoughtSpotError } from "../../src/index.js";
import type { OperationRow } from "../../src/operation-row.js";
import { compareReleases, isOlderRelease } from "../../src/release/version.js";
import { caught } from "../support/caught.js";
import { json, startServer, type TestServer } from "../support/server.js";

const CLUSTER = "9.12.5.cl";
const TOKEN = "release-test-token-value";
const rows = Object.entries(v2Operations as Record<string, OperationRow>);
// Operations picked from the generated table, never named by hand: the spec decides.
const simple = ([, row]: [string, OperationRow]) => row.body === "json" && !row.binary && !row.streaming;
const [newerId, newerRow] = rows.find((r) => simple(r) && isOlderRelease(CLUSTER, r[1].availableFrom))!;
const [olderId, olderRow] = rows.find(
  (r) => simple(r) && r[0] !== "getSystemInformation" && compareReleases(CLUSTER, r[1].availableFrom) === 1,
)!;
const newerOthers = rows.filter(
  (r) => simple(r) && isOlderRelease(CLUSTER, r[1].availableFrom) && r[0] !== newerId,
);
const [viaNoHandlerId, viaNoHandlerRow] = newerOthers[0]!;
const [via405Id, via405Row] = newerOthers[1]!;
const [deprecatedId, deprecatedRow] = rows.find((r) => r[1].deprecated && r[1].replacedBy)!;
const inputFor = (row: OperationRow) =>
  Object.fromEntries([...(row.required ?? []), ...(row.pathParams ?? [])].map((name) => [name, "x"]));
const filled = (row: OperationRow) => row.path.replace(/\{[^}]+\}/g, "x");

let server: TestServer;
let systemAnswers = true;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/api/rest/2.0/system") {
      return systemAnswers ? json(res, 200, { release_version: CLUSTER, name: "old" }) : json(res, 404, {});
    }
    if (path === "/callosum/v1/tspublic/v1/session/info")
      return json(res, 200, { releaseVersion: "8.4.1.sw" });
    if (path === filled(deprecatedRow)) return json(res, 200, {});
    if (path === filled(via405Row)) return json(res, 405, { error: { message: "Method Not Allowed" } });
    if (path === filled(viaNoHandlerRow)) {
      return json(res, 500, { error: { message: { debug: `No handler found for POST ${path}` } } });
    }
    return json(res, 404, { error: { message: { debug: "Not Found" } } });
  });
});
afterAll(() => server.close());
afterEach(() => {
  systemAnswers = true;
  vi.restoreAllMocks();
});

const client = (
  extra: Parameters<typeof createThoughtSpotClient>[0] extends infer O ? Partial<O> : never = {},
) => createThoughtSpotClient({ serverUrl: server.url, auth: { token: TOKEN }, maxRetries: 0, ...extra });
const call = (ts: ReturnType<typeof client>, id: string, row: OperationRow) =>
  (ts.api.v2 as unknown as Record<string, (input: unknown) => Promise<unknown>>)[id]!(inputFor(row));
const systemHits = () => server.requests.filter((r) => r.url.split("?")[0] === "/api/rest/2.0/system").length;

describe("a cluster older than the operation", () => {
  it("404: a NotFoundError that names the release the operation needs and the cluster's", async () => {
    const error = await caught<NotFoundError>(call(client(), newerId, newerRow));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(
      error.message.startsWith(
        `${newerId} is available from ThoughtSpot ${newerRow.availableFrom}; this cluster runs ${CLUSTER}.`,
      ),
    ).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      operationId: newerId,
      availableFrom: newerRow.availableFrom,
      clusterVersion: CLUSTER,
    });
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it("405 and ThoughtSpot's 'no handler' answer become the same NotFoundError", async () => {
    const ts = client();
    const e405 = await caught<NotFoundError>(call(ts, via405Id, via405Row));
    expect(e405).toBeInstanceOf(NotFoundError);
    expect(e405).toMatchObject({
      status: 405,
      availableFrom: via405Row.availableFrom,
      clusterVersion: CLUSTER,
    });
    const eNoHandler = await caught<NotFoundError>(call(ts, viaNoHandlerId, viaNoHandlerRow));
    expect(eNoHandler).toBeInstanceOf(NotFoundError);
    expect(eNoHandler).toMatchObject({ status: 500, availableFrom: viaNoHandlerRow.availableFrom });
  });

  it("an operation the cluster's release has: the 404 stays as it is", async () => {
    const error = await caught<NotFoundError>(call(client(), olderId, olderRow));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.availableFrom).toBeUndefined();
    expect(error.clusterVersion).toBeUndefined();
    expect(error.message).not.toContain("is available from");
  });

  it("learns the release once per client, and only when an error needs it", async () => {
    const ts = client();
    const before = systemHits();
    await call(ts, deprecatedId, deprecatedRow); // a success asks nothing
    expect(systemHits()).toBe(before);
    await expect(ts.api.v2.searchUsers({})).rejects.toBeInstanceOf(ThoughtSpotError);
    await caught(call(ts, newerId, newerRow));
    await caught(call(ts, newerId, newerRow));
    await caught(call(ts, via405Id, via405Row));
    expect(await ts.clusterVersion()).toBe(CLUSTER);
    expect(systemHits() - before).toBe(1);
  });

  it("falls back to V1 session/info where V2 has no system endpoint", async () => {
    systemAnswers = false;
    const ts = client();
    expect(await ts.clusterVersion()).toBe("8.4.1.sw");
    const error = await caught<NotFoundError>(call(ts, newerId, newerRow));
    expect(error.clusterVersion).toBe("8.4.1.sw");
  });
});

describe("ts.compatibility()", () => {
  it("lists the operations of both APIs the cluster is too old for", async () => {
    const report = await client().compatibility();
    expect(report.clusterVersion).toBe(CLUSTER);
    expect(report.comparable).toBe(true);
    const ids = report.unavailable.map((u) => `${u.api} ${u.operationId}`);
    expect(ids).toContain(`v2 ${newerId}`);
    expect(ids).not.toContain(`v2 ${olderId}`);
    const expected = [
      ...Object.entries(v2Operations as Record<string, OperationRow>).map(
        ([id, r]) => ["v2", id, r] as const,
      ),
      ...Object.entries(v1Operations as Record<string, OperationRow>).map(
        ([id, r]) => ["v1", id, r] as const,
      ),
    ].filter(([, , r]) => isOlderRelease(CLUSTER, r.availableFrom));
    expect(ids).toEqual(expected.map(([api, id]) => `${api} ${id}`));
    expect(report.summary).toContain(
      `ThoughtSpot ${CLUSTER}: ${expected.length} of ${report.total} operations need a newer release`,
    );
  });
});

describe("deprecated operations", () => {
  it("warn once per operation per client through the logger, naming the replacement", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const ts = client({ logger });
    await call(ts, deprecatedId, deprecatedRow);
    await call(ts, deprecatedId, deprecatedRow);
    expect(warnings).toEqual([
      `${deprecatedId} (${deprecatedRow.method} ${deprecatedRow.path}) is deprecated by ThoughtSpot; use ts.api.v2.${deprecatedRow.replacedBy} instead`,
    ]);
    await call(client({ logger }), deprecatedId, deprecatedRow);
    expect(warnings).toHaveLength(2);
  });

  it("raw calls warn too, once per operation per client (shared with ts.api)", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const ts = client({ logger });
    const raw = ts.v2 as unknown as Record<string, (path: string, init: unknown) => Promise<unknown>>;
    const input = inputFor(deprecatedRow) as Record<string, unknown>;
    const path = Object.fromEntries((deprecatedRow.pathParams ?? []).map((name) => [name, input[name]]));
    const body = Object.fromEntries(Object.entries(input).filter(([name]) => !(name in path)));
    await raw[deprecatedRow.method]!(deprecatedRow.path, {
      params: { path },
      ...(deprecatedRow.body && { body }),
    });
    await call(ts, deprecatedId, deprecatedRow);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `${deprecatedId} (${deprecatedRow.method} ${deprecatedRow.path}) is deprecated`,
    );
  });

  it("say nothing without a logger", async () => {
    const spies = (["warn", "log", "error", "info", "debug"] as const).map((m) => vi.spyOn(console, m));
    await call(client(), deprecatedId, deprecatedRow);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
