// The README's node:test example, run by test/testing/node-test.test.ts with `node --import tsx --test`.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { AuthError, RateLimitError, TSTypes } from "../../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../../src/testing/index.js";

let mock: MockThoughtSpot;
before(async () => {
  mock = await startMockThoughtSpot();
});
after(() => mock.close());

test("my Liveboard report script asks for what it needs", async () => {
  const ts = mock.client();
  const [liveboard] = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
  const pdf = await ts.download("/api/rest/2.0/report/liveboard", {
    body: { metadata_identifier: String(liveboard?.metadata_id), file_format: "PDF" },
  });
  assert.ok(pdf.byteLength > 0);
  assert.deepEqual(
    mock.requests().map((r) => r.operationId),
    ["searchMetadata", "exportLiveboardReport"],
  );
  assert.ok(mock.requests().every((r) => r.findings.every((f) => f.location[0] !== "request")));
});

test("a wrong password is an AuthError; an injected 429 is retried", async () => {
  const wrong = mock.client({ auth: { username: mock.credentials.username, password: "wrong" } });
  await assert.rejects(wrong.api.v2.searchUsers({}), AuthError);
  mock.fail("searchTags", { status: 429, times: 1, retryAfter: 0 });
  await assert.rejects(mock.client().api.v2.searchTags({}), RateLimitError);
  mock.fail("searchTags", { status: 429, times: 1, retryAfter: 0 });
  assert.ok(Array.isArray(await mock.client({ maxRetries: 1 }).api.v2.searchTags({})));
});
