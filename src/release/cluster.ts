// Learns the cluster's ThoughtSpot release once per client, when something first needs it:
// V2 getSystemInformation's release_version, else V1 session/info's releaseVersion.

/** Calls one operation with an empty input; the client passes a call that skips the release hooks. */
export type ReleaseLookupCall = (
  api: "v2" | "v1",
  operationId: "getSystemInformation" | "sessionInfo",
) => Promise<unknown>;

export interface ClusterReleaseSource {
  /** The release as the cluster writes it; undefined when the cluster answers without one. Throws (and asks again
   * next time) when a call got no HTTP answer at all. */
  get(): Promise<string | undefined>;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
// An HTTP answer (a 403, a 404 from a cluster without the endpoint) is final; a timeout or a refused connection is not.
const answered = (error: unknown) => typeof (error as { status?: unknown } | null)?.status === "number";

export function clusterReleaseSource(call: ReleaseLookupCall): ClusterReleaseSource {
  let settled: { release: string | undefined } | undefined;
  let pending: Promise<string | undefined> | undefined;

  const lookup = async (): Promise<string | undefined> => {
    const failures: unknown[] = [];
    try {
      const info = (await call("v2", "getSystemInformation")) as { release_version?: unknown } | undefined;
      const release = text(info?.release_version);
      if (release) {
        settled = { release };
        return release;
      }
    } catch (error) {
      failures.push(error);
    }
    // V1 session/info answers on clusters older than the V2 system endpoint, and under a V1 session.
    try {
      const info = (await call("v1", "sessionInfo")) as { releaseVersion?: unknown } | undefined;
      settled = { release: text(info?.releaseVersion) };
      return settled.release;
    } catch (error) {
      failures.push(error);
    }
    // Asked again next time unless the cluster answered both calls (a refused connection may pass).
    const unanswered = failures.find((error) => !answered(error));
    if (unanswered !== undefined) throw unanswered;
    settled = { release: undefined };
    return undefined;
  };

  return {
    get() {
      if (settled) return Promise.resolve(settled.release);
      pending ??= lookup().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
