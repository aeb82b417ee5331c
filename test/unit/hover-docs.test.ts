// What an editor shows when hovering an operation method: the TypeScript language service's quick info
// for ts.api.v2.<id> and ts.api.v1.<id> carries the docs generated from the spec (summary, release,
// reference link, @deprecated, @beta), for a sample of operations taken from the generated tables; and
// the signature part of every operation's hover stays short (named input and output types).
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import { operationDocs } from "../../scripts/lib/emit/docs.js";
import { applyPatches, readPatches } from "../../scripts/lib/spec/patches.js";
import { type ApiName, readSpecDocument, SPEC_FILES } from "../../scripts/lib/spec/read.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FILE = join(ROOT, "test/unit/__hover__.ts");

type Rows = Record<string, { deprecated?: true; beta?: true }>;
/** Every 25th operation, plus the first deprecated and the first Beta one: a spread over tags without pinning names. */
function sample(table: Rows): string[] {
  const ids = Object.keys(table);
  const picked = ids.filter((_, i) => i % 25 === 0);
  for (const flag of ["deprecated", "beta"] as const) {
    const first = ids.find((id) => table[id]?.[flag]);
    if (first && !picked.includes(first)) picked.push(first);
  }
  return picked;
}

async function specDocs(api: ApiName) {
  const doc = await readSpecDocument(api, await readFile(join(ROOT, SPEC_FILES[api]), "utf8"));
  const { doc: patched } = applyPatches(doc, await readPatches(join(ROOT, "openapi/patches", api)));
  return operationDocs(api, patched);
}

/** A language service over one in-memory file next to the sources, with the repository's options. */
function languageService(source: string): ts.LanguageService {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === FILE ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name === FILE || ts.sys.fileExists(name),
    readFile: (name) => (name === FILE ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

const v2Ids = sample(v2Operations as Rows);
const v1Ids = sample(v1Operations as Rows);
// Every operation of both tables is on a line of its own (the length check hovers them all).
const source = [
  `import { createThoughtSpotClient } from "../../src/index.js";`,
  `const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });`,
  ...Object.keys(v2Operations).map((id) => `ts.api.v2.${id};`),
  ...Object.keys(v1Operations).map((id) => `ts.api.v1.${id};`),
  "",
].join("\n");

let service: ts.LanguageService;
let docs: Record<ApiName, Map<string, string[]>>;

// Building the program (the SDK and the generated types) takes seconds; it happens here, once.
beforeAll(async () => {
  service = languageService(source);
  service.getProgram()?.getTypeChecker();
  docs = { v2: await specDocs("v2"), v1: await specDocs("v1") };
}, 120_000);

function hover(api: ApiName, id: string) {
  const at = source.indexOf(`\nts.api.${api}.${id};`) + `\nts.api.${api}.`.length;
  const info = service.getQuickInfoAtPosition(FILE, at + 1);
  return {
    /** The signature part: what the editor shows above the docs. */
    signature: ts.displayPartsToString(info?.displayParts),
    text: ts.displayPartsToString(info?.documentation),
    tags: (info?.tags ?? []).map((t) => ({ name: t.name, text: ts.displayPartsToString(t.text) })),
  };
}

describe.each([
  ["v2", v2Ids, v2Operations as Rows],
  ["v1", v1Ids, v1Operations as Rows],
] as const)("hovering ts.api.%s.<operationId>", (api, ids, table) => {
  it.each(ids)("%s shows its summary, release, path and reference link", (id) => {
    const { text, tags } = hover(api, id);
    const expected = docs[api].get(id)!;
    expect(expected[0]).toBeTruthy();
    expect(text).toContain(expected[0]);
    const since = expected.find((l) => l.startsWith("Available from "));
    if (since) expect(text).toContain(since);
    expect(text).toMatch(/`(GET|POST|PUT|PATCH|DELETE) \/\S+`/);
    const see = tags.find((t) => t.name === "see");
    if (api === "v2") expect(see?.text).toContain("developers.thoughtspot.com/docs/restV2-playground");
    if (see) expect(see.text).toContain("ThoughtSpot API reference");
    expect(tags.some((t) => t.name === "deprecated")).toBe(Boolean(table[id]?.deprecated));
    expect(tags.some((t) => t.name === "beta")).toBe(Boolean(table[id]?.beta));
  });
});

describe("the signature part of every operation's hover", () => {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const all = [
    ...Object.keys(v2Operations).map((id) => ["v2", id] as const),
    ...Object.keys(v1Operations).map((id) => ["v1", id] as const),
  ];

  // One language-service hover per operation (302 of them), asked once for both tests: CPU-bound, so
  // the time limit allows for a loaded machine.
  let signatures: { api: "v1" | "v2"; id: string; signature: string }[] | undefined;
  const signaturesOf = () =>
    (signatures ??= all.map(([api, id]) => ({ api, id, signature: hover(api, id).signature })));

  it("names the input and the result: <OperationId>Input, Promise<<OperationId>Output>", {
    timeout: 60_000,
  }, () => {
    for (const { api, id, signature } of signaturesOf()) {
      const name = id[0]!.toUpperCase() + id.slice(1);
      expect(signature, `${api} ${id}`).toContain(`: ${name}Input`);
      expect(signature, `${api} ${id}`).toContain(`Promise<${name}Output>`);
    }
  });

  it("is short: median at most 250 characters, none over 600, across V1 and V2", { timeout: 60_000 }, () => {
    const lengths = signaturesOf().map(({ api, id, signature }) => ({
      id: `${api}.${id}`,
      length: signature.length,
    }));
    const longest = lengths.reduce((a, b) => (b.length > a.length ? b : a));
    expect(lengths.length).toBe(Object.keys(v2Operations).length + Object.keys(v1Operations).length);
    expect(median(lengths.map((l) => l.length))).toBeLessThanOrEqual(250);
    expect(longest.length, longest.id).toBeLessThanOrEqual(600);
  });
});

it("V1 release notes read plainly: the Software and the Cloud release, no (list)/(changelog)", () => {
  const lines = [...docs.v1.values()].flatMap((d) => d.filter((l) => l.startsWith("Available from ")));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toMatch(/\((list|changelog)\)|Cloud ts|Software \d/);
    expect(line).toMatch(/\((Software|Cloud)\)/);
  }
});

it("every V2 operation's docs state the release it is available from", () => {
  for (const id of Object.keys(v2Operations)) {
    expect(
      docs.v2.get(id)?.some((l) => /^Available from \d+\.\d+\.\d+\.cl\.$/.test(l)),
      id,
    ).toBe(true);
  }
});
