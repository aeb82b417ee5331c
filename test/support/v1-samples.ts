// Valid inputs for every V1 operation, built from the mockable spec: the sampler's minimal input, with
// every JSON-encoded field (required or not) given as a JSON value so the encoder's JSON-text rule runs.
import { v1Operations } from "../../generated/v1-operations.js";
import { sampler } from "./sample-request.js";

type Loose = Record<string, unknown>;
export type V1Id = keyof typeof v1Operations;

const V1 = "/callosum/v1";

/** A JSON value of the documented shape, so JSON-encoded fields are passed as values, not text. */
function jsonSample(shape: unknown, itemsEnum: unknown): unknown {
  const first = Array.isArray(itemsEnum) && itemsEnum.length ? itemsEnum[0] : "x";
  switch (shape) {
    case "array of string":
      return [first];
    case "array of integer":
      return [1];
    case "array of object":
      return [{ name: "x" }];
    default:
      return { x: "y" };
  }
}

export function v1Samples(spec: Loose) {
  const sampleInput = sampler(spec);
  const operationObject = (id: V1Id) => {
    const row = v1Operations[id];
    return (spec.paths as Record<string, Loose>)[V1 + row.path]?.[row.method.toLowerCase()] as Loose;
  };

  /** The sampled input with every JSON-encoded field (required or not) set to a JSON value. */
  return function validInput(id: V1Id): Loose {
    const operation = operationObject(id);
    const input = sampleInput(operation);
    const row = v1Operations[id] as { jsonFields?: readonly string[] };
    const declared: Record<string, Loose> = {};
    for (const param of (operation.parameters as Loose[] | undefined) ?? []) {
      declared[param.name as string] = param;
      // The shared sampler names path values after the parameter; an enum needs one of its values.
      const values = (param.schema as Loose | undefined)?.enum;
      if (param.in === "path" && Array.isArray(values)) input[param.name as string] = values[0];
    }
    const content = ((operation.requestBody as Loose | undefined)?.content ?? {}) as Record<string, Loose>;
    const media = Object.values(content)[0];
    const properties = ((media?.schema as Loose | undefined)?.properties ?? {}) as Record<string, Loose>;
    for (const name of row.jsonFields ?? []) {
      const at = declared[name] ?? properties[name];
      const ext = (declared[name]?.schema as Loose | undefined) ?? at;
      input[name] = jsonSample(
        at?.["x-json-shape"] ?? ext?.["x-json-shape"],
        at?.["x-json-items-enum"] ?? ext?.["x-json-items-enum"],
      );
    }
    return input;
  };
}
