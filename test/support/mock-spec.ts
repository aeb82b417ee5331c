// The spec the mock ThoughtSpot serves (generated/mock-v1.json, mock-v2.json), for building sample requests.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export async function mockableSpec(api: "v1" | "v2"): Promise<object> {
  return JSON.parse(await readFile(join(import.meta.dirname, "../../generated", `mock-${api}.json`), "utf8"));
}
