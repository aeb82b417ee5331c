// ThoughtSpot's Beta badge reaches the tables, the Python → TypeScript map and (hover-docs.test.ts) the
// hovers. Counts come from the spec and the tables, never pinned.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import { PYTHON_INVENTORY } from "../../scripts/coverage-v1.js";
import { renderMap } from "../../scripts/python-map.js";

const ROOT = resolve(import.meta.dirname, "../..");
type Rows = Record<string, { beta?: true; method: string; path: string }>;
const betaIds = (table: Rows) => Object.keys(table).filter((id) => table[id]?.beta);

describe("Beta operations", () => {
  it("the V2 table marks exactly the operations whose description carries ThoughtSpot's Beta badge", () => {
    const spec = JSON.parse(readFileSync(join(ROOT, "openapi/v2/openapiSpecv3-2_0.json"), "utf8")) as {
      paths: Record<string, Record<string, { operationId?: string; description?: string }>>;
    };
    const badged = Object.values(spec.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => op.operationId && op.description?.includes('<span class="since-beta-tag">Beta</span>'))
      .map((op) => op.operationId!)
      .sort();
    expect(badged.length).toBeGreaterThan(0);
    expect(betaIds(v2Operations as Rows).sort()).toEqual(badged);
  });

  it("the Python → TypeScript map lists every Beta operation of the tables and marks the mapped ones", () => {
    const page = renderMap(JSON.parse(readFileSync(PYTHON_INVENTORY, "utf8")));
    const section = page.slice(page.indexOf("## Beta operations"));
    const all = [
      ...betaIds(v2Operations as Rows).map((id) => `ts.api.v2.${id}()`),
      ...betaIds(v1Operations as Rows).map((id) => `ts.api.v1.${id}()`),
    ];
    expect(section).toContain(`marks ${all.length} operations Beta`);
    for (const call of all) expect(section, call).toContain(`| \`${call}\` |`);
    // In the per-method tables above, a Beta operation's call is marked, and only those.
    for (const line of page.slice(0, page.indexOf("## Beta operations")).split("\n")) {
      const call = line.match(/`ts\.api\.(v[12])\.(\w+)\(\)`/);
      if (!call) continue;
      const table = (call[1] === "v2" ? v2Operations : v1Operations) as Rows;
      expect(line.includes("(**Beta**)"), line).toBe(Boolean(table[call[2]!]?.beta));
    }
  });
});
