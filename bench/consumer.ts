// Shared by bench/bundle-size.ts and bench/typecheck-cost.ts: a consumer project under bench/.out that
// has the packed package installed exactly as npm would ship it (npm pack, whose prepack builds; the
// tarball extracted into node_modules), with the runtime dependencies linked from this repository's node_modules.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = join(ROOT, "bench", ".out");
export const CONSUMER = join(OUT, "consumer");

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * Packs the package (`npm pack`, whose prepack builds dist/) and installs it into bench/.out/consumer (or
 * `dir`); `build: false` packs dist/ as it is; `tarball` installs that tarball instead of packing.
 */
export function prepareConsumer({
  build = true,
  quiet = false,
  dir = CONSUMER,
  tarball: given,
}: {
  build?: boolean;
  quiet?: boolean;
  dir?: string;
  tarball?: string;
} = {}): {
  tarball: string;
  packageDir: string;
} {
  const log = (line: string) => quiet || console.error(line);
  const tarball = given ?? pack(dir, build, log);
  rmSync(dir, { recursive: true, force: true });
  const modules = join(dir, "node_modules");
  const packageDir = join(modules, "thoughtspot-rest-api");
  mkdirSync(packageDir, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", packageDir, "--strip-components=1"]);
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  // The package's runtime dependencies, linked from the repository (their own dependencies resolve
  // from there too, since bundlers and tsc follow the link to its real path).
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    const target = join(ROOT, "node_modules", dep);
    if (!existsSync(target)) throw new Error(`${dep} is not installed in ${ROOT}/node_modules`);
    const link = join(modules, dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, "dir");
  }
  log(`· installed ${basename(tarball)} into ${dir}`);
  return { tarball, packageDir };
}

/** `npm pack` into a folder beside `dir`; the tarball's path. */
function pack(dir: string, build: boolean, log: (line: string) => void): string {
  const packDir = join(dir, "..", `${basename(dir)}-pack`);
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  log(build ? "· npm pack (prepack: npm run build)" : "· npm pack --ignore-scripts (dist/ as it is)");
  return npmPack(ROOT, packDir, { scripts: build }).tarball;
}

/** What `npm pack --json` and `npm publish --json --dry-run` report about the tarball. */
export interface PackReport {
  filename: string;
  shasum: string;
  files: { path: string }[];
}

/**
 * npm's --json report, out of a stdout that also holds the lifecycle scripts' output (npm runs prepack
 * with its stdout inherited): the JSON is the last block that starts on a line of its own.
 */
export function npmJson(stdout: string): unknown {
  const start = Math.max(
    stdout.startsWith("[") || stdout.startsWith("{") ? 0 : -1,
    stdout.lastIndexOf("\n[\n"),
    stdout.lastIndexOf("\n{\n"),
  );
  if (start < 0) throw new Error(`no JSON report in npm's output:\n${stdout.slice(-2000)}`);
  return JSON.parse(stdout.slice(start));
}

/** `npm pack --json` of the package in `cwd` into `dest` (prepack runs unless `scripts: false`). */
export function npmPack(
  cwd: string,
  dest: string,
  { scripts = true } = {},
): PackReport & { tarball: string } {
  const stdout = execFileSync(
    npm,
    ["pack", "--json", "--pack-destination", dest, ...(scripts ? [] : ["--ignore-scripts"])],
    { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
  );
  const report = (npmJson(stdout) as PackReport[])[0]!;
  return { ...report, tarball: join(dest, report.filename) };
}

/**
 * A pinned TypeScript release installed under `prefix` (once: kept while its version matches), beside
 * the repository's own; the installed package's directory.
 */
export function installTypeScript(version: string, prefix: string): string {
  const dir = join(prefix, "node_modules", "typescript");
  const manifest = join(dir, "package.json");
  const installed = existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === version;
  if (!installed) {
    execFileSync(
      npm,
      ["install", "--prefix", prefix, `typescript@${version}`, "--no-audit", "--no-fund", "--prefer-offline"],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
  }
  return dir;
}
