// Shared by bench/bundle-size.ts and bench/typecheck-cost.ts: a consumer project under bench/.out that
// has the packed package installed exactly as npm would ship it (npm run build, npm pack, tarball
// extracted into node_modules), with the runtime dependencies linked from this repository's node_modules.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = join(ROOT, "bench", ".out");
export const CONSUMER = join(OUT, "consumer");

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * Builds, packs and installs the package into bench/.out/consumer (or `dir`); `build: false` reuses
 * dist/ as is.
 */
export function prepareConsumer({ build = true, quiet = false, dir = CONSUMER } = {}): {
  tarball: string;
  packageDir: string;
} {
  const log = (line: string) => quiet || console.error(line);
  if (build) {
    log("· npm run build");
    execFileSync(npm, ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  }
  const packDir = join(dir, "..", `${basename(dir)}-pack`);
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  log("· npm pack");
  const packed = JSON.parse(
    execFileSync(npm, ["pack", "--json", "--pack-destination", packDir], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  ) as { filename: string }[];
  const tarball = join(packDir, packed[0]!.filename);

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
  log(`· installed ${packed[0]!.filename} into ${dir}`);
  return { tarball, packageDir };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
