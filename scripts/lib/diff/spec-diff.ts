// Compares two OpenAPI 3 documents operation by operation and lists what a caller of the SDK
// would notice: operations added/removed/renamed, request and response fields, enums, deprecations.
// Both documents are first flattened into "field path → facts" tables (second half of this file),
// so the comparison itself is plain map arithmetic.

import { pointer, specWalker } from "../spec/walk.js";

export type Side = "request" | "response";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-renamed" // same method and path, new operationId
  | "operation-moved" // same operationId, new method and/or path
  | "operation-deprecated"
  | "field-added"
  | "field-removed"
  | "field-required" // request only
  | "field-optional" // request only
  | "field-retyped"
  | "enum-added"
  | "enum-removed"
  | "field-deprecated";

export interface OperationRef {
  /** Upper case, e.g. "POST". */
  method: string;
  path: string;
  operationId?: string;
}

export interface ApiChange {
  kind: ChangeKind;
  breaking: boolean;
  /** The operation as it is in the new document (the old one for removals). */
  method: string;
  path: string;
  operationId?: string;
  side?: Side;
  location?: FieldLocation;
  /** Dotted field path, `[]` for array items (`metadata[].type`); "" is the whole body. */
  field?: string;
  /** Old and new operationId, "METHOD path", or type, depending on kind. */
  from?: string;
  to?: string;
  /** Enum values added or removed. */
  values?: string[];
  message: string;
}

export interface ApiChanges {
  added: OperationRef[];
  removed: OperationRef[];
  renamed: { kind: "operation-renamed" | "operation-moved"; from: OperationRef; to: OperationRef }[];
  /** Every change, operation-level ones included, in a stable order. */
  changes: ApiChange[];
}

export function diffSpecs(oldDoc: object, newDoc: object): ApiChanges {
  const before = flattenOperations(oldDoc);
  const after = flattenOperations(newDoc);
  const result: ApiChanges = { added: [], removed: [], renamed: [], changes: [] };

  const onlyOld = new Map<string, FlatOperation>();
  const onlyNew = new Map<string, FlatOperation>();
  for (const [key, op] of before) {
    const now = after.get(key);
    if (!now) {
      onlyOld.set(key, op);
      continue;
    }
    if (op.operationId !== now.operationId) {
      result.renamed.push({ kind: "operation-renamed", from: refOf(op), to: refOf(now) });
      result.changes.push({
        ...opFields(now),
        kind: "operation-renamed",
        breaking: true,
        from: op.operationId ?? "(none)",
        to: now.operationId ?? "(none)",
        message: `operationId renamed: \`${op.operationId ?? "(none)"}\` → \`${now.operationId ?? "(none)"}\``,
      });
    }
    compareOperation(op, now, result.changes);
  }
  for (const [key, op] of after) if (!before.has(key)) onlyNew.set(key, op);

  // An operationId that left one method+path and appeared at another is a move, not a remove+add.
  const newById = new Map<string, [string, FlatOperation]>();
  for (const [key, op] of onlyNew)
    if (op.operationId && !newById.has(op.operationId)) newById.set(op.operationId, [key, op]);
  for (const [key, op] of onlyOld) {
    const match = op.operationId ? newById.get(op.operationId) : undefined;
    if (!match) continue;
    const [newKey, now] = match;
    newById.delete(op.operationId!);
    onlyOld.delete(key);
    onlyNew.delete(newKey);
    result.renamed.push({ kind: "operation-moved", from: refOf(op), to: refOf(now) });
    result.changes.push({
      ...opFields(now),
      kind: "operation-moved",
      breaking: true,
      from: `${op.method} ${op.path}`,
      to: `${now.method} ${now.path}`,
      message: `\`${now.operationId}\` moved from \`${op.method} ${op.path}\` to \`${now.method} ${now.path}\``,
    });
    compareOperation(op, now, result.changes);
  }

  for (const op of onlyNew.values()) {
    result.added.push(refOf(op));
    result.changes.push({
      ...opFields(op),
      kind: "operation-added",
      breaking: false,
      message: `added ${label(op)}`,
    });
  }
  for (const op of onlyOld.values()) {
    result.removed.push(refOf(op));
    result.changes.push({
      ...opFields(op),
      kind: "operation-removed",
      breaking: true,
      message: `removed ${label(op)}`,
    });
  }

  result.added.sort(compareRefs);
  result.removed.sort(compareRefs);
  result.renamed.sort((a, b) => compareRefs(a.to, b.to));
  result.changes.sort(compareChanges);
  return result;
}

