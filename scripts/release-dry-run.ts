// The release path, rehearsed: runs the steps of .github/workflows/release.yml in their order, as a
// published GitHub release would, in a fresh copy of the repository (the files git tracks, no dist/), then
// checks the tarball that release would upload (publint, are-the-types-wrong, a consumer that installs it).
// It must never publish: `npm publish` gets --dry-run and --offline, a registry where nothing listens and no
// credentials. Run: npm run check:package (the last step of npm test, so CI runs it on every change).
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { npmJson, npmPack, type PackReport } from "../bench/consumer.js";
import { checkConsumer } from "./check-consumer.js";

const ROOT = resolve(import.meta.dirname, "..");
const WORKFLOW = ".github/workflows/release.yml";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** Nothing listens on the discard port of the loopback address: a publish that went out would fail here. */
const NOWHERE = "http://127.0.0.1:9/";

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

export interface Manifest {
  name: string;
  version: string;
  main?: string;
  module?: string;
  types?: string;
  exports?: unknown;
  typesVersions?: Record<string, Record<string, string[]>>;
  engines?: { node?: string };
}

const started = performance.now();
const log = (line: string) =>
  console.log(`${line}  [${((performance.now() - started) / 1000).toFixed(1)} s]`);

export function readSteps(): Step[] {
  const workflow = parse(readFileSync(join(ROOT, WORKFLOW), "utf8")) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1) throw new Error(`${WORKFLOW}: the dry run knows one job, found ${jobs.length}`);
  return jobs[0]!.steps;
}

/** The order a release needs: the tag checked and npm test passed before anything is published, and publishing last. */
export function checkOrder(steps: Step[]) {
  const at = (test: (s: Step) => boolean) => steps.findIndex(test);
  const tag = at((s) => /GITHUB_REF_NAME/.test(s.run ?? ""));
  const test = at((s) => s.run?.trim() === "npm test");
  const publish = at((s) => /^npm publish\b/.test(s.run?.trim() ?? ""));
  const problems = [
    tag < 0 && "no step checks that the tag names package.json's version",
    test < 0 && "no `npm test` step",
    publish < 0 && "no `npm publish` step",
    publish >= 0 && publish !== steps.length - 1 && "`npm publish` is not the last step",
    publish >= 0 &&
      (publish < tag || publish < test) &&
      "`npm publish` comes before the tag check or npm test",
  ].filter(Boolean);
  if (problems.length) throw new Error(`${WORKFLOW}: ${problems.join("; ")}`);
}

/** The files git would check out (tracked, and new files not ignored), as they are in this work tree. */
function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "ts-rest-api-release-"));
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  let copied = 0;
  for (const file of listed.split("\0")) {
    if (!file || !existsSync(join(ROOT, file))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
    copied++;
  }
  if (existsSync(join(dir, "dist"))) throw new Error("dist/ is tracked by git; a fresh clone must build it");
  log(`· fresh copy: ${copied} files in ${dir}`);
  return dir;
}

/** Environment for commands of the rehearsal: no npm credentials, no user .npmrc, dry-run forced. */
export function safeEnv(dir: string, registry = NOWHERE): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(NODE_AUTH_TOKEN|NPM_TOKEN)$|^npm_config_/i.test(key)) delete env[key];
  }
  const userconfig = `${dir}.npmrc`;
  writeFileSync(userconfig, "");
  // Offline and without the update check also for the npm that runs prepack (else it waits on the registry).
  return {
    ...env,
    npm_config_userconfig: userconfig,
    npm_config_dry_run: "true",
    npm_config_offline: "true",
    npm_config_update_notifier: "false",
    npm_config_registry: registry,
  };
}

