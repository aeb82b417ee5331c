// What ts.api.v1 puts on the wire for representative calls, compared with ThoughtSpot's documented form
// field by field: query strings and form fields are written out decoded, in the order they are sent.
import { describe, expect, it } from "vitest";
import { AuthError, createThoughtSpotClient, ThoughtSpotError } from "../../src/index.js";
import { runtimeFilters, runtimeSorts } from "../../src/v1/runtime-params.js";

interface Sent {
  method: string;
  path: string;
  query: [string, string][];
  headers: Headers;
  /** Decoded url-encoded form fields, when the body is a form. */
  form?: [string, string][];
  /** Multipart parts: text fields as strings, files as { name, type, text }. */
  parts?: [string, string | { filename: string; type: string; text: string }][];
  text?: string;
}

function capture(answer: () => Response = () => Response.json({})) {
  const sent: Sent[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const entry: Sent = {
      method: request.method,
      path: url.pathname,
      query: [...url.searchParams],
      headers: new Headers(request.headers),
    };
    const type = request.headers.get("content-type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded")) {
      entry.form = [...new URLSearchParams(await request.text())];
    } else if (type.startsWith("multipart/form-data")) {
      entry.parts = [];
      for (const [name, value] of await request.formData()) {
        entry.parts.push([
          name,
          typeof value === "string"
            ? value
            : { filename: value.name, type: value.type, text: await value.text() },
        ]);
      }
    } else if (request.body) {
      entry.text = await request.text();
    }
    sent.push(entry);
    return answer();
  };
  const ts = createThoughtSpotClient({
    serverUrl: "https://ts.example.com",
    auth: { token: "t0ken" },
    fetch,
    maxRetries: 0,
  });
  return { ts, sent, api: ts.api.v1 };
}

const V1 = "/callosum/v1/tspublic/v1";

