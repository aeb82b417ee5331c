// The release surface as the README shows it: clusterVersion(), compatibility(), NotFoundError's fields.
import { describe, expectTypeOf, it } from "vitest";
import {
  type CompatibilityReport,
  compareReleases,
  createThoughtSpotClient,
  NotFoundError,
  type OperationRow,
} from "../../src/index.js";
import { v2Operations } from "../../src/v2.js";

describe("release surface", () => {
  it("compiles as the README writes it", async () => {
    const ts = createThoughtSpotClient({ serverUrl: "https://my.thoughtspot.cloud", auth: { token: "t" } });
    expectTypeOf(await ts.clusterVersion()).toEqualTypeOf<string | undefined>();
    const report = await ts.compatibility();
    expectTypeOf(report).toEqualTypeOf<CompatibilityReport>();
    expectTypeOf(report.unavailable[0]!.availableFrom).toEqualTypeOf<string>();
    expectTypeOf(report.deprecated[0]!.replacedBy).toEqualTypeOf<string | undefined>();
    expectTypeOf(compareReleases("9.12.5.cl", "10.1.0.sw")).toEqualTypeOf<-1 | 0 | 1 | undefined>();
    const error = new NotFoundError({ message: "m", method: "GET", path: "/" });
    expectTypeOf(error.availableFrom).toEqualTypeOf<string | undefined>();
    expectTypeOf(error.clusterVersion).toEqualTypeOf<string | undefined>();
    expectTypeOf<OperationRow["availableFrom"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(v2Operations.deleteConnection.replacedBy).toEqualTypeOf<"deleteConnectionV2">();
  });
});
