// The pure parts of release handling: explaining a missing operation, the compatibility report,
// deprecation warnings once per operation, and learning the cluster's release once.
import { describe, expect, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import { BadRequestError, NotFoundError, ServerError, type ThoughtSpotError } from "../../src/core/errors.js";
import type { OperationRow } from "../../src/operation-row.js";
import { clusterReleaseSource } from "../../src/release/cluster.js";
import { compatibilityReport } from "../../src/release/compatibility.js";
import { deprecationWarner } from "../../src/release/deprecation.js";
import {
  explainedNotFound,
  mayBeMissingOperation,
  missingOperationFacts,
} from "../../src/release/not-found.js";
import { isOlderRelease } from "../../src/release/version.js";

const row: OperationRow = {
  method: "POST",
  path: "/api/rest/2.0/collections/create",
  tag: "Collections",
  availableFrom: "10.12.0.cl",
};
const failure = (Class: typeof ThoughtSpotError, status: number, body: unknown = {}) =>
  new Class({
    message: `createCollection (POST ${row.path}) failed with ${status}`,
    method: "POST",
    path: row.path,
    status,
    body,
    details: {},
  });

describe("missingOperationFacts", () => {
  it("names the release the operation needs and the cluster's", () => {
    const facts = missingOperationFacts(failure(NotFoundError, 404), "createCollection", row, "9.12.5.cl");
    expect(facts).toMatchObject({ availableFrom: "10.12.0.cl", clusterVersion: "9.12.5.cl" });
    expect(facts?.message).toMatch(
      /^createCollection is available from ThoughtSpot 10\.12\.0\.cl; this cluster runs 9\.12\.5\.cl\. /,
    );
    expect(facts?.message).toContain("failed with 404");
  });

  it.each([
    ["a cluster as new as the operation", 404, "10.12.0.cl"],
    ["a newer cluster", 404, "26.8.0.cl"],
    ["an unknown release", 404, "test"],
    ["no release", 404, undefined],
    ["a 400", 400, "9.12.5.cl"],
    ["a 500 without 'no handler'", 500, "9.12.5.cl"],
  ])("nothing for %s", (_, status, cluster) => {
    expect(
      missingOperationFacts(failure(NotFoundError, status), "createCollection", row, cluster),
    ).toBeUndefined();
  });

  it("reads 405 and ThoughtSpot's 'no handler' answers as missing operations", () => {
    expect(mayBeMissingOperation(failure(BadRequestError, 405))).toBe(true);
    const noHandler = failure(ServerError, 500, {
      error: { message: "No handler found for POST /api/rest/2.0/collections/create" },
    });
    expect(mayBeMissingOperation(noHandler)).toBe(true);
    expect(mayBeMissingOperation(failure(ServerError, 500, "Internal error"))).toBe(false);
  });

  it("uses the Software release the docs give on a Software cluster", () => {
    const v1Row = { availableFrom: "ts7.aug.cl", availableFromSoftware: "7.2.1" };
    expect(missingOperationFacts(failure(NotFoundError, 404), "x", v1Row, "7.1.1.sw")?.availableFrom).toBe(
      "7.2.1",
    );
    expect(missingOperationFacts(failure(NotFoundError, 404), "x", v1Row, "7.2.1.sw")).toBeUndefined();
  });

  it("explainedNotFound keeps the failure's fields, and a 405 becomes a NotFoundError", () => {
    const original = failure(BadRequestError, 405);
    const explained = explainedNotFound(original, {
      message: "createCollection is available from ThoughtSpot 10.12.0.cl; this cluster runs 9.12.5.cl",
      availableFrom: "10.12.0.cl",
      clusterVersion: "9.12.5.cl",
    });
    expect(explained).toBeInstanceOf(NotFoundError);
    expect(explained).toMatchObject({
      status: 405,
      path: row.path,
      availableFrom: "10.12.0.cl",
      clusterVersion: "9.12.5.cl",
    });
    expect(explained.toJSON()).toMatchObject({ availableFrom: "10.12.0.cl", clusterVersion: "9.12.5.cl" });
    expect(explained.cause).toBe(original);
  });
});

describe("compatibilityReport", () => {
  const tables = {
    v2: v2Operations as Record<string, OperationRow>,
    v1: v1Operations as Record<string, OperationRow>,
  };
  const total = Object.keys(v2Operations).length + Object.keys(v1Operations).length;

  it("lists exactly the operations of both tables that need a newer release than the cluster's", () => {
    const report = compatibilityReport("9.12.5.cl", tables);
    const expected = (["v2", "v1"] as const).flatMap((api) =>
      Object.entries(tables[api])
        .filter(([, r]) => isOlderRelease("9.12.5.cl", r.availableFrom))
        .map(([id]) => `${api} ${id}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(report.unavailable.map((u) => `${u.api} ${u.operationId}`)).toEqual(expected);
    expect(report.total).toBe(total);
    expect(report.comparable).toBe(true);
    for (const u of report.unavailable) expect(isOlderRelease("9.12.5.cl", u.availableFrom)).toBe(true);
    const v2Count = report.unavailable.filter((u) => u.api === "v2").length;
    expect(report.summary).toBe(
      `ThoughtSpot 9.12.5.cl: ${expected.length} of ${total} operations need a newer release (V2 ${v2Count}, V1 ${expected.length - v2Count}); ${report.deprecated.length} deprecated, ${report.beta.length} Beta`,
    );
  });

  it("lists the deprecated operations with their replacements", () => {
    const report = compatibilityReport("26.8.0.cl", tables);
    const deprecated = Object.entries(v2Operations).filter(([, r]) => "deprecated" in r);
    expect(report.deprecated.filter((d) => d.api === "v2").map((d) => d.operationId)).toEqual(
      deprecated.map(([id]) => id),
    );
    for (const d of report.deprecated) {
      expect(d.replacedBy).toBe(tables[d.api][d.operationId]?.replacedBy);
    }
  });

  it("lists the operations the tables mark Beta, with method and path", () => {
    const report = compatibilityReport("26.8.0.cl", tables);
    const expected = (["v2", "v1"] as const).flatMap((api) =>
      Object.entries(tables[api])
        .filter(([, r]) => r.beta)
        .map(([id, r]) => ({ api, operationId: id, method: r.method, path: r.path })),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(report.beta).toEqual(expected);
    expect(report.summary).toContain(`${expected.length} Beta`);
  });

  it("a cluster newer than every release misses nothing", () => {
    expect(compatibilityReport("99.0.0.cl", tables).unavailable).toEqual([]);
  });

  it.each([
    ["test", 'ThoughtSpot release "test" is not a form this SDK can compare'],
    [undefined, "The cluster did not report its release"],
  ])("an unknown release (%s) lists nothing as unavailable", (release, start) => {
    const report = compatibilityReport(release, tables);
    expect(report).toMatchObject({ clusterVersion: release, comparable: false, unavailable: [] });
    expect(report.summary.startsWith(start)).toBe(true);
  });
});

describe("deprecationWarner", () => {
  it("warns once per operation, naming the replacement", () => {
    const lines: string[] = [];
    const warn = deprecationWarner({ warn: (message) => lines.push(message) });
    const deprecated: OperationRow = { ...row, deprecated: true, replacedBy: "createCollectionV2" };
    warn("v2", "createCollection", deprecated);
    warn("v2", "createCollection", deprecated);
    warn("v2", "searchUsers", { ...row, path: "/api/rest/2.0/users/search" });
    warn("v2", "other", { ...deprecated, replacedBy: undefined });
    expect(lines).toEqual([
      `createCollection (POST ${row.path}) is deprecated by ThoughtSpot; use ts.api.v2.createCollectionV2 instead`,
      `other (POST ${row.path}) is deprecated by ThoughtSpot`,
    ]);
  });
});

describe("clusterReleaseSource", () => {
  const notFound = () => failure(NotFoundError, 404);

  it("asks getSystemInformation once, also for concurrent callers", async () => {
    const calls: string[] = [];
    const source = clusterReleaseSource(async (api, id) => {
      calls.push(`${api} ${id}`);
      return { release_version: "10.1.0.cl" };
    });
    expect(await Promise.all([source.get(), source.get()])).toEqual(["10.1.0.cl", "10.1.0.cl"]);
    expect(await source.get()).toBe("10.1.0.cl");
    expect(calls).toEqual(["v2 getSystemInformation"]);
  });

  it("falls back to V1 session/info when V2 has no answer, and keeps that", async () => {
    const calls: string[] = [];
    const source = clusterReleaseSource(async (api, id) => {
      calls.push(`${api} ${id}`);
      if (api === "v2") throw notFound();
      return { releaseVersion: "8.4.1.sw" };
    });
    expect(await source.get()).toBe("8.4.1.sw");
    expect(await source.get()).toBe("8.4.1.sw");
    expect(calls).toEqual(["v2 getSystemInformation", "v1 sessionInfo"]);
  });

  it("settles on undefined when the cluster answers both without a release", async () => {
    let count = 0;
    const source = clusterReleaseSource(async () => {
      count++;
      throw notFound();
    });
    expect(await source.get()).toBeUndefined();
    expect(await source.get()).toBeUndefined();
    expect(count).toBe(2);
  });

  it("throws, and asks again later, when a call got no HTTP answer", async () => {
    let down = true;
    const source = clusterReleaseSource(async (api) => {
      if (down) throw new TypeError("fetch failed");
      return api === "v2" ? { release_version: "9.12.5.cl" } : {};
    });
    await expect(source.get()).rejects.toThrow("fetch failed");
    down = false;
    expect(await source.get()).toBe("9.12.5.cl");
  });
});
