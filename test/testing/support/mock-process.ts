// A mock in its own process, as vitest's globalSetup or a node:test launcher runs it: prints its
// connection as one JSON line, and closes when its stdin ends (the test that started it ends it).
import { startMockThoughtSpot } from "../../../src/testing/index.js";

const mock = await startMockThoughtSpot();
process.stdout.write(`${JSON.stringify(mock.connection)}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void mock.close().then(() => process.exit(0));
});