function compareOperation(op: FlatOperation, now: FlatOperation, out: ApiChange[]) {
  if (now.deprecated && !op.deprecated) {
    out.push({
      ...opFields(now),
      kind: "operation-deprecated",
      breaking: false,
      message: "operation deprecated",
    });
  }
  compareFields("request", op.request, now.request, now, out);
  compareFields("response", op.response, now.response, now, out);
}

function compareFields(
  side: Side,
  before: Map<string, FieldFacts>,
  after: Map<string, FieldFacts>,
  op: FlatOperation,
  out: ApiChange[],
) {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  // Fields under an added or removed field are not listed again: the parent line says it all.
  const reported: string[] = [];
  const underReported = (key: string) => reported.some((p) => isUnder(key, p));

  for (const key of keys) {
    const old = before.get(key);
    const now = after.get(key);
    const facts = (now ?? old)!;
    const base = { ...opFields(op), side, location: facts.location, field: facts.field };
    const what = fieldLabel(side, facts.location, facts.field);

    if (!old || !now) {
      if (underReported(key)) continue;
      reported.push(key);
      if (now) {
        const required = side === "request" && now.required;
        // A new required request field breaks every existing call that does not send it.
        out.push({
          ...base,
          kind: "field-added",
          breaking: required,
          to: now.type,
          message: `${what} added${required ? " (required)" : ""}`,
        });
      } else {
        out.push({
          ...base,
          kind: "field-removed",
          breaking: true,
          from: old!.type,
          message: `${what} removed`,
        });
      }
      continue;
    }

    if (old.type !== now.type) {
      out.push({
        ...base,
        kind: "field-retyped",
        breaking: true,
        from: old.type,
        to: now.type,
        message: `${what} type changed from \`${old.type}\` to \`${now.type}\``,
      });
    }
    if (side === "request" && old.required !== now.required) {
      out.push(
        now.required
          ? { ...base, kind: "field-required", breaking: true, message: `${what} is now required` }
          : { ...base, kind: "field-optional", breaking: false, message: `${what} is no longer required` },
      );
    }
    // Only a list-to-list change is compared; a constraint that appears or vanishes is left out.
    if (old.enum && now.enum) {
      const oldSet = new Set(old.enum);
      const newSet = new Set(now.enum);
      const added = now.enum.filter((v) => !oldSet.has(v));
      const removed = old.enum.filter((v) => !newSet.has(v));
      if (added.length) {
        out.push({
          ...base,
          kind: "enum-added",
          breaking: false,
          values: added,
          message: `${what} enum values added: ${codes(added)}`,
        });
      }
      if (removed.length) {
        out.push({
          ...base,
          kind: "enum-removed",
          // Callers may still send the old value; a response that stops sending one harms nobody.
          breaking: side === "request",
          values: removed,
          message: `${what} enum values removed: ${codes(removed)}`,
        });
      }
    }
    if (now.deprecated && !old.deprecated) {
      out.push({ ...base, kind: "field-deprecated", breaking: false, message: `${what} deprecated` });
    }
  }
}

/** `key` is `location:field`; a child's field continues its parent's with "." or "[]". */
function isUnder(key: string, parent: string): boolean {
  if (!key.startsWith(parent) || key === parent) return false;
  if (parent.endsWith(":")) return true; // the whole body was added or removed
  const next = key[parent.length];
  return next === "." || next === "[";
}

function fieldLabel(side: Side, location: FieldLocation, field: string): string {
  if (field === "") {
    if (side === "response") return "response body";
    return location === "multipart"
      ? "multipart request body"
      : location === "form"
        ? "form request body"
        : "request body";
  }
  const name = `\`${field}\``;
  if (side === "response") return `response field ${name}`;
  switch (location) {
    case "body":
      return `request field ${name}`;
    case "multipart":
      return `multipart field ${name}`;
    case "form":
      return `form field ${name}`;
    case "header":
      return `header ${name}`;
    default:
      return `${location} parameter ${name}`;
  }
}

function codes(values: string[]): string {
  return values.map((v) => `\`${v}\``).join(", ");
}

function label(op: FlatOperation): string {
  return `operation \`${op.operationId ?? "(no operationId)"}\` (\`${op.method} ${op.path}\`)`;
}

