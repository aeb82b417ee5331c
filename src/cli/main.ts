// `thoughtspot-rest-api`, the command installed with the package (bin.ts starts it): `tml export|import|deploy`.
// Dispatches to a command, prints errors (the SDK's, already scrubbed of secrets) on stderr, and sets the exit status:
// 0 done, 1 an object failed or a request failed, 2 unusable arguments or environment.
import { ThoughtSpotError, VERSION } from "../index.js";
import { type CommandSpec, commandHelp, parseArgs, UsageError } from "./args.js";
import {
  type CommandIo,
  deploySpec,
  exportSpec,
  importSpec,
  runDeploy,
  runExport,
  runImport,
} from "./commands.js";
import { ENV_HELP, type Env } from "./env.js";
import { type Output, progressOn } from "./progress.js";

const COMMANDS: Record<string, { spec: CommandSpec; run: typeof runExport }> = {
  export: { spec: exportSpec, run: runExport },
  import: { spec: importSpec, run: runImport },
  deploy: { spec: deploySpec, run: runDeploy },
};

export const HELP = `Usage: thoughtspot-rest-api tml <command> [options]

Commands:
  tml export <GUID | name>... --out DIR       objects and what they use as .tml files
  tml import <DIR | FILE.tml>...              .tml files into ThoughtSpot
  tml deploy <GUID | name>... --mapping FILE  promote to another Org or cluster (GUID mapping, dry runs)

Run \`thoughtspot-rest-api tml <command> --help\` for a command's options.
Progress goes to stderr, results to stdout (--json for machines).
Exit status: 0 done, 1 an object or a request failed, 2 unusable arguments or environment.

${ENV_HELP}`;

export interface RunIo {
  env: Env;
  stdout: Output;
  stderr: Output;
}

/** Runs one command line; resolves to the exit status. */
export async function run(argv: readonly string[], io: RunIo): Promise<number> {
  const [group, name, ...rest] = argv;
  if (group === undefined || group === "--help" || group === "-h" || group === "help") {
    io.stdout.write(HELP);
    return 0;
  }
  if (group === "--version" || group === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = group === "tml" && name !== undefined ? COMMANDS[name] : undefined;
  if (!command) {
    if (group === "tml" && (name === undefined || name === "--help" || name === "-h")) {
      io.stdout.write(HELP);
      return name === undefined ? 2 : 0;
    }
    io.stderr.write(`unknown command: ${[group, name].filter(Boolean).join(" ")}\n\n${HELP}`);
    return 2;
  }
  const clients: CommandIo["clients"] = [];
  let progress = progressOn(io.stderr, true);
  try {
    const args = parseArgs(rest, command.spec);
    if (args.values.help) {
      io.stdout.write(`${commandHelp(command.spec)}\n${ENV_HELP}`);
      return 0;
    }
    progress = progressOn(io.stderr, args.values.quiet === true);
    return await command.run(args, { ...io, progress, clients });
  } catch (error) {
    progress.done();
    if (error instanceof UsageError || error instanceof TypeError) {
      io.stderr.write(
        `\n${error.message}\n(thoughtspot-rest-api ${command.spec.name} --help lists the options)\n`,
      );
      return 2;
    }
    // ThoughtSpotError messages are built scrubbed of credentials; other errors print their message only.
    const label =
      error instanceof ThoughtSpotError ? error.name : error instanceof Error ? error.name : "Error";
    io.stderr.write(`${label}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await Promise.all(clients.map((c) => c.logout().catch(() => {})));
  }
}
