// One Prism mock per API for the whole contract run, on a free 127.0.0.1 port, stopped afterwards.
import type { TestProject } from "vitest/node";
import { type PrismServer, startPrism } from "../../scripts/lib/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismV2Url: string;
    prismV1Url: string;
  }
}

export default async function setup(project: TestProject) {
  const servers: PrismServer[] = [];
  try {
    const v2 = await startPrism("v2");
    servers.push(v2);
    project.provide("prismV2Url", v2.url);
    const v1 = await startPrism("v1");
    servers.push(v1);
    project.provide("prismV1Url", v1.url);
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
