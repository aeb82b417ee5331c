// ts.tml.deploy against the stateful mock ThoughtSpot: Primary (Org 0, the Retail content) promoted to
// Production (Org 2) and Development (Org 1) — first deploy, a second one after one edit, a dry run,
// PARTIAL with a refused object, ALL_OR_NONE — checked through what each Org holds afterwards.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createThoughtSpotClient,
  type ThoughtSpotClient,
  ThoughtSpotError,
  TmlDeployError,
  type TmlDeployResult,
} from "../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";
import { parseTml, tmlType } from "../../src/tml-entry.js";

const OVERVIEW = "61728394-0008-4a5b-8c9d-000000000008";

let mock: MockThoughtSpot;
let dir: string;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
  dir = await mkdtemp(join(tmpdir(), "deploy-mock-"));
}, 120_000);
afterAll(async () => {
  await mock?.close();
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
let mappingFile: string;
let primary: ThoughtSpotClient;
let production: ThoughtSpotClient;
beforeEach(() => {
  mock.reset();
  mock.clearRequests();
  mappingFile = join(dir, `mapping-${++n}.json`);
  primary = inOrg(0);
  production = inOrg(2);
});

const inOrg = (orgId: number): ThoughtSpotClient =>
  mock.client({ auth: { username: mock.credentials.username, password: mock.credentials.password, orgId } });

/** Every object of an Org, by name: its GUID and TML (through the SDK, as a user would look). */
async function contents(ts: ThoughtSpotClient): Promise<Map<string, { guid: string; text: string }>> {
  const out = new Map<string, { guid: string; text: string }>();
  const types = ["LIVEBOARD", "ANSWER", "LOGICAL_TABLE", "CONNECTION"] as const;
  for (const type of types) {
    const found = await ts.metadata.search({ type });
    if (found.length === 0) continue;
    const { objects } = await ts.tml.export(found.map((f) => String(f.metadata_id)));
    for (const o of objects) out.set(o.name!, { guid: o.guid!, text: o.text });
  }
  return out;
}

const importRequests = () =>
  mock
    .requests()
    .filter((r) => r.operationId === "importMetadataTML")
    .map((r) => r.body as { metadata_tmls: string[]; import_policy?: string });

describe("ts.tml.deploy on the mock, Primary → Production", () => {
  it("first deploy creates everything in dependency order and writes the mapping", async () => {
    const report = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
    });
    expect(report.ok).toBe(true);
    expect(report.counts.updated + report.counts.unchanged + report.counts.failed).toBe(0);
    const source = await contents(primary);
    const target = await contents(production);
    // Everything the Liveboard uses, and nothing else, is now in Production under new GUIDs.
    expect(report.objects.map((o) => o.name).sort()).toEqual([...target.keys()].sort());
    expect(report.counts.created).toBe(target.size);
    for (const o of report.objects) {
      expect(target.get(o.name)!.guid).toBe(o.targetGuid);
      expect(o.targetGuid).not.toBe(o.sourceGuid);
      expect(source.get(o.name)!.guid).toBe(o.sourceGuid);
    }
    // Imports in dependency order: a request never holds an object whose dependency comes later.
    const sentOrder = importRequests().flatMap((r) => r.metadata_tmls.map((t) => describe_(t).name));
    for (const o of report.objects)
      for (const dep of o.dependsOn) expect(sentOrder.indexOf(dep)).toBeLessThan(sentOrder.indexOf(o.name));
    expect(describe_(importRequests()[0]!.metadata_tmls[0]!).type).toBe("connection");
    expect(sentOrder.at(-1)).toBe("Retail Overview 📈");
    // References in Production point at Production's GUIDs, never Primary's.
    const sourceGuids = [...source.values()].map((o) => o.guid);
    for (const { text } of target.values()) for (const guid of sourceGuids) expect(text).not.toContain(guid);
    const model = target.get("Retail Sales 🛒")!.text;
    expect(model).toMatch(new RegExp(`fqn: "?${target.get("FACT_SALES")!.guid}"?\n`));
    // The mapping: versioned, sorted, keyed by the target, one entry per object.
    const text = await readFile(mappingFile, "utf8");
    const file = JSON.parse(text);
    expect(file.version).toBe(1);
    expect(Object.keys(file.targets)).toEqual([report.target]);
    expect(report.target).toMatch(/\/org\/2$/);
    expect(file.targets[report.target][OVERVIEW]).toMatchObject({
      guid: target.get("Retail Overview 📈")!.guid,
      type: "liveboard",
      name: "Retail Overview 📈",
    });
    expect(Object.keys(file.targets[report.target])).toEqual(Object.keys(file.targets[report.target]).sort());
  });

  it("a second deploy after editing one Liveboard updates only that one, in place, and creates nothing", async () => {
    await production.tml.deploy({ from: { client: primary, objects: [OVERVIEW] }, mappingFile });
    const before = await contents(production);
    // Edit the Liveboard in Primary (an import with its GUID updates it there).
    const { objects } = await primary.tml.export(OVERVIEW);
    const doc = objects[0]!.doc as { liveboard: { description?: string } };
    doc.liveboard.description = "Reviewed for Production";
    await primary.tml.import(doc as never);
    mock.clearRequests();

    const second = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
    });
    expect(second.counts).toEqual({ created: 0, updated: 1, unchanged: before.size - 1, failed: 0 });
    const updated = second.objects.find((o) => o.outcome === "updated")!;
    expect(updated).toMatchObject({ type: "liveboard", targetGuid: before.get("Retail Overview 📈")!.guid });
    expect(importRequests()).toHaveLength(1);
    expect(importRequests()[0]!.metadata_tmls).toHaveLength(1);
    const after = await contents(production);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, o] of after) expect(o.guid).toBe(before.get(name)!.guid);
    expect(after.get("Retail Overview 📈")!.text).toContain("Reviewed for Production");
    expect(second.summary).toContain("0 created, 1 updated");
  });

  it("a dry run validates (VALIDATE_ONLY), reports what would change, and changes nothing", async () => {
    await production.tml.deploy({ from: { client: primary, objects: [OVERVIEW] }, mappingFile });
    const mappingBefore = await readFile(mappingFile, "utf8");
    const { objects } = await primary.tml.export(OVERVIEW);
    const doc = objects[0]!.doc as { liveboard: { description?: string } };
    doc.liveboard.description = "Not deployed yet";
    await primary.tml.import(doc as never);
    const before = await contents(production);
    mock.clearRequests();

    const dry = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
      dryRun: true,
    });
    expect(dry.dryRun).toBe(true);
    expect(dry.counts).toMatchObject({ created: 0, updated: 1, failed: 0 });
    expect(importRequests().map((r) => r.import_policy)).toEqual(["VALIDATE_ONLY"]);
    expect(await contents(production)).toEqual(before);
    expect(await readFile(mappingFile, "utf8")).toBe(mappingBefore);

    // Into an Org with nothing yet: everything would be created, and still nothing is.
    const development = inOrg(1);
    const fresh = await development.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      dryRun: true,
    });
    expect(fresh.counts.created).toBe(before.size);
    expect((await contents(development)).size).toBe(0);
    expect(fresh.mapping.targets[fresh.target]).toEqual({});
  });

  it("PARTIAL: an object ThoughtSpot refuses is reported with its message; the rest goes through", async () => {
    const { objects } = await primary.tml.export(OVERVIEW, { associated: true });
    // A kind the mock cannot read (its answer: "Invalid TML: no type or name").
    const unreadable = parseTml("custom_v2:\n  name: Unreadable object\n");
    const docs = [...objects.map((o) => o.doc), unreadable];
    const report = await production.tml.deploy({ from: { documents: docs }, mappingFile });
    expect(report.ok).toBe(false);
    expect(report.counts.failed).toBe(1);
    expect(report.objects.find((o) => o.outcome === "failed")).toMatchObject({
      name: "Unreadable object",
      message: "Invalid TML: no type or name",
    });
    expect(report.counts.created).toBe(objects.length);
    expect((await contents(production)).size).toBe(objects.length);
    const file = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(Object.keys(file.targets[report.target])).toHaveLength(objects.length);
    expect(report.summary).toMatch(/failed\s+custom_v2 "Unreadable object"\n\s+Invalid TML: no type or name/);

    // ALL_OR_NONE with the same refusal: nothing is created.
    const development = inOrg(1);
    const all = await development.tml.deploy({ from: { documents: docs }, policy: "ALL_OR_NONE" });
    expect(all.counts.failed).toBe(docs.length);
    expect((await contents(development)).size).toBe(0);
  });

  it("async imports (polled tasks) give the same result", async () => {
    const report = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
      async: true,
      pollIntervalMs: 1,
    });
    expect(report.ok).toBe(true);
    expect((await contents(production)).size).toBe(report.counts.created);
    expect(mock.requests().some((r) => r.operationId === "importMetadataTMLAsync")).toBe(true);
  });
});

