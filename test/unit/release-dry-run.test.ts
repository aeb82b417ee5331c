// The release rehearsal's own rules: it follows release.yml's order, refuses steps it does not know, checks
// the tag step really compares, and hands npm no credentials and no reachable registry.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
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

  it("the publish step reports the tarball and sends nothing, even to a registry that listens", async () => {
    const pkg = mkdtempSync(join(tmpdir(), "release-dry-run-pkg-"));
    const received: string[] = [];
    const registry = createServer((req: IncomingMessage, res) => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((ok) => registry.listen(0, "127.0.0.1", ok));
    try {
      const small: Manifest = { name: "release-dry-run-probe", version: "1.0.0", main: "dist/index.js" };
      // prepack builds dist/, as the real package's does; publishing must find it in the tarball.
      writeFileSync(
        join(pkg, "package.json"),
        JSON.stringify({ ...small, files: ["dist"], scripts: { prepack: "node build.js" } }),
      );
      writeFileSync(
        join(pkg, "build.js"),
        'require("fs").mkdirSync("dist",{recursive:true});require("fs").writeFileSync("dist/index.js","");',
      );
      const url = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
      process.env.NODE_AUTH_TOKEN = "npm_secret";
      const env = safeEnv(pkg, url);
      const report = runStep({ run: "npm publish --provenance --access public" }, pkg, env, small);
      expect(report?.files.map((f) => f.path).sort()).toEqual(["dist/index.js", "package.json"]);
      expect(received).toEqual([]);
    } finally {
      delete process.env.NODE_AUTH_TOKEN;
      registry.close();
      rmSync(pkg, { recursive: true, force: true });
      rmSync(`${pkg}.npmrc`, { force: true });
    }
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
