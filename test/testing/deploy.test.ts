// ts.tml.deploy against the stateful mock ThoughtSpot: Primary (Org 0, the Retail content) promoted to
// Production (Org 2) and Development (Org 1) — first deploy, a second one after one edit, a dry run,
// PARTIAL with a refused object, ALL_OR_NONE — checked through what each Org holds afterwards.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createThoughtSpotClient, type ThoughtSpotClient } from "../../src/index.js";
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
