// The release facts the generator reads from the specs: every description form of the vendored V2
// spec and the 26.7.0.cl / 10.10.0.cl fixtures, every x-since form of the V1 description, replacements.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import { buildOperationTable } from "../../scripts/lib/emit/operation-table.js";
import {
  releaseFromDescription,
  releaseFromSince,
  replacementFromDescription,
} from "../../scripts/lib/release-facts.js";
import { SPEC_FILES } from "../../scripts/lib/spec/read.js";
import type { OperationRow } from "../../src/operation-row.js";
import { parseRelease } from "../../src/release/version.js";

type Obj = Record<string, unknown>;
const V2_SPECS = [
  SPEC_FILES.v2,
  "test/fixtures/specs/openapiSpecv3-2_0.26.7.0.cl.json",
  "test/fixtures/specs/openapiSpecv3-2_0.10.10.0.cl.json",
];
const operationsOf = (doc: Obj) =>
  Object.values(doc.paths as Record<string, Obj>).flatMap((item) =>
    Object.values(item).filter((op): op is Obj => typeof (op as Obj)?.operationId === "string"),
  );

describe("releaseFromDescription", () => {
  it.each([
    [
      '\n <span class="since-beta-tag">Version: 9.2.0.cl or later</span>\n\nDeletes a connection.',
      "9.2.0.cl",
    ],
    [
      '<span class="since-beta-tag">Beta</span> <span class="since-beta-tag">Version: 10.10.0.cl or later</span>',
      "10.10.0.cl",
    ],
    ['Create schedule. <br/>  <span class="since-beta-tag">Version: 10.4.0.cl or later</span>', "10.4.0.cl"],
    ["<span>Version: 26.8.0.cl or later</span>", "26.8.0.cl"],
    // the tag repeated, with and without the Beta badge
    [
      '<span class="since-beta-tag">Beta</span> <span class="since-beta-tag">Version: 10.7.0.cl or later</span>\n\n<span class="since-beta-tag">Version: 10.7.0.cl or later</span>',
      "10.7.0.cl",
    ],
    // disagreeing tags: the earliest, so a cluster is never called too old on a doubtful fact
    ["Version: 10.12.0.cl or later ... Version: 10.9.0.cl or later", "10.9.0.cl"],
  ])("%s", (description, release) => {
    expect(releaseFromDescription(description)).toBe(release);
  });

  it.each([
    ["no tag", "Gets system information such as the release version of the cluster."],
    [
      "a field note",
      "- `enable_reasoning` (default: `true`, **deprecated from 26.5.0.cl**) — no effect on versions >= 26.5.0.cl",
    ],
    ["a note on another release", "> - This endpoint is Generally Available from version 26.4.0.cl."],
    ["not a string", undefined],
  ])("%s: no release, no guess", (_, description) => {
    expect(releaseFromDescription(description)).toBeUndefined();
  });

  it.each(
    V2_SPECS,
  )("every operation of %s with a 'Version: … or later' tag gets that release", async (file) => {
    const doc = JSON.parse(await readFile(file, "utf8")) as Obj;
    const table = buildOperationTable(doc);
    for (const op of operationsOf(doc)) {
      const id = op.operationId as string;
      const description = String(op.description ?? "");
      const tagged = [...description.matchAll(/Version:\s*(\S+)\s+or later/g)].map((m) => m[1]);
      if (tagged.length === 0) expect(table[id]?.availableFrom, id).toBeUndefined();
      else {
        expect(tagged, id).toContain(table[id]?.availableFrom);
        expect(parseRelease(table[id]?.availableFrom), id).toBeDefined();
      }
    }
  });
});

