// Applying a deploy to the target: each document made ready for the target (the caller's connection and
// data-source swaps, then every reference's `fqn` carried over to the target's GUID, the object's own
// `guid` set to its target GUID when the mapping knows it), and imports in batches. It never edits the
// caller's documents (copies only) and never sends a source GUID the target does not know.
import { stringifyTml } from "../document.js";
import type { ImportedTml, TmlImportOptions, TmlImportResult } from "../import.js";
import {
  swapConnection,
  swapTableReferences,
  swapWorksheetReferences,
  type TmlRefMapping,
  type TmlRefTarget,
  tmlReferences,
} from "../migrate.js";
import type { TmlDocument } from "../types.js";
import { matchImported, tmlHash } from "./mapping.js";
import { type DeployNode, type NodeIndex, referencedNode } from "./order.js";

/** The caller's swaps, applied before GUIDs are carried over (keys are source names or GUIDs). */
export interface TmlDeploySwaps {
  /** Repoint tables and SQL views: source connection name or GUID → the target's connection. */
  connections?: TmlRefMapping;
  /** Swap referenced tables, views and SQL views (swapTableReferences). */
  tables?: TmlRefMapping;
  /** Swap the worksheets or models content is built on (swapWorksheetReferences). */
  worksheets?: TmlRefMapping;
}

export interface PreparedDocument {
  /** What is sent: TML text in ThoughtSpot's style. */
  text: string;
  /** sha256 of the document without its top-level guid (so created and updated objects compare alike). */
  hash: string;
  notes: string[];
}

/** Where the target GUID of a source object is known (the mapping, plus objects created in this deploy). */
export type TargetGuidOf = (node: DeployNode) => string | undefined;

export async function prepareForTarget(
  own: DeployNode,
  targetGuid: string | undefined,
  context: {
    index: NodeIndex;
    targetGuidOf: TargetGuidOf;
    /** Source GUID → target GUID of objects outside this deploy that the mapping knows. */
    mappedGuid: (sourceGuid: string) => string | undefined;
    swaps: TmlDeploySwaps;
    /** Whether two nodes are imported together (the same node, or one cycle). */
    together?: (a: string, b: string) => boolean;
  },
): Promise<PreparedDocument> {
  let doc = structuredClone(own.doc) as TmlDocument;
  const { swaps } = context;
  // GUIDs the caller chose for the target: kept as given.
  const chosen = new Set<string>();
  const collect = (mapping: TmlRefMapping | undefined) => {
    const values = mapping instanceof Map ? [...mapping.values()] : Object.values(mapping ?? {});
    for (const to of values as TmlRefTarget[]) if (to?.fqn) chosen.add(to.fqn);
  };
  if (swaps.connections) {
    collect(swaps.connections);
    const entries =
      swaps.connections instanceof Map ? [...swaps.connections] : Object.entries(swaps.connections);
    for (const [from, to] of entries as [string, TmlRefTarget][]) doc = swapConnection(doc, { from, to });
  }
  if (swaps.tables) {
    collect(swaps.tables);
    doc = swapTableReferences(doc, swaps.tables);
  }
  if (swaps.worksheets) {
    collect(swaps.worksheets);
    doc = swapWorksheetReferences(doc, swaps.worksheets);
  }

  const notes: string[] = [];
  for (const { ref, kind } of tmlReferences(doc)) {
    const fqn = typeof ref.fqn === "string" ? ref.fqn : undefined;
    if (fqn !== undefined && chosen.has(fqn)) continue;
    const node = referencedNode(ref, kind, context.index);
    // A reference to itself (a table's RLS rules) or within a cycle: the first import creates these
    // objects together, before any has a target GUID. Found by name every time, so the TML sent (and its
    // hash) is the same on the first deploy and every later one.
    const self = node !== undefined && (context.together ?? ((a, b) => a === b))(node.key, own.key);
    if (self) {
      delete ref.fqn;
      continue;
    }
    const mapped = node
      ? context.targetGuidOf(node)
      : fqn !== undefined
        ? context.mappedGuid(fqn)
        : undefined;
    if (mapped !== undefined) {
      ref.fqn = mapped;
      continue;
    }
    if (fqn !== undefined) {
      // A source GUID means nothing on the target: the object is found by name there (created in
      // the same import, or already on the target under that name).
      delete ref.fqn;
      if (!node) {
        notes.push(
          `${describeRef(ref)} (${fqn}) is neither deployed nor in the mapping: ThoughtSpot looks it up by name`,
        );
      }
    }
  }

  const { guid: _source, ...rest } = doc as TmlDocument & { guid?: string };
  const hash = await tmlHash(stringifyTml(rest as TmlDocument));
  // The target GUID first, where ThoughtSpot writes it.
  const out = (targetGuid === undefined ? rest : { guid: targetGuid, ...rest }) as TmlDocument;
  return { text: stringifyTml(out), hash, notes };
}

function describeRef(ref: { name?: unknown; id?: unknown }): string {
  const name = typeof ref.name === "string" ? ref.name : typeof ref.id === "string" ? ref.id : "a reference";
  return `"${name}"`;
}

export interface BatchItem {
  node: DeployNode;
  text: string;
}

/**
 * Imports items in batches of `batchSize`, pairing each with its entry of the answer. `onBatch` gets each
 * batch's items and answers as soon as they arrive, so a request error in a later batch loses none of them;
 * `onSend` names the items of the request about to go (the ones in doubt if it fails).
 */
export async function importBatches<T extends BatchItem>(
  importTml: (docs: string[], options: TmlImportOptions) => Promise<TmlImportResult>,
  items: readonly T[],
  options: TmlImportOptions & {
    batchSize: number;
    onSend?: (batch: readonly T[]) => void;
    onBatch?: (batch: readonly T[], answers: (ImportedTml | undefined)[]) => void;
  },
): Promise<(ImportedTml | undefined)[]> {
  const { batchSize, onSend, onBatch, ...importOptions } = options;
  const out: (ImportedTml | undefined)[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize);
    onSend?.(batch);
    const result = await importTml(
      batch.map((b) => b.text),
      { ...importOptions, throwOnError: false },
    );
    const answers = matchImported(
      batch.map((b) => ({ name: b.node.name, type: b.node.type })),
      result.objects,
    );
    out.push(...answers);
    onBatch?.(batch, answers);
  }
  return out;
}
