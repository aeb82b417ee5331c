// Parsers and walks with budgets, played against servers on 127.0.0.1: a hostile or broken answer
// (YAML aliases, huge or endless text, cycling pages, a gzip bomb, server-chosen file names) ends in
// a typed error or a safe result, never in a blocked event loop, an endless walk or a write outside
// the folder. Sibling of hostile.test.ts.

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_DOWNLOAD_BYTES } from "../../src/download/download.js";
import {
  createThoughtSpotClient,
  PaginationError,
  TmlError,
  TmlParseError,
  UnexpectedResponseError,
} from "../../src/index.js";
import { checkMaxPages, createPager, DEFAULT_MAX_PAGES } from "../../src/pagination/pager.js";
import { MAX_TML_LENGTH, parseTml } from "../../src/tml/document.js";
import { json, serversPerTest } from "../support/server.js";

const serve = serversPerTest();
const client = (url: string) =>
  createThoughtSpotClient({ serverUrl: url, auth: { token: "static-token-1" }, maxRetries: 0 });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/**
 * The longest the event loop was held while `work` ran, from a 5 ms ticker: the CPU time this
 * process spent between two ticks, so a busy machine that schedules it late does not count.
 */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let last = cpu();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = cpu();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, cpu() - last);
}

/** ~300 bytes of YAML whose aliases expand to 9^9 (387 million) strings. */
function billionLaughs(): string {
  const lines = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const previous = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
  }
  return `table:\n  name: laughs\n${lines.join("\n")}\n`;
}

const exportEntry = (edoc: string, name = "obj", type = "table") => ({
  info: { name, id: `${name}-guid`, type, status: { status_code: "OK" } },
  edoc,
});

