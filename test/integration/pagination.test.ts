// paginate/paginateV1 against a real HTTP server on 127.0.0.1: order, stop rules, abort, exact bodies.
import { afterEach, describe, expect, it } from "vitest";
import { v2Operations } from "../../generated/v2-operations.js";
import { createThoughtSpotClient, RequestAbortedError, ThoughtSpotError } from "../../src/index.js";

import { json, type ReceivedRequest, startServer, type TestServer } from "../support/server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const bodyOf = (r: ReceivedRequest) => JSON.parse(r.body.toString()) as Record<string, unknown>;
const users = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `user ${i}` }));

/** Serves `items` by record_offset/record_size, optionally wrapped by `wrap`. */
async function listServer(items: unknown[], wrap: (page: unknown[], offset: number) => unknown = (p) => p) {
  server = await startServer((req, res) => {
    const { record_offset = 0, record_size = 10 } = bodyOf(req) as {
      record_offset?: number;
      record_size?: number;
    };
    json(res, 200, wrap(items.slice(record_offset, record_offset + record_size), record_offset));
  });
  return createThoughtSpotClient({
    serverUrl: server.url,
    auth: { token: "test-token-123456" },
    maxRetries: 0,
  });
}

describe("paginate (V2)", () => {
  it("walks 1 000 items in pages of 100: every item once, in order", async () => {
    const all = users(1000);
    const ts = await listServer(all);
    const seen = await ts.paginate("/api/rest/2.0/users/search", {}, { pageSize: 100 }).toArray();
    expect(seen).toEqual(all);
    expect(new Set(seen.map((u) => u.id)).size).toBe(1000);
    // 10 full pages, then an empty one proves there is no more.
    expect(server!.requests).toHaveLength(11);
    expect(server!.requests.map((r) => bodyOf(r).record_offset)).toEqual([
      0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000,
    ]);
  });

  it("sends exactly the caller's fields plus record_offset and record_size", async () => {
    const ts = await listServer(users(25));
    const body = { metadata: [{ type: "LIVEBOARD" as const }], include_headers: false };
    await ts.paginate("/api/rest/2.0/metadata/search", { body }, { pageSize: 10 }).toArray();
    expect(server!.requests.map((r) => r.url)).toEqual(Array(3).fill("/api/rest/2.0/metadata/search"));
    expect(server!.requests.map(bodyOf)).toEqual([
      { ...body, record_offset: 0, record_size: 10 },
      { ...body, record_offset: 10, record_size: 10 },
      { ...body, record_offset: 20, record_size: 10 },
    ]);
    expect(server!.requests[0]!.headers.authorization).toBe("Bearer test-token-123456");
  });

  it("stops after a short last page", async () => {
    const ts = await listServer(users(250));
    const seen = await ts.paginate("/api/rest/2.0/users/search", {}, { pageSize: 100 }).toArray();
    expect(seen).toHaveLength(250);
    expect(server!.requests).toHaveLength(3);
  });

  it("yields nothing for an empty first page, after one request", async () => {
    const ts = await listServer([]);
    expect(await ts.paginate("/api/rest/2.0/users/search").all()).toEqual([]);
    expect(server!.requests).toHaveLength(1);
    expect(bodyOf(server!.requests[0]!)).toEqual({ record_offset: 0, record_size: 100 });
  });

  it("takes page size and start from the body when options do not say", async () => {
    const ts = await listServer(users(30));
    const seen = await ts
      .paginate("/api/rest/2.0/users/search", {
        body: { record_offset: 5, record_size: 20 },
      })
      .toArray();
    expect(seen.map((u) => u.id)).toEqual(
      users(30)
        .slice(5)
        .map((u) => u.id),
    );
    expect(server!.requests.map((r) => bodyOf(r).record_offset)).toEqual([5, 25]);
  });

  it("reads items out of wrapped answers and honours their last-batch flags", async () => {
    const all = users(30);
    const ts = await listServer(all, (page, offset) => ({
      collections: page,
      is_last_batch: offset + page.length >= 20,
    }));
    const seen = await ts.paginate("/api/rest/2.0/collections/search", {}, { pageSize: 10 }).toArray();
    expect(seen).toEqual(all.slice(0, 20));
    expect(server!.requests).toHaveLength(2);
  });

  it("stops on webhooks' has_more: false", async () => {
    const ts = await listServer(users(20), (page, offset) => ({
      webhooks: page,
      pagination: { record_offset: offset, record_size: 10, total_count: 20, has_more: offset + 10 < 20 },
    }));
    expect(await ts.paginate("/api/rest/2.0/webhooks/search", {}, { pageSize: 10 }).toArray()).toHaveLength(
      20,
    );
    expect(server!.requests).toHaveLength(2);
  });

  it("yields data rows and keeps the raw pages reachable", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [i, `r${i}`]);
    const ts = await listServer(rows, (page, offset) => ({
      contents: [
        {
          column_names: ["n", "s"],
          data_rows: page,
          record_offset: offset,
          record_size: 10,
          returned_data_row_count: page.length,
          available_data_row_count: 25,
          sampling_ratio: 1,
        },
      ],
    }));
    const init = { body: { query_string: "[n] [s]", logical_table_identifier: "guid-1" } };
    expect(await ts.paginate("/api/rest/2.0/searchdata", init, { pageSize: 10 }).toArray()).toEqual(rows);
    const pages: unknown[] = [];
    for await (const page of ts.paginate("/api/rest/2.0/searchdata", init, { pageSize: 10 }).pages())
      pages.push(page);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toMatchObject({ contents: [{ column_names: ["n", "s"] }] });
  });

  it("pages per entry where ThoughtSpot does (permissions): ends when no group came back full", async () => {
    const principals = users(25);
    server = await startServer((req, res) => {
      const { record_offset, record_size } = bodyOf(req) as { record_offset: number; record_size: number };
      const slice = principals.slice(record_offset, record_offset + record_size);
      json(res, 200, {
        metadata_permission_details: [
          {
            metadata_id: "lb1",
            principal_permission_info: [{ principal_type: "USER", principal_permissions: slice }],
          },
        ],
      });
    });
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const entries = await ts
      .paginate(
        "/api/rest/2.0/security/metadata/fetch-permissions",
        { body: { metadata: [{ identifier: "lb1" }] } },
        { pageSize: 10 },
      )
      .toArray();
    expect(entries).toHaveLength(3);
    expect(server.requests).toHaveLength(3);
  });

  it("stops at an abort mid-way with RequestAbortedError, sending no further request", async () => {
    const ts = await listServer(users(1000));
    const controller = new AbortController();
    const seen: unknown[] = [];
    const walk = async () => {
      for await (const user of ts.paginate(
        "/api/rest/2.0/users/search",
        {},
        { pageSize: 100, signal: controller.signal },
      )) {
        seen.push(user);
        if (seen.length === 250) controller.abort();
      }
    };
    await expect(walk()).rejects.toBeInstanceOf(RequestAbortedError);
    expect(seen).toHaveLength(250);
    expect(server!.requests).toHaveLength(3);
  });

  it("aborts a page request in flight", async () => {
    server = await startServer(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 2000));
      json(res, 200, []);
    });
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const signal = AbortSignal.timeout(50);
    const started = Date.now();
    await expect(ts.paginate("/api/rest/2.0/users/search", {}, { signal }).toArray()).rejects.toBeInstanceOf(
      RequestAbortedError,
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("throws ThoughtSpotError from a failing page", async () => {
    server = await startServer((req, res) => {
      const { record_offset } = bodyOf(req) as { record_offset: number };
      if (record_offset === 0) json(res, 200, users(10));
      else json(res, 400, { error: { message: { code: 10002, debug: "bad offset" } } });
    });
    const ts = createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } });
    const error = await ts
      .paginate("/api/rest/2.0/users/search", {}, { pageSize: 10 })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThoughtSpotError);
    expect((error as ThoughtSpotError).details.message).toBe("bad offset");
  });

  it("refuses a non-paginated path or a bad page size before any request", async () => {
    const ts = await listServer([]);
    const js = ts.paginate as (...args: unknown[]) => { toArray(): Promise<unknown> };
    // Not paginated: a TypeError at once, by path or by operationId.
    expect(() => js("/api/rest/2.0/metadata/tml/export", { body: {} })).toThrow(TypeError);
    expect(() => js("exportMetadataTML", { metadata: [] })).toThrow(TypeError);
    expect(() => js("toString")).toThrow(TypeError);
    // The message names what may be walked: every operation whose generated row has a page rule.
    const paged = Object.entries(v2Operations as Record<string, { page?: unknown }>)
      .filter(([, row]) => row.page)
      .map(([id]) => id);
    expect(paged.length).toBeGreaterThan(0);
    expect(() => js("exportMetadataTML")).toThrow(
      new RegExp(`exportMetadataTML is not a paginated V2 operation \\(one of: ${paged.join(", ")}\\)`),
    );
    // Bad options: a TypeError when the walk starts, still before any request.
    await expect(js("/api/rest/2.0/users/search", {}, { pageSize: -1 }).toArray()).rejects.toThrow(TypeError);
    await expect(js("searchUsers", {}, { pageSize: 0 }).toArray()).rejects.toThrow(/positive integer/);
    expect(server!.requests).toHaveLength(0);
  });
});

