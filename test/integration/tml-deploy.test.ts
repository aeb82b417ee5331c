// ts.tml.deploy against a two-Org ThoughtSpot stand-in on 127.0.0.1 that checks what a cluster checks:
// every `fqn` must name an object of the Org it is imported into, names must resolve, GUIDs update in place.
// Covers what the mock cannot stage: answers in another order, one object refused, ALL_OR_NONE.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createThoughtSpotClient, type ThoughtSpotClient, TmlError } from "../../src/index.js";
import {
  addFqns,
  parseTml,
  readTmlFolder,
  stringifyTml,
  tmlReferences,
  tmlType,
} from "../../src/tml-entry.js";
import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

interface Stored {
  guid: string;
  type: string;
  name: string;
  text: string;
}

const fixtures = join(import.meta.dirname, "../fixtures/tml");
const LIVEBOARD = "61728394-0008-4a5b-8c9d-000000000008";
const TOKENS: Record<string, number> = { "token-src": 1, "token-tgt": 2, "token-other": 3 };
const METADATA_TYPE: Record<string, string> = {
  liveboard: "LIVEBOARD",
  answer: "ANSWER",
  connection: "CONNECTION",
};

let server: TestServer;
let orgs: Map<number, Map<string, Stored>>;
let fixtureTexts: string[];
let counter = 0;
/** Switches of the stand-in, reset before each test. */
let behaviour: { reverseAnswers: boolean; emptyAnswers: boolean };
let dir: string;

const body = (r: ReceivedRequest) => JSON.parse(r.body.toString() || "{}");
const orgOf = (r: ReceivedRequest) => TOKENS[String(r.headers.authorization).replace(/^Bearer /, "")];
const describeText = (text: string) => {
  const doc = parseTml(text);
  const type = tmlType(doc);
  return { doc, type, name: String((doc as Record<string, { name?: string }>)[type]?.name) };
};

function seed(org: number, texts: string[]) {
  const objects = new Map<string, Stored>();
  for (const text of texts) {
    const { doc, type, name } = describeText(text);
    objects.set(String(doc.guid), { guid: String(doc.guid), type, name, text });
  }
  orgs.set(org, objects);
}