describe("TML aliases and size", () => {
  it("a billion-laughs file is a TmlParseError at once, not minutes of expansion", () => {
    const text = billionLaughs();
    expect(text.length).toBeLessThan(400);
    const started = performance.now();
    const error = (() => {
      try {
        parseTml(text);
      } catch (e) {
        return e;
      }
    })() as TmlParseError;
    expect(error).toBeInstanceOf(TmlParseError);
    expect(error.reason).toMatch(/aliases expand to more than \d+ values/);
    expect(error.kind).toBe("table");
    // A guard against a hang only (the old reader ran for minutes here).
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ["a mapping", "table: &t\n  name: x\n  again: *t\n", 3],
    ["a list", "table:\n  name: x\n  list: &l [1, *l]\n", 3],
  ])("an alias inside what it names (%s) is a TmlParseError with its line, not a RangeError", (_, text, line) => {
    const error = (() => {
      try {
        parseTml(text);
      } catch (e) {
        return e;
      }
    })() as TmlParseError;
    expect(error).toBeInstanceOf(TmlParseError);
    expect(error.reason).toBe("a YAML alias refers to a value that contains it");
    expect(error.line).toBe(line);
  });

  it("a mapping of 40 000 keys reads in linear time (the unique-key check compared every pair)", () => {
    const text = `table:\n  name: x\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: ${i}`).join("\n")}\n`;
    const started = performance.now();
    const doc = parseTml(text) as { table: Record<string, unknown> };
    expect(Object.keys(doc.table)).toHaveLength(40_001);
    // A guard against a hang only: comparing each key with every earlier one took ~40 s here.
    expect(performance.now() - started).toBeLessThan(15_000);
    // Duplicates are still found, at the second occurrence.
    expect(() => parseTml(`${text}  k7: again\n`)).toThrow(/line 40003, column 3: Map keys must be unique/);
  }, 60_000);

  it("a few aliases in hand-written YAML still read as copies", () => {
    const doc = parseTml("table:\n  name: x\n  a: &p {k: 1}\n  b: *p\n") as {
      table: Record<string, unknown>;
    };
    expect(doc.table.b).toEqual({ k: 1 });
    expect(doc.table.b).not.toBe(doc.table.a);
  });

  it("text over the size cap is a TmlError before parsing; the cap is documented and can be raised", () => {
    expect(MAX_TML_LENGTH).toBe(8 * 1024 * 1024);
    const text = `table:\n  name: x\n  description: ${"d".repeat(200)}\n`;
    expect(() => parseTml(text, { maxLength: 100 })).toThrow(TmlError);
    expect(() => parseTml(text, { maxLength: 100 })).toThrow(
      /more than the 100 parsed at most \(raise it with the maxLength option\)/,
    );
    expect(parseTml(text, { maxLength: 1000 })).toHaveProperty("table.name", "x");
    expect(() => parseTml(text, { maxLength: 0 })).toThrow(TypeError);
    expect(() => parseTml(`{"table":{"name":"${"j".repeat(200)}"}}`, { maxLength: 100 })).toThrow(TmlError);
  });

  it("an export answer carrying a billion laughs fails with a TmlParseError instead of hanging", async () => {
    const cluster = await serve((_, res) => json(res, 200, [exportEntry(billionLaughs())]));
    const ts = client(cluster.url);
    const started = performance.now();
    const error = await caught(ts.tml.export("obj-guid"));
    expect(error).toBeInstanceOf(TmlParseError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("parsing an export answer of many documents gives the event loop turns", async () => {
    const columns = Array.from(
      { length: 250 },
      (_, i) =>
        `  - name: Column ${i}\n    db_column_name: COL_${i}\n    properties:\n      column_type: ATTRIBUTE\n      index_type: DONT_INDEX\n    db_column_properties:\n      data_type: VARCHAR\n`,
    ).join("");
    const documents = Array.from({ length: 60 }, (_, i) =>
      exportEntry(
        `guid: g-${i}\ntable:\n  name: T${i}\n  db: DB\n  schema: S\n  db_table: T${i}\n  columns:\n${columns}`,
        `T${i}`,
      ),
    );
    const cluster = await serve((_, res) => json(res, 200, documents));
    const ts = client(cluster.url);
    let count = 0;
    const held = await longestBlock(async () => {
      count = (await ts.tml.export("g-0")).objects.length;
    });
    expect(count).toBe(60);
    // Parsed in one go, these ~3 MB hold the loop for seconds on a busy machine; in turns, for
    // one document at most. A generous guard, not a benchmark.
    expect(held).toBeLessThan(1_000);
  }, 60_000);
});

describe("one large export document", () => {
  it("a Liveboard of a few megabytes is read in turns too", async () => {
    const visualization = (i: number) =>
      `  - id: Viz_${i}\n    answer:\n      name: Answer ${i}\n      tables:\n      - id: Sales\n        name: Sales\n` +
      `      search_query: "[Revenue] [Region] [Order Date].monthly"\n      answer_columns:\n` +
      Array.from(
        { length: 12 },
        (_, c) => `      - name: Column ${c}\n        custom_name: Nice ${c}\n`,
      ).join("") +
      `      chart:\n        type: COLUMN\n        client_state_v2: "${'{\\"a\\":1}'.repeat(20)}"\n`;
    const text = `guid: big\nliveboard:\n  name: Big\n  visualizations:\n${Array.from({ length: 3000 }, (_, i) => visualization(i)).join("")}`;
    expect(text.length).toBeGreaterThan(3_000_000);
    const cluster = await serve((_, res) => json(res, 200, [exportEntry(text, "Big", "liveboard")]));
    const ts = client(cluster.url);
    let count = 0;
    const held = await longestBlock(async () => {
      const [object] = (await ts.tml.export("big")).objects;
      count = object?.doc.liveboard?.visualizations?.length ?? 0;
    });
    expect(count).toBe(3000);
    // Parsed at once this holds the loop for about 1.5 s of CPU; in turns only YAML's composing of
    // the one document runs at once (about 0.1 s per megabyte).
    expect(held).toBeLessThan(1_000);
  }, 60_000);
});

describe("event streams have budgets", () => {
  it("ts.stream stops an endless line at 8 Mi characters with an UnexpectedResponseError and hangs up", async () => {
    const state = { sent: 0, closed: false };
    const cluster = await serve(async (_, res) => {
      res.on("close", () => {
        state.closed = true;
      });
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write("data: ");
      const chunk = "x".repeat(256 * 1024);
      // 16 MiB at most, so the test ends even if the client never hangs up.
      for (let i = 0; i < 64 && !state.closed; i++) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
        state.sent += chunk.length;
      }
      res.end();
    });
    const ts = client(cluster.url);
    const events = ts.stream("sendAgentMessageStreaming", {
      conversation_identifier: "c1",
      messages: ["hello"],
    });
    const error = (await caught(
      (async () => {
        for await (const _ of events) {
          /* no event ever completes */
        }
      })(),
    )) as UnexpectedResponseError;
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.operationId).toBe("sendAgentMessageStreaming");
    expect(error.message).toContain("a line longer than 8388608 characters");
    expect(error.message).not.toContain("xxxx");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(state.closed).toBe(true);
    expect(state.sent).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});

describe("walks end", () => {
  it("a server that cycles A, B, A, B is stopped at the first page seen before", async () => {
    const pageA = [{ id: "a1" }, { id: "a2" }];
    const pageB = [{ id: "b1" }, { id: "b2" }];
    const cluster = await serve((req, res) => {
      const offset = (JSON.parse(req.body.toString()) as { record_offset: number }).record_offset;
      json(res, 200, (offset / 2) % 2 === 0 ? pageA : pageB);
    });
    const ts = client(cluster.url);
    const error = (await caught(
      ts.paginate("searchUsers", {}, { pageSize: 2, maxPages: Number.POSITIVE_INFINITY }).toArray(),
    )) as PaginationError;
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toContain("the page at offset 4 repeats the page at offset 0");
    expect(cluster.requests).toHaveLength(3);
  });

  it("a longer cycle (A, B, C, A) is caught as well", async () => {
    const cluster = await serve((req, res) => {
      const offset = (JSON.parse(req.body.toString()) as { record_offset: number }).record_offset;
      const n = offset % 3;
      json(res, 200, [{ id: `x${n}` }]);
    });
    const ts = client(cluster.url);
    await expect(ts.paginate("searchUsers", {}, { pageSize: 1 }).toArray()).rejects.toThrow(
      /offset 3 repeats the page at offset 0/,
    );
    expect(cluster.requests).toHaveLength(4);
  });

  it("a walk has a default ceiling whose error says how to raise it", async () => {
    expect(DEFAULT_MAX_PAGES).toBe(10_000);
    // The pager itself, with pages served from memory: 10 000 HTTP requests would only add time.
    let fetched = 0;
    const walk = createPager<{ id: string }>({
      start: 0,
      pageSize: 1,
      maxPages: checkMaxPages(undefined, "test"),
      method: "POST",
      path: "/api/rest/2.0/users/search",
      operationId: "searchUsers",
      // Every page new and full, forever.
      fetchPage: async (offset) => {
        fetched++;
        return [{ id: `u${offset}` }];
      },
      read: (answer) => ({ items: answer as { id: string }[], last: false }),
    });
    const error = (await caught(walk.toArray())) as PaginationError;
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toContain(`more than ${DEFAULT_MAX_PAGES} pages (maxPages, by default)`);
    expect(error.message).toContain("Pass { maxPages: n } (or Infinity)");
    expect(fetched).toBe(DEFAULT_MAX_PAGES);
  });

  it("the ceiling applies to ts.paginate: maxPages: 3 stops a walk of new pages after 3 requests", async () => {
    let n = 0;
    const cluster = await serve((_, res) => json(res, 200, [{ id: `u${n++}` }]));
    const ts = client(cluster.url);
    await expect(ts.paginate("searchUsers", {}, { pageSize: 1, maxPages: 3 }).toArray()).rejects.toThrow(
      /more than 3 pages \(maxPages\); the walk stopped. Pass \{ maxPages: n \}/,
    );
    expect(cluster.requests).toHaveLength(3);
  });

  it("maxPages: Infinity is accepted, nonsense is a TypeError before any request", async () => {
    const cluster = await serve((_, res) => json(res, 200, [{ id: "only" }]));
    const ts = client(cluster.url);
    expect(
      await ts.paginate("searchUsers", {}, { pageSize: 5, maxPages: Number.POSITIVE_INFINITY }).toArray(),
    ).toEqual([{ id: "only" }]);
    await expect(ts.paginate("searchUsers", {}, { maxPages: -1 }).toArray()).rejects.toThrow(TypeError);
    await expect(ts.paginate("searchUsers", {}, { maxPages: 1.5 }).toArray()).rejects.toThrow(TypeError);
    expect(cluster.requests).toHaveLength(1);
  });
});

describe("downloads in bytes mode are capped once decoded", () => {
  const init = { body: { metadata_identifier: "lb", file_format: "PDF" as const } };

  it("a small gzip answer that decodes past maxBytes is an UnexpectedResponseError, and the stream is closed", async () => {
    // 32 MiB of zeros, about 32 KiB on the wire.
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "application/pdf", "Content-Encoding": "gzip" });
      res.end(bomb);
    });
    const ts = client(cluster.url);
    const error = (await caught(
      ts.download("/api/rest/2.0/report/liveboard", init, { maxBytes: 1024 * 1024 }),
    )) as UnexpectedResponseError;
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error.operationId).toBe("exportLiveboardReport");
    expect(error.message).toContain(`larger than ${1024 * 1024} bytes (once decoded)`);
    expect(error.message).toContain('pass { maxBytes } to raise it, or { as: "stream" } or { file }');
  });

  it("the default cap is 512 MiB, as for answers read whole; a file within the cap arrives whole", async () => {
    expect(MAX_DOWNLOAD_BYTES).toBe(512 * 1024 * 1024);
    const cluster = await serve((_, res) => {
      res.writeHead(200, { "Content-Type": "application/pdf", "Content-Encoding": "gzip" });
      res.end(gzipSync(Buffer.from("%PDF-1.7 small file")));
    });
    const ts = client(cluster.url);
    const bytes = await ts.download("/api/rest/2.0/report/liveboard", init, { maxBytes: 19 });
    expect(new TextDecoder().decode(bytes)).toBe("%PDF-1.7 small file");
    await expect(
      ts.download("/api/rest/2.0/report/liveboard", init, { maxBytes: 18 }),
    ).rejects.toBeInstanceOf(UnexpectedResponseError);
    await expect(ts.download("/api/rest/2.0/report/liveboard", init, { maxBytes: 0 })).rejects.toThrow(
      TypeError,
    );
  });
});

describe("exportToFolder keeps server-chosen names inside the folder", () => {
  it("a kind key and a name with path parts become plain file names in the folder", async () => {
    const root = await mkdtemp(join(tmpdir(), "tml-hostile-"));
    try {
      const dir = join(root, "out");
      const cluster = await serve((_, res) =>
        json(res, 200, [
          exportEntry("guid: g1\n../../../prod/Sales.table:\n  name: Sales\n", "Sales", "table"),
          exportEntry("guid: g2\nliveboard:\n  name: ../../../etc/passwd\n", "lb", "liveboard"),
          exportEntry("guid: g3\n..:\n  name: ..\n", "dots", "table"),
        ]),
      );
      const files = await client(cluster.url).tml.exportToFolder(["g1", "g2", "g3"], dir);
      expect(files.map((f) => f.path.slice(dir.length + 1)).sort()).toEqual(
        [
          "Sales._________prod_Sales_table.tml",
          ".._.._.._etc_passwd.liveboard.tml",
          "unnamed.unknown.tml",
        ].sort(),
      );
      // Nothing beside the folder: the root holds only it.
      expect(await readdir(root)).toEqual(["out"]);
      expect((await readdir(dir)).sort()).toEqual(files.map((f) => f.path.slice(dir.length + 1)).sort());
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
