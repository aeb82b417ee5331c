// The `tml export|import|deploy` commands: flags → the library's options, its results → stdout (text, or
// JSON with --json), progress → stderr. Each command is a thin call of ts.tml; nothing here decides what
// the library would decide (order, mapping, matching): the CLI can do only what a program can.
import {
  type ThoughtSpotClient,
  TmlDeployError,
  type TmlDeployOptions,
  type TmlDeployResult,
  type TmlImportPolicy,
  type TmlSelectionType,
} from "../index.js";
import { readTmlFolder, type TmlRefTarget, writeTmlFolder } from "../tml-entry.js";
import {
  type CommandSpec,
  type FlagSpec,
  type ParsedArgs,
  parseFilter,
  parseSwap,
  UsageError,
} from "./args.js";
import { type Env, parseOrg, sourceClient, targetClient } from "./env.js";
import type { Output, Progress } from "./progress.js";

export interface CommandIo {
  env: Env;
  stdout: Output;
  stderr: Output;
  progress: Progress;
  /** For tests: clients made from the environment are handed here (to log out at the end). */
  clients: ThoughtSpotClient[];
}

const TYPES = ["LIVEBOARD", "ANSWER", "LOGICAL_TABLE", "CONNECTION"] as const;

const common: Record<string, FlagSpec> = {
  json: { kind: "boolean", help: "print the result as JSON on stdout" },
  quiet: { kind: "boolean", help: "no progress on stderr" },
  help: { kind: "boolean", help: "this help" },
};
const selection: Record<string, FlagSpec> = {
  type: {
    kind: "list",
    value: "TYPE",
    help: "with names: their type; without objects: every object of the type",
    choices: TYPES,
  },
  tag: { kind: "list", value: "TAG", help: "with --type: only objects with this tag" },
  dependencies: { kind: "boolean", help: "also export what the objects use (default on; --no-dependencies)" },
  concurrency: { kind: "number", value: "N", help: "exports at a time (default 4)" },
  org: { kind: "string", value: "ID", help: "the source Org (default TS_ORG_ID)" },
};

export const exportSpec: CommandSpec = {
  name: "tml export",
  usage: "tml export <GUID | name>... --out DIR [options]",
  summary:
    "Exports objects (and, by default, what they use) as {name}.{type}.tml files into DIR; prints the files written.",
  flags: {
    out: { kind: "string", value: "DIR", help: "folder to write the files into (created if missing)" },
    ...selection,
    fqn: { kind: "boolean", help: "references carry GUIDs (default on; --no-fqn)" },
    ...common,
  },
};

export const importSpec: CommandSpec = {
  name: "tml import",
  usage: "tml import <DIR | FILE.tml>... [options]",
  summary:
    "Imports .tml files (every file of each DIR) into TS_SERVER_URL; prints each object's status. Exit status 1 if any failed.",
  flags: {
    policy: {
      kind: "string",
      value: "POLICY",
      help: "ThoughtSpot's import policy (default PARTIAL)",
      choices: ["PARTIAL", "ALL_OR_NONE", "VALIDATE_ONLY"],
    },
    "create-new": { kind: "boolean", help: "create new objects even where the files carry existing GUIDs" },
    async: { kind: "boolean", help: "import as a background task and poll it (large sets; shows a counter)" },
    recursive: { kind: "boolean", help: "also read sub-folders" },
    org: { kind: "string", value: "ID", help: "the Org (default TS_ORG_ID)" },
    ...common,
  },
};

