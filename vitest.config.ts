import { defineConfig } from "vitest/config";

// Projects: fast unit/integration tests, the mock ThoughtSpot of /testing, and contract tests that share one mock.
export default defineConfig({
  // Examples import the package by name; tsconfig paths map the names to src/ (no build needed).
  resolve: { tsconfigPaths: true },
  test: {
    // One worker more than the 2 cores CI has: most test files wait on local servers, timers and child
    // processes rather than compute (128 s → 86 s for the whole run; 4 workers gained nothing more).
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
          typecheck: { enabled: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        // thoughtspot-rest-api/testing as users run it: from vitest, and from node:test in a child process.
        test: {
          name: "testing",
          include: ["test/testing/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Every script of examples/ run against one mock ThoughtSpot.
        extends: true,
        test: {
          name: "examples",
          include: ["test/examples/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The SDK's browser build in headless Chromium against the mock, same origin (test/browser).
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          globalSetup: ["test/contract/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
