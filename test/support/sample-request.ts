// Builds a valid minimal input for an operation from its spec: required path/query parameters and
// required body fields, recursively, using enums, defaults and formats so the request passes Prism.

type Schema = Record<string, unknown>;

export function sampler(doc: Schema) {
  const resolve = (node: unknown): Schema => {
    let current = node as Schema;
    for (let depth = 0; current && typeof current.$ref === "string" && depth < 20; depth++) {
      current = (current.$ref as string)
        .slice(2)
        .split("/")
        .reduce<unknown>((at, key) => (at as Schema)[key.replaceAll("~1", "/")], doc) as Schema;
    }
    return current ?? {};
  };

  const merged = (node: unknown): Schema => {
    const schema = resolve(node);
    if (!schema.allOf) return schema;
    const out: Schema = {
      ...schema,
      properties: { ...(schema.properties as Schema) },
      required: [...((schema.required as string[]) ?? [])],
    };
    for (const branch of schema.allOf as unknown[]) {
      const inner = merged(branch);
      Object.assign(out.properties as Schema, inner.properties);
      (out.required as string[]).push(...((inner.required as string[]) ?? []));
      if (inner.type && !out.type) out.type = inner.type;
    }
    return out;
  };

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