function refOf(op: FlatOperation): OperationRef {
  return op.operationId === undefined
    ? { method: op.method, path: op.path }
    : { method: op.method, path: op.path, operationId: op.operationId };
}

function opFields(op: FlatOperation): Pick<ApiChange, "method" | "path" | "operationId"> {
  return refOf(op);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRefs(a: OperationRef, b: OperationRef): number {
  return cmp(a.path, b.path) || cmp(a.method, b.method);
}

const KIND_ORDER: ChangeKind[] = [
  "operation-added",
  "operation-removed",
  "operation-renamed",
  "operation-moved",
  "operation-deprecated",
  "field-removed",
  "field-added",
  "field-retyped",
  "field-required",
  "field-optional",
  "enum-removed",
  "enum-added",
  "field-deprecated",
];
const LOCATION_ORDER: FieldLocation[] = ["path", "query", "header", "cookie", "body", "multipart", "form"];

function compareChanges(a: ApiChange, b: ApiChange): number {
  const opLevel = (c: ApiChange) => (c.side === undefined ? 0 : 1);
  return (
    cmp(a.path, b.path) ||
    cmp(a.method, b.method) ||
    opLevel(a) - opLevel(b) ||
    cmp(a.side ?? "", b.side ?? "") ||
    LOCATION_ORDER.indexOf(a.location ?? "path") - LOCATION_ORDER.indexOf(b.location ?? "path") ||
    cmp(a.field ?? "", b.field ?? "") ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
  );
}

/** True when the diff found anything at all. */
export function hasChanges(changes: ApiChanges): boolean {
  return changes.changes.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Flattening: every operation becomes two maps, request and response, from `location:field`
// to the facts compared above. `$ref`s are followed and `allOf` merged on the way; `anyOf` and
// `oneOf` variants contribute their fields as optional ones.

export type FieldLocation = "path" | "query" | "header" | "cookie" | "body" | "multipart" | "form";

export interface FieldFacts {
  location: FieldLocation;
  field: string;
  /** e.g. `string`, `string(date-time)`, `object[]`, `boolean | number | string`. */
  type: string;
  required: boolean;
  deprecated: boolean;
  enum?: string[];
}

export interface FlatOperation {
  method: string;
  path: string;
  operationId?: string;
  deprecated: boolean;
  request: Map<string, FieldFacts>;
  response: Map<string, FieldFacts>;
}

type Node = Record<string, unknown>;
type Fields = Map<string, FieldFacts>;

const PARAMETER_LOCATIONS: FieldLocation[] = ["path", "query", "header", "cookie"];
// Deeper than any real V2 schema (about 8); stops runaway expansion of very wide recursive types.
const MAX_DEPTH = 24;

/** Keyed by "METHOD path". Throws on anything but OpenAPI 3 (convert Swagger 2.0 first). */
export function flattenOperations(doc: object): Map<string, FlatOperation> {
  const d = doc as Node;
  if (typeof d.openapi !== "string" || !d.openapi.startsWith("3.")) {
    throw new Error("diffSpecs compares OpenAPI 3 documents; convert Swagger 2.0 to OpenAPI 3 first");
  }
  const reader = new SchemaReader(d);
  const out = new Map<string, FlatOperation>();
  // The shared walker lists the operations; the reader below flattens their fields.
  for (const { path, method: m, operation: op, pathItem: item } of specWalker(d).operations()) {
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    const method = m.toUpperCase();
    const flat: FlatOperation = {
      method,
      path,
      operationId: typeof op.operationId === "string" ? op.operationId : undefined,
      deprecated: op.deprecated === true,
      request: new Map(),
      response: new Map(),
    };
    reader.addParameters([...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])], flat.request);
    reader.addRequestBody(op.requestBody, flat.request);
    reader.addResponses(op.responses, flat.response);
    out.set(`${method} ${path}`, flat);
  }
  return out;
}

class SchemaReader {
  constructor(private readonly doc: Node) {}

