// What ts.api.v2 puts on the wire: URL, method, headers and body, from the generated table.
import { describe, expect, it } from "vitest";
import { v2Operations } from "../../generated/v2-operations.js";
import { createThoughtSpotClient, VERSION } from "../../src/index.js";

function capture(respond: (request: Request) => Response = () => Response.json({})) {
  const sent: { request: Request; body: string }[] = [];
  const fetch = async (request: Request) => {
    sent.push({ request, body: await request.clone().text() });
    return respond(request);
  };
  return { sent, fetch };
}

const serverUrl = "https://ts.example.com/";

describe("default headers", () => {
  it("sends Accept, X-Requested-By, User-Agent, Authorization and Accept-Language", async () => {
    const { sent, fetch } = capture(() => Response.json([]));
    const ts = createThoughtSpotClient({
      serverUrl,
      fetch,
      auth: { token: "tok-123456" },
      acceptLanguage: "de-DE",
    });
    await ts.api.v2.searchUsers({ record_size: 1 });
    const headers = sent[0]!.request.headers;
    expect(headers.get("accept")).toBe("application/json");
    expect(headers.get("x-requested-by")).toBe("ThoughtSpot");
    expect(headers.get("user-agent")).toBe(`thoughtspot-rest-api/${VERSION}`);
    expect(headers.get("accept-language")).toBe("de-DE");
    expect(headers.get("authorization")).toBe("Bearer tok-123456");
    expect(headers.get("content-type")).toBe("application/json");
  });

  it("sends no Authorization without auth, and no Accept-Language unless set", async () => {
    const { sent, fetch } = capture();
    const ts = createThoughtSpotClient({ serverUrl, fetch, headers: { "X-Custom": "1" } });
    await ts.api.v2.getSystemInformation();
    const headers = sent[0]!.request.headers;
    expect(headers.has("authorization")).toBe(false);
    expect(headers.has("accept-language")).toBe(false);
    expect(headers.get("x-custom")).toBe("1");
  });

  it("applies the same headers to the raw openapi-fetch client", async () => {
    const { sent, fetch } = capture(() => Response.json([]));
    const ts = createThoughtSpotClient({ serverUrl, fetch, auth: { token: "tok-123456" } });
    await ts.v2.POST("/api/rest/2.0/metadata/search", { body: { metadata: [{ type: "LIVEBOARD" }] } });
    expect(sent[0]!.request.url).toBe("https://ts.example.com/api/rest/2.0/metadata/search");
    expect(sent[0]!.request.headers.get("authorization")).toBe("Bearer tok-123456");
    expect(sent[0]!.request.headers.get("x-requested-by")).toBe("ThoughtSpot");
  });
});

