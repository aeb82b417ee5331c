// The generator's page rules: derived from response schemas, completed by overlays that are
// reported like patches; and the table files' other generated facts (route index, base path).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { v1BasePath, v1Operations } from "../../generated/v1-operations.js";
import { v1Routes } from "../../generated/v1-routes.js";
import { v2BasePath, v2Operations } from "../../generated/v2-operations.js";
import { v2Routes } from "../../generated/v2-routes.js";
import { type OverlayEntry, pageRules, readOverlays } from "../../scripts/lib/spec/page-rules.js";
import { applyPatches, readPatches } from "../../scripts/lib/spec/patches.js";
import { readSpecDocument, SPEC_FILES } from "../../scripts/lib/spec/read.js";

type Obj = Record<string, unknown>;
const repo = join(import.meta.dirname, "../..");

/** A one-path-per-operation OpenAPI 3 document; every operation takes record_offset/record_size. */
function spec(answers: Record<string, Obj>, extra: Obj = {}): Obj {
  const paths: Obj = {};
  for (const [id, schema] of Object.entries(answers)) {
    paths[`/${id}`] = {
      post: {
        operationId: id,
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { record_offset: { type: "integer" }, record_size: { type: "integer" } },
              },
            },
          },
        },
        responses: { "200": { description: "OK", content: { "application/json": { schema } } } },
      },
    };
  }
  return { openapi: "3.0.3", info: { title: "t", version: "1" }, paths, ...extra };
}
const array = { type: "array", items: { type: "object" } };
const paging = { offset: "record_offset", size: "record_size" };

describe("page rules from the response schema", () => {
  it("reads a bare array, a wrapped array, and last-page flags at the top or one object deep", () => {
    const { rules, unknown } = pageRules(
      spec(
        {
          bare: array,
          wrapped: { type: "object", properties: { items: array, count: { type: "integer" } } },
          lastTrue: { type: "object", properties: { things: array, is_last_batch: { type: "boolean" } } },
          hasMore: {
            allOf: [
              { type: "object", properties: { hooks: array } },
              {
                type: "object",
                properties: { pagination: { type: "object", properties: { has_more: { type: "boolean" } } } },
              },
            ],
          },
          viaRef: { $ref: "#/components/schemas/Wrapped" },
        },
        {
          components: {
            schemas: {
              Wrapped: { type: "object", properties: { list: array, isLastBatch: { type: "boolean" } } },
            },
          },
        },
      ),
      [],
    );
    expect(rules).toEqual({
      bare: paging,
      wrapped: { ...paging, items: "items" },
      lastTrue: { ...paging, items: "things", lastFlag: { at: ["is_last_batch"], last: true } },
      hasMore: { ...paging, items: "hooks", lastFlag: { at: ["pagination", "has_more"], last: false } },
      viaRef: { ...paging, items: "list", lastFlag: { at: ["isLastBatch"], last: true } },
    });
    expect(unknown).toEqual([]);
  });

  it("leaves an answer it cannot read without a rule, and says why", () => {
    const { rules, unknown } = pageRules(
      spec({
        twoArrays: { type: "object", properties: { names: array, rows: array } },
        noArray: { type: "object", properties: { details: { type: "object" } } },
      }),
      [],
    );
    expect(rules).toEqual({});
    expect(unknown).toEqual([
      { operationId: "twoArrays", reason: "the answer has 2 array properties (names, rows)" },
      { operationId: "noArray", reason: "the answer has no array property" },
    ]);
  });

  it("applies overlays and reports each one: applied, no longer needed, no longer applies", () => {
    const doc = spec({
      twoArrays: { type: "object", properties: { names: array, rows: array } },
      wrapped: { type: "object", properties: { items: array } },
      bare: array,
    });
    (doc.paths as Obj)["/plain"] = { get: { operationId: "plain", responses: {} } };
    const entry = (operationId: string, page: OverlayEntry["page"]): OverlayEntry => ({
      file: "001.json",
      operationId,
      why: "test",
      page,
    });
    const { rules, report, unknown } = pageRules(doc, [
      entry("twoArrays", { items: "rows" }),
      entry("wrapped", { items: "items" }),
      entry("bare", false),
      entry("gone", { items: "x" }),
      entry("plain", { items: "x" }),
    ]);
    expect(rules).toEqual({
      twoArrays: { ...paging, items: "rows" },
      wrapped: { ...paging, items: "items" },
    });
    expect(unknown).toEqual([]);
    expect(report).toEqual({
      applied: ["001.json: twoArrays", "001.json: bare"],
      notNeeded: ["001.json: wrapped"],
      notApplicable: [
        { file: "001.json: gone", reason: "no operation gone" },
        { file: "001.json: plain", reason: "plain takes no offset and page size" },
      ],
    });
  });

  it("reads V1's x-page extension as an overlay", () => {
    const doc = spec({ twoArrays: { type: "object", properties: { columnNames: array, data: array } } });
    ((doc.paths as Obj)["/twoArrays"] as { post: Obj }).post["x-page"] = {
      why: "rows are in data",
      items: "data",
    };
    const { rules, report } = pageRules(doc, []);
    expect(rules.twoArrays).toEqual({ ...paging, items: "data" });
    expect(report.applied).toEqual(["x-page: twoArrays"]);
  });
});

describe("the generated table files", () => {
  it("index every operation by method and path template, both ways", () => {
    for (const [table, routes] of [
      [v2Operations, v2Routes],
      [v1Operations, v1Routes],
    ] as [Record<string, { method: string; path: string }>, Record<string, string>][]) {
      expect(Object.keys(routes)).toHaveLength(Object.keys(table).length);
      for (const [id, row] of Object.entries(table)) expect(routes[`${row.method} ${row.path}`]).toBe(id);
    }
  });

  it("carry the base paths from the specs' servers", () => {
    expect(v2BasePath).toBe("");
    expect(v1BasePath).toBe("/callosum/v1");
  });

  it("import nothing from src/ (the named API types: only types, from the two public type modules)", async () => {
    // generated/<api>-api.ts names each operation's input and output, and those mention CallOptions and
    // V1's runtime-filter and JSON-field input shapes, which are hand-written. A type-only import is
    // erased from every build, so no generated table ever loads SDK code; any other import fails here.
    const allowed = /^import type \{[^}]*\} from "\.\.\/src\/(core\/types|v1\/types)\.js";$/;
    const dir = join(repo, "generated");
    for (const name of await readdir(dir)) {
      const text = await readFile(join(dir, name), "utf8");
      const fromSrc = text.split("\n").filter((line) => /from "\.\.\/src\//.test(line));
      const permitted = /-api\.ts$/.test(name) ? fromSrc.filter((line) => !allowed.test(line)) : fromSrc;
      expect(permitted, name).toEqual([]);
    }
  });

  it("every vendored overlay applies and is needed", async () => {
    for (const api of ["v2", "v1"] as const) {
      const text = await readFile(join(repo, SPEC_FILES[api]), "utf8");
      const { doc } = applyPatches(
        await readSpecDocument(api, text),
        await readPatches(join(repo, "openapi/patches", api)),
      );
      const { report, unknown } = pageRules(doc, await readOverlays(join(repo, "openapi/overlays", api)));
      expect(report.notApplicable, api).toEqual([]);
      expect(report.notNeeded, api).toEqual([]);
      expect(report.applied.length, api).toBeGreaterThan(0);
      expect(unknown, api).toEqual([]);
    }
  });
});
