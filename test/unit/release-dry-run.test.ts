// The release rehearsal's own rules: it follows release.yml's order, refuses steps it does not know, checks
// the tag step really compares, and hands npm no credentials and no reachable registry.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkOrder,
  type Manifest,
  readSteps,
  runStep,
  type Step,
  safeEnv,
} from "../../scripts/release-dry-run.js";

const dir = mkdtempSync(join(tmpdir(), "release-dry-run-test-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.npmrc`, { force: true });
});
const manifest: Manifest = { name: "pkg", version: "1.2.3" };
writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));

describe("release dry run", () => {
  it("accepts release.yml as it is: tag check and npm test before publishing, publishing last", () => {
    const steps = readSteps();
    expect(() => checkOrder(steps)).not.toThrow();
    expect(steps.at(-1)?.run).toMatch(/^npm publish\b/);
  });

  it("refuses a workflow that publishes before testing, or not last", () => {
    const tag: Step = { run: 'test "$GITHUB_REF_NAME" = "v1"' };
    expect(() => checkOrder([tag, { run: "npm publish" }, { run: "npm test" }])).toThrow(/not the last step/);
    expect(() => checkOrder([{ run: "npm publish" }, tag, { run: "npm test" }])).toThrow(
      /before the tag check/,
    );
    expect(() => checkOrder([{ run: "npm test" }, { run: "npm publish" }])).toThrow(/tag names/);
  });

  it("refuses a step it does not know, or a conditional one, rather than skipping it", () => {
    const env = safeEnv(dir);
    expect(() => runStep({ run: "curl -X PUT https://example.com" }, dir, env, manifest)).toThrow(
      /unknown to the dry run/,
    );
    expect(() => runStep({ run: "npm test", if: "always()" }, dir, env, manifest)).toThrow(/condition/);
    expect(() => runStep({ uses: "some/action@v1" }, dir, env, manifest)).toThrow(/unknown to the dry run/);
  });

  it("runs the tag check for the right tag and proves it refuses another", () => {
    const env = safeEnv(dir);
    const step = readSteps().find((s) => s.run?.includes("GITHUB_REF_NAME"))!;
    expect(() => runStep(step, dir, env, manifest)).not.toThrow();
    const broken: Step = { name: "always passes", run: 'echo "$GITHUB_REF_NAME"' };
    expect(() => runStep(broken, dir, env, manifest)).toThrow(/passes for a tag that is not the version/);
  });

  it("gives npm no credentials, no user config and no reachable registry", () => {
    process.env.NODE_AUTH_TOKEN = "npm_secret";
    process.env.npm_config__auth = "c2VjcmV0";
    try {
      const env = safeEnv(dir);
      expect(env.NODE_AUTH_TOKEN).toBeUndefined();
      expect(env.npm_config__auth).toBeUndefined();
      expect(env).toMatchObject({
        npm_config_dry_run: "true",
        npm_config_offline: "true",
        npm_config_registry: "http://127.0.0.1:9/",
        npm_config_userconfig: `${dir}.npmrc`,
      });
    } finally {
      delete process.env.NODE_AUTH_TOKEN;
      delete process.env.npm_config__auth;
    }
  });
});
