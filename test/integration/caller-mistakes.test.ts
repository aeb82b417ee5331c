// Caller mistakes are TypeErrors before any request, on every surface (issues 20 and 21): header values
// HTTP forbids (client `headers`, `acceptLanguage`, per-call headers, raw header parameters), lone
// surrogates in path parameters, and serverUrl shapes with credentials. The server on 127.0.0.1 counts
// what reaches it: nothing may. No message quotes the value, which may be a secret.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createThoughtSpotClient, ThoughtSpotError } from "../../src/index.js";
import { normalizeServerUrl } from "../../src/url.js";
import { caught } from "../support/caught.js";
import { json, startServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeEach(async () => {
  server = await startServer((req, res) => {
    if (req.url.endsWith("/report/liveboard")) {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      return res.end("%PDF");
    }
    json(res, 200, []);
  });
});
afterEach(() => server.close());

const SECRET = "s3cret-Hdr-Value-0042";
// Each of these must never reach the wire (header injection, request splitting, a NUL, non-Latin-1).
const BAD = [
  `Bearer ${SECRET}\r\nX-Injected: 1`,
  `${SECRET}\n`,
  `${SECRET}\r`,
  `${SECRET}\u0000`,
  `${SECRET}\u2028`,
];

const client = (extra: Record<string, unknown> = {}) =>
  createThoughtSpotClient({ serverUrl: server.url, auth: { token: "tok-1234567890" }, ...extra });

/** A TypeError naming `header`, quoting no part of the value, and nothing sent. */
function expectCallerMistake(error: unknown, header: string) {
  expect(error).toBeInstanceOf(TypeError);
  expect(error).not.toBeInstanceOf(ThoughtSpotError);
  const message = (error as Error).message;
  expect(message).toContain(`"${header}"`);
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain("Injected");
  expect(server.requests).toHaveLength(0);
}

describe("forbidden characters in header values", () => {
  it.each(BAD)("client headers option %#: TypeError at creation", (value) => {
    let error: unknown;
    try {
      client({ headers: { "X-Custom": value } });
    } catch (e) {
      error = e;
    }
    expectCallerMistake(error, "X-Custom");
  });

  it.each(BAD)("acceptLanguage %#: TypeError at creation", (value) => {
    let error: unknown;
    try {
      client({ acceptLanguage: value });
    } catch (e) {
      error = e;
    }
    expectCallerMistake(error, "Accept-Language");
  });

  it.each(
    BAD,
  )("per-call headers on ts.api.v2 and ts.api.v1 %#: TypeError, not sent, not retried", async (value) => {
    const ts = client({ maxRetries: 3 });
    expectCallerMistake(
      await caught(ts.api.v2.searchUsers({}, { headers: { "x-trace": value } })),
      "x-trace",
    );
    expectCallerMistake(
      await caught(ts.api.v1.sessionInfo({}, { headers: { "x-trace": value } })),
      "x-trace",
    );
  });

  it.each(BAD)("raw ts.v2 / ts.v1 headers and header parameters %#", async (value) => {
    const ts = client();
    expectCallerMistake(
      await caught(ts.v2.POST("/api/rest/2.0/users/search", { body: {}, headers: { "x-trace": value } })),
      "x-trace",
    );
    expectCallerMistake(
      await caught(ts.v2.POST("/api/rest/2.0/users/search", { body: {}, headers: [["x-trace", value]] })),
      "x-trace",
    );
    expectCallerMistake(
      await caught(
        ts.v2.POST("/api/rest/2.0/users/search", {
          body: {},
          params: { header: { "x-trace": value } },
        } as never),
      ),
      "x-trace",
    );
    expectCallerMistake(
      await caught(ts.v1.GET("/tspublic/v1/session/info", { headers: { "x-trace": value } })),
      "x-trace",
    );
  });

  it("helpers: paginate, download and metadata search with per-call headers", async () => {
    const ts = client();
    const value = BAD[0]!;
    expectCallerMistake(
      await caught(
        (async () => {
          for await (const _ of ts.paginate("searchUsers", {}, { headers: { "x-trace": value } })) break;
        })(),
      ),
      "x-trace",
    );
    expectCallerMistake(
      await caught(
        ts.download(
          "exportLiveboardReport",
          { metadata_identifier: "lb", file_format: "PDF" },
          { headers: { "x-trace": value } },
        ),
      ),
      "x-trace",
    );
    expectCallerMistake(
      await caught(ts.metadata.search({ type: "LIVEBOARD" }, { headers: { "x-trace": value } })),
      "x-trace",
    );
  });

  it("a header name that is not a token is a TypeError too", async () => {
    const ts = client();
    const error = await caught(ts.api.v2.searchUsers({}, { headers: { "x trace\r\n": "ok" } }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/not a valid HTTP header name/);
    expect(server.requests).toHaveLength(0);
  });

  it("good values with tabs, spaces and Latin-1 still go out", async () => {
    const ts = client({ acceptLanguage: "de-DE, en;q=0.5", headers: { "X-Team": "Müller\tteam" } });
    await ts.api.v2.searchUsers({}, { headers: { "x-trace": "a b" } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers["accept-language"]).toBe("de-DE, en;q=0.5");
  });
});

describe("path parameters with a lone surrogate", () => {
  const lone = ["abc\uD800", "\uDC00abc", "a\uDBFFb"];

  it.each(lone)("ts.api.v2 %#: TypeError naming the parameter, never a URIError", async (value) => {
    const error = await caught(client().api.v2.deleteOrg({ org_identifier: value }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(
      /deleteOrg: path parameter "org_identifier" has a lone UTF-16 surrogate/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it.each(lone)("raw ts.v2, a known and an unknown path %#", async (value) => {
    const ts = client();
    for (const path of [
      "/api/rest/2.0/orgs/{org_identifier}/delete",
      "/api/rest/2.0/not-in-spec/{org_identifier}",
    ]) {
      // A path typed as any string: the second one is in no spec.
      const post = ts.v2.POST as unknown as (p: string, init: object) => Promise<unknown>;
      const error = await caught(post(path, { params: { path: { org_identifier: value } } }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(URIError);
      expect((error as Error).message).toMatch(/"org_identifier" has a lone UTF-16 surrogate/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a surrogate pair (an emoji) is fine", async () => {
    await client().api.v2.deleteOrg({ org_identifier: "team-\u{1F600}" });
    expect(server.requests[0]!.url).toBe("/api/rest/2.0/orgs/team-%F0%9F%98%80/delete");
  });
});

describe("serverUrl never echoes userinfo", () => {
  const PASSWORD = "pw-Secret/With@Odd:chars";
  it.each([
    `//tsadmin:${PASSWORD}@cluster.example`,
    `tsadmin:${PASSWORD}@cluster.example`,
    `https://tsadmin:${PASSWORD}@cluster.example`,
    `https://tsadmin:${PASSWORD}@cluster.example/path`,
    `http://tsadmin:pw-Secret/With@cluster.example`,
    `ftp://tsadmin:${PASSWORD}@cluster.example`,
    `tsadmin@${PASSWORD}@cluster.example`,
    ` https://tsadmin:${PASSWORD}@cluster.example `,
  ])("%#: a TypeError that says credentials do not belong there", (serverUrl) => {
    let error: unknown;
    try {
      normalizeServerUrl(serverUrl);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    const message = (error as Error).message;
    expect(message).toMatch(/must not carry credentials/);
    for (const part of ["tsadmin", "pw-Secret", "With", "Odd:chars"]) expect(message).not.toContain(part);
  });
});
