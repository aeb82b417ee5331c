// Optional logging: silent unless the user passes a logger. Lines are built from redacted parts only.

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LevelLogger = Logger & { enabled(level: Exclude<LogLevel, "silent">): boolean };

/** Wraps a user logger (console works) so calls below `level` cost nothing. */
export function levelLogger(
  logger: Logger | undefined,
  level: LogLevel = logger ? "info" : "silent",
): LevelLogger {
  const min = logger ? ORDER[level] : ORDER.silent;
  const at = (name: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
    if (ORDER[name] >= min) logger?.[name](message, fields);
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    enabled: (name) => ORDER[name] >= min,
  };
}
