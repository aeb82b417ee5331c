// Builds a valid minimal input for an operation from its spec: required path/query parameters and
// required body fields, recursively, using enums, defaults and formats so the request passes Prism.

import { specWalker } from "../../scripts/lib/spec/walk.js";

type Schema = Record<string, unknown>;

export function sampler(doc: Schema) {
  // The generator's own walker: $refs and allOf read the same way as for the tables.
  const { resolve, merged } = specWalker(doc);

  const sample = (node: unknown, depth = 0): unknown => {
    const schema = merged(node);
    const choice = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
    if (choice?.length) return sample(choice[0], depth);
    const enumValues = (schema.enum as unknown[] | undefined)?.filter((v) => v !== null);
    if (enumValues?.length) return enumValues[0];
    if (schema.default !== undefined && schema.type !== "object") return schema.default;
    switch (schema.type) {
      case "string": {
        const formats: Record<string, unknown> = {
          "date-time": "2026-01-01T00:00:00Z",
          date: "2026-01-01",
          email: "user@example.com",
          uuid: "00000000-0000-4000-8000-000000000000",
          binary: new Blob(["contract-test-file"], { type: "application/octet-stream" }),
          json: "[]",
          uri: "https://example.com",
        };
        if (typeof schema.format === "string" && schema.format in formats) return formats[schema.format];
        return "x".repeat(Math.max(1, Number(schema.minLength ?? 1)));
      }
      case "integer":
      case "number":
        return Number(
          schema.minimum ?? (schema.maximum !== undefined ? Math.min(1, Number(schema.maximum)) : 1),
        );
      case "boolean":
        return true;
      case "array":
        return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () =>
          sample(schema.items, depth + 1),
        );
      default: {
        const out: Schema = {};
        if (depth > 12) return out;
        const props = (schema.properties ?? {}) as Schema;
        for (const name of (schema.required as string[]) ?? [])
          out[name] = sample(props[name] ?? {}, depth + 1);
        return out;
      }
    }
  };

  /** The folded input object for ts.api.<version>.<operationId>(input). */
  return function sampleInput(operation: Schema): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const raw of (operation.parameters as unknown[]) ?? []) {
      const param = resolve(raw);
      if (param.in === "path") input[param.name as string] = `${param.name}1`;
      else if (param.required && param.in !== "header") input[param.name as string] = sample(param.schema);
    }
    const content = (resolve(operation.requestBody).content ?? {}) as Schema;
    const media = Object.keys(content)[0];
    if (media) Object.assign(input, sample((content[media] as Schema).schema) as Schema);
    return input;
  };
}
