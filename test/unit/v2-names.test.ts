// generated/v2-names.ts (what the client checks at startup) agrees with the V2 table it stands in for.
import { describe, expect, it } from "vitest";
import { v2BasePath, v2OperationIds, v2PaginatedPaths, v2StreamingIds } from "../../generated/v2-names.js";
import { v2BasePath as tableBasePath, v2Operations } from "../../generated/v2-operations.js";
import type { OperationRow } from "../../src/operation-row.js";

const rows = Object.entries(v2Operations as Record<string, OperationRow>);

describe("generated/v2-names.ts", () => {
  it("lists every operationId of the table, in table order, and its base path", () => {
    expect([...v2OperationIds]).toEqual(Object.keys(v2Operations));
    expect(v2BasePath).toBe(tableBasePath);
  });

  it("names exactly the paginated rows, each with its path", () => {
    const paged = rows.filter(([, row]) => row.page).map(([id, row]) => [id, row.path]);
    expect(paged.length).toBeGreaterThan(0);
    expect(Object.entries(v2PaginatedPaths)).toEqual(paged);
  });

  it("names exactly the streaming rows", () => {
    const streaming = rows.filter(([, row]) => row.streaming).map(([id]) => id);
    expect(streaming.length).toBeGreaterThan(0);
    expect([...v2StreamingIds]).toEqual(streaming);
  });
});
