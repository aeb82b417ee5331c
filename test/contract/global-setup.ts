// One mock ThoughtSpot (thoughtspot-rest-api/testing) for the whole contract run, serving V2 and V1 on
// one 127.0.0.1 port: Prism's own answers and status codes (strict and realistic off), so the tests see
// exactly what Prism says about each request. The mock checks logins on every call, so the run logs in
// once with mock.credentials and hands the token (and the credentials, for the login operations) on.
import type { TestProject } from "vitest/node";
import { startMockThoughtSpot } from "../../src/testing/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismV2Url: string;
    prismV1Url: string;
    /** A token the mock issued to tsadmin for the whole run. */
    mockToken: string;
    mockCredentials: { username: string; password: string; secretKey: string };
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockThoughtSpot({ strict: false, realistic: false });
  const { username, password, secretKey } = mock.credentials;
  const answer = await fetch(`${mock.url}/api/rest/2.0/auth/token/full`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ username, password, validity_time_in_sec: 3600 }),
  });
  if (answer.status !== 200)
    throw new Error(`contract setup: login to the mock failed with ${answer.status}`);
  const { token } = (await answer.json()) as { token: string };
  project.provide("prismV2Url", mock.url);
  project.provide("prismV1Url", mock.url);
  project.provide("mockToken", token);
  project.provide("mockCredentials", { username, password, secretKey });
  return () => mock.close();
}
