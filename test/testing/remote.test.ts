// One mock for a run: a mock started in another process, driven through connectMockThoughtSpot() —
// clients, reset, faults and recorded requests over its key-guarded control routes.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimitError, TSTypes } from "../../src/index.js";
import {
  connectMockThoughtSpot,
  type MockConnection,
  type RemoteMockThoughtSpot,
} from "../../src/testing/index.js";

let child: ChildProcess;
let connection: MockConnection;
let remote: RemoteMockThoughtSpot;

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "support/mock-process.ts")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  connection = await new Promise<MockConnection>((done, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error("the mock process did not start in 100 s")), 100_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("\n")) {
        clearTimeout(timer);
        done(JSON.parse(out.split("\n")[0]!) as MockConnection);
      }
    });
    child.once("exit", (code) => fail(new Error(`the mock process ended (${code})`)));
  });
  remote = connectMockThoughtSpot(connection);
}, 120_000);
afterAll(async () => {
  child?.stdin?.end();
  await new Promise((done) => child?.once("exit", done));
});

describe("connectMockThoughtSpot", () => {
  it("logs in with the mock's credentials, and sees the requests the other process recorded", async () => {
    await remote.clearRequests();
    const ts = remote.client();
    expect((await ts.metadata.search({ type: TSTypes.LIVEBOARD })).length).toBeGreaterThan(0);
    expect((await remote.requests()).map((r) => r.operationId)).toEqual([
      "getFullAccessToken",
      "searchMetadata",
    ]);
  });

  it("sets faults (Infinity included) and clears them", async () => {
    await remote.fail("searchTags", { status: 429, times: Number.POSITIVE_INFINITY, retryAfter: 3 });
    const ts = remote.client();
    for (let i = 0; i < 2; i++)
      expect(await ts.api.v2.searchTags({}).catch((e: unknown) => e)).toBeInstanceOf(RateLimitError);
    await remote.clearFaults("searchTags");
    expect(await ts.api.v2.searchTags({})).toEqual(expect.any(Array));
    await expect(remote.fail("noSuchOperation", { status: 500 })).rejects.toThrow(TypeError);
  });

  it("resets the other process's mock to the example data", async () => {
    const ts = remote.client();
    const before = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    await ts.tml.import([{ liveboard: { name: "Remote board", visualizations: [] } } as never]);
    expect((await ts.metadata.search({ type: TSTypes.LIVEBOARD })).length).toBe(before.length + 1);
    await remote.reset();
    expect(await ts.metadata.search({ type: TSTypes.LIVEBOARD })).toEqual(before);
  });

  it("refuses control without the key, and a connection that is not a mock's", async () => {
    const answer = await fetch(`${connection.url}/__mock/reset`, {
      method: "POST",
      headers: { "x-mock-key": "guess" },
    });
    expect(answer.status).toBe(403);
    expect(() => connectMockThoughtSpot({ ...connection, url: "http://example.com" })).toThrow(TypeError);
  });
});
