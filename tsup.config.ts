import { defineConfig } from "tsup";

// Dual ESM + CJS with type declarations for each entry (., ./v1, ./v2).
export default defineConfig({
  entry: { index: "src/index.ts", v1: "src/v1.ts", v2: "src/v2.ts", tml: "src/tml-entry.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "neutral",
  splitting: true,
  treeshake: true,
});
