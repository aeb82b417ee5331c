// ts.tml.deploy(): promote TML from a source (another client's objects, a folder, documents) to this
// client's cluster/Org: plan, order, carry GUIDs over through the mapping, import level by level, report.
// It talks to the target only through ts.tml.import and the Call port, and to the source only through
// the source client's ts.tml; it never writes the mapping on a dry run, and never ends part-way without
// a report (a stop is a TmlDeployError carrying it).
import type { Call } from "../../core/call.js";
import { callOptionsOf } from "../../core/call-options.js";
import type { CallOptions } from "../../core/types.js";
import { parseTml } from "../document.js";
import { TmlDeployError, TmlError } from "../errors.js";
import type { ExportedTml } from "../export.js";
import type { ImportedTml, TmlImportOptions, TmlImportResult } from "../import.js";
import type { TmlDocument } from "../types.js";
import { type BatchItem, importBatches, prepareForTarget, type TmlDeploySwaps } from "./apply.js";
import {
  checkMapping,
  emptyMapping,
  lockMappingFile,
  readMappingFile,
  setOwn,
  type TmlDeployMapping,
  type TmlDeployMappingEntry,
  writeMappingFile,
} from "./mapping.js";
import { type DeployNode, indexNodes, orderForImport } from "./order.js";
import {
  applyFilters,
  type DeploySourceObject,
  nodesOf,
  type TmlDeployFilters,
  type TmlExportSetOptions,
  type TmlSelection,
} from "./plan.js";
import { countOutcomes, formatDeployReport, type TmlDeployedObject, type TmlDeployReport } from "./report.js";
import { missingOnTarget } from "./target.js";

/** A source client: anything with `tml.exportSet` (a ThoughtSpotClient logged into the source). */
export interface TmlDeploySourceClient {
  tml: { exportSet(selection: TmlSelection, options?: TmlExportSetOptions): Promise<ExportedTml[]> };
}

/** Where a deploy takes its TML from. */
export type TmlDeploySource =
  | ({ client: TmlDeploySourceClient } & TmlSelection)
  | { folder: string; recursive?: boolean }
  | { documents: readonly (string | TmlDocument)[] };

/** Progress of a deploy, for a counter or a bar. */
export type TmlDeployProgress =
  | { phase: "export"; done: number; total: number }
  | { phase: "import"; done: number; total: number; level: number };

export interface TmlDeployOptions extends TmlDeployFilters, TmlDeploySwaps, CallOptions {
  from: TmlDeploySource;
  /** Node: the mapping file, read before (missing: empty) and written after the deploy. */
  mappingFile?: string;
  /** Or the mapping itself (browsers, your own storage); the report's `mapping` is the updated copy. */
  mapping?: TmlDeployMapping;
  /**
   * This target's key in the mapping. Default `{cluster id}/org/{org id}` from the target's
   * system information and current Org; name it yourself ("prod") to keep the file readable.
   */
  target?: string;
  /** PARTIAL (default): what can go goes, level by level. ALL_OR_NONE: one import, all or nothing. */
  policy?: "PARTIAL" | "ALL_OR_NONE";
  /** VALIDATE_ONLY on the target: what would be created or updated, with ThoughtSpot's messages. */
  dryRun?: boolean;
  /** Send objects whose TML is unchanged since the last deploy too. */
  force?: boolean;
  /** Objects per import request (default 50; ALL_OR_NONE sends all in one). */
  batchSize?: number;
  /** Exports sent at a time, one per selected object (default 4). */
  concurrency?: number;
  /** Import as background tasks and poll them (large sets). */
  async?: boolean;
  /** With `async`: first wait between polls. */
  pollIntervalMs?: number;
  onProgress?: (progress: TmlDeployProgress) => void;
}

/** The report, plus the mapping after the deploy (the same as written to `mappingFile`). */
export interface TmlDeployResult extends TmlDeployReport {
  mapping: TmlDeployMapping;
}

export interface TmlDeployContext {
  call: Call;
  importTml: (docs: string[], options: TmlImportOptions) => Promise<TmlImportResult>;
  readFolder: (dir: string, recursive: boolean) => Promise<{ path: string; doc: TmlDocument }[]>;
}

const POLICIES = new Set(["PARTIAL", "ALL_OR_NONE"]);

/** An object about to be sent: its prepared TML, its hash, notes, and its target GUID if the mapping has it. */
type Pending = BatchItem & { hash: string; notes: string[]; mapped: string | undefined };