describe("releaseFromSince (V1, from ThoughtSpot's docs)", () => {
  it.each([
    ["Cloud ts7.sep.cl; Software 7.2.1", { cloud: "ts7.sep.cl", software: "7.2.1" }],
    ["Cloud ts7.april.cl; Software 6.0.x", { cloud: "ts7.april.cl", software: "6.0.x" }],
    ["Cloud 8.10.0.cl; Software not available", { cloud: "8.10.0.cl" }],
    ["Cloud not applicable; Software 6.3.1", { software: "6.3.1" }],
    [
      "Cloud ts7.oct.cl (list) / ts7.sep.cl (changelog); Software 7.2.1",
      { cloud: "ts7.sep.cl", software: "7.2.1" },
    ],
    ["Cloud 9.7.0.cl (list) / 9.5.0.cl (changelog); Software not available", { cloud: "9.5.0.cl" }],
    [
      "Cloud 8.2.0.cl; Software 8.4.1-sw (authentication_type 8.8.0.cl)",
      { cloud: "8.2.0.cl", software: "8.4.1-sw" },
    ],
    ["Cloud ts8.nov.cl; Software 7.2.1.sw", { cloud: "ts8.nov.cl", software: "7.2.1.sw" }],
    ["Cloud 9.10.0.cl (changelog); Software not stated", { cloud: "9.10.0.cl" }],
    ["Cloud 10.1.0.cl; Software 10.1.0.sw", { cloud: "10.1.0.cl", software: "10.1.0.sw" }],
    [
      "Cloud ts7.may.cl; Software 7.1.1 (export_fqn 8.7.0.cl; export_schema_version 9.10.0.cl)",
      { cloud: "ts7.may.cl", software: "7.1.1" },
    ],
    [
      "Cloud ts7.april.cl (list) / ts7.aug.cl (changelog); Software not applicable",
      { cloud: "ts7.april.cl" },
    ],
    ["something else", {}],
  ])("%s", (since, facts) => {
    expect(releaseFromSince(since)).toEqual(facts);
  });

  it("every x-since of the V1 description gives releases it names, and the generated rows carry them", async () => {
    // x-since sits on the authored Swagger 2.0 operations; no conversion needed to read it.
    const doc = parseYaml(await readFile(SPEC_FILES.v1, "utf8")) as Obj;
    const table = v1Operations as Record<string, OperationRow>;
    const ops = operationsOf(doc);
    expect(ops.length).toBe(Object.keys(table).length);
    for (const op of ops) {
      const id = op.operationId as string;
      const since = op["x-since"];
      const facts = releaseFromSince(since);
      expect(table[id]?.availableFrom, id).toBe(facts.cloud);
      expect(table[id]?.availableFromSoftware, id).toBe(facts.software);
      if (typeof since !== "string") continue;
      for (const release of [facts.cloud, facts.software]) if (release) expect(since, id).toContain(release);
      // a cloud release is found whenever the docs state one
      if (/^Cloud \d|^Cloud ts\d/.test(since)) expect(facts.cloud, id).toBeDefined();
    }
  });
});

describe("replacementFromDescription", () => {
  const table = v2Operations as Record<string, OperationRow>;
  it.each([
    [
      "a backticked operationId",
      "**Deprecated** — Use `getRelevantQuestions` instead (available from 10.13.0.cl).",
      "getRelevantQuestions",
    ],
    [
      "a link to the operation's page",
      "**Important**: This endpoint is deprecated. ThoughtSpot recommends using the\n[Delete Connection V2](#/http/api-endpoints/connections/delete-connection-v2) endpoint.",
      "deleteConnectionV2",
    ],
    [
      "a link named by method and path",
      "**Note:** This API endpoint is deprecated. Use [POST /api/rest/2.0/metadata/parameterize-fields](/api/rest/2.0/metadata/parameterize-fields) instead.",
      "parameterizeMetadataFields",
    ],
  ])("%s", (_, description, replacement) => {
    expect(replacementFromDescription("someOperation", description, table)).toBe(replacement);
  });

  it("reads only the paragraph that says deprecated", () => {
    const description =
      "**Deprecated** — Use `sendAgentConversationMessage` instead.\n\nA conversation must first be created using the `createAgentConversation` API.";
    expect(replacementFromDescription("sendAgentMessage", description, table)).toBe(
      "sendAgentConversationMessage",
    );
    expect(
      replacementFromDescription(
        "x",
        "Create one with `createAgentConversation` first.\n\nThis is deprecated.",
        table,
      ),
    ).toBeUndefined();
  });

  it("names nothing that is not an operation of the table, and never the operation itself", () => {
    expect(
      replacementFromDescription("x", "Deprecated: use `noSuchOperation` instead.", table),
    ).toBeUndefined();
    expect(
      replacementFromDescription("x", "Deprecated, and will be removed in a future release.", table),
    ).toBeUndefined();
    expect(
      replacementFromDescription("deleteConnectionV2", "Deprecated: use `deleteConnectionV2`.", table),
    ).toBeUndefined();
  });

  it.each(
    V2_SPECS,
  )("each deprecated operation of %s whose notice names an operation gets it", async (file) => {
    const doc = JSON.parse(await readFile(file, "utf8")) as Obj;
    const built = buildOperationTable(doc);
    for (const op of operationsOf(doc).filter((o) => o.deprecated)) {
      const id = op.operationId as string;
      const notice = String(op.description)
        .split(/\n\s*\n/)
        .find((p) => /deprecated/i.test(p));
      const replacedBy = built[id]?.replacedBy;
      if (replacedBy) {
        expect(replacedBy in built, id).toBe(true);
        expect(notice, id).toBeDefined();
      } else {
        // no replacement: the notice names no operation (no backticks, no links)
        expect(notice ?? "", id).not.toMatch(/`[A-Za-z]+`|\]\(/);
      }
    }
    // non-deprecated rows never carry a replacement
    for (const [id, row] of Object.entries(built))
      if (!row.deprecated) expect(row.replacedBy, id).toBeUndefined();
  });
});
