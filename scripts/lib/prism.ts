// Starts a Prism mock of a ThoughtSpot API on a free loopback port (demo, contract tests, benchmarks).
// Prism reads the patched spec, since upstream declares file downloads without a schema; paths get
// the spec's base path (/callosum/v1 for V1), since Prism ignores servers.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { basePathOf } from "./emit/table.js";
import { applyPatches, readPatches } from "./spec/patches.js";
import { type ApiName, readSpecDocument, SPEC_FILES } from "./spec/read.js";

const root = resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The spec Prism serves: patched, and for V1 with basePath folded into the paths (Prism ignores servers). */
export async function mockableSpec(api: ApiName): Promise<object> {
  const text = await readFile(join(root, SPEC_FILES[api]), "utf8");
  const { doc } = applyPatches(
    await readSpecDocument(api, text),
    await readPatches(join(root, "openapi/patches", api)),
  );
  const base = basePathOf(doc);
  if (base) {
    const paths = doc.paths as Record<string, unknown>;
    doc.paths = Object.fromEntries(Object.entries(paths).map(([p, item]) => [`${base}${p}`, item]));
    doc.servers = [];
  }
  return doc;
}

export async function startPrism(api: ApiName, options: { quiet?: boolean } = {}): Promise<PrismServer> {
  const dir = await mkdtemp(join(tmpdir(), `prism-${api}-`));
  const specPath = join(dir, `${api}.json`);
  await writeFile(specPath, JSON.stringify(await mockableSpec(api)));
  const port = await freePort();
  const cli = join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist/index.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "mock", "-h", "127.0.0.1", "-p", String(port), specPath],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within 60 s:\n${log.slice(-2000)}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Prism is listening")) {
        clearTimeout(timer);
        done();
      } else if (/fatal/i.test(log)) {
        clearTimeout(timer);
        fail(new Error(`Prism failed to start:\n${log.slice(-2000)}`));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`Prism exited with ${code}:\n${log.slice(-2000)}`));
    });
  });
  // Prism logs every request; drain the pipes so it never blocks on a full buffer.
  if (options.quiet !== false) {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
