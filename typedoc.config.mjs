// TypeDoc's configuration. The generated spec types declare local aliases for what operations share
// (NoParameters, the layouts Parameters1…, RequestBody1…, Responses1… of scripts/lib/emit/shapes.ts):
// internal by design and renumbered by a spec update, so they are read from generated/, not listed by hand.
import { readFileSync } from "node:fs";

const generatedLocals = ["generated/v1.ts", "generated/v2.ts"].flatMap((file) =>
  [
    ...readFileSync(new URL(file, import.meta.url), "utf8").matchAll(
      /^type (NoParameters|(?:Parameters|RequestBody|Responses)\d+)\b/gm,
    ),
  ].map((m) => m[1]),
);

/** @type {import("typedoc").TypeDocOptions} */
export default {
  name: "thoughtspot-rest-api",
  entryPoints: ["src/index.ts", "src/v1.ts", "src/v2.ts", "src/tml-entry.ts", "src/testing/index.ts"],
  tsconfig: "tsconfig.src.json",
  out: "docs/api",
  readme: "README.md",
  projectDocuments: ["docs/python-map.md", "examples/README.md"],
  excludePrivate: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  skipErrorChecking: true,
  validation: {
    notExported: true,
    invalidLink: true,
    notDocumented: false,
  },
  sourceLinkTemplate:
    "https://github.com/thoughtspot-rest-api/thoughtspot-rest-api/blob/{gitRevision}/{path}#L{line}",
  intentionallyNotExported: [
    ...new Set(generatedLocals),
    "BodyOf",
    "Content",
    "HeaderOf",
    "IsOptional",
    "PathOf",
    "QueryOf",
    "Responses",
    "Simplify",
    "SuccessCode",
    "DateOf",
    "Loose",
    "Output",
    "RUNTIME_FILTER_OPERATORS",
    "V1Query",
    "V2Schemas",
    "PaginatedOperationOf",
    "PaginateBody",
    "PaginateInit",
    "Input",
    "ItemOfRule",
    "RawMethodCall",
    "ResultByPath",
    "ArgsByPath",
    "RawMethod",
    "ParseAs",
  ],
};
