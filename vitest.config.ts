import { defineConfig } from "vitest/config";

// Projects: fast unit/integration tests, the mock ThoughtSpot of /testing, and contract tests that share one mock.
export default defineConfig({
  // Examples import the package by name; tsconfig paths map the names to src/ (no build needed).
  resolve: { tsconfigPaths: true },
  test: {
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
