// Node only: writes a download to disk as it arrives. node:fs and node:stream are imported inside the
// function so that browsers and bundles that never write files never load them.
import { importNode } from "../node-only.js";
import type { DownloadedFile } from "./types.js";

export async function streamToFile(body: ReadableStream<Uint8Array>, file: string): Promise<DownloadedFile> {
  const [{ createWriteStream }, { rm }, { Readable, Transform }, { pipeline }] = await Promise.all([
    importNode("node:fs"),
    importNode("node:fs/promises"),
    importNode("node:stream"),
    importNode("node:stream/promises"),
  ]);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    // Typed for Node's web streams; the global ReadableStream is the same object at runtime.
    await pipeline(
      Readable.fromWeb(body as Parameters<typeof Readable.fromWeb>[0]),
      counter,
      createWriteStream(file),
    );
  } catch (error) {
    // A half-written file looks like a good one: remove it.
    await rm(file, { force: true }).catch(() => {});
    throw error;
  }
  return { file, bytes };
}
