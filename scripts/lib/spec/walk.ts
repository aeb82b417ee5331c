// The one walker over an OpenAPI 3 document: follows $refs, folds allOf, lists operations and their
// parameters, request body and success responses. The generator, differ, Prism harness and test
// sample builder all read specs through it.

export type Obj = Record<string, unknown>;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** One operation of the document, with its path item (for shared parameters). */
export interface WalkedOperation {
  path: string;
  method: HttpMethod;
  operationId: string | undefined;
  operation: Obj;
  pathItem: Obj;
}

export interface SpecWalker {
  /** Follows $refs (JSON pointers inside the document); an unresolvable or circular one gives {}. */
  resolve(node: unknown): Obj;
  /** resolve, then allOf branches folded in: properties, required and type merged. */
  merged(node: unknown): Obj;
  /** Every operation, paths in document order, methods in HTTP_METHODS order. */
  operations(): WalkedOperation[];
  /** Path-item and operation parameters, resolved, the operation's winning on name and location. */
  parameters(op: WalkedOperation): Obj[];
  /** The request body's content map (media type → media object), or {}. */
  requestContent(op: WalkedOperation): Record<string, Obj>;
  /** Success (2xx) responses' media types → schemas, status codes in order. */
  successContent(op: WalkedOperation): { media: string; schema: unknown }[];
}

/** Reads one JSON pointer ("#/components/schemas/X") out of the document. */
export function pointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (at, key) => (isObj(at) ? at[key.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined),
      doc,
    );
}

export function specWalker(doc: Obj): SpecWalker {
  const resolve = (node: unknown): Obj => {
    let current = node;
    const seen = new Set<string>();
    while (isObj(current) && typeof current.$ref === "string") {
      if (seen.has(current.$ref)) return {};
      seen.add(current.$ref);
      current = pointer(doc, current.$ref);
    }
    return isObj(current) ? current : {};
  };

  const merged = (node: unknown, depth = 0): Obj => {
    const schema = resolve(node);
    if (!Array.isArray(schema.allOf) || depth > 20) return schema;
    const out: Obj = {
      ...schema,
      properties: { ...((schema.properties as Obj) ?? {}) },
      required: [...((schema.required as string[]) ?? [])],
    };
    delete out.allOf;
    for (const branch of schema.allOf) {
      const inner = merged(branch, depth + 1);
      Object.assign(out.properties as Obj, inner.properties ?? {});
      (out.required as string[]).push(...((inner.required as string[]) ?? []));
      if (inner.type && !out.type) out.type = inner.type;
    }
    return out;
  };

  const operations = (): WalkedOperation[] => {
    const out: WalkedOperation[] = [];
    for (const [path, raw] of Object.entries((doc.paths as Obj) ?? {})) {
      const pathItem = resolve(raw);
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (!isObj(operation)) continue;
        const operationId = typeof operation.operationId === "string" ? operation.operationId : undefined;
        out.push({ path, method, operationId, operation, pathItem });
      }
    }
    return out;
  };

  const parameters = (op: WalkedOperation): Obj[] => {
    const byKey = new Map<string, Obj>();
    for (const raw of [
      ...((op.pathItem.parameters as unknown[]) ?? []),
      ...((op.operation.parameters as unknown[]) ?? []),
    ]) {
      const p = resolve(raw);
      byKey.set(`${p.in} ${p.name}`, p);
    }
    return [...byKey.values()];
  };

  const requestContent = (op: WalkedOperation): Record<string, Obj> =>
    ((resolve(op.operation.requestBody).content as Record<string, Obj>) ?? {}) as Record<string, Obj>;

  const successContent = (op: WalkedOperation) => {
    const responses = (op.operation.responses as Obj) ?? {};
    return Object.keys(responses)
      .filter((code) => code.startsWith("2"))
      .sort()
      .flatMap((code) =>
        Object.entries((resolve(responses[code]).content as Record<string, Obj>) ?? {}).map(([media, m]) => ({
          media,
          schema: m?.schema,
        })),
      );
  };

  return { resolve, merged, operations, parameters, requestContent, successContent };
}
