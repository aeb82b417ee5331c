// ThoughtSpot release strings (9.12.5.cl, 10.1.0.sw, 26.8.0.cl, ts7.april.cl): parse and compare.
// A form this file does not know compares as unknown, never as older: a wrong "too old" would
// blame the cluster for an error it did not cause.

/** Cloud releases end in .cl, Software releases in .sw (or -sw); some documents give neither. */
export type ReleaseChannel = "cloud" | "software";

export interface Release {
  /** The text as given, trimmed. */
  raw: string;
  channel: ReleaseChannel | undefined;
  /** Numbered releases: [major, minor, patch]; monthly cloud releases (ts7.may.cl): [generation, 0, month]. */
  numbers: [number, number, number];
  /** True for the 2021 monthly cloud names (ts7.april.cl, ts8.nov.cl), which predate the numbered scheme. */
  monthly: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// 10.1.0.cl, 9.12.5.cl-136 (a build number), 8.4.1-sw, 7.1.1, 6.0.x (any 6.0 release), 26.8.0.cl
const NUMBERED = /^(\d+)\.(\d+)(?:\.(\d+|x))?(?:\.\d+)*(?:[.-](cl|sw))?(?:-[0-9a-z][0-9a-z._-]*)?$/i;
// ts7.april.cl, ts8.nov.cl
const MONTHLY = /^ts(\d+)\.([a-z]+)\.cl$/i;

/** The release, or undefined when the text is not a form ThoughtSpot uses ("test", "", "latest"). */
export function parseRelease(text: string | null | undefined): Release | undefined {
  if (typeof text !== "string") return undefined;
  const raw = text.trim();
  const numbered = NUMBERED.exec(raw);
  if (numbered) {
    const [, major, minor, patch, suffix] = numbered;
    const channel = suffix ? (suffix.toLowerCase() === "cl" ? "cloud" : "software") : undefined;
    const patchNumber = patch === undefined || patch.toLowerCase() === "x" ? 0 : Number(patch);
    return { raw, channel, numbers: [Number(major), Number(minor), patchNumber], monthly: false };
  }
  const monthly = MONTHLY.exec(raw);
  if (monthly) {
    const month = MONTHS.indexOf((monthly[2] as string).slice(0, 3).toLowerCase());
    if (month < 0) return undefined;
    return { raw, channel: "cloud", numbers: [Number(monthly[1]), 0, month + 1], monthly: true };
  }
  return undefined;
}

/**
 * -1 when a is older than b, 0 when the same, 1 when newer; undefined when the two cannot be ordered.
 * Cloud and Software releases with the same number hold the same features (a Software release is cut
 * from the Cloud release of that number), so they compare by number. A monthly cloud name (tsN.month.cl)
 * is older than any numbered release whose major is above N; against major N itself it is unknown.
 */
export function compareReleases(
  a: Release | string | undefined,
  b: Release | string | undefined,
): -1 | 0 | 1 | undefined {
  const x = typeof a === "string" ? parseRelease(a) : a;
  const y = typeof b === "string" ? parseRelease(b) : b;
  if (!x || !y) return undefined;
  if (x.monthly !== y.monthly) {
    const [monthly, numbered, sign] = x.monthly ? [x, y, 1] : [y, x, -1];
    if (monthly.numbers[0] === numbered.numbers[0]) return undefined;
    return (monthly.numbers[0] < numbered.numbers[0] ? -sign : sign) as -1 | 1;
  }
  for (let i = 0; i < 3; i++) {
    const d = (x.numbers[i] as number) - (y.numbers[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** True only when the cluster is known to be older than the release an operation needs. */
export function isOlderRelease(cluster: Release | string | undefined, needed: Release | string | undefined) {
  return compareReleases(cluster, needed) === -1;
}