describe("V1 wire format", () => {
  it("metadata/listobjectheaders: GET, subtypes as a JSON array in the query, booleans as text", async () => {
    const { api, sent } = capture(() => Response.json([]));
    await api.metadataListobjectheaders({
      type: "LOGICAL_TABLE",
      subtypes: ["WORKSHEET", "ONE_TO_ONE_LOGICAL"] as unknown as string,
      sortascending: false,
      batchsize: 50,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("GET");
    expect(sent[0]!.path).toBe(`${V1}/metadata/listobjectheaders`);
    expect(sent[0]!.query).toEqual([
      ["type", "LOGICAL_TABLE"],
      ["subtypes", '["WORKSHEET","ONE_TO_ONE_LOGICAL"]'],
      ["sortascending", "false"],
      ["batchsize", "50"],
    ]);
    expect(sent[0]!.headers.get("x-requested-by")).toBe("ThoughtSpot");
    expect(sent[0]!.headers.get("accept")).toBe("application/json");
    expect(sent[0]!.form).toBeUndefined();
  });

  it("security/share: form fields, the permission object as JSON text", async () => {
    const { api, sent } = capture(() => new Response(null, { status: 204 }));
    await api.securityShare({
      type: "PINBOARD_ANSWER_BOOK",
      id: ["6d3f5e4c-1111-4222-8333-944455556666"] as unknown as string,
      permission: {
        permissions: { "7a9a6715-e154-431b-baaf-7b58246c13dd": { shareMode: "READ_ONLY" } },
      } as unknown as string,
      emailshares: [] as unknown as string,
      notify: false,
      useCustomEmbedUrls: false,
    });
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.path).toBe(`${V1}/security/share`);
    expect(sent[0]!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(sent[0]!.query).toEqual([]);
    expect(sent[0]!.form).toEqual([
      ["type", "PINBOARD_ANSWER_BOOK"],
      ["id", '["6d3f5e4c-1111-4222-8333-944455556666"]'],
      ["permission", '{"permissions":{"7a9a6715-e154-431b-baaf-7b58246c13dd":{"shareMode":"READ_ONLY"}}}'],
      ["emailshares", "[]"],
      ["notify", "false"],
      ["useCustomEmbedUrls", "false"],
    ]);
  });

  const tmlOne = "guid: g-1\nliveboard:\n  name: Sales\n";
  const tmlTwo = 'guid: g-2\nanswer:\n  name: "Top: 10"\n';
  const importAnswer = {
    object: [
      { response: { status: { status_code: "OK" }, header: { id_guid: "g-1", name: "Sales" } } },
      { response: { status: { status_code: "OK" }, header: { id_guid: "g-2", name: "Top: 10" } } },
    ],
  };

  it("metadata/tml/import: two documents as one JSON array field, Accept text/plain, JSON answer parsed", async () => {
    const { api, sent } = capture(() => Response.json(importAnswer));
    const result = await api.metadataTmlImport({
      import_objects: [tmlOne, tmlTwo] as unknown as string,
      import_policy: "ALL_OR_NONE",
      force_create: false,
    });
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.path).toBe(`${V1}/metadata/tml/import`);
    expect(sent[0]!.headers.get("accept")).toBe("text/plain");
    expect(sent[0]!.form).toEqual([
      ["import_objects", JSON.stringify([tmlOne, tmlTwo])],
      ["import_policy", "ALL_OR_NONE"],
      ["force_create", "false"],
    ]);
    expect(JSON.parse(sent[0]!.form![0]![1])).toEqual([tmlOne, tmlTwo]);
    expect(result).toEqual(importAnswer);
  });

  // ThoughtSpot may label the JSON with the text/plain it was asked for; the typed result is still an object.
  it("metadata/tml/import: a JSON answer labelled text/plain is parsed too", async () => {
    const { api } = capture(
      () => new Response(JSON.stringify(importAnswer), { headers: { "Content-Type": "text/plain" } }),
    );
    expect(await api.metadataTmlImport({ import_objects: "[]" })).toEqual(importAnswer);
  });

  it("metadata/tml/export: export_ids as JSON text, formattype and booleans as form fields", async () => {
    const { api, sent } = capture(() => Response.json({ object: [] }));
    await api.metadataTmlExport({
      export_ids: ["g-1", "g-2"] as unknown as string,
      formattype: "YAML",
      export_associated: false,
      export_fqn: true,
    });
    expect(sent[0]!.headers.get("accept")).toBe("text/plain");
    expect(sent[0]!.form).toEqual([
      ["export_ids", '["g-1","g-2"]'],
      ["formattype", "YAML"],
      ["export_associated", "false"],
      ["export_fqn", "true"],
    ]);
  });

  it("user/sync: multipart, principals as an application/json file part, orgScope in the query", async () => {
    const { api, sent } = capture(() => Response.json({ usersAdded: [] }));
    const principals = [
      { name: "analysts", displayName: "Analysts", principalTypeEnum: "LOCAL_GROUP" },
      {
        name: "ada@example.com",
        displayName: "Ada",
        principalTypeEnum: "LOCAL_USER",
        groupNames: ["analysts"],
      },
    ];
    await api.userSync({
      principals: principals as unknown as string,
      password: "Initial-1",
      applyChanges: true,
      removeDeleted: false,
      orgScope: "ALL",
    });
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.path).toBe(`${V1}/user/sync`);
    expect(sent[0]!.query).toEqual([["orgScope", "ALL"]]);
    expect(sent[0]!.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]!.parts).toEqual([
      [
        "principals",
        { filename: "principals.json", type: "application/json", text: JSON.stringify(principals) },
      ],
      ["password", "Initial-1"],
      ["applyChanges", "true"],
      ["removeDeleted", "false"],
    ]);
  });

  it("group/addmemberships: multipart text fields holding JSON arrays", async () => {
    const { api, sent } = capture(() => new Response(null, { status: 204 }));
    await api.groupAddmemberships({
      userids: ["u-1", "u-2"] as unknown as string,
      groupids: ["g-1"] as unknown as string,
    });
    expect(sent[0]!.path).toBe(`${V1}/group/addmemberships`);
    expect(sent[0]!.parts).toEqual([
      ["userids", '["u-1","u-2"]'],
      ["groupids", '["g-1"]'],
    ]);
  });

  it("searchdata: POST with everything in the query and no body", async () => {
    const { api, sent } = capture(() => Response.json({ columnNames: [], data: [] }));
    await api.searchdata({
      query_string: "[Sales] [Region] top 10",
      data_source_guid: "ds-1",
      batchsize: -1,
      formattype: "COMPACT",
    });
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.path).toBe(`${V1}/searchdata`);
    expect(sent[0]!.query).toEqual([
      ["query_string", "[Sales] [Region] top 10"],
      ["data_source_guid", "ds-1"],
      ["batchsize", "-1"],
      ["formattype", "COMPACT"],
    ]);
    expect(sent[0]!.form).toBeUndefined();
    expect(sent[0]!.text).toBeUndefined();
  });

  it("session/login: form username, password, rememberme", async () => {
    const { api, sent } = capture(() => Response.json({ userGUID: "u-1" }));
    await api.sessionLogin({ username: "tsadmin", password: "p@ss w&rd", rememberme: true });
    expect(sent[0]!.path).toBe(`${V1}/session/login`);
    expect(sent[0]!.form).toEqual([
      ["username", "tsadmin"],
      ["password", "p@ss w&rd"],
      ["rememberme", "true"],
    ]);
  });

  it("user/updatepreference: the preferences object as JSON text", async () => {
    const { api, sent } = capture(() => new Response(null, { status: 204 }));
    await api.userUpdatepreference({
      userid: "u-1",
      preferences: { notifyOnShare: false, showWalkMe: true } as unknown as string,
    });
    expect(sent[0]!.form).toEqual([
      ["userid", "u-1"],
      ["preferences", '{"notifyOnShare":false,"showWalkMe":true}'],
    ]);
  });

  it("metadata/assigntag: parallel JSON arrays of ids, types and tag names", async () => {
    const { api, sent } = capture(() => new Response(null, { status: 204 }));
    await api.metadataAssigntag({
      id: ["g-1", "g-2"] as unknown as string,
      type: ["PINBOARD_ANSWER_BOOK", "QUESTION_ANSWER_BOOK"] as unknown as string,
      tagname: ["finance", "finance"] as unknown as string,
    });
    expect(sent[0]!.form).toEqual([
      ["id", '["g-1","g-2"]'],
      ["type", '["PINBOARD_ANSWER_BOOK","QUESTION_ANSWER_BOOK"]'],
      ["tagname", '["finance","finance"]'],
    ]);
  });

  it("JSON text given as a string is sent unchanged", async () => {
    const { api, sent } = capture(() => new Response(null, { status: 204 }));
    await api.groupAddmemberships({ userids: '["u-1"]', groupids: '["g-1"]' });
    expect(sent[0]!.parts).toEqual([
      ["userids", '["u-1"]'],
      ["groupids", '["g-1"]'],
    ]);
  });
});