export async function deployTml(ctx: TmlDeployContext, options: TmlDeployOptions): Promise<TmlDeployResult> {
  checkOptions(options);
  const callOptions = callOptionsOf(options);
  const dryRun = options.dryRun ?? false;

  // One deploy per mapping file at a time (a dry run only reads it).
  const unlock =
    options.mappingFile !== undefined && !dryRun ? await lockMappingFile(options.mappingFile) : undefined;
  try {
    return await deployLocked(ctx, options, callOptions);
  } finally {
    await unlock?.();
  }
}

async function deployLocked(
  ctx: TmlDeployContext,
  options: TmlDeployOptions,
  callOptions: CallOptions,
): Promise<TmlDeployResult> {
  const policy = options.policy ?? "PARTIAL";
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 50;
  // Read the mapping before anything else: a broken file stops the deploy before any request.
  const mapping =
    options.mappingFile !== undefined
      ? await readMappingFile(options.mappingFile)
      : options.mapping !== undefined
        ? structuredClone(checkMapping(options.mapping))
        : emptyMapping();
  const sourceObjects = await readSource(ctx, options, callOptions);
  const all = nodesOf(sourceObjects);
  const { deploy, excluded } = applyFilters(all, options);
  const target = options.target ?? (await targetKey(ctx.call, callOptions));
  if (!Object.hasOwn(mapping.targets, target)) setOwn(mapping.targets, target, {});
  const known = mapping.targets[target]!;

  const order = orderForImport(deploy);
  const index = indexNodes(all);
  const levelOf = new Map<string, number>();
  order.levels.forEach((level, i) => {
    for (const n of level) levelOf.set(n.key, i);
  });
  const byKey = new Map(all.map((n) => [n.key, n]));
  const created = new Map<string, string>(); // key → target GUID of what this deploy created or updated
  // Mapping entries whose object is gone from the target: treated as never deployed (created again, and
  // what references them is sent again with the new GUID).
  const gone = new Set<string>();
  const live = (key: string) => (gone.has(key) ? undefined : entryOf(known, key));
  const targetGuidOf = (n: DeployNode) => created.get(n.key) ?? live(n.key)?.guid;
  const mappedGuid = (sourceGuid: string) => live(sourceGuid)?.guid;
  const results = new Map<string, TmlDeployedObject>();
  const failed = new Set<string>();

  const record = (
    n: DeployNode,
    outcome: TmlDeployedObject["outcome"],
    extra: Partial<TmlDeployedObject>,
  ) => {
    results.set(n.key, {
      name: n.name,
      type: n.type,
      key: n.key,
      sourceGuid: n.guid,
      targetGuid: undefined,
      outcome,
      level: levelOf.get(n.key) ?? 0,
      dependsOn: (order.dependsOn.get(n.key) ?? []).map((k) => byKey.get(k)?.name ?? k),
      ...extra,
    });
    if (outcome === "failed") failed.add(n.key);
  };

  const importOptions: TmlImportOptions = {
    ...callOptions,
    policy: dryRun ? "VALIDATE_ONLY" : policy,
    ...(options.async !== undefined && { async: options.async }),
    ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
  };
  const total = deploy.length;
  let done = 0;
  const progress = (level: number) => options.onProgress?.({ phase: "import", done, total, level });

  /** Prepares a level: unchanged objects are recorded now; the rest come back to be sent. */
  const prepare = async (level: DeployNode[]) => {
    const pending: Pending[] = [];
    for (const n of level) {
      const blocked = (order.dependsOn.get(n.key) ?? []).filter((k) => failed.has(k));
      if (blocked.length) {
        const names = blocked.map((k) => `${byKey.get(k)!.type} "${byKey.get(k)!.name}"`).join(", ");
        record(n, "failed", { message: `not imported: it uses ${names}, which failed` });
        done++;
        continue;
      }
      const mapped = live(n.key)?.guid;
      const prepared = await prepareForTarget(n, mapped, {
        index,
        targetGuidOf,
        mappedGuid,
        swaps: options,
        together: order.together,
      });
      const entry = live(n.key);
      if (!options.force && mapped !== undefined && entry?.hash === prepared.hash) {
        record(n, "unchanged", {
          targetGuid: mapped,
          ...(prepared.notes.length && { notes: prepared.notes }),
        });
        done++;
        continue;
      }
      if (gone.has(n.key)) {
        const was = entryOf(known, n.key)!.guid;
        prepared.notes.unshift(
          `the target no longer has ${was} (deleted since the last deploy): sent as new`,
        );
      }
      pending.push({ node: n, ...prepared, mapped });
    }
    return pending;
  };

  const settle = (item: Pending, answer: ImportedTml | undefined, abortedBy?: string) => {
    const n = item.node;
    const notes = item.notes.length ? { notes: item.notes } : {};
    done++;
    if (!answer || answer.status === "ERROR" || abortedBy) {
      const message =
        answer?.status === "ERROR"
          ? (answer.message ?? "rejected without a message")
          : (abortedBy ?? "no answer for this object in ThoughtSpot's import answer");
      return record(n, "failed", { message, targetGuid: item.mapped, ...notes });
    }
    const guid = dryRun ? item.mapped : (answer.guid ?? item.mapped);
    const message = answer.message ? { message: answer.message } : {};
    const outcome = item.mapped !== undefined && (dryRun || guid === item.mapped) ? "updated" : "created";
    record(n, outcome, { targetGuid: guid, ...message, ...notes });
    if (dryRun || guid === undefined) return;
    created.set(n.key, guid);
    setOwn(known, n.key, { ...entryOf(known, n.key), guid, type: n.type, name: n.name, hash: item.hash });
  };

  let failure: unknown;
  let inFlight: readonly Pending[] = [];
  try {
    // Before anything is skipped as unchanged: are the objects the mapping knows still on the target?
    const mappedKeys = all.map((n) => n.key).filter((key) => entryOf(known, key) !== undefined);
    const missing = await missingOnTarget(
      ctx.call,
      mappedKeys.map((key) => entryOf(known, key)!.guid),
      callOptions,
    );
    for (const key of mappedKeys) if (missing.has(entryOf(known, key)!.guid)) gone.add(key);

    const send = (
      pending: Pending[],
      batch: number,
      onBatch?: (items: readonly Pending[], answers: (ImportedTml | undefined)[]) => void,
    ) =>
      importBatches(ctx.importTml, pending, {
        ...importOptions,
        batchSize: batch,
        onSend: (items) => {
          inFlight = items;
        },
        ...(onBatch && { onBatch }),
      });
    if (policy === "PARTIAL" || dryRun) {
      // Each batch's answers are settled as they come, so a request error later loses none of them.
      const levels = policy === "PARTIAL" && !dryRun ? order.levels : [order.levels.flat()];
      for (const [i, level] of levels.entries()) {
        const pending = await prepare(level);
        await send(pending, batchSize, (batch, answers) => {
          for (const [j, item] of batch.entries()) settle(item, answers[j]);
          inFlight = [];
          progress(i);
        });
        progress(dryRun ? Math.max(0, order.levels.length - 1) : i);
      }
    } else {
      // ALL_OR_NONE: one request for everything changed; objects new to the target are found by name
      // among the documents of the same import.
      const pending = await prepare(order.levels.flat());
      if (pending.length) {
        const answers = await send(pending, pending.length);
        inFlight = [];
        const failures = answers.filter((a) => !a || a.status === "ERROR").length;
        const aborted =
          failures > 0
            ? `not imported: ALL_OR_NONE, and ${failures} object(s) of the import failed`
            : undefined;
        pending.forEach((item, j) => {
          const answer = answers[j];
          const own = !answer || answer.status === "ERROR";
          settle(item, answer, own ? undefined : aborted);
        });
      }
      progress(Math.max(0, order.levels.length - 1));
    }
  } catch (error) {
    failure = error;
  }
  // What went through is on the target now: keep it in the mapping even if a later request failed.
  if (!dryRun && options.mappingFile !== undefined && created.size > 0) {
    try {
      await writeMappingFile(options.mappingFile, mapping);
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) {
    if (failure instanceof TypeError) throw failure;
    // Stopped part-way: every object without an outcome yet is failed, saying why it was not done.
    const why = failure instanceof Error ? failure.message : String(failure);
    const doubt = new Set(inFlight.map((item) => item.node.key));
    for (const n of order.levels.flat()) {
      if (results.has(n.key)) continue;
      const mapped = live(n.key)?.guid;
      record(n, "failed", {
        targetGuid: mapped,
        message: doubt.has(n.key)
          ? `the import request failed (${why}); ThoughtSpot may have applied it: deploy again to be sure`
          : `not attempted: the deploy stopped (${why})`,
      });
    }
    throw new TmlDeployError(result(failure), failure);
  }
  return result();

  function result(stoppedBy?: unknown): TmlDeployResult {
    const objects = order.levels.flat().map((n) => results.get(n.key)!);
    const report = {
      target,
      dryRun,
      policy,
      objects,
      excluded: excluded.map((n) => ({ name: n.name, type: n.type, key: n.key })),
      counts: countOutcomes(objects),
      mappingFile: options.mappingFile,
      ...(stoppedBy !== undefined && {
        stopped: stoppedBy instanceof Error ? stoppedBy.message : String(stoppedBy),
      }),
    };
    return {
      ...report,
      ok: report.counts.failed === 0 && stoppedBy === undefined,
      summary: formatDeployReport(report),
      mapping,
    };
  }
}

function entryOf(
  known: Record<string, TmlDeployMappingEntry>,
  key: string,
): TmlDeployMappingEntry | undefined {
  return Object.hasOwn(known, key) ? known[key] : undefined;
}

function checkOptions(options: TmlDeployOptions): void {
  if (!options || typeof options !== "object") throw new TypeError("tml.deploy needs options with `from`");
  const from = options.from as Record<string, unknown> | undefined;
  if (!from || typeof from !== "object")
    throw new TypeError("tml.deploy: `from` is { client, objects | types }, { folder } or { documents }");
  const kinds = ["client", "folder", "documents"].filter((k) => from[k] !== undefined);
  if (kinds.length !== 1)
    throw new TypeError("tml.deploy: `from` takes exactly one of client, folder or documents");
  if (options.policy !== undefined && !POLICIES.has(options.policy))
    throw new TypeError(`tml.deploy: policy is PARTIAL or ALL_OR_NONE, not ${String(options.policy)}`);
  if (options.mappingFile !== undefined && options.mapping !== undefined)
    throw new TypeError("tml.deploy: give mappingFile or mapping, not both");
  if (options.mappingFile !== undefined && (typeof options.mappingFile !== "string" || !options.mappingFile))
    throw new TypeError("tml.deploy: mappingFile is a path");
  if (options.target !== undefined && (typeof options.target !== "string" || !options.target))
    throw new TypeError("tml.deploy: target is a non-empty name");
  const batchSize = options.batchSize ?? 50;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new TypeError("tml.deploy: batchSize is a whole number of at least 1");
}

async function readSource(
  ctx: TmlDeployContext,
  options: TmlDeployOptions,
  callOptions: CallOptions,
): Promise<DeploySourceObject[]> {
  const from = options.from;
  if ("client" in from) {
    const { client, ...selection } = from;
    const objects = await client.tml.exportSet(selection, {
      ...callOptions,
      fqn: true,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      onProgress: (p) => options.onProgress?.({ phase: "export", ...p }),
    });
    return objects.map((o) => ({ doc: o.doc, origin: `${o.type} "${o.name ?? o.guid}"` }));
  }
  if ("folder" in from) {
    const files = await ctx.readFolder(from.folder, from.recursive ?? false);
    if (files.length === 0) throw new TypeError(`tml.deploy: no .tml files in ${from.folder}`);
    return files.map((f) => ({ doc: f.doc, origin: f.path }));
  }
  if (!Array.isArray(from.documents) || from.documents.length === 0)
    throw new TypeError("tml.deploy: `documents` is a non-empty list of TML texts or documents");
  return from.documents.map((d, i) => {
    if (typeof d === "string") return { doc: parseTml(d), origin: `document #${i}` };
    if (!d || typeof d !== "object") throw new TypeError(`tml.deploy: document #${i} is not TML`);
    return { doc: d, origin: `document #${i}` };
  });
}

/** `{cluster id}/org/{org id}`: the cluster from system information, the Org the target is logged into. */
async function targetKey(call: Call, options: CallOptions): Promise<string> {
  try {
    const [system, user] = await Promise.all([
      call.v2("getSystemInformation", {}, options),
      call.v2("getCurrentUserInfo", {}, options),
    ]);
    const cluster = system.id ?? system.name;
    const org = user.current_org?.id;
    if (!cluster) throw new TmlError("the target's system information names no cluster id");
    return `${cluster}/org/${org ?? 0}`;
  } catch (cause) {
    throw new TmlError(
      "tml.deploy: could not tell which cluster and Org the target is (system information, current user); name it with `target`",
      { cause },
    );
  }
}
