// Finds the files the mock ships with (specs in generated/, example data in mock/) from the package root.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The package root: the nearest folder above this module whose package.json names this package. */
export function packageRoot(): string {
  if (root) return root;
  // Built: dist/testing.js; from source: src/testing/files.ts. Both sit below the package root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "thoughtspot-rest-api") {
      root = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error("thoughtspot-rest-api/testing: cannot find the package's own files (generated/, mock/)");
}

/** Spec file Prism serves for one API: patched, with V1's base path folded into its paths. */
export const mockSpecPath = (api: "v1" | "v2") => join(packageRoot(), "generated", `mock-${api}.json`);

/** A file of the realistic answers' example data, under mock/. */
export const mockDataPath = (...parts: string[]) => join(packageRoot(), "mock", ...parts);
