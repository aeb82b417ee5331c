// Small, documented corrections of upstream defects, applied before generating.
// A patch is a JSON file: { "why": "...", "ops": [JSON-Patch add/replace/remove/test operations] }.
// A patch "no longer applies" when a target's parent is missing or a `test` fails (upstream moved);
// it is "no longer needed" when applying it changes nothing (upstream fixed the defect).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

export interface PatchOp {
  op: "add" | "replace" | "remove" | "test";
  path: string;
  value?: unknown;
}

export interface SpecPatch {
  file: string;
  why: string;
  ops: PatchOp[];
}

export interface PatchReport {
  applied: string[];
  notApplicable: { file: string; reason: string }[];
  notNeeded: string[];
}

type Json = Record<string, unknown> | unknown[];

export async function readPatches(dir: string): Promise<SpecPatch[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (file) => {
      const raw = JSON.parse(await readFile(join(dir, file), "utf8")) as Partial<SpecPatch>;
      if (typeof raw.why !== "string" || !Array.isArray(raw.ops)) {
        throw new Error(`openapi patch ${file}: needs "why" (string) and "ops" (array)`);
      }
      return { file, why: raw.why, ops: raw.ops };
    }),
  );
}

/** Applies patches to a deep copy of `doc`; a patch that cannot apply is skipped whole and reported. */
export function applyPatches<T extends object>(
  doc: T,
  patches: SpecPatch[],
): { doc: T; report: PatchReport } {
  let current = structuredClone(doc) as Json;
  const report: PatchReport = { applied: [], notApplicable: [], notNeeded: [] };
  for (const patch of patches) {
    const next = structuredClone(current);
    try {
      for (const op of patch.ops) applyOp(next, op);
    } catch (error) {
      report.notApplicable.push({ file: patch.file, reason: (error as Error).message });
      continue;
    }
    if (isDeepStrictEqual(next, current)) report.notNeeded.push(patch.file);
    else report.applied.push(patch.file);
    current = next;
  }
  return { doc: current as T, report };
}

function decodePointer(path: string): string[] {
  if (!path.startsWith("/")) throw new Error(`bad JSON pointer ${path}`);
  return path
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function applyOp(doc: Json, op: PatchOp): void {
  const keys = decodePointer(op.path);
  const last = keys.pop() as string;
  let parent: unknown = doc;
  for (const key of keys) {
    if (parent === null || typeof parent !== "object" || !(key in parent)) {
      throw new Error(`${op.op} ${op.path}: ${key} not found`);
    }
    parent = (parent as Record<string, unknown>)[key];
  }
  if (parent === null || typeof parent !== "object")
    throw new Error(`${op.op} ${op.path}: parent is not an object`);
  const target = parent as Record<string, unknown>;
  switch (op.op) {
    case "test":
      if (!isDeepStrictEqual(target[last], op.value)) throw new Error(`test ${op.path}: value differs`);
      return;
    case "remove":
      if (!(last in target)) return; // already gone upstream: nothing to do
      delete target[last];
      return;
    case "replace":
      if (!(last in target)) throw new Error(`replace ${op.path}: ${last} not found`);
      target[last] = structuredClone(op.value);
      return;
    case "add":
      target[last] = structuredClone(op.value);
      return;
    default:
      throw new Error(`unsupported patch op ${(op as PatchOp).op}`);
  }
}
