import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prependChangelog, renderChangelog, summaryLine } from "../../scripts/lib/diff/changelog.js";
import {
  type ApiChanges,
  diffSpecs,
  flattenOperations,
  hasChanges,
} from "../../scripts/lib/diff/spec-diff.js";

type Obj = Record<string, unknown>;

const root = join(import.meta.dirname, "../..");
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8")) as Obj;
const v2 = {
  "10.10.0.cl": readJson("test/fixtures/specs/openapiSpecv3-2_0.10.10.0.cl.json"),
  "26.7.0.cl": readJson("test/fixtures/specs/openapiSpecv3-2_0.26.7.0.cl.json"),
  current: readJson("openapi/v2/openapiSpecv3-2_0.json"),
};

// --- tiny spec builders for the targeted cases ---

function spec(paths: Obj, components: Obj = {}): Obj {
  return { openapi: "3.0.3", info: { title: "t", version: "1" }, paths, components };
}
const str = { type: "string" };
const int = { type: "integer" };
const obj = (properties: Obj, required?: string[]): Obj => ({
  type: "object",
  properties,
  ...(required && { required }),
});
const arrayOf = (items: Obj): Obj => ({ type: "array", items });
const json = (schema: Obj) => ({ content: { "application/json": { schema } } });
function op(operationId: string, parts: { body?: Obj; response?: Obj; extra?: Obj } = {}): Obj {
  return {
    operationId,
    ...(parts.body && { requestBody: { required: true, ...json(parts.body) } }),
    responses: { "200": { description: "ok", ...(parts.response && json(parts.response)) } },
    ...parts.extra,
  };
}
/** One line per change: breaking flag, operation and message. */
const lines = (d: ApiChanges) =>
  d.changes.map((c) => `${c.breaking ? "B" : "-"} ${c.method} ${c.path}: ${c.message}`);

// --- real ThoughtSpot releases ---

interface OpId {
  key: string;
  method: string;
  path: string;
  operationId?: string;
}
function operationsOf(doc: Obj): OpId[] {
  const out: OpId[] = [];
  for (const [path, item] of Object.entries(doc.paths as Obj)) {
    for (const [m, o] of Object.entries(item as Obj)) {
      if (!["get", "put", "post", "delete", "patch", "head", "options", "trace"].includes(m)) continue;
      const method = m.toUpperCase();
      out.push({
        key: `${method} ${path}`,
        method,
        path,
        operationId: (o as Obj).operationId as string | undefined,
      });
    }
  }
  return out;
}

