// The browser test's web server on 127.0.0.1: one origin that serves the page and the SDK's browser
// bundle, and passes every other request through to the mock ThoughtSpot, so the page calls ThoughtSpot
// same-origin (cookies included). It never forwards anywhere but the mock, and every request is bounded.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..", "..");
const PROXY_TIMEOUT_MS = 30_000;

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** The SDK as a browser app bundles it: esbuild, platform browser, ESM with lazy chunks. */
async function bundle(): Promise<Map<string, Uint8Array>> {
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
  return new Map(result.outputFiles.map((f) => [`/bundle/${f.path.split("/bundle/")[1]}`, f.contents]));
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>thoughtspot-rest-api in a browser</title></head>
<body><script type="module" src="/bundle/page.js"></script></body></html>
`;

/** Passes one request through to the mock, headers and body as they are (Host rewritten). */
function forward(req: IncomingMessage, res: ServerResponse, target: URL) {
  const upstream = httpRequest(
    {
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
      timeout: PROXY_TIMEOUT_MS,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("timeout", () => upstream.destroy(new Error("mock did not answer in time")));
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });
  req.pipe(upstream);
}

export async function startPageServer(mockUrl: string): Promise<PageServer> {
  const target = new URL(mockUrl);
  if (target.hostname !== "127.0.0.1")
    throw new Error(`the mock must be on 127.0.0.1, not ${target.hostname}`);
  const files = await bundle();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (req.method === "GET" && path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (req.method === "GET" && files.has(path)) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(files.get(path));
    } else {
      forward(req, res, target);
    }
  });
  server.requestTimeout = PROXY_TIMEOUT_MS;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
