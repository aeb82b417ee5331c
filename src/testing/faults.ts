// Faults on demand: the next N calls of an operation (or of every operation, "*") answer an error
// status, wait, or lose their connection, so retries, timeouts and back-off can be tested.
// Owns only the rules; the server applies them. Never waits or fails a call no rule names.

/** What the next matching calls do. At least one of status, delayMs or drop. */
export interface MockFault {
  /** Answer this status (e.g. 429, 503) with a ThoughtSpot error body instead of the real answer. */
  status?: number;
  /** How many calls the fault applies to (default 1; Infinity for every call until clearFaults()). */
  times?: number;
  /** Retry-After header value (seconds, or an HTTP date) sent with `status`. */
  retryAfter?: number | string;
  /** Wait this long before answering (or before dropping). */
  delayMs?: number;
  /** Destroy the connection without an answer (the client sees a network error). */
  drop?: boolean;
  /** The error body's `debug` text (default: "mock fault: <status>"). */
  message?: string;
}

interface Rule {
  target: string;
  fault: MockFault;
  left: number;
}

const isWait = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 600_000;

/** Checks a fault before it is stored, so a typo fails the test that set it, not a later call. */
function checkFault(target: unknown, fault: MockFault): void {
  if (typeof target !== "string" || !target)
    throw new TypeError("mock.fail: operationId must be a non-empty string");
  if (!fault || typeof fault !== "object") throw new TypeError("mock.fail: the fault must be an object");
  const { status, times, retryAfter, delayMs, drop } = fault;
  if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599))
    throw new TypeError("mock.fail: status must be an integer HTTP status (200-599)");
  if (times !== undefined && !(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times > 0)))
    throw new TypeError("mock.fail: times must be a positive integer or Infinity");
  if (delayMs !== undefined && !isWait(delayMs))
    throw new TypeError("mock.fail: delayMs must be a number of milliseconds from 0 to 600000");
  if (retryAfter !== undefined && !(isWait(retryAfter) || typeof retryAfter === "string"))
    throw new TypeError("mock.fail: retryAfter must be seconds or an HTTP date");
  if (status === undefined && delayMs === undefined && drop !== true)
    throw new TypeError("mock.fail: give a status, a delayMs or drop: true");
}

export class Faults {
  #rules: Rule[] = [];

  add(target: string, fault: MockFault): void {
    checkFault(target, fault);
    this.#rules.push({ target, fault: { ...fault }, left: fault.times ?? 1 });
  }

  /** The fault for this call, if a rule names its operation (or "*"); counts the call against the rule. */
  take(operationId: string | undefined): MockFault | undefined {
    const rule = this.#rules.find((r) => r.left > 0 && (r.target === "*" || r.target === operationId));
    if (!rule) return undefined;
    rule.left--;
    this.#rules = this.#rules.filter((r) => r.left > 0);
    return rule.fault;
  }

  /** Forgets the rules for one operation, or all of them. */
  clear(target?: string): void {
    this.#rules = target === undefined ? [] : this.#rules.filter((r) => r.target !== target);
  }
}
