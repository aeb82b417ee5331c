// The mock works from node:test too: runs test/testing/node/*.node-test.ts in a child `node --test`.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);

it("runs under node:test", async () => {
  const file = join(import.meta.dirname, "node", "mock.node-test.ts");
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--test", "--test-reporter=tap", file], {
    cwd: join(import.meta.dirname, "../.."),
    timeout: 110_000,
  });
  expect(stdout).toMatch(/# pass 2/);
  expect(stdout).toMatch(/# fail 0/);
}, 120_000);
