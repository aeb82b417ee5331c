// Page readers driven by the generated page rules: the stop rule each kind of answer applies.
import { describe, expect, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import type { OperationRow, PageRule } from "../../src/operation-row.js";
import { pageReader } from "../../src/pagination/page-reader.js";

const rows = (table: Record<string, OperationRow>) => Object.entries(table) as [string, OperationRow][];
const read = (id: keyof typeof v2Operations) =>
  pageReader((v2Operations[id] as OperationRow).page as PageRule);

describe("generated page rules", () => {
  it("every paginated row of both tables has a rule, and only those", () => {
    for (const [id, row] of [...rows(v2Operations), ...rows(v1Operations)]) {
      expect(row.paginated === true, id).toBe(row.page !== undefined);
    }
    expect(rows(v2Operations).filter(([, r]) => r.page).length).toBeGreaterThan(0);
  });

  it("V2 rules page by record_offset/record_size, V1 by offset/batchsize", () => {
    for (const [, row] of rows(v2Operations).filter(([, r]) => r.page)) {
      expect([row.page?.offset, row.page?.size]).toEqual(["record_offset", "record_size"]);
    }
    for (const [, row] of rows(v1Operations).filter(([, r]) => r.page)) {
      expect([row.page?.offset, row.page?.size]).toEqual(["offset", "batchsize"]);
    }
  });
});

describe("pageReader", () => {
  it("bare arrays: a short page is the last", () => {
    expect(read("searchUsers")([1, 2, 3], 3)).toEqual({ items: [1, 2, 3], last: false });
    expect(read("searchUsers")([1, 2], 3)).toEqual({ items: [1, 2], last: true });
    expect(read("searchUsers")(undefined, 3)).toEqual({ items: [], last: true });
  });

  it("wrapped answers: the flag ends a full page", () => {
    expect(read("searchCollections")({ collections: [1, 2], is_last_batch: true }, 2).last).toBe(true);
    expect(read("searchCollections")({ collections: [1, 2], is_last_batch: false }, 2).last).toBe(false);
    expect(read("fetchAsyncImportTaskStatus")({ status_list: [1], last_batch: true }, 1).last).toBe(true);
    expect(read("fetchAsyncImportTaskStatus")({ status_list: null }, 1)).toEqual({ items: [], last: true });
    const webhooks = read("searchWebhookConfigurations");
    expect(webhooks({ webhooks: [1], pagination: { has_more: false } }, 1).last).toBe(true);
    expect(webhooks({ webhooks: [1], pagination: { has_more: true } }, 1).last).toBe(false);
  });

  it("V1 list answers: isLastBatch or a short page", () => {
    const list = pageReader(v1Operations.metadataList.page);
    expect(list({ headers: [1, 2], isLastBatch: true }, 2)).toEqual({ items: [1, 2], last: true });
    expect(list({ headers: [1, 2], isLastBatch: false }, 2).last).toBe(false);
    expect(pageReader(v1Operations.searchdata.page)({ columnNames: ["a"], data: [[1]] }, 2)).toEqual({
      items: [[1]],
      last: true,
    });
  });

  it("data answers: rows of all contents", () => {
    const answer = { contents: [{ data_rows: [[1], [2]] }, { data_rows: [[3]] }] };
    expect(read("fetchAnswerData")(answer, 3)).toEqual({ items: [[1], [2], [3]], last: false });
    expect(read("searchData")({ contents: [] }, 3)).toEqual({ items: [], last: true });
  });

  it("per-entry paging: full when any inner group is full", () => {
    const lb = { contents: [{ data_rows: [[1], [2]] }, { data_rows: [[1]] }] };
    expect(read("fetchLiveboardData")(lb, 2)).toEqual({ items: lb.contents, last: false });
    expect(read("fetchLiveboardData")(lb, 3).last).toBe(true);
    const principals = {
      principal_permission_details: [
        { metadata_permission_info: [{ metadata_permissions: [1] }, { metadata_permissions: [1, 2] }] },
      ],
    };
    expect(read("fetchPermissionsOfPrincipals")(principals, 2).last).toBe(false);
    expect(read("fetchPermissionsOfPrincipals")(principals, 3).last).toBe(true);
  });

  it("an object where an array was expected is one item and the end", () => {
    const answer = { metadata_object_privileges: { some: "shape" } };
    expect(read("fetchObjectPrivileges")(answer, 10)).toEqual({ items: [{ some: "shape" }], last: true });
  });
});