describe("paginateV1", () => {
  async function v1Server(total: number, answer: (page: unknown[], offset: number, size: number) => unknown) {
    const all = users(total);
    server = await startServer((req, res) => {
      const query = new URL(req.url, "http://x").searchParams;
      const offset = Number(query.get("offset"));
      const size = Number(query.get("batchsize"));
      json(res, 200, answer(all.slice(offset, offset + size), offset, size));
    });
    return {
      all,
      ts: createThoughtSpotClient({ serverUrl: server.url, auth: { token: "test-token-123456" } }),
    };
  }

  it("walks metadata/list by offset and stops on isLastBatch", async () => {
    const { all, ts } = await v1Server(30, (page, offset, size) => ({
      headers: page,
      isLastBatch: offset + size >= 30,
    }));
    const seen = await ts
      .paginateV1("metadataList", { type: "PINBOARD_ANSWER_BOOK" }, { pageSize: 10 })
      .toArray();
    expect(seen).toEqual(all);
    // The third page is full, but isLastBatch says it is the last one.
    expect(server!.requests).toHaveLength(3);
    const query = new URL(server!.requests[1]!.url, "http://x");
    expect(query.pathname).toBe("/callosum/v1/tspublic/v1/metadata/list");
    expect(Object.fromEntries(query.searchParams)).toEqual({
      type: "PINBOARD_ANSWER_BOOK",
      offset: "10",
      batchsize: "10",
    });
    expect(server!.requests[0]!.headers["x-requested-by"]).toBe("ThoughtSpot");
  });

  it("walks bare-array listobjectheaders until a short page", async () => {
    const { all, ts } = await v1Server(25, (page) => page);
    expect(await ts.paginateV1("metadataListobjectheaders", {}, { pageSize: 10 }).all()).toEqual(all);
    expect(server!.requests).toHaveLength(3);
  });

  it("treats offset -1 (V1's 'first item') as the start", async () => {
    const { ts } = await v1Server(5, (page) => ({ orgs: page }));
    expect(await ts.paginateV1("sessionOrgsGet", { offset: -1 }, { pageSize: 10 }).toArray()).toHaveLength(5);
    expect(new URL(server!.requests[0]!.url, "http://x").searchParams.get("offset")).toBe("0");
  });

  it("refuses operations it cannot page", async () => {
    const { ts } = await v1Server(0, () => ({}));
    const js = ts.paginateV1 as (...args: unknown[]) => { toArray(): Promise<unknown> };
    await expect(js("sessionInfo", {}).toArray()).rejects.toThrow(TypeError);
    await expect(js("pinboarddata", { id: "x" }).toArray()).rejects.toThrow(TypeError);
    await expect(js("toString", {}).toArray()).rejects.toThrow(TypeError);
    await expect(
      js("searchdata", { query_string: "q", data_source_guid: "g", pagenumber: 2 }).toArray(),
    ).rejects.toThrow(/pagenumber/);
    expect(server!.requests).toHaveLength(0);
  });
});