// Runtime filters/sorts go in the query as numbered keys. These need the invoke.ts hook that moves them
// out of the body (see the V1 report); until it lands, invoke refuses them ("takes no body") or puts
// them in the PDF form, so the tests are marked as failing.
describe("V1 runtime filters and sorts on the wire", () => {
  it("pinboarddata: filters and sorts as numbered query keys, several values repeat val<n>", async () => {
    const { api, sent } = capture(() => Response.json({}));
    await api.pinboarddata({
      id: "lb-1",
      vizid: ["viz-1"] as unknown as string,
      formattype: "COMPACT",
      ...runtimeFilters([
        { column: "Region", operator: "IN", values: ["East", "West"] },
        { column: "Order Date", operator: "BW_INC", values: [1704067200, 1735603200] },
        { column: "Category", operator: "EQ", values: ["mfgr#24"] },
      ]),
      ...runtimeSorts([{ column: "Sales", ascending: false }, { column: "Tea" }]),
    } as Parameters<typeof api.pinboarddata>[0]);
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.path).toBe(`${V1}/pinboarddata`);
    expect(sent[0]!.query).toEqual([
      ["id", "lb-1"],
      ["vizid", '["viz-1"]'],
      ["formattype", "COMPACT"],
      ["col1", "Region"],
      ["op1", "IN"],
      ["val1", "East"],
      ["val1", "West"],
      ["col2", "Order Date"],
      ["op2", "BW_INC"],
      ["val2", "1704067200"],
      ["val2", "1735603200"],
      ["col3", "Category"],
      ["op3", "EQ"],
      ["val3", "mfgr#24"],
      ["sortCol1", "Sales"],
      ["asc1", "false"],
      ["sortCol2", "Tea"],
    ]);
    expect(sent[0]!.form).toBeUndefined();
    expect(sent[0]!.text).toBeUndefined();
  });

  it("export/pinboard/pdf: options as multipart fields, runtime filters in the query", async () => {
    const { api, sent } = capture(
      () =>
        new Response(new Uint8Array([37, 80, 68, 70]), {
          headers: { "Content-Type": "application/octet-stream" },
        }),
    );
    const pdf = await api.exportPinboardPdf({
      id: "lb-1",
      layout_type: "PINBOARD",
      include_cover_page: false,
      ...runtimeFilters([{ column: "State", operator: "EQ", values: ["California"] }]),
    } as Parameters<typeof api.exportPinboardPdf>[0]);
    expect(pdf).toBeInstanceOf(Blob);
    expect(sent[0]!.headers.get("accept")).toBe("application/octet-stream");
    expect(sent[0]!.query).toEqual([
      ["col1", "State"],
      ["op1", "EQ"],
      ["val1", "California"],
    ]);
    expect(sent[0]!.parts).toEqual([
      ["id", "lb-1"],
      ["layout_type", "PINBOARD"],
      ["include_cover_page", "false"],
    ]);
  });
});