/** Every file package.json points a consumer at (main, module, types, exports, typesVersions). */
function entryFiles(manifest: Manifest): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") found.add(value);
    else if (value && typeof value === "object") for (const v of Object.values(value)) walk(v);
  };
  walk([manifest.main, manifest.module, manifest.types, manifest.exports, manifest.typesVersions]);
  return [...found].filter((f) => !f.includes("*")).map((f) => f.replace(/^\.\//, ""));
}

export function runStep(
  step: Step,
  dir: string,
  env: NodeJS.ProcessEnv,
  manifest: Manifest,
): PackReport | undefined {
  const label = step.name ?? step.run ?? step.uses ?? "?";
  if (step.if) throw new Error(`${WORKFLOW}: step "${label}" has a condition the dry run does not model`);
  if (step.uses?.startsWith("actions/checkout@")) {
    log("ok   checkout: the fresh copy");
    return;
  }
  if (step.uses?.startsWith("actions/setup-node@")) {
    const wanted = String(step.with?.["node-version"] ?? "");
    const running = process.versions.node.split(".")[0];
    log(
      `ok   setup-node ${wanted}: running on Node ${process.versions.node}${wanted === running ? "" : " (another major)"}`,
    );
    return;
  }
  const run = step.run?.trim();
  if (run === "npm ci") {
    // The enclosing run installed node_modules with `npm ci` from this same package-lock.json; linked, not reinstalled.
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    log("ok   npm ci: node_modules of this run (installed by npm ci from the same lockfile), linked");
    return;
  }
  if (run === "npm test") {
    log("ok   npm test: the run this dry run is the last step of");
    return;
  }
  if (run && /GITHUB_REF_NAME/.test(run)) {
    const shell = (tag: string) =>
      spawnSync("bash", ["-euo", "pipefail", "-c", run], {
        cwd: dir,
        env: { ...env, GITHUB_REF_NAME: tag },
        stdio: "ignore",
      }).status;
    const good = `v${manifest.version}`;
    if (shell(good) !== 0) throw new Error(`${label}: fails for tag ${good}`);
    if (shell(`v${manifest.version}.1`) === 0)
      throw new Error(`${label}: passes for a tag that is not the version`);
    log(`ok   ${label}: passes for ${good}, refuses v${manifest.version}.1`);
    return;
  }
  if (run && /^npm run [\w:-]+$/.test(run)) {
    execFileSync(npm, run.split(" ").slice(1), { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
    log(`ok   ${run}`);
    return;
  }
  if (run && /^npm publish( --[\w-]+(=\S+)?| \w+)*$/.test(run)) {
    const args = [
      ...run.split(/\s+/).slice(1),
      "--dry-run",
      "--offline",
      "--json",
      `--registry=${env.npm_config_registry ?? NOWHERE}`,
    ];
    const stdout = execFileSync(npm, args, {
      cwd: dir,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = (npmJson(stdout) as Record<string, PackReport>)[manifest.name];
    if (!report) throw new Error(`npm publish --dry-run reported no ${manifest.name}`);
    const shipped = new Set(report.files.map((f) => f.path));
    const missing = entryFiles(manifest).filter((f) => !shipped.has(f));
    if (missing.length)
      throw new Error(`the tarball lacks files package.json points at: ${missing.join(", ")}`);
    log(
      `ok   ${run} (--dry-run --offline): prepack built dist/; ${shipped.size} files, every entry point present`,
    );
    return report;
  }
  throw new Error(
    `${WORKFLOW}: step "${label}" is unknown to the dry run; teach scripts/release-dry-run.ts what it does`,
  );
}

function main() {
  const steps = readSteps();
  checkOrder(steps);
  const dir = freshCopy();
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
    const env = safeEnv(dir);
    let published: PackReport | undefined;
    for (const step of steps) published = runStep(step, dir, env, manifest) ?? published;
    if (!published) throw new Error("nothing was (dry-run) published");

    // The tarball that release would upload: the fresh copy packed as it stands after prepack (npm's
    // tarballs are reproducible, so it is byte for byte the one the dry run reported).
    const packDir = join(dir, ".tmp", "pack");
    mkdirSync(packDir, { recursive: true });
    const packed = npmPack(dir, packDir, { scripts: false });
    if (packed.shasum !== published.shasum) {
      throw new Error(`npm pack (${packed.shasum}) differs from the dry-run publish (${published.shasum})`);
    }
    log(`ok   ${packed.filename}: the same bytes as the dry-run publish (${packed.shasum})`);

    const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
    execFileSync(bin("publint"), ["run", packed.tarball], { cwd: dir, stdio: "inherit" });
    execFileSync(bin("attw"), [packed.tarball], { cwd: dir, stdio: "inherit" });
    if (!checkConsumer({ tarball: packed.tarball })) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.npmrc`, { force: true });
  }
}
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
