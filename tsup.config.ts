import { defineConfig } from "tsup";

// Dual ESM + CJS for each entry (., ./v1, ./v2, ./tml, ./testing; cli is the command); declarations come from
// scripts/build-types.ts. shims: /testing finds its files through import.meta.url, which the CJS build must provide.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    v1: "src/v1.ts",
    v2: "src/v2.ts",
    tml: "src/tml-entry.ts",
    testing: "src/testing/index.ts",
    // The `thoughtspot-rest-api` command (package.json "bin"); its #! line makes tsup mark it executable.
    cli: "src/cli/bin.ts",
  },
  format: ["esm", "cjs"],
  // Declarations come from scripts/build-types.ts: one readable .d.ts per source file, stable names.
  dts: false,
  sourcemap: true,
  clean: true,
  shims: true,
  target: "node20",
  platform: "neutral",
  splitting: true,
  treeshake: true,
});
