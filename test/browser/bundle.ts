// The browser test's page: the SDK as a browser app bundles it (esbuild, platform browser, ESM with lazy
// chunks) from test/browser/page.ts, plus an HTML page that loads it; served by the mock's `files` option,
// so page and API share one origin (cookies included). Builds in memory; writes nothing.
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..", "..");

export const PAGE_PATH = "/index.html";

/** Path → contents of the page and every bundle chunk, for startMockThoughtSpot({ files }). */
export async function browserFiles(): Promise<Record<string, string | Uint8Array>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { page: "test/browser/page.ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting: true,
    outdir: "/bundle",
    write: false,
    logLevel: "warning",
  });
  const files: Record<string, string | Uint8Array> = {
    [PAGE_PATH]: `<!doctype html>
<html><head><meta charset="utf-8"><title>thoughtspot-rest-api in a browser</title></head>
<body><script type="module" src="/bundle/page.js"></script></body></html>
`,
  };
  for (const file of result.outputFiles) files[`/bundle/${file.path.split("/bundle/")[1]}`] = file.contents;
  return files;
}