const outcomeOf = (report: TmlDeployResult, name: string) => report.objects.find((o) => o.name === name)!;

describe("ts.tml.deploy when the target changed behind the mapping", () => {
  it("an object deleted on the target is created again, and what uses it is sent again with the new GUID", async () => {
    const first = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
    });
    const table = outcomeOf(first, "FACT_SALES");
    const users = first.objects.filter((o) => o.dependsOn.includes("FACT_SALES")).map((o) => o.name);
    expect(users.length).toBeGreaterThan(0);
    await production.api.v2.deleteMetadata({ metadata: [{ identifier: table.targetGuid! }] });
    const expected = (name: string) =>
      name === "FACT_SALES" ? "created" : users.includes(name) ? "updated" : "unchanged";

    // A dry run says so, and changes nothing.
    const dry = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
      dryRun: true,
    });
    for (const o of dry.objects) expect(o.outcome, o.name).toBe(expected(o.name));
    expect((await contents(production)).has("FACT_SALES")).toBe(false);

    mock.clearRequests();
    const second = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
    });
    // One search for every mapped GUID, before the first import.
    const searches = mock.requests().filter((r) => r.operationId === "searchMetadata");
    expect(searches).toHaveLength(1);
    const asked = (searches[0]!.body as { metadata: { identifier: string }[] }).metadata;
    expect(asked.map((m) => m.identifier).sort()).toEqual(first.objects.map((o) => o.targetGuid).sort());
    const ops = mock.requests().map((r) => r.operationId);
    expect(ops.indexOf("searchMetadata")).toBeLessThan(ops.indexOf("importMetadataTML"));

    for (const o of second.objects) expect(o.outcome, o.name).toBe(expected(o.name));
    const again = outcomeOf(second, "FACT_SALES");
    expect(again.targetGuid).toBeDefined();
    expect(again.targetGuid).not.toBe(table.targetGuid);
    expect(again.notes?.[0]).toBe(
      `the target no longer has ${table.targetGuid} (deleted since the last deploy): sent as new`,
    );
    // Production holds it under the new GUID, and what uses it points there.
    const target = await contents(production);
    expect(target.get("FACT_SALES")!.guid).toBe(again.targetGuid);
    for (const name of users) {
      expect(target.get(name)!.text).toContain(again.targetGuid);
      expect(target.get(name)!.text).not.toContain(table.targetGuid);
      expect(outcomeOf(second, name).targetGuid).toBe(outcomeOf(first, name).targetGuid);
    }
    expect(target.size).toBe(first.objects.length);
    const file = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(file.targets[second.target][table.sourceGuid!].guid).toBe(again.targetGuid);

    // Then nothing is left to do.
    const third = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
    });
    expect(third.counts).toEqual({ created: 0, updated: 0, unchanged: first.objects.length, failed: 0 });
  });

  it("force: true sends everything, and still creates (not updates) what was deleted on the target", async () => {
    const first = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
    });
    const board = outcomeOf(first, "Retail Overview 📈");
    await production.api.v2.deleteMetadata({ metadata: [{ identifier: board.targetGuid! }] });
    const forced = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
      force: true,
    });
    expect(forced.counts).toEqual({ created: 1, updated: first.objects.length - 1, unchanged: 0, failed: 0 });
    expect(outcomeOf(forced, "Retail Overview 📈").outcome).toBe("created");
    const target = await contents(production);
    expect(target.size).toBe(first.objects.length);
    expect(target.get("Retail Overview 📈")!.guid).toBe(outcomeOf(forced, "Retail Overview 📈").targetGuid);
  });

  it("one mapping file, two Orgs: each target section is checked and updated against its own Org", async () => {
    const toProduction = () =>
      production.tml.deploy({ from: { client: primary, objects: [OVERVIEW] }, mappingFile });
    const development = inOrg(1);
    const toDevelopment = () =>
      development.tml.deploy({ from: { client: primary, objects: [OVERVIEW] }, mappingFile });
    const prod1 = await toProduction();
    const dev1 = await toDevelopment();
    expect(dev1.target).not.toBe(prod1.target);
    expect(dev1.target).toMatch(/\/org\/1$/);
    // Development gets its own copies: created, under GUIDs of its own.
    expect(dev1.counts.created).toBe(prod1.counts.created);
    const prodGuids = new Set(prod1.objects.map((o) => o.targetGuid));
    for (const o of dev1.objects) expect(prodGuids.has(o.targetGuid)).toBe(false);
    const file = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(Object.keys(file.targets).sort()).toEqual([prod1.target, dev1.target].sort());
    const devContents = await contents(development);
    for (const o of dev1.objects) expect(devContents.get(o.name)!.guid).toBe(o.targetGuid);

    // Deleted in Development only: only Development creates it again; Production has nothing to do.
    const devBoard = outcomeOf(dev1, "Retail Overview 📈");
    await development.api.v2.deleteMetadata({ metadata: [{ identifier: devBoard.targetGuid! }] });
    const prod2 = await toProduction();
    expect(prod2.counts).toEqual({ created: 0, updated: 0, unchanged: prod1.objects.length, failed: 0 });
    const dev2 = await toDevelopment();
    expect(dev2.counts).toEqual({ created: 1, updated: 0, unchanged: dev1.objects.length - 1, failed: 0 });

    // An edit in Primary updates each Org's own copy in place.
    const { objects } = await primary.tml.export(OVERVIEW);
    const doc = objects[0]!.doc as { liveboard: { description?: string } };
    doc.liveboard.description = "Both Orgs";
    await primary.tml.import(doc as never);
    const prod3 = await toProduction();
    const dev3 = await toDevelopment();
    expect(outcomeOf(prod3, "Retail Overview 📈")).toMatchObject({
      outcome: "updated",
      targetGuid: outcomeOf(prod1, "Retail Overview 📈").targetGuid,
    });
    expect(outcomeOf(dev3, "Retail Overview 📈")).toMatchObject({
      outcome: "updated",
      targetGuid: outcomeOf(dev2, "Retail Overview 📈").targetGuid,
    });
    expect((await contents(production)).get("Retail Overview 📈")!.text).toContain("Both Orgs");
    expect((await contents(development)).get("Retail Overview 📈")!.text).toContain("Both Orgs");
    const last = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(last.targets[prod1.target][OVERVIEW].guid).toBe(outcomeOf(prod1, "Retail Overview 📈").targetGuid);
    expect(last.targets[dev1.target][OVERVIEW].guid).toBe(outcomeOf(dev2, "Retail Overview 📈").targetGuid);
  });
});

