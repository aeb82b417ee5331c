import { defineConfig } from "tsup";

// Dual ESM + CJS with type declarations for each entry (., ./v1, ./v2, ./tml, ./testing).
// shims: /testing finds its files through import.meta.url, which the CJS build must provide.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    v1: "src/v1.ts",
    v2: "src/v2.ts",
    tml: "src/tml-entry.ts",
    testing: "src/testing/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  shims: true,
  target: "node20",
  platform: "neutral",
  splitting: true,
  treeshake: true,
});