export const deploySpec: CommandSpec = {
  name: "tml deploy",
  usage: "tml deploy (<GUID | name>... | --type TYPE | --from DIR) --mapping FILE [options]",
  summary: [
    "Promotes objects of TS_SERVER_URL (with what they use), or the .tml files of DIR, to the target",
    "(TS_TARGET_*; another Org with --target-org), in dependency order. Objects the mapping file knows are",
    "updated in place, new ones created and added to it; unchanged ones are skipped. Prints a report per",
    "object. Exit status 1 if any object failed, or if a request error stopped the deploy part-way (the",
    "report of what went through is still printed; the mapping file keeps it).",
  ].join("\n"),
  flags: {
    mapping: {
      kind: "string",
      value: "FILE",
      help: "the GUID mapping file, read and written (created if missing)",
    },
    from: { kind: "string", value: "DIR", help: "deploy the .tml files of DIR instead of exporting" },
    recursive: { kind: "boolean", help: "with --from: also read sub-folders" },
    ...selection,
    "target-org": { kind: "string", value: "ID", help: "the target Org (default TS_TARGET_ORG_ID)" },
    target: {
      kind: "string",
      value: "NAME",
      help: "the target's key in the mapping (default cluster id/org/Org id)",
    },
    "dry-run": { kind: "boolean", help: "VALIDATE_ONLY: report what would change, change nothing" },
    policy: { kind: "string", value: "POLICY", help: "default PARTIAL", choices: ["PARTIAL", "ALL_OR_NONE"] },
    force: { kind: "boolean", help: "also send objects unchanged since the last deploy" },
    include: {
      kind: "list",
      value: "NAME",
      help: "only these objects (name, GUID, or /regexp/ on the name)",
    },
    exclude: { kind: "list", value: "NAME", help: "not these objects (name, GUID, or /regexp/)" },
    "exclude-type": { kind: "list", value: "KIND", help: "not these kinds (connection, table, ...)" },
    connection: { kind: "list", value: "FROM=TO", help: "use the target's connection TO (a name or GUID)" },
    table: { kind: "list", value: "FROM=TO", help: "swap a referenced table, view or SQL view" },
    worksheet: { kind: "list", value: "FROM=TO", help: "swap a referenced worksheet or model" },
    "batch-size": { kind: "number", value: "N", help: "objects per import request (default 50)" },
    async: { kind: "boolean", help: "import as background tasks and poll them" },
    ...common,
  },
};

function list(args: ParsedArgs, name: string): string[] {
  return (args.values[name] as string[] | undefined) ?? [];
}

function json(io: CommandIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Positionals and --type as a selection: names take the one --type; no positionals select by type. */
function selectionOf(args: ParsedArgs, command: string) {
  const types = list(args, "type") as TmlSelectionType[];
  const tags = list(args, "tag");
  const ids = args.positionals;
  const dependencies = args.values.dependencies !== false;
  if (ids.length === 0) {
    if (types.length === 0) throw new UsageError(`${command}: name objects (GUIDs or names) or --type`);
    return { types, ...(tags.length && { tags }), dependencies };
  }
  if (tags.length) throw new UsageError(`${command}: --tag selects among --type, without objects`);
  if (types.length > 1) throw new UsageError(`${command}: objects by name take one --type`);
  const type = types[0];
  return { objects: ids.map((id) => (type ? { identifier: id, type } : id)), dependencies };
}

export async function runExport(args: ParsedArgs, io: CommandIo): Promise<number> {
  const out = args.values.out as string | undefined;
  if (!out) throw new UsageError("tml export: --out DIR is required");
  const ts = sourceClient(io.env, parseOrg(args.values.org, "--org"));
  io.clients.push(ts);
  const objects = await ts.tml.exportSet(selectionOf(args, "tml export"), {
    ...(args.values.fqn !== undefined && { fqn: args.values.fqn as boolean }),
    ...(args.values.concurrency !== undefined && { concurrency: args.values.concurrency as number }),
    onProgress: ({ done, total }) => io.progress.count("exporting", done, total),
  });
  io.progress.done();
  const files = await writeTmlFolder(
    out,
    objects.map((o) => o.doc),
  );
  if (args.values.json)
    json(
      io,
      files.map((f, i) => ({ path: f.path, type: f.type, name: f.name, guid: objects[i]?.guid })),
    );
  else for (const f of files) io.stdout.write(`${f.path}\n`);
  io.progress.line(`exported ${files.length} object(s) to ${out}`);
  return 0;
}

export async function runImport(args: ParsedArgs, io: CommandIo): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError("tml import: name folders or .tml files");
  const { readFile, stat } = await import("node:fs/promises");
  const texts: { path: string; text: string }[] = [];
  for (const path of args.positionals) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`tml import: no such file or folder ${path}`);
    if (info.isDirectory()) {
      const files = await readTmlFolder(path, { recursive: args.values.recursive === true });
      texts.push(...files.map((f) => ({ path: f.path, text: f.text })));
    } else texts.push({ path, text: await readFile(path, "utf8") });
  }
  if (texts.length === 0) throw new UsageError("tml import: no .tml files found");
  const ts = sourceClient(io.env, parseOrg(args.values.org, "--org"));
  io.clients.push(ts);
  io.progress.line(`importing ${texts.length} object(s)`);
  const result = await ts.tml.import(
    texts.map((t) => t.text),
    {
      throwOnError: false,
      ...(args.values.policy !== undefined && { policy: args.values.policy as TmlImportPolicy }),
      ...(args.values["create-new"] !== undefined && { createNew: args.values["create-new"] as boolean }),
      ...(args.values.async === true && {
        async: true,
        onProgress: ({ processed, total }) => io.progress.count("importing", processed, total),
      }),
    },
  );
  io.progress.done();
  const rows = result.objects.map((o, i) => ({ ...o, file: texts[i]!.path }));
  if (args.values.json) json(io, { objects: rows, failures: result.failures });
  else {
    for (const o of rows) {
      io.stdout.write(
        `${o.status.padEnd(7)} ${o.type ?? "-"} "${o.name ?? o.file}" ${o.guid ?? ""}`.trimEnd(),
      );
      io.stdout.write("\n");
      if (o.message) io.stdout.write(`        ${o.message.split("\n").join("\n        ")}\n`);
    }
    const verb = args.values.policy === "VALIDATE_ONLY" ? "valid" : "imported";
    io.stdout.write(`${rows.length - result.failures.length} ${verb}, ${result.failures.length} failed\n`);
  }
  return result.failures.length ? 1 : 0;
}