describe("ts.tml.deploy stopped by a request error part-way", () => {
  it.each([
    ["a 500", { status: 500 }, 500],
    ["a dropped connection", { drop: true }, undefined],
  ] as const)("%s: TmlDeployError carries the report; what went through is in the mapping; a rerun finishes", async (_, fault, status) => {
    let armed = false;
    const error = await production.tml
      .deploy({
        from: { client: primary, objects: [OVERVIEW] },
        mappingFile,
        maxRetries: 0,
        // Once the tables (level 1) are in, every further import fails.
        onProgress: (p) => {
          if (p.phase === "import" && p.level === 1 && !armed) {
            armed = true;
            mock.fail("importMetadataTML", { ...fault, times: Number.POSITIVE_INFINITY });
          }
        },
      })
      .catch((e: unknown) => e);
    mock.clearFaults();
    expect(armed).toBe(true);
    expect(error).toBeInstanceOf(TmlDeployError);
    expect(error).toBeInstanceOf(ThoughtSpotError);
    const stopped = error as TmlDeployError;
    expect(stopped.cause).toBeInstanceOf(ThoughtSpotError);
    expect(stopped.status).toBe(status);
    expect(stopped.operationId).toBe("importMetadataTML");
    const report = stopped.report;
    expect(report.ok).toBe(false);
    expect(report.stopped).toBe((stopped.cause as Error).message);
    expect(stopped.message).toContain(report.stopped);
    expect(report.summary).toContain(`Stopped part-way: ${report.stopped}`);
    const went = report.objects.filter((o) => o.level <= 1);
    const inDoubt = report.objects.filter((o) => o.level === 2);
    const notSent = report.objects.filter((o) => o.level > 2);
    expect(went.length * inDoubt.length * notSent.length).toBeGreaterThan(0);
    for (const o of went) expect(o.outcome, o.name).toBe("created");
    for (const o of inDoubt) {
      expect(o.outcome, o.name).toBe("failed");
      expect(o.message).toMatch(/^the import request failed \(.+\); ThoughtSpot may have applied it/);
    }
    for (const o of notSent) {
      expect(o.outcome, o.name).toBe("failed");
      expect(o.message).toBe(`not attempted: the deploy stopped (${report.stopped})`);
    }
    expect(report.counts).toEqual({
      created: went.length,
      updated: 0,
      unchanged: 0,
      failed: inDoubt.length + notSent.length,
    });
    // What went through is on the target and in the mapping file (and in report.mapping).
    const target = await contents(production);
    expect([...target.keys()].sort()).toEqual(went.map((o) => o.name).sort());
    const file = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(file).toEqual(JSON.parse(JSON.stringify(report.mapping)));
    expect(Object.keys(file.targets[report.target]).sort()).toEqual(went.map((o) => o.key).sort());

    // The next run skips what went through and sends the rest.
    const rerun = await production.tml.deploy({
      from: { client: primary, objects: [OVERVIEW] },
      mappingFile,
    });
    expect(rerun.counts).toEqual({
      created: inDoubt.length + notSent.length,
      updated: 0,
      unchanged: went.length,
      failed: 0,
    });
    expect((await contents(production)).size).toBe(report.objects.length);
  });

  it("ALL_OR_NONE: the one import request fails, so every object is in doubt and nothing is mapped", async () => {
    mock.fail("importMetadataTML", { status: 500 });
    const error = (await production.tml
      .deploy({
        from: { client: primary, objects: [OVERVIEW] },
        mappingFile,
        policy: "ALL_OR_NONE",
        maxRetries: 0,
      })
      .catch((e: unknown) => e)) as TmlDeployError;
    mock.clearFaults();
    expect(error).toBeInstanceOf(TmlDeployError);
    expect(error.report.objects.length).toBeGreaterThan(1);
    for (const o of error.report.objects) {
      expect(o.outcome).toBe("failed");
      expect(o.message).toMatch(/^the import request failed \(/);
    }
    expect((await contents(production)).size).toBe(0);
    await expect(readFile(mappingFile, "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("an error in the target check (before any import): every object is reported not attempted", async () => {
    await production.tml.deploy({ from: { client: primary, objects: [OVERVIEW] }, mappingFile });
    const before = await readFile(mappingFile, "utf8");
    mock.fail("searchMetadata", { status: 500 });
    mock.clearRequests();
    const error = (await production.tml
      .deploy({ from: { client: primary, objects: [OVERVIEW] }, mappingFile, maxRetries: 0 })
      .catch((e: unknown) => e)) as TmlDeployError;
    mock.clearFaults();
    expect(error).toBeInstanceOf(TmlDeployError);
    expect(error.operationId).toBe("searchMetadata");
    expect(error.report.objects.length).toBeGreaterThan(0);
    for (const o of error.report.objects) expect(o.message).toMatch(/^not attempted: the deploy stopped/);
    expect(mock.requests().some((r) => r.operationId === "importMetadataTML")).toBe(false);
    expect(await readFile(mappingFile, "utf8")).toBe(before);
  });
});

function describe_(text: string): { type: string; name: string } {
  const doc = parseTml(text);
  const type = tmlType(doc);
  return { type, name: String((doc as Record<string, { name?: unknown }>)[type]?.name) };
}

/** The README's "Promote content" example as written there (the names and file path are parameters). */
async function readmeExample(
  serverUrl: string,
  username: string,
  password: string,
  liveboard: string,
  mappingFile: string,
) {
  const source = createThoughtSpotClient({ serverUrl, auth: { username, password, orgId: 1 } }); // Development
  const target = createThoughtSpotClient({ serverUrl, auth: { username, password, orgId: 2 } }); // Production
  const report = await target.tml.deploy({
    from: { client: source, objects: [{ identifier: liveboard, type: "LIVEBOARD" }] },
    mappingFile, // read before, written after; keep it in Git
  });
  return report;
}

describe("the README example", () => {
  it("runs as documented: Development → Production, twice", async () => {
    // Development starts empty: put the Retail content there first, as exported (with fqn references).
    const { objects } = await primary.tml.export(OVERVIEW, { associated: true });
    await inOrg(1).tml.import(objects.map((o) => o.text));
    const { url } = mock;
    const { username, password } = mock.credentials;
    const first = await readmeExample(url, username, password, "Retail Overview 📈", mappingFile);
    expect(first.ok).toBe(true);
    expect(first.counts.created).toBeGreaterThan(1);
    const second = await readmeExample(url, username, password, "Retail Overview 📈", mappingFile);
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: first.counts.created, failed: 0 });
  });
});
