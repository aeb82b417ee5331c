// ts.tml.import(): TML documents (text or objects) into ThoughtSpot, V2 or V1, synchronous or as an
// async task with polling. Failures reported inside HTTP 200 answers become a TmlImportError.
import type { operations as V1Operations } from "../../generated/v1.js";
import type { components } from "../../generated/v2.js";
import type { Call, V2Input } from "../core/call.js";
import { callOptionsOf } from "../core/call-options.js";
import { RequestAbortedError, RequestTimeoutError } from "../core/errors.js";
import { unexpectedAnswer } from "../core/response-error.js";
import { sleep } from "../core/retry.js";
import type { CallOptions, OperationInput } from "../core/types.js";
import { parseTml, stringifyTml } from "./document.js";
import { TmlError, TmlImportError, type TmlImportFailure, TmlParseError } from "./errors.js";
import { entryStatus, type TmlStatus, tmlEntries } from "./results.js";
import type { TmlDocument } from "./types.js";

type Loose = Record<string, unknown>;

/** V2's import policies (the generated union); V1 takes fewer (V1_POLICIES). */
export type TmlImportPolicy = NonNullable<components["schemas"]["ImportMetadataTMLRequest"]["import_policy"]>;
type V1Policy = NonNullable<OperationInput<V1Operations["metadataTmlImport"]>["import_policy"]>;

/** V1's policies, every one checked against the V1 union (a record, so a missing one fails too). */
const V1_POLICIES = Object.keys({
  PARTIAL: true,
  ALL_OR_NONE: true,
  VALIDATE_ONLY: true,
} satisfies Record<V1Policy, true>);

/** Per-call options (signal, headers, timeoutMs, maxRetries) apply to every request of the import. */
export interface TmlImportOptions extends CallOptions {
  api?: "v1" | "v2";
  /** PARTIAL (V2 default), ALL_OR_NONE (V1 default), VALIDATE_ONLY, or PARTIAL_OBJECT (V2 only). */
  policy?: TmlImportPolicy;
  /** Create new objects even when the TML carries a GUID that exists (V2 create_new, V1 force_create). */
  createNew?: boolean;
  /** V2: import as a background task and poll its status (large sets). */
  async?: boolean;
  /** First wait between status polls (default 1 s; grows ×1.5 up to 10 s). */
  pollIntervalMs?: number;
  /**
   * Longest time to wait for an async import to end, polls included (default 30 min; Infinity to wait
   * as long as the task runs). Past it a RequestTimeoutError says the task may still run on the server.
   */
  maxWaitMs?: number;
  /** Called after each status poll of an async import. */
  onProgress?: (progress: { status: string; processed: number; total: number }) => void;
  /** Return failures in the result instead of throwing TmlImportError. */
  throwOnError?: boolean;
}

export interface ImportedTml {
  index: number;
  status: TmlStatus;
  guid: string | undefined;
  name: string | undefined;
  type: string | undefined;
  message: string | undefined;
}

export interface TmlImportResult {
  objects: ImportedTml[];
  /** GUIDs in input order (undefined where an object failed). */
  guids: (string | undefined)[];
  failures: TmlImportFailure[];
}

export interface TmlImportContext {
  call: Call;
  /** Import answers end up in TmlImportError's message and result: scrubbed of secrets first. */
  redact: <T>(value: T) => T;
}

/** Async task states after which polling stops, checked against the generated union. */
const TERMINAL = new Set<string>(["COMPLETED", "FAILED"] satisfies NonNullable<
  components["schemas"]["ImportEPackAsyncTaskStatus"]["task_status"]
>[]);

function asText(doc: string | TmlDocument, index: number): string {
  if (typeof doc === "string") {
    if (!doc.trim()) throw new TypeError(`tml.import: document #${index} is empty`);
    // Text that does not parse fails here, with its line and column, before any request;
    // text that parses is sent exactly as given.
    try {
      parseTml(doc);
    } catch (error) {
      if (!(error instanceof TmlParseError)) throw error;
      throw new TmlParseError(error.reason, error.line, error.column, {
        cause: error,
        file: `tml.import document #${index}`,
        ...(error.kind && { kind: error.kind }),
      });
    }
    return doc;
  }
  if (!doc || typeof doc !== "object")
    throw new TypeError(`tml.import: document #${index} is not TML text or a TML object`);
  return stringifyTml(doc);
}

/** The document's own name, for failures ThoughtSpot reports without a header. */
function nameOf(text: string): string | undefined {
  try {
    const doc = parseTml(text) as Loose;
    const body = Object.entries(doc).find(([k]) => k !== "guid" && k !== "obj_id")?.[1] as Loose | undefined;
    return typeof body?.name === "string" ? body.name : undefined;
  } catch {
    return undefined;
  }
}

