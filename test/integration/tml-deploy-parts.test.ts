// The pure parts of ts.tml.deploy: import order from the references TML holds, the mapping file
// (format, stability, refusals), matching import answers to documents, rewriting for the target, the report.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareForTarget } from "../../src/tml/deploy/apply.js";
import {
  checkMapping,
  emptyMapping,
  matchImported,
  parseMapping,
  readMappingFile,
  stringifyMapping,
  TML_DEPLOY_MAPPING_FORMAT,
  tmlHash,
  writeMappingFile,
} from "../../src/tml/deploy/mapping.js";
import { indexNodes, orderForImport } from "../../src/tml/deploy/order.js";
import { applyFilters, nodesOf } from "../../src/tml/deploy/plan.js";
import { countOutcomes, formatDeployReport, type TmlDeployedObject } from "../../src/tml/deploy/report.js";
import type { ImportedTml } from "../../src/tml/import.js";
import { parseTml, readTmlFolder, TmlError } from "../../src/tml-entry.js";

const fixtures = join(import.meta.dirname, "../fixtures/tml");

/** A minimal document of a kind, with references given as { name, fqn? } lists. */
function doc(type: string, name: string, guid: string | undefined, body: Record<string, unknown> = {}) {
  return parseTml(JSON.stringify({ ...(guid && { guid }), [type]: { name, ...body } }));
}

describe("orderForImport", () => {
  it("puts the Retail fixtures in ThoughtSpot's order: connection, tables, models, answers, liveboard", async () => {
    const files = await readTmlFolder(fixtures);
    const { levels, dependsOn } = orderForImport(nodesOf(files.map((f) => ({ doc: f.doc }))));
    const types = levels.map((l) => l.map((n) => n.type));
    const flat = levels.flat();
    const at = (name: string) => flat.findIndex((n) => n.name === name);
    // Every object exactly once.
    expect(flat.length).toBe(files.length);
    expect(new Set(flat.map((n) => n.key)).size).toBe(files.length);
    expect(types[0]).toEqual(["connection"]);
    // Each object after everything it references.
    for (const n of flat)
      for (const dep of dependsOn.get(n.key) ?? [])
        expect(at(flat.find((d) => d.key === dep)!.name)).toBeLessThan(at(n.name));
    expect(at("FACT_SALES")).toBeGreaterThan(at("DIM_PRODUCT")); // FACT_SALES joins DIM_PRODUCT
    expect(at("Retail Overview 📈")).toBe(flat.length - 1);
    const liveboard = flat.find((n) => n.type === "liveboard")!;
    expect(dependsOn.get(liveboard.key)!.length).toBeGreaterThan(0);
  });

  it("follows fqn before names, and leaves an ambiguous name unresolved", () => {
    const a = doc("table", "T", "g-a", { connection: { name: "C" } });
    const b = doc("table", "T", "g-b", { connection: { name: "C" } });
    const c = doc("connection", "C", "g-c");
    const ws = doc("worksheet", "W", "g-w", { tables: [{ name: "T", fqn: "g-b" }] });
    const byName = doc("worksheet", "W2", "g-w2", { tables: [{ name: "T" }] });
    const { dependsOn } = orderForImport(nodesOf([a, b, c, ws, byName].map((d) => ({ doc: d }))));
    expect(dependsOn.get("g-w")).toEqual(["g-b"]);
    expect(dependsOn.get("g-w2")).toEqual([]);
    expect(dependsOn.get("g-a")).toEqual(["g-c"]);
  });

  it("imports objects that reference each other in one level, after what they use", () => {
    const c = doc("connection", "C", "g-c");
    const x = doc("table", "X", "g-x", {
      connection: { name: "C" },
      joins_with: [{ name: "x_y", destination: { name: "Y" }, on: "[X::id] = [Y::id]" }],
    });
    const y = doc("table", "Y", "g-y", {
      connection: { name: "C" },
      joins_with: [{ name: "y_x", destination: { name: "X" }, on: "[Y::id] = [X::id]" }],
    });
    const lb = doc("liveboard", "L", "g-l", {
      visualizations: [{ id: "v", answer: { tables: [{ name: "X" }] } }],
    });
    const { levels, cycles } = orderForImport(nodesOf([lb, y, x, c].map((d) => ({ doc: d }))));
    expect(levels.map((l) => l.map((n) => n.name))).toEqual([["C"], ["X", "Y"], ["L"]]);
    expect(cycles).toEqual([["g-x", "g-y"]]);
  });

  it("a view on a worksheet comes after the worksheet, whatever the kinds' usual order", () => {
    const t = doc("table", "T", "g-t");
    const w = doc("worksheet", "W", "g-w", { tables: [{ name: "T" }] });
    const v = doc("view", "V", "g-v", { tables: [{ name: "W" }] });
    const { levels } = orderForImport(nodesOf([v, w, t].map((d) => ({ doc: d }))));
    expect(levels.map((l) => l.map((n) => n.name))).toEqual([["T"], ["W"], ["V"]]);
  });

  it("refuses the same object twice", () => {
    const t = doc("table", "T", "g-t");
    expect(() => nodesOf([{ doc: t }, { doc: structuredClone(t) }])).toThrow(TypeError);
    expect(() =>
      nodesOf([{ doc: doc("table", "T", undefined) }, { doc: doc("table", "T", undefined) }]),
    ).toThrow(/without a GUID/);
  });

  it("keys documents without a GUID by type and name", () => {
    expect(nodesOf([{ doc: doc("model", "M", undefined) }])[0]!.key).toBe("model:M");
  });
});

