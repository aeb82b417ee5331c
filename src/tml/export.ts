// ts.tml.export(): TML of one or many objects, V2 (metadata/tml/export) or V1, parsed and typed.
import type { components } from "../../generated/v2.js";
import type { Call, V2Input } from "../core/call.js";
import { callOptionsOf } from "../core/call-options.js";
import type { CallOptions } from "../core/types.js";
import { eventLoopTurns, readTmlValueInTurns, tmlType } from "./document.js";
import { TmlError } from "./errors.js";
import { entryStatus, type TmlStatus, tmlEntries } from "./results.js";
import type { TmlDocument } from "./types.js";

type Loose = Record<string, unknown>;

/** The types V2 exports TML of: the generated union, so a value ThoughtSpot adds is accepted at once. */
export type TmlExportType = NonNullable<components["schemas"]["ExportMetadataTypeInput"]["type"]>;

/** An object to export: a GUID, or a name with its type (names are not unique without one). */
export type TmlExportTarget = string | { identifier: string; type?: TmlExportType };

/** Per-call options (signal, headers, timeoutMs, maxRetries) apply to the export request. */
export interface TmlExportOptions extends CallOptions {
  /** "v2" (default) or "v1" (metadata/tml/export on /callosum/v1). */
  api?: "v1" | "v2";
  format?: "YAML" | "JSON";
  /** Reference other objects by GUID (fqn). Default: the client's tmlFqn setting (on). */
  fqn?: boolean;
  /** Also export the objects this one uses (tables of a worksheet, ...). */
  associated?: boolean;
  /** V2: also export dependents. */
  dependent?: boolean;
  /** V2: DEFAULT, V1 or V2 TML schema. */
  schemaVersion?: "DEFAULT" | "V1" | "V2";
  /** V2 export_options, as the spec defines them. */
  exportOptions?: V2Input<"exportMetadataTML">["export_options"];
}

export interface ExportedTml {
  /** TML type as ThoughtSpot names it in the info block (liveboard, worksheet, table, ...). */
  type: string;
  guid: string | undefined;
  name: string | undefined;
  status: TmlStatus;
  /** The TML text exactly as ThoughtSpot sent it. */
  text: string;
  /**
   * The parsed document. Kinds this SDK does not know are kept untyped, and so is an export
   * whose shape is not one TML document (a batch of users, say): nothing ThoughtSpot sends is
   * refused for its shape; only text that does not parse throws.
   */
  doc: TmlDocument;
}

export interface TmlExportResult {
  objects: ExportedTml[];
  /** Name → GUID of every exported object (the associations map promotions need). */
  guidsByName: Map<string, string>;
}

export interface TmlExportContext {
  call: Call;
  defaultFqn: boolean;
}

export async function exportTml(
  ctx: TmlExportContext,
  targets: TmlExportTarget | readonly TmlExportTarget[],
  options: TmlExportOptions = {},
): Promise<TmlExportResult> {
  const list = (Array.isArray(targets) ? targets : [targets]) as TmlExportTarget[];
  if (list.length === 0) throw new TypeError("tml.export needs at least one GUID or name");
  for (const t of list) {
    const id = typeof t === "string" ? t : t?.identifier;
    if (typeof id !== "string" || !id)
      throw new TypeError("tml.export: each target is a GUID or { identifier, type? }");
  }
  const format = options.format ?? "YAML";
  const fqn = options.fqn ?? ctx.defaultFqn;
  const callOptions = callOptionsOf(options);

  let answer: unknown;
  const source =
    options.api === "v1"
      ? { operationId: "metadataTmlExport", method: "POST", path: "/tspublic/v1/metadata/tml/export" }
      : { operationId: "exportMetadataTML", method: "POST", path: "/api/rest/2.0/metadata/tml/export" };
  if (options.api === "v1") {
    if (list.some((t) => typeof t !== "string"))
      throw new TypeError("tml.export with api v1 takes GUIDs only");
    answer = await ctx.call.v1(
      "metadataTmlExport",
      {
        export_ids: list as string[],
        formattype: format,
        ...(options.associated !== undefined && { export_associated: options.associated }),
        export_fqn: fqn,
      },
      callOptions,
    );
  } else {
    answer = await ctx.call.v2(
      "exportMetadataTML",
      {
        metadata: list.map((t) => (typeof t === "string" ? { identifier: t } : { ...t })),
        edoc_format: format,
        export_fqn: fqn,
        ...(options.associated !== undefined && { export_associated: options.associated }),
        ...(options.dependent !== undefined && { export_dependent: options.dependent }),
        ...(options.schemaVersion !== undefined && { export_schema_version: options.schemaVersion }),
        ...(options.exportOptions !== undefined && { export_options: options.exportOptions }),
      },
      callOptions,
    );
  }

  const objects: ExportedTml[] = [];
  const failures: string[] = [];
  // Many or large documents: parse in turns, so the answer cannot hold the event loop for long.
  const turn = eventLoopTurns();
  for (const entry of tmlEntries(answer, source)) {
    await turn();
    const info = (entry.info ?? {}) as Loose;
    const status = entryStatus(entry);
    const name = typeof info.name === "string" ? info.name : undefined;
    const guid = typeof info.id === "string" ? info.id : undefined;
    if (status.status === "ERROR" || typeof entry.edoc !== "string") {
      failures.push(`${name ?? guid ?? "object"}: ${status.message ?? "no TML returned"}`);
      continue;
    }
    const doc = await exportedDocument(entry.edoc, turn);
    objects.push({
      type: String(info.type ?? Object.keys(Object(doc)).find((k) => k !== "guid") ?? ""),
      guid,
      name,
      status: status.status,
      text: entry.edoc,
      doc,
    });
  }
  // The per-object messages are the server's words: the boundary scrubs them with the rest of the error.
  if (failures.length)
    throw new TmlError({
      ...source,
      status: 200,
      message: `TML export failed for ${failures.length} object(s):\n- ${failures.join("\n- ")}`,
    });
  const guidsByName = new Map<string, string>();
  for (const o of objects) if (o.name && o.guid) guidsByName.set(o.name, o.guid);
  return { objects, guidsByName };
}

/** Parsed in turns; a shape that is not one known TML kind is kept as read (text that does not parse throws). */
async function exportedDocument(text: string, turn: () => Promise<void>): Promise<TmlDocument> {
  const value = await readTmlValueInTurns(text, { turn });
  try {
    tmlType(value);
  } catch (error) {
    if (!(error instanceof TmlError)) throw error;
  }
  return value as TmlDocument;
}