  addParameters(list: unknown[], out: Fields) {
    // Operation parameters come last and replace path-level ones with the same name and location.
    const byKey = new Map<string, Node>();
    for (const raw of list) {
      const p = this.deref(raw);
      if (typeof p.name === "string" && typeof p.in === "string") byKey.set(`${p.in} ${p.name}`, p);
    }
    for (const p of byKey.values()) {
      const location = PARAMETER_LOCATIONS.find((l) => l === p.in);
      if (!location) continue;
      const name = location === "header" ? String(p.name).toLowerCase() : String(p.name);
      const schema = p.schema ?? firstMediaSchema(p.content);
      const required = p.required === true || location === "path";
      this.walk(schema, name, location, required, p.deprecated === true, out, new Set(), 0, true);
    }
  }

  addRequestBody(raw: unknown, out: Fields) {
    if (raw === undefined) return;
    const body = this.deref(raw);
    for (const [mediaType, media] of byMediaRank(body.content)) {
      const location = requestLocation(mediaType);
      if (out.has(`${location}:`)) continue;
      this.walk(media.schema, "", location, body.required === true, false, out, new Set(), 0, true);
    }
  }

  addResponses(raw: unknown, out: Fields) {
    if (!isObj(raw)) return;
    const statuses = Object.keys(raw)
      .filter((s) => /^2(\d\d|xx)$/i.test(s))
      .sort();
    for (const status of statuses) {
      const response = this.deref(raw[status]);
      for (const [mediaType, media] of byMediaRank(response.content)) {
        if (isJson(mediaType)) this.walk(media.schema, "", "body", false, false, out, new Set(), 0, true);
      }
    }
  }

  /**
   * Records `field` (unless `record` is false, as for array items) and everything below it.
   * `stack` holds the `$ref`s being expanded on the way down, so recursive types stop.
   */
  private walk(
    node: unknown,
    field: string,
    location: FieldLocation,
    required: boolean,
    deprecated: boolean,
    out: Fields,
    stack: Set<string>,
    depth: number,
    record: boolean,
  ) {
    const through = new Set<string>();
    const s = this.merge(node, stack, through);
    for (const ref of through) stack.add(ref);
    try {
      const key = `${location}:${field}`;
      if (record && !out.has(key)) {
        const facts: FieldFacts = {
          location,
          field,
          type: this.typeName(s, stack),
          required,
          deprecated: deprecated || s.deprecated === true,
        };
        const values = this.enumOf(s, stack);
        if (values) facts.enum = values;
        out.set(key, facts);
      }
      if (depth >= MAX_DEPTH || "x-cycle" in s) return;

      const requiredNames = new Set(arr(s.required).filter((n) => typeof n === "string"));
      if (isObj(s.properties)) {
        for (const [name, prop] of Object.entries(s.properties)) {
          const child = join(field, name);
          this.walk(prop, child, location, requiredNames.has(name), false, out, stack, depth + 1, true);
        }
      }
      if (isObj(s.additionalProperties)) {
        const child = join(field, "*");
        this.walk(s.additionalProperties, child, location, false, false, out, stack, depth + 1, true);
      }
      if (s.items !== undefined) {
        this.walk(s.items, `${field}[]`, location, false, false, out, stack, depth + 1, false);
      }
      // A variant's fields are only required when that variant is chosen, so none is required here.
      for (const variant of [...arr(s.oneOf), ...arr(s.anyOf)]) {
        const before = new Set(out.keys());
        this.walk(variant, field, location, false, false, out, stack, depth + 1, false);
        for (const [k, f] of out) if (!before.has(k) && f.required) f.required = false;
      }
    } finally {
      for (const ref of through) stack.delete(ref);
    }
  }

  /** Follows `$ref`s and folds `allOf` into one schema; refs followed are added to `through`. */
  private merge(node: unknown, stack: Set<string>, through: Set<string>): Node {
    if (!isObj(node)) return {};
    if (typeof node.$ref === "string") {
      const ref = node.$ref;
      if (stack.has(ref) || through.has(ref)) return { "x-cycle": ref };
      through.add(ref);
      const target = this.merge(this.lookup(ref), stack, through);
      // Only the ref chain itself counts as "being expanded"; allOf siblings below reuse refs legitimately.
      const { $ref: _, ...siblings } = node;
      return Object.keys(siblings).length ? combine(this.merge(siblings, stack, through), target) : target;
    }
    if (Array.isArray(node.allOf)) {
      const { allOf, ...own } = node;
      let acc: Node = own;
      for (const part of allOf) acc = combine(acc, this.merge(part, stack, new Set(through)));
      return acc;
    }
    return node;
  }

