// Page readers: one per paginated V2 operation, and the stop rule each one applies.
import { describe, expect, it } from "vitest";
import { v2Operations } from "../../generated/v2-operations.js";
import { v2PageReaders } from "../../src/pagination/v2-pages.js";

describe("v2PageReaders", () => {
  it("covers exactly the operations the generated table flags as paginated", () => {
    const paginated = Object.entries(v2Operations)
      .filter(([, row]) => "paginated" in row && row.paginated)
      .map(([id]) => id)
      .sort();
    expect(paginated).toHaveLength(17);
    expect(Object.keys(v2PageReaders).sort()).toEqual(paginated);
  });

  it("bare arrays: a short page is the last", () => {
    expect(v2PageReaders.searchUsers([1, 2, 3], 3)).toEqual({ items: [1, 2, 3], last: false });
    expect(v2PageReaders.searchUsers([1, 2], 3)).toEqual({ items: [1, 2], last: true });
    expect(v2PageReaders.searchUsers(undefined, 3)).toEqual({ items: [], last: true });
  });

  it("wrapped answers: the flag ends a full page", () => {
    expect(v2PageReaders.searchCollections({ collections: [1, 2], is_last_batch: true }, 2).last).toBe(true);
    expect(v2PageReaders.searchCollections({ collections: [1, 2], is_last_batch: false }, 2).last).toBe(
      false,
    );
    expect(v2PageReaders.fetchAsyncImportTaskStatus({ status_list: [1], last_batch: true }, 1).last).toBe(
      true,
    );
    expect(v2PageReaders.fetchAsyncImportTaskStatus({ status_list: null }, 1)).toEqual({
      items: [],
      last: true,
    });
    expect(
      v2PageReaders.searchWebhookConfigurations({ webhooks: [1], pagination: { has_more: false } }, 1).last,
    ).toBe(true);
  });

  it("data answers: rows of all contents", () => {
    const answer = { contents: [{ data_rows: [[1], [2]] }, { data_rows: [[3]] }] };
    expect(v2PageReaders.fetchAnswerData(answer, 3)).toEqual({ items: [[1], [2], [3]], last: false });
    expect(v2PageReaders.searchData({ contents: [] }, 3)).toEqual({ items: [], last: true });
  });

  it("per-entry paging: full when any inner group is full", () => {
    const lb = { contents: [{ data_rows: [[1], [2]] }, { data_rows: [[1]] }] };
    expect(v2PageReaders.fetchLiveboardData(lb, 2)).toEqual({ items: lb.contents, last: false });
    expect(v2PageReaders.fetchLiveboardData(lb, 3).last).toBe(true);
    const principals = {
      principal_permission_details: [
        { metadata_permission_info: [{ metadata_permissions: [1] }, { metadata_permissions: [1, 2] }] },
      ],
    };
    expect(v2PageReaders.fetchPermissionsOfPrincipals(principals, 2).last).toBe(false);
    expect(v2PageReaders.fetchPermissionsOfPrincipals(principals, 3).last).toBe(true);
  });

  it("an object where an array was expected is one item and the end", () => {
    const answer = { metadata_object_privileges: { some: "shape" } };
    expect(v2PageReaders.fetchObjectPrivileges(answer, 10)).toEqual({
      items: [{ some: "shape" }],
      last: true,
    });
  });
});