describe("filters", () => {
  const nodes = nodesOf(
    [doc("connection", "C", "g-c"), doc("table", "T", "g-t"), doc("liveboard", "Sales LB", "g-l")].map(
      (d) => ({
        doc: d,
      }),
    ),
  );
  it("include, exclude (names, GUIDs, RegExps) and excludeTypes", () => {
    const names = (f: Parameters<typeof applyFilters>[1]) => applyFilters(nodes, f).deploy.map((n) => n.name);
    expect(names({})).toEqual(["C", "T", "Sales LB"]);
    expect(names({ excludeTypes: ["connection"] })).toEqual(["T", "Sales LB"]);
    expect(names({ include: ["g-t", /^sales/i] })).toEqual(["T", "Sales LB"]);
    const sticky = /LB/g;
    expect(names({ exclude: [sticky] })).toEqual(["C", "T"]);
    expect(names({ exclude: [sticky] })).toEqual(["C", "T"]); // the g flag's lastIndex does not leak
    expect(applyFilters(nodes, { exclude: ["C"] }).excluded.map((n) => n.name)).toEqual(["C"]);
    expect(() => applyFilters(nodes, { include: [42 as never] })).toThrow(TypeError);
  });
});

describe("the mapping file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tml-deploy-map-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const sample = () => {
    const m = emptyMapping();
    m.targets.prod = {
      "src-b": { guid: "tgt-b", type: "liveboard", name: "B", hash: "sha256:00" },
      "src-a": { guid: "tgt-a", type: "table", name: "A" },
    };
    m.targets.dev = {};
    return m;
  };

  it("writes sorted keys, two spaces, a trailing newline, and reads back the same", async () => {
    const text = stringifyMapping(sample());
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.indexOf('"dev"')).toBeLessThan(text.indexOf('"prod"'));
    expect(text.indexOf('"src-a"')).toBeLessThan(text.indexOf('"src-b"'));
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"targets"'));
    expect(text.indexOf('"targets"')).toBeLessThan(text.indexOf('"version"'));
    expect(text).toContain('\n  "format": "thoughtspot-rest-api/tml-deploy-mapping",\n');
    expect(stringifyMapping(parseMapping(text))).toBe(text);
    // Insertion order does not matter: the same mapping built the other way round is the same text.
    const other = emptyMapping();
    other.targets.dev = {};
    other.targets.prod = {
      "src-a": { name: "A", type: "table", guid: "tgt-a" },
      "src-b": { hash: "sha256:00", name: "B", type: "liveboard", guid: "tgt-b" },
    };
    expect(stringifyMapping(other)).toBe(text);
  });

  it("a missing file is an empty mapping; a write replaces the file whole", async () => {
    const path = join(dir, "sub", "map.json");
    expect(await readMappingFile(path)).toEqual(emptyMapping());
    await writeMappingFile(path, sample());
    expect(await readMappingFile(path)).toEqual(parseMapping(stringifyMapping(sample())));
    expect(await readFile(path, "utf8")).toBe(stringifyMapping(sample()));
  });

  it("refuses other JSON, other versions and broken entries with a TmlError naming the file", async () => {
    const path = join(dir, "bad.json");
    await writeFile(path, "{ not json");
    await expect(readMappingFile(path)).rejects.toThrow(
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not JSON`),
    );
    const bad = (value: unknown) => () => checkMapping(value, "m.json");
    expect(bad([])).toThrow(TmlError);
    expect(bad({ format: "other", version: 1, targets: {} })).toThrow(/not a deploy mapping/);
    expect(bad({ format: TML_DEPLOY_MAPPING_FORMAT, version: 2, targets: {} })).toThrow(/version 2/);
    expect(
      bad({ format: TML_DEPLOY_MAPPING_FORMAT, version: 1, targets: { t: { s: { type: "x", name: "y" } } } }),
    ).toThrow(/\.guid is not a GUID/);
  });

  it("keeps keys it does not know (a newer SDK's notes survive an older one)", () => {
    const m = checkMapping({
      format: TML_DEPLOY_MAPPING_FORMAT,
      version: 1,
      note: "kept",
      targets: { t: { s: { guid: "g", type: "table", name: "T", deployedBy: "ci" } } },
    });
    const text = stringifyMapping(m);
    expect(text).toContain('"note": "kept"');
    expect(text).toContain('"deployedBy": "ci"');
  });

  it("keys named __proto__ (a hostile file or TML) stay data and never touch a prototype", () => {
    const text =
      '{"format":"thoughtspot-rest-api/tml-deploy-mapping","version":1,"targets":{"__proto__":{"__proto__":{"guid":"g","type":"table","name":"T"}}}}';
    const m = parseMapping(text);
    expect(Object.keys(m.targets)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(m.targets)).toBe(Object.prototype);
    expect(
      Object.hasOwn(Object.getOwnPropertyDescriptor(m.targets, "__proto__")?.value as object, "__proto__"),
    ).toBe(true);
    expect(({} as Record<string, unknown>).guid).toBeUndefined();
    expect(parseMapping(stringifyMapping(m))).toEqual(m);
  });

  it("hashes are sha256 hex of the text", async () => {
    expect(await tmlHash("")).toBe("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("matchImported", () => {
  const entry = (
    name: string | undefined,
    type: string | undefined,
    guid: string,
    status: "OK" | "ERROR" = "OK",
  ) => ({ index: 0, status, guid, name, type, message: undefined }) as ImportedTml;
  const sent = [
    { name: "A", type: "table" },
    { name: "B", type: "liveboard" },
    { name: "C", type: "answer" },
  ];

  it("follows the names in ThoughtSpot's answer, not its order", () => {
    const out = matchImported(sent, [
      entry("C", "ANSWER", "g-c"),
      entry("A", "LOGICAL_TABLE", "g-a"),
      entry("B", "LIVEBOARD", "g-b"),
    ]);
    expect(out.map((o) => o?.guid)).toEqual(["g-a", "g-b", "g-c"]);
  });

  it("tells objects of one name apart by type, and falls back to position only where names say nothing", () => {
    const twins = [
      { name: "Sales", type: "model" },
      { name: "Sales", type: "liveboard" },
    ];
    expect(
      matchImported(twins, [entry("Sales", "LIVEBOARD", "g-l"), entry("Sales", "LOGICAL_TABLE", "g-m")]).map(
        (o) => o?.guid,
      ),
    ).toEqual(["g-m", "g-l"]);
    const same = [
      { name: "S", type: "table" },
      { name: "S", type: "table" },
    ];
    expect(
      matchImported(same, [entry("S", "LOGICAL_TABLE", "1"), entry("S", "LOGICAL_TABLE", "2")]).map(
        (o) => o?.guid,
      ),
    ).toEqual(["1", "2"]);
  });

  it("an answer naming an object that was not sent matches nothing; a short answer leaves gaps", () => {
    const out = matchImported(sent, [entry("A", "LOGICAL_TABLE", "g-a"), entry("Z", "ANSWER", "g-z")]);
    expect(out.map((o) => o?.guid)).toEqual(["g-a", undefined, undefined]);
  });
});

describe("prepareForTarget", () => {
  const conn = doc("connection", "C", "src-c");
  const table = doc("table", "T", "src-t", { connection: { name: "C", fqn: "src-c" } });
  const ws = doc("worksheet", "W", "src-w", {
    tables: [{ name: "T" }, { name: "Outside", fqn: "src-outside" }, { name: "Known", fqn: "src-known" }],
  });
  const nodes = nodesOf([conn, table, ws].map((d) => ({ doc: d })));
  const index = indexNodes(nodes);
  const targets = new Map([
    ["src-c", "tgt-c"],
    ["src-t", "tgt-t"],
  ]);
  const context = {
    index,
    targetGuidOf: (n: { key: string }) => targets.get(n.key),
    mappedGuid: (g: string) => (g === "src-known" ? "tgt-known" : undefined),
    swaps: {},
  };

  it("carries every reference over to the target's GUIDs and sets the object's own", async () => {
    const t = await prepareForTarget(nodes[1]!, "tgt-t", context);
    expect(t.text.startsWith("guid: tgt-t\ntable:\n")).toBe(true);
    expect(parseTml(t.text)).toMatchObject({ table: { connection: { name: "C", fqn: "tgt-c" } } });
    expect(t.text).not.toContain("src-");
    const w = await prepareForTarget(nodes[2]!, undefined, context);
    expect(parseTml(w.text)).toEqual({
      worksheet: {
        name: "W",
        tables: [{ name: "T", fqn: "tgt-t" }, { name: "Outside" }, { name: "Known", fqn: "tgt-known" }],
      },
    });
    expect(w.notes).toEqual([
      expect.stringContaining('"Outside" (src-outside) is neither deployed nor in the mapping'),
    ]);
  });

  it("never edits the document it was given, and hashes without the top-level guid", async () => {
    const before = JSON.stringify(nodes[1]!.doc);
    const updated = await prepareForTarget(nodes[1]!, "tgt-t", context);
    const created = await prepareForTarget(nodes[1]!, undefined, context);
    expect(JSON.stringify(nodes[1]!.doc)).toBe(before);
    expect(updated.hash).toBe(created.hash);
    expect(created.text).not.toMatch(/^guid:/m);
  });

  it("applies connection and data-source swaps first, keeping the GUIDs the caller chose", async () => {
    const swapped = await prepareForTarget(nodes[1]!, undefined, {
      ...context,
      swaps: { connections: { C: { name: "Prod Warehouse", fqn: "prod-conn" } } },
    });
    expect(parseTml(swapped.text)).toMatchObject({
      table: { connection: { name: "Prod Warehouse", fqn: "prod-conn" } },
    });
    const byName = await prepareForTarget(nodes[2]!, undefined, {
      ...context,
      swaps: { tables: { Outside: { name: "Inside" } } },
    });
    expect((parseTml(byName.text) as { worksheet: { tables: unknown[] } }).worksheet.tables[1]).toEqual({
      id: "Outside",
      name: "Inside",
    });
  });
});

describe("the report", () => {
  const objects: TmlDeployedObject[] = [
    {
      name: "T",
      type: "table",
      key: "s1",
      sourceGuid: "s1",
      targetGuid: "t1",
      outcome: "unchanged",
      level: 0,
      dependsOn: [],
    },
    {
      name: "M",
      type: "model",
      key: "s2",
      sourceGuid: "s2",
      targetGuid: "t2",
      outcome: "updated",
      level: 1,
      dependsOn: ["T"],
    },
    {
      name: "L",
      type: "liveboard",
      key: "s3",
      sourceGuid: "s3",
      targetGuid: undefined,
      outcome: "failed",
      message: "Column X does not exist\nsecond line",
      level: 2,
      dependsOn: ["M"],
    },
  ];
  it("counts outcomes and writes one line per object, ThoughtSpot's message under it, then totals", () => {
    const counts = countOutcomes(objects);
    expect(counts).toEqual({ created: 0, updated: 1, unchanged: 1, failed: 1 });
    const text = formatDeployReport({
      objects,
      excluded: [{ name: "C", type: "connection", key: "c" }],
      counts,
      dryRun: false,
      target: "prod",
    });
    expect(text.split("\n")).toEqual([
      "Deploy to prod",
      '  unchanged  table "T" s1 → t1',
      '  updated    model "M" s2 → t2',
      '  failed     liveboard "L" s3',
      "      Column X does not exist",
      "      second line",
      '  excluded   connection "C"',
      "0 created, 1 updated, 1 unchanged, 1 failed, 1 excluded",
      "",
    ]);
    const dry = formatDeployReport({ objects, excluded: [], counts, dryRun: true, target: "prod" });
    expect(dry).toContain("Dry run (VALIDATE_ONLY) against prod");
    expect(dry).toContain('would update  model "M"');
    expect(dry).toContain("0 would be created, 1 would be updated, 1 unchanged, 1 failed\n");
  });
});