describe("V1 input checks and errors", () => {
  it("a missing required parameter from plain JavaScript is a TypeError naming it, before any request", async () => {
    const { api, sent } = capture();
    const untyped = api as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    await expect(untyped.securityShare!({ type: "PINBOARD_ANSWER_BOOK", id: "[]" })).rejects.toThrow(
      new TypeError('securityShare: missing required "permission"'),
    );
    await expect(untyped.pinboarddata!({})).rejects.toThrow(/missing required "id"/);
    await expect(untyped.sessionLogin!({ username: "tsadmin" })).rejects.toThrow(
      /missing required "password"/,
    );
    expect(sent).toHaveLength(0);
  });

  it("a V1 call that needs a session, made with no login and no token, is an auth error saying to log in", async () => {
    const requests: Request[] = [];
    const ts = createThoughtSpotClient({
      serverUrl: "https://ts.example.com",
      fetch: async (request) => {
        requests.push(request);
        return Response.json({ code: 10002, debug: "Unauthorized" }, { status: 401 });
      },
      maxRetries: 0,
    });
    const error = await ts.api.v1.sessionInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect((error as ThoughtSpotError).status).toBe(401);
    expect((error as Error).message).toMatch(
      /sessionInfo \(GET \/tspublic\/v1\/session\/info\) failed with 401/,
    );
    expect((error as Error).message).toMatch(/needs a login: pass `auth` to createThoughtSpotClient/);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("the login hint is left out when the client has credentials", async () => {
    const ts = createThoughtSpotClient({
      serverUrl: "https://ts.example.com",
      auth: { token: "expired" },
      fetch: async () => Response.json({}, { status: 401 }),
      maxRetries: 0,
    });
    const error = (await ts.api.v1.sessionInfo().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).not.toMatch(/needs a login/);
  });
});
