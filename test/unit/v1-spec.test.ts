// The authored V1 spec: valid Swagger 2.0, converts to OpenAPI 3, consistent operationIds, JSON-in-form
// fields marked, no circular schemas (Prism refuses them) and complete against both inventories.
import SwaggerParser from "@apidevtools/swagger-parser";
import { convertObj } from "swagger2openapi";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compareCoverage,
  type InventoryOperation,
  loadInputs,
  operationKey,
  specOperations,
} from "../../scripts/coverage-v1";

type Param = { name: string; in: string; type?: string; enum?: unknown[]; "x-json-encoded"?: boolean };
type Operation = {
  operationId: string;
  tags?: string[];
  summary?: string;
  consumes?: string[];
  produces?: string[];
  parameters?: Param[];
};
type Spec = {
  basePath: string;
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, unknown>;
};
type DocsOperation = InventoryOperation & { params: { name: string; in: string; jsonEncoded?: string }[] };

const PUBLIC = "/tspublic/v1";
const { spec: rawSpec, docs, python } = loadInputs();
const spec = rawSpec as unknown as Spec;
const docsOps = docs as DocsOperation[];

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, verb: method.toUpperCase(), op })),
);

const camel = (parts: string[]) =>
  parts
    .filter(Boolean)
    .map((p, i) => (i === 0 ? p[0]!.toLowerCase() + p.slice(1) : p[0]!.toUpperCase() + p.slice(1)))
    .join("");

/** Path segments after /tspublic/v1 (or after the basePath, with "internal" in front), parameters dropped. */
function pathBase(path: string): string {
  const internal = !path.startsWith(`${PUBLIC}/`);
  const rest = internal ? path : path.slice(PUBLIC.length);
  const segments = rest.split("/").filter((s) => s && !s.startsWith("{"));
  return camel([...(internal ? ["internal"] : []), ...segments]);
}

/**
 * The rule (see openapi/v1/NOTES.md): camelCase of the Python method name where the Python library calls
 * this verb+path (its first method, when several share one endpoint); otherwise camelCase of the path
 * segments after /tspublic/v1, plus a verb suffix when another operation shares those segments.
 * Internal (non-tspublic) endpoints get the prefix "internal".
 */
function expectedOperationIds(): Map<string, string> {
  const pythonName = new Map<string, string>();
  for (const m of python) {
    const key = operationKey(m.verb, m.path);
    if (!pythonName.has(key)) pythonName.set(key, m.method!);
  }
  const baseCount = new Map<string, number>();
  for (const o of operations) baseCount.set(pathBase(o.path), (baseCount.get(pathBase(o.path)) ?? 0) + 1);

  const expected = new Map<string, string>();
  for (const o of operations) {
    const internal = !o.path.startsWith(`${PUBLIC}/`);
    const name = pythonName.get(operationKey(o.verb, spec.basePath + o.path));
    const base = pathBase(o.path);
    const derived = base + ((baseCount.get(base) ?? 0) > 1 ? o.verb[0] + o.verb.slice(1).toLowerCase() : "");
    expected.set(
      `${o.verb} ${o.path}`,
      name ? camel([...(internal ? ["internal"] : []), ...name.split("_")]) : derived,
    );
  }
  return expected;
}

/** Names of definitions a schema refers to, directly. */
function refsIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.add(v.replace("#/definitions/", ""));
      else refsIn(v, out);
    }
  }
  return out;
}

describe("V1 Swagger spec", () => {
  beforeAll(() => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it("is valid Swagger 2.0", async () => {
    await expect(SwaggerParser.validate(structuredClone(rawSpec) as never)).resolves.toBeTruthy();
  });

  it("converts to OpenAPI 3.0 with swagger2openapi", async () => {
    const { openapi } = await convertObj(structuredClone(rawSpec), { patch: true, warnOnly: true });
    expect(String(openapi.openapi)).toMatch(/^3\.0\./);
    const paths = openapi.paths as Record<string, Record<string, unknown>>;
    const converted = Object.values(paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(converted).toBe(operations.length);
  });

  it("has unique operationIds that follow the naming rule", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = expectedOperationIds();
    const wrong = operations
      .filter((o) => o.op.operationId !== expected.get(`${o.verb} ${o.path}`))
      .map(
        (o) => `${o.verb} ${o.path}: ${o.op.operationId} (rule says ${expected.get(`${o.verb} ${o.path}`)})`,
      );
    expect(wrong).toEqual([]);
  });

  it("gives every operation a tag, a summary, produces and (with form fields) consumes", () => {
    for (const { verb, path, op } of operations) {
      const where = `${verb} ${path}`;
      expect(op.tags?.length, where).toBe(1);
      expect(op.summary, where).toBeTruthy();
      expect(op.produces?.length, where).toBeGreaterThan(0);
      if (op.parameters?.some((p) => p.in === "formData")) {
        expect(op.consumes, where).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^(application\/x-www-form-urlencoded|multipart\/form-data)$/),
          ]),
        );
      }
    }
  });

  it("has no circular $refs between definitions", async () => {
    const graph = new Map(Object.entries(spec.definitions).map(([name, schema]) => [name, refsIn(schema)]));
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (name: string, trail: string[]) => {
      if (done.has(name)) return;
      if (visiting.has(name)) return void cycles.push([...trail, name].join(" -> "));
      visiting.add(name);
      for (const next of graph.get(name) ?? []) visit(next, [...trail, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const name of graph.keys()) visit(name, []);
    expect(cycles).toEqual([]);

    const parser = new SwaggerParser();
    await parser.dereference(structuredClone(rawSpec) as never);
    expect(parser.$refs.circular).toBe(false);
  });

  it("marks every documented JSON-in-a-field parameter with x-json-encoded (string, no plain enum)", () => {
    const unmarked: string[] = [];
    for (const d of docsOps) {
      const op = spec.paths[d.path.slice(spec.basePath.length)]?.[d.verb.toLowerCase()];
      for (const p of d.params.filter((x) => x.jsonEncoded)) {
        const found = op?.parameters?.find((s) => s.name === p.name && s.in === p.in);
        const ok = found?.["x-json-encoded"] === true && found.type === "string" && !found.enum;
        if (!ok) unmarked.push(`${d.verb} ${d.path} ${p.in}:${p.name}`);
      }
    }
    expect(unmarked).toEqual([]);
  });

  it("puts no plain enum on an x-json-encoded field (a mock would reject the JSON text)", () => {
    const bad = operations.flatMap(({ verb, path, op }) =>
      (op.parameters ?? [])
        .filter((p) => p["x-json-encoded"] && p.enum)
        .map((p) => `${verb} ${path} ${p.name}`),
    );
    expect(bad).toEqual([]);
  });

  it("covers every documented operation and every Python-library endpoint", () => {
    const result = compareCoverage(rawSpec, docs, python);
    expect(result.docs.missing).toEqual([]);
    expect(result.python.missing).toEqual([]);
    expect(result.docs.total).toBe(118);
    expect(result.python.total).toBe(86);
    expect(result.complete).toBe(true);
  });

  it("reports an operation as missing when the spec lacks it", () => {
    const trimmed = structuredClone(rawSpec);
    delete trimmed.paths["/tspublic/v1/session/info"];
    const result = compareCoverage(trimmed, docs, python);
    expect(result.complete).toBe(false);
    expect(result.docs.missing.map((m) => operationKey(m.verb, m.path))).toEqual([
      "GET /callosum/v1/tspublic/v1/session/info",
    ]);
    expect(specOperations(trimmed).length).toBe(operations.length - 1);
  });
});