  private typeName(s: Node, stack: Set<string>): string {
    if (typeof s["x-cycle"] === "string") return `${s["x-cycle"].split("/").pop()} (recursive)`;
    const variants = [...arr(s.oneOf), ...arr(s.anyOf)];
    if (variants.length && s.type === undefined) {
      const names = new Set(variants.map((v) => this.typeOfNode(v, stack)));
      return [...names].sort().join(" | ");
    }
    const declared = Array.isArray(s.type) ? s.type.filter((t) => t !== "null").join(" | ") : s.type;
    let type: string;
    if (typeof declared === "string" && declared !== "") type = declared;
    else {
      if (isObj(s.properties) || s.additionalProperties !== undefined) type = "object";
      else if (s.items !== undefined) type = "array";
      else if (Array.isArray(s.enum) && s.enum.length) type = typeof s.enum[0];
      else type = "any";
    }
    if (type === "array") {
      const inner = this.typeOfNode(s.items, stack);
      return `${inner.includes(" | ") ? `(${inner})` : inner}[]`;
    }
    return typeof s.format === "string" ? `${type}(${s.format})` : type;
  }

  private typeOfNode(node: unknown, stack: Set<string>): string {
    const through = new Set<string>();
    const s = this.merge(node, stack, through);
    for (const ref of through) stack.add(ref);
    try {
      return this.typeName(s, stack);
    } finally {
      for (const ref of through) stack.delete(ref);
    }
  }

  /** Enum values of the field, or of the innermost items for arrays of enums. */
  private enumOf(s: Node, stack: Set<string>): string[] | undefined {
    let cur = s;
    for (let i = 0; cur.items !== undefined && i < MAX_DEPTH; i++)
      cur = this.merge(cur.items, stack, new Set());
    return Array.isArray(cur.enum)
      ? cur.enum.map((v) => (typeof v === "string" ? v : JSON.stringify(v)))
      : undefined;
  }

  /** Follows `$ref`s for parameters, request bodies, responses and path items. */
  deref(node: unknown): Node {
    let cur = node;
    const seen = new Set<string>();
    while (isObj(cur) && typeof cur.$ref === "string" && !seen.has(cur.$ref)) {
      seen.add(cur.$ref);
      cur = this.lookup(cur.$ref);
    }
    return isObj(cur) && typeof cur.$ref !== "string" ? cur : {};
  }

  /** Local JSON pointers only: external documents are never read. */
  private lookup(ref: string): unknown {
    return pointer(this.doc, ref);
  }
}

/** allOf semantics, simplified: properties and `required` accumulate; for other keywords `a` wins. */
function combine(a: Node, b: Node): Node {
  const out: Node = { ...b, ...a };
  if (isObj(a.properties) || isObj(b.properties)) {
    // `a`'s properties first, so fields keep the order in which allOf lists them.
    const props = new Map<string, unknown>(Object.entries(isObj(a.properties) ? a.properties : {}));
    for (const [name, prop] of Object.entries(isObj(b.properties) ? b.properties : {})) {
      const mine = props.get(name);
      props.set(name, mine === undefined ? prop : { allOf: [mine, prop] });
    }
    out.properties = Object.fromEntries(props);
  }
  const required = [...arr(a.required), ...arr(b.required)];
  if (required.length) out.required = [...new Set(required)];
  if (a.deprecated === true || b.deprecated === true) out.deprecated = true;
  return out;
}

function requestLocation(mediaType: string): FieldLocation {
  const t = bareType(mediaType);
  if (t === "multipart/form-data") return "multipart";
  if (t === "application/x-www-form-urlencoded") return "form";
  return "body";
}

/** Media types JSON first, then multipart, form, others; each group sorted for stable output. */
function byMediaRank(content: unknown): [string, Node][] {
  if (!isObj(content)) return [];
  const rank = (t: string) =>
    isJson(t) ? 0 : requestLocation(t) === "multipart" ? 1 : requestLocation(t) === "form" ? 2 : 3;
  return Object.entries(content)
    .filter((e): e is [string, Node] => isObj(e[1]))
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function isJson(mediaType: string): boolean {
  const t = bareType(mediaType);
  return t === "application/json" || t.endsWith("+json");
}

function bareType(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

function firstMediaSchema(content: unknown): unknown {
  return byMediaRank(content)[0]?.[1].schema;
}

function join(parent: string, name: string): string {
  return parent === "" ? name : `${parent}.${name}`;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isObj(v: unknown): v is Node {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
