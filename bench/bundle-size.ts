// What a browser app pays to use the SDK: the packed package installed in a consumer project, bundled
// with esbuild (--bundle --minify --format=esm --platform=browser --splitting) from a program that
// creates a client and calls ts.api.v2.searchMetadata. Startup = the entry chunk plus every chunk it
// imports statically; lazy = chunks reached only through dynamic import().
// Run: npm run bench:bundle   (-- --no-build reuses dist/ as it is)
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { CONSUMER, prepareConsumer, ROOT } from "./consumer.js";

const TARGET_STARTUP_GZIP = 15 * 1024;
const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

const program = `import { createThoughtSpotClient } from "thoughtspot-rest-api";

const ts = createThoughtSpotClient({ serverUrl: "https://example.thoughtspot.cloud", auth: { token: "t" } });
const found = await ts.api.v2.searchMetadata({ metadata: [{ type: "LIVEBOARD" }] });
console.log(found.length);
`;

/** dist file → the src files it was built from (tsup's source maps), to say what a chunk contains. */
function sourcesOf(file: string): string[] {
  try {
    const map = JSON.parse(readFileSync(`${file}.map`, "utf8")) as { sources: string[] };
    return map.sources.map((s) => s.replace(/^(\.\.\/)+/, ""));
  } catch {
    return [];
  }
}

/** A short name for a bundle input: a package name, or the src files of a dist chunk. */
function describeInput(path: string, packageDir: string): string {
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + "node_modules/".length).split("/");
    const name = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (name !== "thoughtspot-rest-api") return name;
  }
  const abs = join(CONSUMER, path);
  if (abs.startsWith(packageDir)) {
    const sources = sourcesOf(abs);
    const shown = sources.filter((s) => !s.includes("node_modules")).slice(0, 6);
    const more = sources.length > shown.length ? `, +${sources.length - shown.length}` : "";
    return `${relative(packageDir, abs)} (${shown.join(", ")}${more})`;
  }
  return relative(CONSUMER, abs);
}

