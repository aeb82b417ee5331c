// The order of a deploy: which objects reference which (the `fqn` GUIDs and names their TML holds),
// grouped into import levels so nothing is imported before what it uses. Pure: no requests, no I/O.
// It must never drop or reorder an object silently: every node given comes back in exactly one level.
import { tmlReferences } from "../migrate.js";
import type { TmlDocument } from "../types.js";

/** One object of a deploy, as the planner hands it over. */
export interface DeployNode {
  /** The mapping key: the source GUID, or `{type}:{name}` for a document without one. */
  key: string;
  /** The TML kind (table, model, liveboard, ...). */
  type: string;
  name: string;
  /** The source GUID, when the document has one. */
  guid: string | undefined;
  doc: TmlDocument;
}

/**
 * The level each kind starts at, whatever its references say: connections, then tables and SQL views,
 * then views, worksheets and models, then answers, then liveboards (ThoughtSpot's own import order).
 * Kinds not named here sit with the data models.
 */
const BASE_LEVEL: Readonly<Record<string, number>> = {
  connection: 0,
  table: 1,
  sql_view: 1,
  view: 2,
  worksheet: 2,
  model: 2,
  cohort: 3,
  answer: 4,
  liveboard: 5,
  pinboard: 5,
};
const DEFAULT_LEVEL = 3;

export function baseLevel(type: string): number {
  return BASE_LEVEL[type] ?? DEFAULT_LEVEL;
}

export interface DeployOrder {
  /** Import levels, first to last; within a level by kind, then name, then key. */
  levels: DeployNode[][];
  /** Keys of the nodes each node references (only nodes of this deploy). */
  dependsOn: Map<string, string[]>;
  /** Keys of nodes that reference each other in a cycle (imported together in one level). */
  cycles: string[][];
  /** Whether two nodes are one node or in one cycle: their references to each other cannot be pinned by GUID. */
  together(a: string, b: string): boolean;
}

/** Which node a reference points at: its `fqn` when that is a node's GUID, else a unique name of a fitting kind. */
export function referencedNode(
  ref: { name?: unknown; id?: unknown; fqn?: unknown },
  kind: "connection" | "table" | "source",
  index: NodeIndex,
): DeployNode | undefined {
  if (typeof ref.fqn === "string") {
    const byGuid = index.byGuid.get(ref.fqn);
    if (byGuid) return byGuid;
  }
  const name = typeof ref.name === "string" ? ref.name : typeof ref.id === "string" ? ref.id : undefined;
  if (name === undefined) return undefined;
  const found = (index.byName.get(name) ?? []).filter((n) =>
    kind === "connection" ? n.type === "connection" : n.type !== "connection",
  );
  // Two objects of the same name: the reference cannot say which; leave it to ThoughtSpot.
  return found.length === 1 ? found[0] : undefined;
}

export interface NodeIndex {
  byGuid: Map<string, DeployNode>;
  byName: Map<string, DeployNode[]>;
}

export function indexNodes(nodes: readonly DeployNode[]): NodeIndex {
  const byGuid = new Map<string, DeployNode>();
  const byName = new Map<string, DeployNode[]>();
  for (const node of nodes) {
    if (node.guid) byGuid.set(node.guid, node);
    const list = byName.get(node.name) ?? [];
    list.push(node);
    byName.set(node.name, list);
  }
  return { byGuid, byName };
}

/** Orders `nodes` for import. Keys must be unique (a TypeError otherwise). */
export function orderForImport(nodes: readonly DeployNode[]): DeployOrder {
  const byKey = new Map<string, DeployNode>();
  for (const node of nodes) {
    if (byKey.has(node.key)) throw new TypeError(`tml.deploy: two objects share the key ${node.key}`);
    byKey.set(node.key, node);
  }
  const index = indexNodes(nodes);
  const dependsOn = new Map<string, string[]>();
  for (const node of nodes) {
    const deps = new Set<string>();
    for (const { ref, kind } of tmlReferences(node.doc)) {
      const target = referencedNode(ref, kind, index);
      if (target && target.key !== node.key) deps.add(target.key);
    }
    dependsOn.set(node.key, [...deps].sort());
  }

  const components = stronglyConnected(
    nodes.map((n) => n.key),
    dependsOn,
  );
  // Tarjan's algorithm yields components dependencies first, so one pass sets every level.
  const componentOf = new Map<string, number>();
  components.forEach((members, i) => {
    for (const key of members) componentOf.set(key, i);
  });
  const levelOf = new Map<string, number>();
  for (const [i, members] of components.entries()) {
    let level = Math.max(...members.map((key) => baseLevel(byKey.get(key)!.type)));
    for (const key of members) {
      for (const dep of dependsOn.get(key) ?? []) {
        if (componentOf.get(dep) !== i) level = Math.max(level, levelOf.get(dep)! + 1);
      }
    }
    for (const key of members) levelOf.set(key, level);
  }

  const levels = new Map<number, DeployNode[]>();
  for (const node of nodes) {
    const level = levelOf.get(node.key)!;
    levels.set(level, [...(levels.get(level) ?? []), node]);
  }
  const ordered = [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, list]) =>
      list.sort(
        (a, b) =>
          baseLevel(a.type) - baseLevel(b.type) ||
          compare(a.type, b.type) ||
          compare(a.name, b.name) ||
          compare(a.key, b.key),
      ),
    );
  const cycles = components.filter((c) => c.length > 1).map((c) => [...c].sort());
  const together = (a: string, b: string) =>
    a === b || (componentOf.has(a) && componentOf.get(a) === componentOf.get(b));
  return { levels: ordered, dependsOn, cycles, together };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tarjan's strongly connected components, iteratively (no recursion limit); dependencies come first. */
function stronglyConnected(
  keys: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const start of keys) {
    if (index.has(start)) continue;
    const work: { key: string; next: number }[] = [{ key: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work.at(-1)!;
      const deps = edges.get(frame.key) ?? [];
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!;
        if (!index.has(dep)) {
          index.set(dep, counter);
          low.set(dep, counter++);
          stack.push(dep);
          onStack.add(dep);
          work.push({ key: dep, next: 0 });
        } else if (onStack.has(dep)) {
          low.set(frame.key, Math.min(low.get(frame.key)!, index.get(dep)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.key, Math.min(low.get(parent.key)!, low.get(frame.key)!));
      if (low.get(frame.key) === index.get(frame.key)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.key);
        out.push(component);
      }
    }
  }
  return out;
}
