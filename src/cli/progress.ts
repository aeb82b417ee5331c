// Progress of long exports and imports on stderr: one counter line rewritten in place on a terminal,
// a line per step elsewhere (CI logs). It writes to stderr only, so stdout stays the report.

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** `exporting 3/10`: shown when it changes. */
  count(label: string, done: number, total: number): void;
  /** A line of its own (ends the counter line first). */
  line(text: string): void;
  /** Ends the counter line. */
  done(): void;
}

export function progressOn(stderr: Output, quiet: boolean): Progress {
  let open = false;
  let last = "";
  let lastLabel = "";
  const end = () => {
    if (open) stderr.write("\n");
    open = false;
  };
  return {
    count(label, done, total) {
      if (quiet) return;
      const text = `${label} ${done}/${total}`;
      if (text === last) return;
      last = text;
      if (stderr.isTTY) {
        if (label !== lastLabel) end(); // a new phase starts its own line
        lastLabel = label;
        stderr.write(`\r\x1b[2K${text}`);
        open = true;
      } else stderr.write(`${text}\n`);
    },
    line(text) {
      if (quiet) return;
      end();
      stderr.write(`${text}\n`);
    },
    done: end,
  };
}