async function main() {
  const { packageDir } = prepareConsumer({ build: !process.argv.includes("--no-build") });
  writeFileSync(join(CONSUMER, "app.js"), program);

  const outdir = join(CONSUMER, "dist-split");
  rmSync(outdir, { recursive: true, force: true });
  const common = {
    absWorkingDir: CONSUMER,
    entryPoints: ["app.js"],
    bundle: true,
    minify: true,
    format: "esm" as const,
    platform: "browser" as const,
    metafile: true,
    logLevel: "warning" as const,
  };
  const split = await build({ ...common, splitting: true, outdir });
  const meta = split.metafile as Metafile;

  // Startup closure: the entry and everything reachable through static imports.
  const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o]!.entryPoint === "app.js")!;
  const startup = new Set<string>();
  const visit = (output: string) => {
    if (startup.has(output)) return;
    startup.add(output);
    for (const imp of meta.outputs[output]!.imports) if (imp.kind === "import-statement") visit(imp.path);
  };
  visit(entry);
  const jsOutputs = Object.keys(meta.outputs).filter((o) => o.endsWith(".js"));
  const read = (output: string) => readFileSync(join(CONSUMER, output));

  const startupFiles = [...startup];
  const startupRaw = startupFiles.reduce((n, o) => n + read(o).length, 0);
  const startupGzipEach = startupFiles.reduce((n, o) => n + gzip(read(o)), 0);
  const startupGzipConcat = gzip(Buffer.concat(startupFiles.map(read)));

  console.log(
    `esbuild ${(await import("esbuild")).version}, Node ${process.version}; gzip level 9 (node:zlib).\n`,
  );
  console.log("### Startup (entry chunk + static imports)\n");
  console.log("| file | minified | gzip |");
  console.log("|---|---:|---:|");
  for (const o of startupFiles)
    console.log(`| ${basename(o)} | ${kb(read(o).length)} | ${kb(gzip(read(o)))} |`);
  console.log(`| **sum of files (each gzipped)** | ${kb(startupRaw)} | **${kb(startupGzipEach)}** |`);
  console.log(`| gzip of the concatenation | | ${kb(startupGzipConcat)} |`);
  const verdict = Math.max(startupGzipEach, startupGzipConcat) <= TARGET_STARTUP_GZIP ? "MET" : "MISSED";
  console.log(`\nTarget ≤ ${kb(TARGET_STARTUP_GZIP)} gzip at startup: ${verdict}.\n`);

  const contributors = (outputs: string[], limit: number) => {
    const sizes = new Map<string, number>();
    for (const o of outputs) {
      for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[o]!.inputs)) {
        const name = describeInput(input, packageDir);
        sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
      }
    }
    return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, limit);
  };
  console.log("Largest contributors at startup (minified bytes in output, before gzip):\n");
  console.log("| input | minified bytes |");
  console.log("|---|---:|");
  for (const [name, bytes] of contributors(startupFiles, 12)) console.log(`| ${name} | ${bytes} |`);

  // Lazy chunks: what loads on first use of TML, cookies, V1, helpers, pagination, downloads, streams.
  console.log("\n### Lazily loaded chunks (dynamic import)\n");
  console.log("| chunk | minified | gzip | loaded by | contains (largest inputs) |");
  console.log("|---|---:|---:|---|---|");
  const lazy = jsOutputs.filter((o) => !startup.has(o));
  const importers = (target: string, kind: string) =>
    jsOutputs
      .filter((o) => meta.outputs[o]!.imports.some((i) => i.path === target && i.kind === kind))
      .map((o) => (startup.has(o) ? "startup" : basename(o)));
  let lazyRaw = 0;
  let lazyGzip = 0;
  for (const o of lazy.sort((a, b) => read(b).length - read(a).length)) {
    const bytes = read(o);
    lazyRaw += bytes.length;
    lazyGzip += gzip(bytes);
    const parts = contributors([o], 4)
      .map(([name, n]) => `${name}: ${n}`)
      .join("; ");
    const dynamic = [...new Set(importers(o, "dynamic-import"))];
    const statics = [...new Set(importers(o, "import-statement"))];
    console.log(
      `| ${basename(o)} | ${kb(bytes.length)} | ${kb(gzip(bytes))} | ${[
        ...dynamic.map((d) => `import() from ${d}`),
        ...statics.map((d) => `imported by ${d}`),
      ].join("; ")} | ${parts} |`,
    );
  }
  console.log(`| **all lazy chunks** | ${kb(lazyRaw)} | ${kb(lazyGzip)} (sum) | | |`);

  // The same program bundled from src/ (same options), for a per-source-file breakdown of startup.
  writeFileSync(
    join(CONSUMER, "app-src.ts"),
    program.replace('"thoughtspot-rest-api"', JSON.stringify(join(ROOT, "src/index.ts"))),
  );
  const fromSrc = await build({
    ...common,
    entryPoints: ["app-src.ts"],
    splitting: true,
    outdir: join(CONSUMER, "dist-src"),
    write: false,
  });
  const srcMeta = fromSrc.metafile as Metafile;
  const srcEntry = Object.keys(srcMeta.outputs).find((o) => srcMeta.outputs[o]!.entryPoint === "app-src.ts")!;
  const srcStartup = new Set<string>();
  const visitSrc = (output: string) => {
    if (srcStartup.has(output)) return;
    srcStartup.add(output);
    for (const imp of srcMeta.outputs[output]!.imports)
      if (imp.kind === "import-statement") visitSrc(imp.path);
  };
  visitSrc(srcEntry);
  const bySource = new Map<string, number>();
  for (const o of srcStartup) {
    for (const [input, { bytesInOutput }] of Object.entries(srcMeta.outputs[o]!.inputs)) {
      const nm = input.lastIndexOf("node_modules/");
      const name = nm >= 0 ? input.slice(nm + 13).split("/")[0]! : relative(ROOT, join(CONSUMER, input));
      bySource.set(name, (bySource.get(name) ?? 0) + bytesInOutput);
    }
  }
  const srcFiles = fromSrc.outputFiles!.filter((f) => srcStartup.has(relative(CONSUMER, f.path)));
  const srcGzip = gzip(Buffer.concat(srcFiles.map((f) => Buffer.from(f.contents))));
  console.log(
    `\nStartup bundled from src/ with the same options: ${srcFiles.length} files, gzip of the concatenation ${kb(srcGzip)}. ` +
      "Largest source files at startup (minified bytes in output):\n",
  );
  console.log("| source | minified bytes |");
  console.log("|---|---:|");
  for (const [name, bytes] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`| ${name} | ${bytes} |`);

  // For reference: one file, no splitting (dynamic imports are inlined).
  const single = join(CONSUMER, "dist-single.js");
  await build({ ...common, splitting: false, outfile: single });
  const singleBytes = readFileSync(single);
  console.log(
    `\nNo splitting, single file: ${kb(singleBytes.length)} minified, ${kb(gzip(singleBytes))} gzip ` +
      "(everything, lazy parts included).",
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
