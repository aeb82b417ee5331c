// Realistic answers for logins and the system: tokens that last, V1 sessions with a cookie, a release.
import type { Answer } from "../types.js";

const LIFETIME_MS = 3_600_000;
let issued = 0;

const token: Answer = ({ input }) => {
  const now = Date.now();
  const username = String(input.username ?? "tsadmin");
  return {
    json: {
      token: `mock-token-${username}-${++issued}`,
      creation_time_in_millis: now,
      expiration_time_in_millis: now + Number(input.validity_time_in_sec ?? LIFETIME_MS / 1000) * 1000,
      scope: { access_type: "FULL", org_id: Number(input.org_id ?? 0) },
      valid_for_user_id: "59481331-ee53-42be-a548-bd87be6d0001",
      valid_for_username: username,
    },
  };
};

const RELEASE = "10.10.0.cl";

export const authAnswers: Record<string, Answer> = {
  getFullAccessToken: token,
  getObjectAccessToken: token,
  getSystemInformation: () => ({
    json: {
      id: "8f0d3c52-6b1e-4f8a-9a53-2d1e0c7b9f10",
      name: "retail-analytics.mock.thoughtspot",
      release_version: RELEASE,
      time_zone: "Europe/Berlin",
      locale: "en-US",
      date_format: "MM/dd/yyyy",
      api_version: "v2",
      type: "SAAS",
      environment: "PROD",
      license: "EnterpriseSaaS",
    },
  }),
  sessionLogin: () => ({
    status: 204,
    headers: { "Set-Cookie": "JSESSIONID=mock-session-1; Path=/; HttpOnly" },
  }),
  login: () => ({
    status: 204,
    headers: { "Set-Cookie": "JSESSIONID=mock-session-2; Path=/; HttpOnly" },
  }),
  sessionInfo: () => ({
    json: {
      userName: "tsadmin",
      userDisplayName: "Administrator",
      userGUID: "59481331-ee53-42be-a548-bd87be6d0001",
      apiVersion: "v1",
      privileges: ["ADMINISTRATION", "AUTHORING", "DATADOWNLOADING"],
      timezone: "Europe/Berlin",
    },
  }),
};
