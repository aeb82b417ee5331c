// The V1 description's answers: every success answer is typed (a schema with fields, a typed map or list,
// text, a file, or no body), except those that say why not (`x-free-form`), and NOTES.md lists those.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
};
type Response = { schema?: Schema; "x-free-form"?: string };
type Operation = { operationId: string; responses: Record<string, Response> };
type Spec = { paths: Record<string, Record<string, Operation>>; definitions: Record<string, Schema> };

const ROOT = join(import.meta.dirname, "..", "..");
const spec = parse(readFileSync(join(ROOT, "openapi/v1/thoughtspot-v1.swagger.yaml"), "utf8")) as Spec;
const notes = readFileSync(join(ROOT, "openapi/v1/NOTES.md"), "utf8");

const resolve = (schema: Schema | undefined): Schema | undefined => {
  let s = schema;
  for (let hops = 0; s?.$ref && hops < 20; hops++) s = spec.definitions[s.$ref.split("/").pop()!];
  return s;
};

/** Whether a schema tells the caller something: fields, scalar, file, or a list or map of such. */
function typed(schema: Schema | undefined): boolean {
  const s = resolve(schema);
  if (!s) return false;
  if (s.properties && Object.keys(s.properties).length > 0) return true;
  if (s.type && ["string", "integer", "number", "boolean", "file"].includes(s.type)) return true;
  if (s.type === "array") return typed(s.items);
  if (typeof s.additionalProperties === "object") return typed(s.additionalProperties);
  return false;
}

const operations = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).filter((op): op is Operation => typeof op === "object" && "operationId" in op),
);
const answers = operations.map((op) => {
  const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
  const bodies = success.filter(([, r]) => r.schema);
  return {
    id: op.operationId,
    typed: bodies.length === 0 || bodies.some(([, r]) => typed(r.schema)),
    reason: success.map(([, r]) => r["x-free-form"]).find(Boolean),
  };
});

describe("V1 answers", () => {
  it("every free-form success answer says why (x-free-form), and only those do", () => {
    const unexplained = answers.filter((a) => !a.typed && !a.reason).map((a) => a.id);
    expect(unexplained).toEqual([]);
    const needless = answers.filter((a) => a.typed && a.reason).map((a) => a.id);
    expect(needless).toEqual([]);
  });

  it("NOTES.md says where every operation's answer shape comes from", () => {
    const sources = notes.slice(notes.indexOf("## Answers: where each shape comes from"));
    const missing = answers.filter((a) => !sources.includes(`\`${a.id}\``)).map((a) => a.id);
    expect(missing).toEqual([]);
  });

  it("NOTES.md lists each free-form answer with its reason", () => {
    for (const { id, reason } of answers.filter((a) => !a.typed)) {
      expect(notes, id).toContain(`\`${id}\``);
      expect(reason!.length, id).toBeGreaterThan(20);
    }
  });

  it("leaves free-form only a few operations, the ones with no documented shape", () => {
    const free = answers.filter((a) => !a.typed);
    // Issue 24: at least 116 of the V1 operations typed, i.e. at most 5 free-form.
    expect(free.length).toBeLessThanOrEqual(5);
  });
});
