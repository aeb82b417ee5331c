// Command-line arguments of `thoughtspot-rest-api`: each command's flags (with their kind) and the parse
// into positionals and values. Pure. It never reads the environment and never guesses a flag it does not know.

export type FlagKind = "boolean" | "string" | "number" | "list";

export interface FlagSpec {
  kind: FlagKind;
  /** One line for --help. */
  help: string;
  /** The value's name in --help (`DIR`, `N` ...). */
  value?: string;
  /** Allowed values of a string flag. */
  choices?: readonly string[];
}

export interface CommandSpec {
  /** `tml export`, `tml import`, `tml deploy`. */
  name: string;
  usage: string;
  summary: string;
  flags: Record<string, FlagSpec>;
}

/** Raised for arguments that cannot be used; the CLI prints it with a hint and exits with status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | number | boolean | string[]>;
}

export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const positionals: string[] = [];
  const values: ParsedArgs["values"] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") throw new UsageError(`${spec.name}: unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    let name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    let inline = eq < 0 ? undefined : arg.slice(eq + 1);
    let negated = false;
    if (
      !Object.hasOwn(spec.flags, name) &&
      name.startsWith("no-") &&
      spec.flags[name.slice(3)]?.kind === "boolean"
    ) {
      name = name.slice(3);
      negated = true;
    }
    const flag = Object.hasOwn(spec.flags, name) ? spec.flags[name] : undefined;
    if (!flag) throw new UsageError(`${spec.name}: unknown option --${name} (see --help)`);
    if (flag.kind === "boolean") {
      if (inline !== undefined) {
        if (inline !== "true" && inline !== "false")
          throw new UsageError(`${spec.name}: --${name} takes no value (or =true/=false)`);
        values[name] = negated ? inline !== "true" : inline === "true";
      } else values[name] = !negated;
      continue;
    }
    if (negated) throw new UsageError(`${spec.name}: unknown option --no-${name}`);
    if (inline === undefined) {
      inline = argv[i + 1];
      if (inline === undefined || (inline.startsWith("--") && inline.length > 2))
        throw new UsageError(`${spec.name}: --${name} needs a value${flag.value ? ` (${flag.value})` : ""}`);
      i++;
    }
    if (flag.kind === "number") {
      const n = Number(inline);
      if (!Number.isInteger(n) || inline.trim() === "")
        throw new UsageError(`${spec.name}: --${name} takes a whole number, not ${JSON.stringify(inline)}`);
      values[name] = n;
    } else {
      if (flag.choices && !flag.choices.includes(inline.toUpperCase()))
        throw new UsageError(
          `${spec.name}: --${name} is one of ${flag.choices.join(", ")}, not ${JSON.stringify(inline)}`,
        );
      const value = flag.choices ? inline.toUpperCase() : inline;
      values[name] =
        flag.kind === "list" ? [...((values[name] as string[] | undefined) ?? []), value] : value;
    }
  }
  return { positionals, values };
}

/** --help text of one command: usage, summary, flags in the order given. */
export function commandHelp(spec: CommandSpec): string {
  const rows = Object.entries(spec.flags).map(([name, f]) => {
    const head = f.kind === "boolean" ? `--${name}` : `--${name} ${f.value ?? "VALUE"}`;
    const more = f.kind === "list" ? " (repeatable)" : f.choices ? ` (${f.choices.join(" | ")})` : "";
    return [head, `${f.help}${more}`] as const;
  });
  const width = Math.max(...rows.map(([h]) => h.length));
  return [
    `Usage: thoughtspot-rest-api ${spec.usage}`,
    "",
    spec.summary,
    "",
    "Options:",
    ...rows.map(([h, text]) => `  ${h.padEnd(width)}  ${text}`),
    "",
  ].join("\n");
}

/** `FROM=TO` pairs of --connection/--table/--worksheet: TO is a GUID (pinned by fqn) or a name. */
export function parseSwap(flag: string, value: string): [string, { name?: string; fqn?: string }] {
  const eq = value.lastIndexOf("=");
  if (eq <= 0 || eq === value.length - 1)
    throw new UsageError(
      `--${flag} takes FROM=TO (a name or GUID on each side), not ${JSON.stringify(value)}`,
    );
  const from = value.slice(0, eq);
  const to = value.slice(eq + 1);
  return [from, GUID.test(to) ? { fqn: to } : { name: to }];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** --include/--exclude: `/pattern/flags` is a RegExp on the name; anything else a name or GUID. */
export function parseFilter(value: string): string | RegExp {
  const m = /^\/(.+)\/([a-z]*)$/.exec(value);
  if (!m) return value;
  try {
    return new RegExp(m[1]!, m[2]);
  } catch (error) {
    throw new UsageError(`not a valid pattern ${value}: ${(error as Error).message}`);
  }
}
