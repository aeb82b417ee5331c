// One mock ThoughtSpot (thoughtspot-rest-api/testing) for the whole contract run, serving V2 and V1 on
// one 127.0.0.1 port: Prism's own answers and status codes (strict and realistic off), so the tests see
// exactly what Prism says about each request.
import type { TestProject } from "vitest/node";
import { startMockThoughtSpot } from "../../src/testing/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismV2Url: string;
    prismV1Url: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockThoughtSpot({ strict: false, realistic: false });
  project.provide("prismV2Url", mock.url);
  project.provide("prismV1Url", mock.url);
  return () => mock.close();
}