/** What the lists must be, from the raw method/path/operationId sets of the two files. */
function expectedOperationLists(oldDoc: Obj, newDoc: Obj) {
  const before = operationsOf(oldDoc);
  const after = operationsOf(newDoc);
  const beforeKeys = new Set(before.map((o) => o.key));
  const afterKeys = new Set(after.map((o) => o.key));
  const gone = before.filter((o) => !afterKeys.has(o.key));
  const fresh = after.filter((o) => !beforeKeys.has(o.key));
  // Same operationId on both sides of a path change is a move, listed as renamed.
  const goneIds = new Set(gone.map((o) => o.operationId));
  const freshIds = new Set(fresh.map((o) => o.operationId));
  const strip = ({ method, path, operationId }: OpId) => ({ method, path, operationId });
  const byPathMethod = (a: { path: string; method: string }, b: { path: string; method: string }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0;
  const renamedInPlace = after.filter((o) => {
    const prior = before.find((p) => p.key === o.key);
    return prior !== undefined && prior.operationId !== o.operationId;
  });
  return {
    added: fresh
      .filter((o) => !goneIds.has(o.operationId))
      .map(strip)
      .sort(byPathMethod),
    removed: gone
      .filter((o) => !freshIds.has(o.operationId))
      .map(strip)
      .sort(byPathMethod),
    renamedCount: renamedInPlace.length + fresh.filter((o) => goneIds.has(o.operationId)).length,
  };
}

describe("diffSpecs on real ThoughtSpot V2 releases", () => {
  for (const from of ["26.7.0.cl", "10.10.0.cl"] as const) {
    it(`${from} → current: operation lists match the files' operation sets`, () => {
      const oldDoc = v2[from];
      const started = performance.now();
      const d = diffSpecs(oldDoc, v2.current);
      const ms = performance.now() - started;
      const expected = expectedOperationLists(oldDoc, v2.current);
      expect(d.added).toEqual(expected.added);
      expect(d.removed).toEqual(expected.removed);
      expect(d.renamed).toHaveLength(expected.renamedCount);
      // The full regenerate must stay under 10 s; the diff should be a small part of it.
      expect(ms).toBeLessThan(2000);

      // Every change names an operation of the right document, and operation-level changes agree with the lists.
      const newKeys = new Set(operationsOf(v2.current).map((o) => o.key));
      const oldKeys = new Set(operationsOf(oldDoc).map((o) => o.key));
      for (const c of d.changes) {
        expect(c.kind === "operation-removed" ? oldKeys : newKeys).toContain(`${c.method} ${c.path}`);
        expect(c.message).not.toBe("");
      }
      expect(d.changes.filter((c) => c.kind === "operation-added")).toHaveLength(d.added.length);
      expect(d.changes.filter((c) => c.kind === "operation-removed")).toHaveLength(d.removed.length);
      // Deterministic: a second run gives the identical result.
      expect(diffSpecs(oldDoc, v2.current)).toEqual(d);
    });
  }

  it("a spec compared with itself has no changes and renders as such", () => {
    const d = diffSpecs(v2.current, structuredClone(v2.current));
    expect(d).toEqual({ added: [], removed: [], renamed: [], changes: [] });
    expect(hasChanges(d)).toBe(false);
    expect(summaryLine(d)).toBe("no API changes");
    const md = renderChangelog(d, {
      api: "v2",
      from: { release: "26.8.0.cl", sha256: "a".repeat(64) },
      to: { release: "26.8.0.cl", sha256: "a".repeat(64) },
      date: "2026-11-23",
    });
    expect(md).toContain("No API changes.");
  });

  it("flattens V2 fields with dotted paths", () => {
    const ops = flattenOperations(v2.current);
    const search = ops.get("POST /api/rest/2.0/metadata/search");
    expect(search?.request.get("body:metadata[].type")?.type).toBe("string");
    expect(search?.request.get("body:metadata[].type")?.enum).toContain("LIVEBOARD");
    expect(search?.response.get("body:")?.type).toBe("object[]");
  });
});

// --- each change kind on hand-written specs ---

describe("diffSpecs change kinds", () => {
  it("request fields added, removed, newly required and no longer required", () => {
    const before = spec({
      "/a": {
        post: op("doA", {
          body: obj(
            { name: str, keep: str, gone: str, opt: str, meta: arrayOf(obj({ type: str, id: str })) },
            ["name", "opt"],
          ),
        }),
      },
    });
    const after = spec({
      "/a": {
        post: op("doA", {
          body: obj(
            {
              name: str,
              keep: str,
              opt: str,
              extra: str,
              must: str,
              meta: arrayOf(obj({ id: str, kind: str })),
              cfg: obj({ x: str }, ["x"]),
            },
            ["name", "must", "keep"],
          ),
        }),
      },
    });
    const d = diffSpecs(before, after);
    expect(lines(d)).toEqual([
      "- POST /a: request field `cfg` added",
      "- POST /a: request field `extra` added",
      "B POST /a: request field `gone` removed",
      "B POST /a: request field `keep` is now required",
      "- POST /a: request field `meta[].kind` added",
      "B POST /a: request field `meta[].type` removed",
      "B POST /a: request field `must` added (required)",
      "- POST /a: request field `opt` is no longer required",
    ]);
    expect(d.changes[5]).toEqual({
      kind: "field-removed",
      breaking: true,
      method: "POST",
      path: "/a",
      operationId: "doA",
      side: "request",
      location: "body",
      field: "meta[].type",
      from: "string",
      message: "request field `meta[].type` removed",
    });
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it("retyped fields: type, format and array-ness", () => {
    const body = (p: Obj) => spec({ "/t": { post: op("doT", { body: obj(p) }) } });
    const d = diffSpecs(
      body({ count: int, when: str, tags: str, ids: arrayOf(str), same: arrayOf(int) }),
      body({
        count: str,
        when: { type: "string", format: "date-time" },
        tags: arrayOf(str),
        ids: arrayOf(int),
        same: arrayOf(int),
      }),
    );
    expect(lines(d)).toEqual([
      "B POST /t: request field `count` type changed from `integer` to `string`",
      "B POST /t: request field `ids` type changed from `string[]` to `integer[]`",
      "B POST /t: request field `tags` type changed from `string` to `string[]`",
      "B POST /t: request field `when` type changed from `string` to `string(date-time)`",
    ]);
    expect(d.changes[0]).toMatchObject({ kind: "field-retyped", from: "integer", to: "string" });
  });

  it("enum values added and removed, in requests (removal breaks) and responses (it does not)", () => {
    const make = (mode: string[], types: string[], status: string[]) =>
      spec({
        "/e": {
          post: op("doE", {
            body: obj({
              mode: { type: "string", enum: mode },
              types: arrayOf({ type: "string", enum: types }),
            }),
            response: obj({ status: { type: "string", enum: status } }),
          }),
        },
      });
    const d = diffSpecs(
      make(["A", "B", "C"], ["X", "Y"], ["OK", "FAIL"]),
      make(["A", "C", "D"], ["X", "Y", "Z"], ["OK", "PENDING"]),
    );
    expect(lines(d)).toEqual([
      "B POST /e: request field `mode` enum values removed: `B`",
      "- POST /e: request field `mode` enum values added: `D`",
      "- POST /e: request field `types` enum values added: `Z`",
      "- POST /e: response field `status` enum values removed: `FAIL`",
      "- POST /e: response field `status` enum values added: `PENDING`",
    ]);
    expect(d.changes[0]).toMatchObject({
      kind: "enum-removed",
      side: "request",
      field: "mode",
      values: ["B"],
    });
    expect(d.changes[4]).toMatchObject({
      kind: "enum-added",
      side: "response",
      field: "status",
      values: ["PENDING"],
    });
  });

  it("deprecations of operations, parameters and fields", () => {
    const make = (dep: boolean) =>
      spec({
        "/d": {
          get: op("doD", {
            response: obj({ legacy: { type: "string", deprecated: dep }, fine: str }),
            extra: {
              deprecated: dep,
              parameters: [
                { name: "q", in: "query", schema: str, deprecated: dep },
                { name: "r", in: "query", schema: str },
              ],
            },
          }),
        },
        "/d2": { post: op("doD2", { body: obj({ old: { ...str, deprecated: dep } }) }) },
      });
    expect(lines(diffSpecs(make(false), make(true)))).toEqual([
      "- GET /d: operation deprecated",
      "- GET /d: query parameter `q` deprecated",
      "- GET /d: response field `legacy` deprecated",
      "- POST /d2: request field `old` deprecated",
    ]);
    // Un-deprecating is not news.
    expect(diffSpecs(make(true), make(false)).changes).toEqual([]);
  });

  it("operations added, removed, renamed (new operationId) and moved (new path)", () => {
    const before = spec({
      "/x": { post: op("getX") },
      "/y": { get: op("listY") },
      "/z": { delete: op("dropZ") },
      "/w": { post: op("keepW") },
    });
    const after = spec({
      "/x": { post: op("fetchX") },
      "/y2": { get: op("listY") },
      "/v": { put: op("newV") },
      "/w": { post: op("keepW") },
    });
    const d = diffSpecs(before, after);
    expect(d.added).toEqual([{ method: "PUT", path: "/v", operationId: "newV" }]);
    expect(d.removed).toEqual([{ method: "DELETE", path: "/z", operationId: "dropZ" }]);
    expect(d.renamed).toEqual([
      {
        kind: "operation-renamed",
        from: { method: "POST", path: "/x", operationId: "getX" },
        to: { method: "POST", path: "/x", operationId: "fetchX" },
      },
      {
        kind: "operation-moved",
        from: { method: "GET", path: "/y", operationId: "listY" },
        to: { method: "GET", path: "/y2", operationId: "listY" },
      },
    ]);
    expect(lines(d)).toEqual([
      "- PUT /v: added operation `newV` (`PUT /v`)",
      "B POST /x: operationId renamed: `getX` → `fetchX`",
      "B GET /y2: `listY` moved from `GET /y` to `GET /y2`",
      "B DELETE /z: removed operation `dropZ` (`DELETE /z`)",
    ]);
  });

  it("query, path and header parameters, with path-level and $ref parameters", () => {
    const idParam = { name: "id", in: "path", required: true, schema: str };
    const before = spec({
      "/p/{id}": {
        parameters: [idParam],
        get: op("getP", {
          extra: {
            parameters: [
              { name: "limit", in: "query", schema: int },
              { name: "X-Trace", in: "header", schema: str },
            ],
          },
        }),
      },
    });
    const after = spec(
      {
        "/p/{id}": {
          parameters: [idParam],
          get: op("getP", {
            extra: {
              parameters: [
                { name: "id", in: "path", required: true, schema: int }, // overrides the path-level one
                { name: "limit", in: "query", required: true, schema: int },
                { name: "sort", in: "query", required: true, schema: { type: "string", enum: ["asc"] } },
                { $ref: "#/components/parameters/Page" },
              ],
            },
          }),
        },
      },
      { parameters: { Page: { name: "page", in: "query", schema: int } } },
    );
    expect(lines(diffSpecs(before, after))).toEqual([
      "B GET /p/{id}: path parameter `id` type changed from `string` to `integer`",
      "B GET /p/{id}: query parameter `limit` is now required",
      "- GET /p/{id}: query parameter `page` added",
      "B GET /p/{id}: query parameter `sort` added (required)",
      "B GET /p/{id}: header `x-trace` removed",
    ]);
  });

  it("multipart fields, and a body that moves from JSON to multipart", () => {
    const multipart = (schema: Obj) => ({ required: true, content: { "multipart/form-data": { schema } } });
    const file = { type: "string", format: "binary" };
    const before = spec({
      "/up": { post: { ...op("upload"), requestBody: multipart(obj({ file, name: str })) } },
      "/sw": { post: op("switchy", { body: obj({ a: str }) }) },
    });
    const after = spec({
      "/up": {
        post: {
          ...op("upload"),
          requestBody: multipart(obj({ file, name: str, overwrite: { type: "boolean" } })),
        },
      },
      "/sw": { post: { ...op("switchy"), requestBody: multipart(obj({ a: str })) } },
    });
    expect(lines(diffSpecs(before, after))).toEqual([
      "B POST /sw: request body removed",
      "B POST /sw: multipart request body added (required)",
      "- POST /up: multipart field `overwrite` added",
    ]);
  });

  it("response fields added, removed and retyped (2xx JSON only)", () => {
    const make = (ok: Obj, error: Obj) =>
      spec({
        "/r": {
          post: {
            operationId: "doR",
            responses: {
              "201": { description: "ok", ...json(ok) },
              "400": { description: "bad", ...json(error) },
            },
          },
        },
      });
    const d = diffSpecs(
      make(obj({ id: str, items: arrayOf(obj({ a: str, b: str })), total: int }), obj({ code: str })),
      make(obj({ id: int, items: arrayOf(obj({ a: str, c: str })), next: str }), obj({ message: str })),
    );
    expect(lines(d)).toEqual([
      "B POST /r: response field `id` type changed from `string` to `integer`",
      "B POST /r: response field `items[].b` removed",
      "- POST /r: response field `items[].c` added",
      "- POST /r: response field `next` added",
      "B POST /r: response field `total` removed",
    ]);
  });

  it("follows $ref, merges allOf (required lists too) and stops at recursive types", () => {
    const make = (baseProps: Obj, namedRequired: string[], nodeProps: Obj) =>
      spec(
        {
          "/n": {
            post: op("doN", {
              body: { $ref: "#/components/schemas/Named" },
              response: arrayOf({ $ref: "#/components/schemas/Node" }),
            }),
          },
        },
        {
          schemas: {
            Base: obj(baseProps),
            Named: {
              allOf: [
                { $ref: "#/components/schemas/Base" },
                { type: "object", properties: { name: str }, required: namedRequired },
              ],
            },
            Node: obj({ value: str, children: arrayOf({ $ref: "#/components/schemas/Node" }), ...nodeProps }),
          },
        },
      );
    const before = make({ id: str }, ["name"], {});
    const after = make({ id: str, org: str }, ["name", "id"], { weight: { type: "number" } });

    const flat = flattenOperations(after).get("POST /n");
    expect([...(flat?.request.keys() ?? [])]).toEqual(["body:", "body:id", "body:org", "body:name"]);
    expect(flat?.request.get("body:name")?.required).toBe(true);
    expect(flat?.response.get("body:[].children")?.type).toBe("Node (recursive)[]");

    expect(lines(diffSpecs(before, after))).toEqual([
      "B POST /n: request field `id` is now required",
      "- POST /n: request field `org` added",
      "- POST /n: response field `[].weight` added",
    ]);
  });

  it("anyOf/oneOf: type is the union of variant types; variant fields are optional", () => {
    const make = (valueTypes: Obj[]) =>
      spec(
        {
          "/u": {
            post: op("doU", {
              body: obj({
                value: { anyOf: valueTypes },
                rules: arrayOf({
                  oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
                }),
              }),
            }),
          },
        },
        { schemas: { A: obj({ a1: str }, ["a1"]), B: obj({ b1: int }) } },
      );
    const flat = flattenOperations(make([str, { type: "number" }])).get("POST /u");
    expect(flat?.request.get("body:value")?.type).toBe("number | string");
    expect(flat?.request.get("body:rules")?.type).toBe("object[]");
    expect(flat?.request.get("body:rules[].a1")).toMatchObject({ type: "string", required: false });
    expect(
      lines(diffSpecs(make([str, { type: "number" }]), make([str, { type: "number" }, { type: "boolean" }]))),
    ).toEqual([
      "B POST /u: request field `value` type changed from `number | string` to `boolean | number | string`",
    ]);
  });

  it("a small spec compared with itself is empty; Swagger 2.0 is refused", () => {
    const s = spec({ "/a": { post: op("doA", { body: obj({ a: str }), response: obj({ b: str }) }) } });
    expect(diffSpecs(s, structuredClone(s)).changes).toEqual([]);
    expect(() => diffSpecs({ swagger: "2.0", info: {}, paths: {} }, s)).toThrow(/OpenAPI 3/);
  });
});

// --- changelog rendering ---

describe("renderChangelog / summaryLine / prependChangelog", () => {
  const before = spec({
    "/x": { post: op("getX") },
    "/y": { get: op("listY") },
    "/z": { delete: op("dropZ") },
    "/w": { post: op("keepW", { body: obj({ name: str, id: str }) }) },
  });
  const after = spec({
    "/x": { post: op("fetchX") },
    "/y2": { get: op("listY") },
    "/v": { put: op("newV") },
    "/w": { post: op("keepW", { body: obj({ id: str, extra: str }), extra: { deprecated: true } }) },
  });
  const meta = {
    api: "v2" as const,
    from: { release: "26.7.0.cl", sha256: "a".repeat(64) },
    to: { release: "26.8.0.cl", sha256: "b".repeat(64) },
    date: "2026-11-23",
  };

  it("renders counts, sections and BREAKING marks", () => {
    const d = diffSpecs(before, after);
    expect(summaryLine(d)).toBe("1 operation added, 1 removed, 2 renamed; 2 field changes; 4 breaking");
    expect(renderChangelog(d, { ...meta, patchesNoLongerNeeded: ["0002-b.json", "0001-a.json"] })).toBe(
      [
        "## V2 26.7.0.cl → 26.8.0.cl (2026-11-23)",
        "",
        `Spec sha256: \`${"a".repeat(64)}\` → \`${"b".repeat(64)}\``,
        "",
        "1 operation added, 1 removed, 2 renamed; 2 field changes; 4 breaking.",
        "",
        "### Added operations",
        "",
        "- `newV` — `PUT /v`",
        "",
        "### Removed operations",
        "",
        "- **BREAKING** `dropZ` — `DELETE /z`",
        "",
        "### Renamed operations",
        "",
        "- **BREAKING** `POST /x`: operationId renamed: `getX` → `fetchX`",
        "- **BREAKING** `listY` moved from `GET /y` to `GET /y2`",
        "",
        "### Deprecated operations",
        "",
        "- `keepW` — `POST /w`",
        "",
        "### Changed operations",
        "",
        "#### `keepW` — `POST /w`",
        "",
        "- request field `extra` added",
        "- **BREAKING** request field `name` removed",
        "",
        "### Patches no longer needed",
        "",
        "Applying them changes nothing: upstream fixed the defect. Remove them from `openapi/patches/`.",
        "",
        "- `0001-a.json`",
        "- `0002-b.json`",
        "",
      ].join("\n"),
    );
  });

  it("lists patches that no longer apply with their reason, after those no longer needed", () => {
    const d = diffSpecs(before, before);
    const text = renderChangelog(d, {
      ...meta,
      patchesNoLongerNeeded: ["0003-c.json"],
      patchesNotApplying: [
        { file: "0002-b.json", reason: "replace /paths/~1b: /b not found" },
        { file: "0001-a.json", reason: "test /info/x: value differs" },
      ],
    });
    expect(text.slice(text.indexOf("### Patches"))).toBe(
      [
        "### Patches no longer needed",
        "",
        "Applying them changes nothing: upstream fixed the defect. Remove them from `openapi/patches/`.",
        "",
        "- `0003-c.json`",
        "",
        "### Patches that no longer apply",
        "",
        "Skipped: what they fix has moved upstream. Check whether the defect is still there, then update or remove them.",
        "",
        "- **WARNING** `0001-a.json`: test /info/x: value differs",
        "- **WARNING** `0002-b.json`: replace /paths/~1b: /b not found",
        "",
      ].join("\n"),
    );
  });

  it("renders an empty diff as no changes, and labels unknown releases by hash", () => {
    const d = diffSpecs(before, before);
    expect(hasChanges(d)).toBe(false);
    expect(renderChangelog(d, { ...meta, from: { sha256: "c".repeat(64) } })).toBe(
      [
        "## V2 sha256:cccccccccccc → 26.8.0.cl (2026-11-23)",
        "",
        `Spec sha256: \`${"c".repeat(64)}\` → \`${"b".repeat(64)}\``,
        "",
        "No API changes.",
        "",
      ].join("\n"),
    );
  });

  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("prepends below the title and intro, newest first, replacing a re-run of the same heading", async () => {
    const dir = await mkdtemp(join(tmpdir(), "changes-"));
    dirs.push(dir);
    const file = join(dir, "openapi", "CHANGES.md");
    await prependChangelog(file, "## V2 a → b (2026-01-01)\n\nfirst\n");
    expect(await readFile(file, "utf8")).toBe("# API changes\n\n## V2 a → b (2026-01-01)\n\nfirst\n");

    await writeFile(
      file,
      "# API changes\n\nWritten by npm run generate.\n\n## V2 a → b (2026-01-01)\n\nfirst\n",
    );
    await prependChangelog(file, "## V2 b → c (2026-02-01)\n\nsecond\n");
    await prependChangelog(file, "## V2 b → c (2026-02-01)\n\nsecond, again\n");
    expect(await readFile(file, "utf8")).toBe(
      "# API changes\n\nWritten by npm run generate.\n\n## V2 b → c (2026-02-01)\n\nsecond, again\n\n## V2 a → b (2026-01-01)\n\nfirst\n",
    );
  });

  it("adds a title to a file that has none", async () => {
    const dir = await mkdtemp(join(tmpdir(), "changes-"));
    dirs.push(dir);
    const file = join(dir, "CHANGES.md");
    await writeFile(file, "## V1 x → y (2026-01-01)\n\nold\n");
    await prependChangelog(file, "## V1 y → z (2026-02-01)\n\nnew");
    expect(await readFile(file, "utf8")).toBe(
      "# API changes\n\n## V1 y → z (2026-02-01)\n\nnew\n\n## V1 x → y (2026-01-01)\n\nold\n",
    );
  });
});