export async function importTml(
  ctx: TmlImportContext,
  docs: string | TmlDocument | readonly (string | TmlDocument)[],
  options: TmlImportOptions = {},
): Promise<TmlImportResult> {
  const list = (Array.isArray(docs) ? docs : [docs]) as (string | TmlDocument)[];
  if (list.length === 0) throw new TypeError("tml.import needs at least one TML document");
  const texts = list.map(asText);
  const callOptions = callOptionsOf(options);
  let answer: unknown;
  let where: { method: string; path: string; operationId: string };

  if (options.api === "v1") {
    if (options.async) throw new TypeError("tml.import: async imports need the V2 API");
    if (options.policy !== undefined && !V1_POLICIES.includes(options.policy)) {
      throw new TypeError(
        `tml.import: V1 takes policy ${V1_POLICIES.join(", ")}, not ${String(options.policy)}`,
      );
    }
    where = { method: "POST", path: "/tspublic/v1/metadata/tml/import", operationId: "metadataTmlImport" };
    answer = await ctx.call.v1(
      "metadataTmlImport",
      {
        import_objects: texts,
        import_policy: (options.policy ?? "ALL_OR_NONE") as V1Policy, // checked against V1_POLICIES above
        ...(options.createNew !== undefined && { force_create: options.createNew }),
      },
      callOptions,
    );
  } else {
    const body: V2Input<"importMetadataTML"> = {
      metadata_tmls: texts,
      ...(options.policy !== undefined && { import_policy: options.policy }),
      ...(options.createNew !== undefined && { create_new: options.createNew }),
    };
    if (options.async) {
      where = {
        method: "POST",
        path: "/api/rest/2.0/metadata/tml/async/import",
        operationId: "importMetadataTMLAsync",
      };
      answer = await runAsync(ctx, body, options);
    } else {
      where = { method: "POST", path: "/api/rest/2.0/metadata/tml/import", operationId: "importMetadataTML" };
      answer = await ctx.call.v2("importMetadataTML", body, callOptions);
    }
  }

  const entries = tmlEntries(ctx.redact(answer), where);
  const objects: ImportedTml[] = texts.map((text, index) => {
    const entry = entries[index];
    if (!entry)
      return {
        index,
        status: "ERROR",
        guid: undefined,
        name: nameOf(text),
        type: undefined,
        message: "no answer for this object",
      };
    const header = ((entry.response as Loose | undefined)?.header ?? entry.header ?? {}) as Loose;
    const status = entryStatus(entry);
    const guid = header.id_guid ?? header.id;
    return {
      index,
      status: status.status,
      guid: typeof guid === "string" && status.status !== "ERROR" ? guid : undefined,
      name: typeof header.name === "string" ? header.name : nameOf(text),
      type:
        typeof (header.metadata_type ?? header.type) === "string"
          ? String(header.metadata_type ?? header.type)
          : undefined,
      message: status.message,
    };
  });
  const failures = objects
    .filter((o) => o.status === "ERROR")
    .map((o) => ({ index: o.index, name: o.name, message: o.message ?? "rejected without a message" }));
  const result = { objects, guids: objects.map((o) => o.guid), failures };
  if (failures.length && options.throwOnError !== false)
    throw new TmlImportError({ ...where, failures, result });
  return result;
}

async function runAsync(
  ctx: TmlImportContext,
  body: V2Input<"importMetadataTMLAsync">,
  options: TmlImportOptions,
): Promise<unknown> {
  const callOptions = callOptionsOf(options);
  const task: unknown = ctx.redact(await ctx.call.v2("importMetadataTMLAsync", body, callOptions));
  const taskId = task && typeof task === "object" ? (task as Loose).task_id : undefined;
  if (typeof taskId !== "string" || !taskId)
    throw unexpectedAnswer({ operationId: "importMetadataTMLAsync" }, "{ task_id }", task);
  const { maxWaitMs } = options;
  if (maxWaitMs !== undefined && !(typeof maxWaitMs === "number" && maxWaitMs >= 0))
    throw new TypeError("tml.import: maxWaitMs must be a non-negative number of milliseconds (or Infinity)");
  let wait = options.pollIntervalMs ?? 1000;
  // A task the server never finishes must not keep the caller polling forever.
  const deadline = performance.now() + (maxWaitMs ?? 30 * 60_000);
  for (;;) {
    if (performance.now() + wait > deadline) {
      throw new RequestTimeoutError({
        message: `async TML import ${taskId}: not finished within maxWaitMs (the task may still run on the server; fetchAsyncImportTaskStatus tells)`,
        method: "POST",
        path: "/api/rest/2.0/metadata/tml/async/status",
      });
    }
    try {
      await sleep(wait, options.signal);
    } catch (cause) {
      throw new RequestAbortedError({
        message: `async TML import ${taskId}: polling aborted by the caller (the task may still run on the server)`,
        method: "POST",
        path: "/api/rest/2.0/metadata/tml/async/status",
        cause,
      });
    }
    wait = Math.min(wait * 1.5, 10_000);
    const answer = ctx.redact(
      await ctx.call.v2(
        "fetchAsyncImportTaskStatus",
        { task_ids: [taskId], include_import_response: true },
        callOptions,
      ),
    );
    const list: unknown = answer && typeof answer === "object" ? answer.status_list : undefined;
    if (list !== undefined && list !== null && !Array.isArray(list))
      throw unexpectedAnswer({ operationId: "fetchAsyncImportTaskStatus" }, "{ status_list: [...] }", answer);
    const status = list?.[0] as NonNullable<typeof answer.status_list>[number] | undefined;
    if (!status || typeof status !== "object") continue;
    const state = String(status.task_status);
    options.onProgress?.({
      status: state,
      processed: Number(status.object_processed_count ?? 0),
      total: Number(status.total_object_count ?? 0),
    });
    if (!TERMINAL.has(state)) continue;
    const response = status.import_response;
    if (response !== undefined && response !== null) return response;
    throw new TmlError(`async TML import ${taskId} ended ${state} without an import response`);
  }
}