/** What an import of these texts does to one Org (VALIDATE_ONLY and ALL_OR_NONE included). */
function importInto(org: Map<string, Stored>, texts: string[], policy: string) {
  const batchNames = new Set(texts.map((t) => describeText(t).name));
  const staged = new Map(org);
  const answers = texts.map((text) => {
    const { doc, type, name } = describeText(text);
    const problems: string[] = [];
    for (const { ref } of tmlReferences(doc)) {
      if (ref.fqn !== undefined && !staged.has(ref.fqn))
        problems.push(`fqn ${ref.fqn} of "${ref.name}" not found`);
      if (
        ref.fqn === undefined &&
        ![...staged.values()].some((o) => o.name === ref.name) &&
        !batchNames.has(String(ref.name))
      )
        problems.push(`"${ref.name}" not found`);
    }
    if (name.includes("Broken")) problems.push(`Column "Broken" of ${name} does not exist`);
    if (problems.length)
      return { response: { status: { status_code: "ERROR", error_message: problems.join("; ") } } };
    const guid =
      typeof doc.guid === "string"
        ? doc.guid
        : `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
    staged.set(guid, { guid, type, name, text: stringifyTml({ ...doc, guid } as never) });
    return {
      response: {
        status: { status_code: "OK" },
        header: { id_guid: guid, name, metadata_type: METADATA_TYPE[type] ?? "LOGICAL_TABLE" },
      },
    };
  });
  const failed = answers.some((a) => a.response.status.status_code === "ERROR");
  if (policy !== "VALIDATE_ONLY" && !(policy === "ALL_OR_NONE" && failed)) {
    org.clear();
    for (const [k, v] of staged) org.set(k, v);
  }
  if (behaviour.emptyAnswers) return [];
  return behaviour.reverseAnswers ? [...answers].reverse() : answers;
}

/** The objects `ids` name, then what they use (by fqn or name), as an export with associated objects. */
function exportFrom(org: Map<string, Stored>, ids: string[], associated: boolean, fqn: boolean) {
  const out: Stored[] = [];
  const find = (id: string) => org.get(id) ?? [...org.values()].find((o) => o.name === id);
  const visit = (o: Stored | undefined) => {
    if (!o || out.includes(o)) return;
    out.push(o);
    if (!associated) return;
    for (const { ref } of tmlReferences(parseTml(o.text))) visit(find(String(ref.fqn ?? ref.name)));
  };
  for (const id of ids) visit(find(id));
  const byName = new Map([...org.values()].map((o) => [o.name, o.guid]));
  return out.map((o) => ({
    info: { id: o.guid, name: o.name, type: o.type, status: { status_code: "OK" } },
    edoc: fqn ? stringifyTml(addFqns(parseTml(o.text), byName)) : o.text,
  }));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tml-deploy-"));
  const files = await readTmlFolder(fixtures);
  fixtureTexts = files.map((f) => f.text);
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const orgId = orgOf(req);
    const org = orgId === undefined ? undefined : orgs.get(orgId);
    if (!org) return json(res, 401, { error: "no such token" });
    if (path === "/api/rest/2.0/system")
      return json(res, 200, { id: "cluster-a", name: "stand-in", release_version: "10.10.0.cl" });
    if (path === "/api/rest/2.0/auth/session/user")
      return json(res, 200, { id: "u1", name: "tsadmin", current_org: { id: orgId, name: `Org ${orgId}` } });
    if (path === "/api/rest/2.0/metadata/search") {
      const { metadata, record_offset = 0, record_size = 10 } = body(req);
      const wanted = (metadata ?? []) as { identifier?: string; type?: string }[];
      const typeOf = (o: Stored) => METADATA_TYPE[o.type] ?? "LOGICAL_TABLE";
      // Each item is a GUID (type optional, as the spec allows) or a type; -1 is "all records".
      const all = [...org.values()].filter((o) =>
        wanted.some(
          (w) =>
            (w.identifier === undefined || w.identifier === o.guid) &&
            (w.type === undefined || w.type === typeOf(o)),
        ),
      );
      return json(
        res,
        200,
        all
          .slice(record_offset, record_size < 0 ? undefined : record_offset + record_size)
          .map((o) => ({ metadata_id: o.guid, metadata_name: o.name, metadata_type: typeOf(o) })),
      );
    }
    if (path === "/api/rest/2.0/metadata/tml/export") {
      const b = body(req);
      return json(
        res,
        200,
        exportFrom(
          org,
          b.metadata.map((m: { identifier: string }) => m.identifier),
          b.export_associated === true,
          b.export_fqn === true,
        ),
      );
    }
    if (path === "/api/rest/2.0/metadata/tml/import") {
      const b = body(req);
      return json(res, 200, importInto(org, b.metadata_tmls, b.import_policy ?? "PARTIAL"));
    }
    return json(res, 404, { error: `no ${path}` });
  });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

let source: ThoughtSpotClient;
let target: ThoughtSpotClient;
let mappingFile: string;
beforeEach(() => {
  orgs = new Map();
  seed(1, fixtureTexts);
  seed(2, []);
  seed(3, []);
  behaviour = { reverseAnswers: false, emptyAnswers: false };
  source = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "token-src" }, maxRetries: 0 });
  target = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "token-tgt" }, maxRetries: 0 });
  mappingFile = join(dir, `map-${++counter}.json`);
  server.requests.length = 0;
});

const imports = () =>
  server.requests
    .filter((r) => r.url.endsWith("/metadata/tml/import"))
    .map((r) => body(r) as { metadata_tmls: string[]; import_policy?: string });
const targetTexts = () => [...orgs.get(2)!.values()].map((o) => o.text).join("\n");
const sourceGuids = () => [...orgs.get(1)!.keys()];

describe("ts.tml.deploy between two Orgs", () => {
  it("first deploy: creates the Liveboard and everything it uses, level by level, and writes the mapping", async () => {
    const report = await target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, mappingFile });
    const associated = exportFrom(orgs.get(1)!, [LIVEBOARD], true, false).length;
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ created: associated, updated: 0, unchanged: 0, failed: 0 });
    expect(report.target).toBe("cluster-a/org/2");
    expect(orgs.get(2)!.size).toBe(associated);
    // Each import request holds only objects whose dependencies went before.
    const levels = imports().map((i) => i.metadata_tmls.map((t) => describeText(t).type));
    expect(levels[0]).toEqual(["connection"]);
    expect(levels.at(-1)).toEqual(["liveboard"]);
    // No source GUID reached the target: every reference was carried over (or left to names).
    for (const guid of sourceGuids()) expect(targetTexts()).not.toContain(guid);
    for (const o of report.objects) {
      expect(o.targetGuid).toBeDefined();
      expect(orgs.get(2)!.get(o.targetGuid!)?.name).toBe(o.name);
    }
    const file = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(Object.keys(file)).toEqual(["format", "targets", "version"]);
    const entries = file.targets["cluster-a/org/2"];
    expect(Object.keys(entries).sort()).toEqual(report.objects.map((o) => o.sourceGuid).sort());
    expect(entries[LIVEBOARD].guid).toBe(report.objects.find((o) => o.type === "liveboard")!.targetGuid);
    expect(entries[LIVEBOARD].hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.summary).toContain(`${associated} created, 0 updated, 0 unchanged, 0 failed`);
  });

  it("second deploy after editing one Liveboard: updates that one in place, creates nothing", async () => {
    const first = await target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, mappingFile });
    const lbTarget = first.objects.find((o) => o.type === "liveboard")!.targetGuid!;
    const stored = orgs.get(1)!.get(LIVEBOARD)!;
    stored.text = stored.text.replace('description: ""', "description: Edited for the second run");
    const countBefore = orgs.get(2)!.size;
    server.requests.length = 0;

    const second = await target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, mappingFile });
    expect(second.counts).toEqual({ created: 0, updated: 1, unchanged: countBefore - 1, failed: 0 });
    expect(second.objects.find((o) => o.outcome === "updated")).toMatchObject({
      type: "liveboard",
      targetGuid: lbTarget,
    });
    expect(orgs.get(2)!.size).toBe(countBefore);
    expect(orgs.get(2)!.get(lbTarget)!.text).toContain("Edited for the second run");
    expect(imports()).toHaveLength(1);
    expect(imports()[0]!.metadata_tmls).toHaveLength(1);
    expect(imports()[0]!.metadata_tmls[0]).toMatch(new RegExp(`^guid: ${lbTarget}\n`));

    // A third run with nothing changed sends nothing.
    server.requests.length = 0;
    const third = await target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, mappingFile });
    expect(third.counts.unchanged).toBe(countBefore);
    expect(imports()).toHaveLength(0);
    // force: everything is sent again, as updates.
    const forced = await target.tml.deploy({
      from: { client: source, objects: [LIVEBOARD] },
      mappingFile,
      force: true,
    });
    expect(forced.counts).toEqual({ created: 0, updated: countBefore, unchanged: 0, failed: 0 });
  });

  it.each([
    "PARTIAL",
    "ALL_OR_NONE",
  ] as const)("%s: an object deleted on the target is created again; what uses it gets the new GUID", async (policy) => {
    const first = await target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, mappingFile });
    // Something in the middle: it uses objects and is used by others.
    const middle = first.objects.find(
      (o) => o.dependsOn.length > 0 && first.objects.some((x) => x.dependsOn.includes(o.name)),
    )!;
    expect(middle).toBeDefined();
    const users = first.objects.filter((o) => o.dependsOn.includes(middle.name)).map((o) => o.name);
    orgs.get(2)!.delete(middle.targetGuid!);

    const second = await target.tml.deploy({
      from: { client: source, objects: [LIVEBOARD] },
      mappingFile,
      policy,
    });
    expect(second.ok).toBe(true);
    for (const o of second.objects) {
      const expected = o.name === middle.name ? "created" : users.includes(o.name) ? "updated" : "unchanged";
      expect(o.outcome, o.name).toBe(expected);
    }
    const again = second.objects.find((o) => o.name === middle.name)!;
    expect(orgs.get(2)!.get(again.targetGuid!)?.name).toBe(middle.name);
    // The stand-in refuses any fqn its Org lacks: no user points at the old GUID. PARTIAL sends them after
    // the new object exists, with its GUID; ALL_OR_NONE sends all in one request, where it is found by name.
    for (const name of users) {
      const stored = [...orgs.get(2)!.values()].find((o) => o.name === name)!;
      expect(stored.text).not.toContain(middle.targetGuid);
      if (policy === "PARTIAL") expect(stored.text).toContain(again.targetGuid);
    }
    expect(orgs.get(2)!.size).toBe(first.objects.length);
  });

  it("dry run: VALIDATE_ONLY, nothing changes on the target, the mapping file is not touched", async () => {
    await target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, mappingFile });
    const before = await readFile(mappingFile, "utf8");
    const stored = orgs.get(1)!.get(LIVEBOARD)!;
    stored.text = stored.text.replace('description: ""', "description: Not yet");
    const snapshot = targetTexts();
    server.requests.length = 0;

    const dry = await target.tml.deploy({
      from: { client: source, objects: [LIVEBOARD] },
      mappingFile,
      dryRun: true,
    });
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.updated).toBe(1);
    expect(dry.counts.created).toBe(0);
    expect(imports().map((i) => i.import_policy)).toEqual(["VALIDATE_ONLY"]);
    expect(targetTexts()).toBe(snapshot);
    expect(await readFile(mappingFile, "utf8")).toBe(before);
    expect(dry.summary).toContain("would update");

    // A dry run into an empty Org: every object would be created; ThoughtSpot's messages are reported.
    const fresh = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "token-other" },
      maxRetries: 0,
    });
    const empty = await fresh.tml.deploy({
      from: { client: source, objects: [LIVEBOARD] },
      mapping: (await target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, dryRun: true }))
        .mapping,
      dryRun: true,
    });
    expect(empty.counts.failed).toBe(0);
    expect(empty.counts.created).toBe(empty.objects.length);
    expect(orgs.get(3)!.size).toBe(0);
  });

  it("PARTIAL: a refused object is reported with ThoughtSpot's message, what uses it is not sent, the rest goes through", async () => {
    const texts = fixtureTexts.map((t) =>
      t.includes("name: DIM_PRODUCT") ? t.replace("name: DIM_PRODUCT\n", "name: DIM_PRODUCT Broken\n") : t,
    );
    // Everything that referenced DIM_PRODUCT now references the broken name.
    const docs = texts.map((t) =>
      t
        .replaceAll("DIM_PRODUCT", "DIM_PRODUCT Broken")
        .replace("DIM_PRODUCT Broken Broken", "DIM_PRODUCT Broken"),
    );
    const report = await target.tml.deploy({ from: { documents: docs }, mappingFile });
    expect(report.ok).toBe(false);
    const failed = report.objects.filter((o) => o.outcome === "failed");
    const refused = report.objects.find((o) => o.name === "DIM_PRODUCT Broken")!;
    expect(refused.outcome).toBe("failed");
    expect(refused.message).toBe('Column "Broken" of DIM_PRODUCT Broken does not exist');
    const blocked = failed.filter((o) => o !== refused);
    expect(blocked.length).toBeGreaterThan(0);
    for (const o of blocked) expect(o.message).toMatch(/^not imported: it uses .*which failed$/);
    // Nothing that failed was sent after the refusal; everything else is on the target and in the mapping.
    const sent = imports().flatMap((i) => i.metadata_tmls.map((t) => describeText(t).name));
    for (const o of blocked) expect(sent).not.toContain(o.name);
    const ok = report.objects.filter((o) => o.outcome === "created");
    expect(ok.length + failed.length).toBe(report.objects.length);
    expect(ok.map((o) => o.name)).toContain("Retail Warehouse ❄");
    const file = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(Object.keys(file.targets["cluster-a/org/2"]).length).toBe(ok.length);
    expect(report.summary).toMatch(/Column "Broken" of DIM_PRODUCT Broken does not exist/);
  });

  it("ALL_OR_NONE: one import; a refusal leaves the target and the mapping as they were", async () => {
    const docs = fixtureTexts.map((t) => t.replace("name: Top Products", "name: Top Products Broken"));
    const report = await target.tml.deploy({ from: { documents: docs }, mappingFile, policy: "ALL_OR_NONE" });
    expect(imports()).toHaveLength(1);
    expect(imports()[0]!.import_policy).toBe("ALL_OR_NONE");
    expect(report.counts.failed).toBe(report.objects.length);
    expect(report.objects.find((o) => o.name === "Top Products Broken")?.message).toMatch(/does not exist/);
    expect(report.objects.find((o) => o.name === "FACT_SALES")?.message).toMatch(
      /^not imported: ALL_OR_NONE/,
    );
    expect(orgs.get(2)!.size).toBe(0);
    await expect(readFile(mappingFile, "utf8")).rejects.toThrow(/ENOENT/);
    const clean = await target.tml.deploy({
      from: { documents: fixtureTexts },
      mappingFile,
      policy: "ALL_OR_NONE",
    });
    expect(clean.counts.created).toBe(fixtureTexts.length);
  });

  it("matches new GUIDs by the names in ThoughtSpot's answer, not by its order", async () => {
    behaviour.reverseAnswers = true;
    const report = await target.tml.deploy({
      from: { documents: fixtureTexts },
      mappingFile,
      policy: "ALL_OR_NONE",
    });
    for (const o of report.objects) expect(orgs.get(2)!.get(o.targetGuid!)?.name).toBe(o.name);
  });

  it("from a folder, with a connection swap, into another Org; filters leave objects out", async () => {
    const folder = join(dir, `folder-${counter}`);
    await source.tml.exportToFolder(LIVEBOARD, folder, { associated: true });
    const other = createThoughtSpotClient({
      serverUrl: server.url,
      auth: { token: "token-other" },
      maxRetries: 0,
    });
    // The target Org has its own warehouse connection: swap to it, do not deploy ours.
    seed(3, [
      "guid: 11111111-2222-4333-8444-555555555555\nconnection:\n  name: Prod Warehouse\n  type: RDBMS_SNOWFLAKE\n",
    ]);
    const report = await other.tml.deploy({
      from: { folder },
      mappingFile,
      target: "prod",
      excludeTypes: ["connection"],
      connections: {
        "Retail Warehouse ❄": { name: "Prod Warehouse", fqn: "11111111-2222-4333-8444-555555555555" },
      },
    });
    expect(report.ok).toBe(true);
    expect(report.excluded.map((e) => e.type)).toEqual(["connection"]);
    expect(report.target).toBe("prod");
    const tables = [...orgs.get(3)!.values()].filter((o) => o.type === "table" || o.type === "sql_view");
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables)
      expect(t.text).toContain("name: Prod Warehouse\n    fqn: 11111111-2222-4333-8444-555555555555");
    const file = JSON.parse(await readFile(mappingFile, "utf8"));
    expect(Object.keys(file.targets)).toEqual(["prod"]);
  });

  it("selection by type exports each object once, at most `concurrency` at a time, with progress", async () => {
    const progress: string[] = [];
    let inFlight = 0;
    let most = 0;
    source.use(async (request, next) => {
      const exporting = request.url.endsWith("/metadata/tml/export");
      if (exporting) most = Math.max(most, ++inFlight);
      try {
        return await next(request);
      } finally {
        if (exporting) inFlight--;
      }
    });
    const objects = await source.tml.exportSet(
      { types: ["LOGICAL_TABLE"] },
      { concurrency: 2, onProgress: (p) => progress.push(`${p.done}/${p.total}`) },
    );
    const logical = [...orgs.get(1)!.values()].filter((o) => !METADATA_TYPE[o.type]).length;
    expect(progress).toHaveLength(logical);
    expect(progress.at(-1)).toBe(`${logical}/${logical}`);
    expect(most).toBe(2);
    expect(new Set(objects.map((o) => o.guid)).size).toBe(objects.length);
    expect(objects.map((o) => o.type)).toContain("connection"); // dependencies come along
  });

  it("one deploy per mapping file at a time: a second is refused, the lock goes when the first ends", async () => {
    const options = { from: { client: source, objects: [LIVEBOARD] }, mappingFile };
    const [a, b] = await Promise.allSettled([target.tml.deploy(options), target.tml.deploy(options)]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const refused = (a.status === "rejected" ? a.reason : (b as PromiseRejectedResult).reason) as Error;
    expect(refused).toBeInstanceOf(TmlError);
    expect(refused.message).toContain("another deploy is using this mapping file");
    await expect(readFile(`${mappingFile}.lock`)).rejects.toThrow(/ENOENT/);
    // Only one of them created anything.
    expect(orgs.get(2)!.size).toBe(exportFrom(orgs.get(1)!, [LIVEBOARD], true, false).length);
    // The lock also goes when a deploy throws.
    await expect(target.tml.deploy({ from: { documents: ["not: [tml"] }, mappingFile })).rejects.toThrow();
    await expect(readFile(`${mappingFile}.lock`)).rejects.toThrow(/ENOENT/);
  });

  it("an import answer without entries fails what was sent, and what uses it; the mapping gains nothing", async () => {
    await target.tml.deploy({ from: { documents: fixtureTexts }, mappingFile });
    const before = await readFile(mappingFile, "utf8");
    behaviour.emptyAnswers = true;
    const edited = fixtureTexts.map((t) => t.replace('description: ""', "description: changed"));
    const report = await target.tml.deploy({ from: { documents: edited }, mappingFile });
    const failed = report.objects.filter((o) => o.outcome === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.message).toMatch(/no answer for this object|which failed/);
    expect(report.counts.created + report.counts.updated).toBe(0);
    expect(await readFile(mappingFile, "utf8")).toBe(before);
  });

  it("bad options are TypeErrors before any request; a broken mapping file stops the deploy before any request", async () => {
    const cases: unknown[] = [
      undefined,
      {},
      { from: { folder: "x", documents: [] } },
      { from: { documents: fixtureTexts }, policy: "VALIDATE_ONLY" },
      { from: { documents: fixtureTexts }, batchSize: 0 },
      { from: { documents: fixtureTexts }, mapping: {}, mappingFile: "x" },
      { from: { documents: [] } },
    ];
    for (const options of cases) await expect(target.tml.deploy(options as never)).rejects.toThrow(TypeError);
    await expect(source.tml.exportSet({}, {})).rejects.toThrow(TypeError);
    await expect(source.tml.exportSet({ objects: [LIVEBOARD] }, { concurrency: 0 })).rejects.toThrow(
      TypeError,
    );
    const broken = join(dir, "broken.json");
    await (await import("node:fs/promises")).writeFile(broken, '{"format":"something else"}');
    await expect(
      target.tml.deploy({ from: { client: source, objects: [LIVEBOARD] }, mappingFile: broken }),
    ).rejects.toThrow(/not a deploy mapping/);
    expect(server.requests).toHaveLength(0);
  });
});
