// HTTP and HTTPS servers on 127.0.0.1 that count the connections (and TLS handshakes) they accept,
// for tests of connection sharing. The certificate is made per run with openssl (a self-signed CA).
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttps } from "node:https";
import type { AddressInfo } from "node:net";

export { selfSignedCertificate } from "./tls.js";

export interface CountingServer {
  url: string;
  /** TCP connections accepted (for HTTPS: TLS handshakes completed). */
  connections(): number;
  close(): Promise<void>;
}

export type Handle = (req: IncomingMessage, res: ServerResponse, body: string) => unknown;

export async function startCountingServer(
  handle: Handle,
  tls?: { key: string; cert: string },
): Promise<CountingServer> {
  let count = 0;
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      await handle(req, res, Buffer.concat(chunks).toString());
    } catch (error) {
      if (!res.headersSent) res.writeHead(599);
      res.end(String(error));
    }
  };
  const server = tls ? createHttps(tls, listener) : createHttp(listener);
  server.on(tls ? "secureConnection" : "connection", () => {
    count++;
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