describe("ts.api.v2 input folding", () => {
  it("puts path parameters into the URL and the rest into the JSON body", async () => {
    const { sent, fetch } = capture(() => new Response(null, { status: 204 }));
    const ts = createThoughtSpotClient({ serverUrl, fetch });
    const result = await ts.api.v2.updateUser({ user_identifier: "jane doe", display_name: "Jane" });
    expect(result).toBeUndefined();
    expect(sent[0]!.request.method).toBe("POST");
    expect(sent[0]!.request.url).toBe("https://ts.example.com/api/rest/2.0/users/jane%20doe/update");
    expect(JSON.parse(sent[0]!.body)).toEqual({ display_name: "Jane" });
  });

  it("puts query parameters into the query string", async () => {
    const { sent, fetch } = capture(() => Response.json([]));
    const ts = createThoughtSpotClient({ serverUrl, fetch });
    await ts.api.v2.getConversationList({ limit: 10, offset: 20 });
    const url = new URL(sent[0]!.request.url);
    expect(url.pathname).toBe("/api/rest/2.0/ai/agent/conversations");
    expect(url.searchParams.get("limit")).toBe("10");
    expect(url.searchParams.get("offset")).toBe("20");
    expect(sent[0]!.request.method).toBe("GET");
    expect(sent[0]!.body).toBe("");
  });

  it("sends an empty JSON object for operations whose body fields are all optional", async () => {
    const { sent, fetch } = capture(() => Response.json([]));
    const ts = createThoughtSpotClient({ serverUrl, fetch });
    await ts.api.v2.searchUsers();
    expect(sent[0]!.body).toBe("{}");
  });

  it("leaves out fields the caller did not set, never sending defaults", async () => {
    const { sent, fetch } = capture(() => Response.json([]));
    const ts = createThoughtSpotClient({ serverUrl, fetch });
    await ts.api.v2.searchMetadata({ metadata: [{ type: "LIVEBOARD" }], record_size: undefined });
    expect(JSON.parse(sent[0]!.body)).toEqual({ metadata: [{ type: "LIVEBOARD" }] });
  });

  it("refuses a missing required field before any request", async () => {
    const { sent, fetch } = capture();
    const ts = createThoughtSpotClient({ serverUrl, fetch });
    const call = ts.api.v2 as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    await expect(call.getFullAccessToken!({ password: "x" })).rejects.toThrow(
      new TypeError('getFullAccessToken: missing required "username"'),
    );
    await expect(call.deleteUser!({})).rejects.toThrow(/missing required "user_identifier"/);
    await expect(call.searchUsers!("jane")).rejects.toThrow(TypeError);
    await expect(call.getSystemInformation!({ surprise: 1 })).rejects.toThrow(/takes no body/);
    expect(sent).toHaveLength(0);
  });

  it("builds multipart bodies: files as file parts, objects as JSON text, scalars as text", async () => {
    const { sent, fetch } = capture(() => Response.json({}));
    const ts = createThoughtSpotClient({ serverUrl, fetch });
    const font = new File([new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0xff])], "brand.woff2", {
      type: "font/woff2",
    });
    await ts.api.v2.uploadStyleFont({ file_content: font, name: "Brand", scope: "ORG" } as never);
    const request = sent[0]!.request;
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.clone().formData();
    const file = form.get("file_content") as File;
    expect(file.name).toBe("brand.woff2");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0xff]));
    expect(form.get("scope")).toBe("ORG");

    await ts.api.v2.updateStyleCustomization({
      scope: "ORG",
      navigation_panel: { background_color: "#000" },
    } as never);
    const style = await sent[1]!.request.clone().formData();
    expect(JSON.parse(style.get("navigation_panel") as string)).toEqual({ background_color: "#000" });
  });

  it("parses file downloads as Blob and sends the declared Accept", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const { sent, fetch } = capture(
      () => new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }),
    );
    const ts = createThoughtSpotClient({ serverUrl, fetch });
    const pdf = await ts.api.v2.exportLiveboardReport({ metadata_identifier: "lb", file_format: "PDF" });
    expect(pdf).toBeInstanceOf(Blob);
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(bytes);
    expect(sent[0]!.request.headers.get("accept")).toBe("application/octet-stream");
    await ts.api.v2.exportStyleLogos();
    expect(sent[1]!.request.headers.get("accept")).toBe("application/zip");
  });

  it("exposes exactly the operations of the generated table", () => {
    const ts = createThoughtSpotClient({ serverUrl });
    expect(Object.keys(ts.api.v2).sort()).toEqual(Object.keys(v2Operations).sort());
    expect(typeof ts.api.v2.getFullAccessToken).toBe("function");
    expect((ts.api.v2 as Record<string, unknown>).notAnOperation).toBeUndefined();
  });
});

describe("ts.api.v1 as an object", () => {
  it("answers `in`, Object.keys and descriptors from the V1 table once it has loaded", async () => {
    const { v1Operations } = await import("../../generated/v1-operations.js");
    const { sent, fetch } = capture(() => Response.json({ userName: "a" }));
    const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com", auth: { token: "t" }, fetch });
    // Before the table loads nothing is listed, though any name can still be called.
    expect(Object.keys(ts.api.v1)).toEqual([]);
    await ts.api.v1.sessionInfo();
    expect(sent).toHaveLength(1);
    const ids = Object.keys(v1Operations);
    expect(Object.keys(ts.api.v1).sort()).toEqual([...ids].sort());
    expect("sessionInfo" in ts.api.v1).toBe(true);
    expect("noSuchOperation" in ts.api.v1).toBe(false);
    expect((ts.api.v1 as unknown as Record<string, unknown>).noSuchOperation).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(ts.api.v1, "sessionInfo")?.enumerable).toBe(true);
    // The same function every time, so methods can be compared and passed around.
    expect(ts.api.v1.sessionInfo).toBe(ts.api.v1.sessionInfo);
    expect("then" in ts.api.v1).toBe(false);
  });
});

describe("helper namespaces", () => {
  it("list exactly the methods their tables declare", async () => {
    const [
      { metadataMethods },
      { sharingMethods },
      { usersMethods, groupsMethods },
      { tmlMethods },
      { authMethods },
    ] = await Promise.all([
      import("../../src/metadata/methods.js"),
      import("../../src/sharing/methods.js"),
      import("../../src/principals/methods.js"),
      import("../../src/tml/methods.js"),
      import("../../src/auth/methods.js"),
    ]);
    const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });
    const cases: [object, object][] = [
      [ts.metadata, metadataMethods],
      [ts.sharing, sharingMethods],
      [ts.users, usersMethods],
      [ts.groups, groupsMethods],
      [ts.tml, tmlMethods],
      [ts.auth, authMethods],
    ];
    for (const [namespace, table] of cases) {
      expect(Object.keys(namespace).sort()).toEqual(Object.keys(table).sort());
      for (const method of Object.values(namespace)) expect(typeof method).toBe("function");
    }
  });
});
