// ts.tml: export, import and folder round trips, bound to one client's operation methods.
import type { Call, V2Output } from "../core/call.js";
import type { CallOptions } from "../core/types.js";
import type { TmlDeployOptions, TmlDeployResult } from "./deploy/deploy.js";
import type { TmlExportSetOptions, TmlSelection } from "./deploy/plan.js";
import {
  type ExportedTml,
  exportTml,
  type TmlExportOptions,
  type TmlExportResult,
  type TmlExportTarget,
} from "./export.js";
import type { TmlFile } from "./files.js";
import { importTml, type TmlImportOptions, type TmlImportResult } from "./import.js";
import type { TmlDocument } from "./types.js";

/** One batch of V2 metadata/tml/export/batch, as the spec types it. */
export type TmlExportBatch = V2Output<"exportMetadataTMLBatched">;

export interface TmlApi {
  /** TML of one or many objects, parsed; `guidsByName` maps every exported object's name to its GUID. */
  export(
    targets: TmlExportTarget | readonly TmlExportTarget[],
    options?: TmlExportOptions,
  ): Promise<TmlExportResult>;
  /** V2 metadata/tml/export/batch for users, groups and roles, one batch per call. */
  exportBatch(
    input: {
      metadataType: "USER" | "USER_GROUP" | "ROLE";
      batchOffset?: number;
      batchSize?: number;
      format?: "YAML" | "JSON";
    },
    options?: CallOptions,
  ): Promise<TmlExportBatch>;
  /** Imports documents (text or objects); throws TmlImportError if any object failed. */
  import(
    docs: string | TmlDocument | readonly (string | TmlDocument)[],
    options?: TmlImportOptions,
  ): Promise<TmlImportResult>;
  /** Node: exports and writes `{name}.{type}.tml` files into `dir`. */
  exportToFolder(
    targets: TmlExportTarget | readonly TmlExportTarget[],
    dir: string,
    options?: TmlExportOptions,
  ): Promise<TmlFile[]>;
  /**
   * The objects a selection names (GUIDs, names with a type, every object of some types or tags),
   * each exported with what it uses, at most `concurrency` exports at a time, each object once.
   */
  exportSet(selection: TmlSelection, options?: TmlExportSetOptions): Promise<ExportedTml[]>;
  /**
   * Promotes TML to this client's cluster/Org: from another client's objects (with their dependencies),
   * a folder or documents; in dependency order; updating what the GUID mapping knows, creating the rest;
   * skipping what is unchanged since the last deploy. Returns a report per object (see README "Promote content").
   */
  deploy(options: TmlDeployOptions): Promise<TmlDeployResult>;
  /** Node: imports every `.tml` file of `dir` (sorted by path). */
  importFromFolder(
    dir: string,
    options?: TmlImportOptions & { recursive?: boolean },
  ): Promise<TmlImportResult & { files: TmlFile[] }>;
}

export function createTmlApi(
  call: Call,
  defaultFqn: boolean,
  redact: <T>(value: T) => T = (value) => value,
): TmlApi {
  const ctx = { call, defaultFqn, redact };
  const api: TmlApi = {
    export: (targets, options) => exportTml(ctx, targets, options),
    exportBatch: ({ metadataType, batchOffset, batchSize, format }, options) =>
      call.v2(
        "exportMetadataTMLBatched",
        {
          metadata_type: metadataType,
          ...(batchOffset !== undefined && { batch_offset: batchOffset }),
          ...(batchSize !== undefined && { batch_size: batchSize }),
          ...(format !== undefined && { edoc_format: format }),
        },
        options,
      ),
    import: (docs, options) => importTml(ctx, docs, options),
    async exportSet(selection, options) {
      const { exportSet } = await import("./deploy/plan.js");
      return exportSet(call, (targets, o) => api.export(targets, o), selection, options);
    },
    async deploy(options) {
      const { deployTml } = await import("./deploy/deploy.js");
      return deployTml(
        {
          call,
          importTml: (docs, o) => api.import(docs, o),
          readFolder: async (dir, recursive) =>
            (await import("./files.js")).readTmlFolder(dir, { recursive }),
        },
        options,
      );
    },
    async exportToFolder(targets, dir, options) {
      const { writeTmlFolder } = await import("./files.js"); // node:fs, loaded only when used
      const { objects } = await api.export(targets, options);
      return writeTmlFolder(
        dir,
        objects.map((o) => o.doc),
      );
    },
    async importFromFolder(dir, options = {}) {
      const { readTmlFolder } = await import("./files.js");
      const { recursive, ...importOptions } = options;
      const files = await readTmlFolder(dir, { recursive: recursive ?? false });
      if (files.length === 0) throw new TypeError(`tml.importFromFolder: no .tml files in ${dir}`);
      return {
        ...(await api.import(
          files.map((f) => f.text),
          importOptions,
        )),
        files,
      };
    },
  };
  return api;
}