export async function runDeploy(args: ParsedArgs, io: CommandIo): Promise<number> {
  const mappingFile = args.values.mapping as string | undefined;
  if (!mappingFile) throw new UsageError("tml deploy: --mapping FILE is required (it is created if missing)");
  const folder = args.values.from as string | undefined;
  if (folder !== undefined && (args.positionals.length || list(args, "type").length))
    throw new UsageError("tml deploy: --from DIR takes no objects or --type");
  const swaps = (name: string) => {
    const pairs = list(args, name).map((v) => parseSwap(name, v));
    return pairs.length ? (Object.fromEntries(pairs) as Record<string, TmlRefTarget>) : undefined;
  };
  const connections = swaps("connection");
  const tables = swaps("table");
  const worksheets = swaps("worksheet");
  const include = list(args, "include").map(parseFilter);
  const exclude = list(args, "exclude").map(parseFilter);
  const excludeTypes = list(args, "exclude-type");

  let from: TmlDeployOptions["from"];
  if (folder !== undefined) from = { folder, recursive: args.values.recursive === true };
  else {
    const selection = selectionOf(args, "tml deploy");
    const source = sourceClient(io.env, parseOrg(args.values.org, "--org"));
    io.clients.push(source);
    from = { client: source, ...selection };
  }
  const target = targetClient(io.env, parseOrg(args.values["target-org"], "--target-org"));
  io.clients.push(target);

  let report: TmlDeployResult;
  let stoppedBy: TmlDeployError | undefined;
  const deploying = target.tml.deploy({
    from,
    mappingFile,
    ...(args.values.target !== undefined && { target: args.values.target as string }),
    ...(args.values["dry-run"] === true && { dryRun: true }),
    ...(args.values.policy !== undefined && { policy: args.values.policy as "PARTIAL" | "ALL_OR_NONE" }),
    ...(args.values.force === true && { force: true }),
    ...(include.length && { include }),
    ...(exclude.length && { exclude }),
    ...(excludeTypes.length && { excludeTypes }),
    ...(connections && { connections }),
    ...(tables && { tables }),
    ...(worksheets && { worksheets }),
    ...(args.values["batch-size"] !== undefined && { batchSize: args.values["batch-size"] as number }),
    ...(args.values.concurrency !== undefined && { concurrency: args.values.concurrency as number }),
    ...(args.values.async === true && { async: true }),
    onProgress: (p) => io.progress.count(p.phase === "export" ? "exporting" : "importing", p.done, p.total),
  });
  try {
    report = await deploying;
  } catch (error) {
    // Stopped part-way: what went through is in the mapping file; the report says what did not.
    if (!(error instanceof TmlDeployError)) throw error;
    stoppedBy = error;
    report = error.report;
  }
  io.progress.done();
  if (args.values.json) {
    const { mapping: _mapping, summary: _summary, ...data } = report;
    const error = stoppedBy && {
      name: stoppedBy.name,
      message: stoppedBy.message,
      status: stoppedBy.status,
      operationId: stoppedBy.operationId,
    };
    json(io, error ? { ...data, error } : data);
  } else io.stdout.write(report.summary);
  if (stoppedBy) io.stderr.write(`${stoppedBy.name}: ${stoppedBy.message}\n`);
  return report.ok ? 0 : 1;
}
