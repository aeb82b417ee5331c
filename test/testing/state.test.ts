// The mock's store through the SDK: Orgs that see only their own objects, TML import that creates or
// updates by GUID (sync, async with progress, VALIDATE_ONLY, ALL_OR_NONE), export with fqn and
// associated objects, delete with ThoughtSpot's error for a missing id, sharing that the permission
// answers show, and reset().
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ApiError, type ThoughtSpotClient, TSTypes } from "../../src/index.js";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";
import { principalPermissions } from "./support/permissions.js";

let mock: MockThoughtSpot;
beforeAll(async () => {
  mock = await startMockThoughtSpot();
}, 120_000);
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

const OVERVIEW = "61728394-0008-4a5b-8c9d-000000000008";

/** A client logged in with the admin's password to one Org. */
const inOrg = (orgId: number): ThoughtSpotClient =>
  mock.client({ auth: { username: mock.credentials.username, password: mock.credentials.password, orgId } });

/** A Liveboard; with `table`, one visualization on that object (which must resolve in the Org). */
const liveboardDoc = (name: string, guid?: string, table?: string) => ({
  ...(guid && { guid }),
  liveboard: {
    name,
    visualizations: table
      ? [{ id: "Viz_1", answer: { name: "A", tables: [{ id: table, name: table }] } }]
      : [],
  },
});

describe("Orgs", () => {
  it("a token for one Org sees that Org's objects only; imports land in the caller's Org", async () => {
    const primary = inOrg(0);
    const dev = inOrg(1);
    const inPrimary = await primary.metadata.search({ type: TSTypes.LIVEBOARD });
    expect(inPrimary.length).toBeGreaterThan(0);
    expect(await dev.metadata.search({ type: TSTypes.LIVEBOARD })).toEqual([]);

    const { guids } = await dev.tml.import([liveboardDoc("Dev board")]);
    const found = await dev.metadata.search({ type: TSTypes.LIVEBOARD });
    expect(found.map((f) => f.metadata_id)).toEqual(guids);
    expect(
      (await primary.metadata.search({ type: TSTypes.LIVEBOARD })).map((f) => f.metadata_id),
    ).not.toContain(guids[0]);
    // Another Org cannot export or delete it either.
    const exported = (await primary.api.v2.exportMetadataTML({ metadata: [{ identifier: guids[0]! }] })) as {
      info: { status: { status_code: string } };
    }[];
    expect(exported[0]!.info.status.status_code).toBe("ERROR");
  });

  it("switchOrg moves a password login to the other Org", async () => {
    const ts = inOrg(0);
    expect((await ts.metadata.search({ type: TSTypes.LIVEBOARD })).length).toBeGreaterThan(0);
    await ts.switchOrg(2);
    expect(await ts.metadata.search({ type: TSTypes.LIVEBOARD })).toEqual([]);
    expect(
      mock
        .requests()
        .some((r) => r.operationId === "getFullAccessToken" && (r.body as { org_id?: number }).org_id === 2),
    ).toBe(true);
  });

  it("a login to an Org the user does not belong to fails with the spec's 400", async () => {
    const ts = mock.client({
      auth: { username: "chloe.martin", password: mock.credentials.users["chloe.martin"]!, orgId: 2 },
    });
    const error = await ts.api.v2.searchUsers({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(String((error as Error).message)).toMatch(
      /org_identifier does not refer to a valid or accessible org/,
    );
  });

  it("createOrg adds an Org to log in to (a name that exists: 409); deleteOrg removes it and its logins", async () => {
    const admin = mock.client();
    const org = await admin.api.v2.createOrg({ name: "Staging", description: "for the test" });
    expect(org).toMatchObject({ name: "Staging", status: "ACTIVE" });
    expect((await admin.api.v2.createOrg({ name: "Staging" }).catch((e: ApiError) => e)).status).toBe(409);
    const staging = inOrg(Number(org.id));
    await staging.tml.import([liveboardDoc("Staged")]);
    expect((await staging.metadata.search({ type: TSTypes.LIVEBOARD })).map((o) => o.metadata_name)).toEqual([
      "Staged",
    ]);
    await admin.api.v2.deleteOrg({ org_identifier: "Staging" });
    const gone = await staging.metadata.search({ type: TSTypes.LIVEBOARD }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ApiError);
  });

  it("searchOrgs lists the Orgs of mock.credentials", async () => {
    const orgs = await mock.client().api.v2.searchOrgs({});
    expect(orgs.map((o) => o.name)).toEqual(mock.credentials.orgs.map((o) => o.name));
  });
});

describe("interleavings", () => {
  it("clients of three Orgs importing and searching at once each see only their own Org", async () => {
    const clients = [0, 1, 2].map(inOrg);
    const runs = clients.map(async (ts, org) => {
      const guids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const [imported, found] = await Promise.all([
          ts.tml.import([liveboardDoc(`Org ${org} board ${i}`)]),
          ts.metadata.search({ type: TSTypes.LIVEBOARD }),
        ]);
        guids.push(imported.guids[0]!);
        for (const f of found) expect(String(f.metadata_name)).not.toMatch(new RegExp(`^Org (?!${org} )`));
      }
      return guids;
    });
    const perOrg = await Promise.all(runs);
    for (const [org, ts] of clients.entries()) {
      const names = (await ts.metadata.search({ type: TSTypes.LIVEBOARD })).map((o) =>
        String(o.metadata_name),
      );
      expect(names.filter((n) => n.startsWith("Org "))).toEqual(
        [0, 1, 2].map((i) => `Org ${org} board ${i}`),
      );
    }
    expect(new Set(perOrg.flat()).size).toBe(9);
  });

  it("two async imports at once finish independently, each with its own objects", async () => {
    const ts = mock.client();
    const [a, b] = await Promise.all([
      ts.tml.import([liveboardDoc("Async A")], { async: true, pollIntervalMs: 1 }),
      ts.tml.import([liveboardDoc("Async B1"), liveboardDoc("Async B2")], { async: true, pollIntervalMs: 1 }),
    ]);
    expect(a.objects.map((o) => o.name)).toEqual(["Async A"]);
    expect(b.objects.map((o) => o.name)).toEqual(["Async B1", "Async B2"]);
  });

  it("a token revoked while calls are in flight: later calls fail, the client with a password logs in again", async () => {
    const ts = inOrg(0);
    await ts.api.v2.searchTags({});
    const token = (mock.requests().at(-1)!.headers.authorization as string).slice("Bearer ".length);
    const calls = Array.from({ length: 5 }, () => ts.api.v2.searchTags({}));
    const revokedAt = mock.requests().length;
    await mock.client().api.v2.revokeToken({ token });
    // Each call either ran before the revoke or logged in again after the 401: none fails.
    expect((await Promise.all(calls)).every(Array.isArray)).toBe(true);
    await ts.api.v2.searchTags({});
    const after = mock.requests().slice(revokedAt);
    expect(after.some((r) => r.operationId === "getFullAccessToken" && r.status === 200)).toBe(true);
    const stale = await fetch(`${mock.url}/api/rest/2.0/tags/search`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      body: "{}",
    });
    expect(stale.status).toBe(401);
  });
});

describe("TML import", () => {
  it("creates, then updates the object its GUID names; the answer carries each GUID in order", async () => {
    const ts = mock.client();
    const first = await ts.tml.import([liveboardDoc("One"), liveboardDoc("Two")]);
    expect(first.guids).toHaveLength(2);
    expect(new Set(first.guids).size).toBe(2);
    const again = await ts.tml.import([liveboardDoc("Two renamed", first.guids[1]), liveboardDoc("Three")]);
    expect(again.guids[0]).toBe(first.guids[1]);
    expect(again.guids[1]).not.toBe(first.guids[0]);
    const names = (await ts.metadata.search({ type: TSTypes.LIVEBOARD })).map((o) => o.metadata_name);
    expect(names).toEqual(expect.arrayContaining(["One", "Two renamed", "Three"]));
    expect(names).not.toContain("Two");
    const { objects } = await ts.tml.export(first.guids[1]!);
    expect((objects[0]!.doc as { liveboard: { name: string } }).liveboard.name).toBe("Two renamed");
  });

  it("V1 TML import and export use the same store", async () => {
    const ts = mock.client();
    const { guids } = await ts.tml.import([liveboardDoc("Via V1")], { api: "v1" });
    expect(guids[0]).toEqual(expect.any(String));
    const v2 = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    expect(v2.map((o) => o.metadata_id)).toContain(guids[0]);
    const { objects } = await ts.tml.export(guids[0]!, { api: "v1" });
    expect((objects[0]!.doc as { liveboard: { name: string } }).liveboard.name).toBe("Via V1");
  });

  it("an unknown GUID creates the object with that GUID; create_new always makes a fresh one", async () => {
    const ts = mock.client();
    const wanted = "0f0f0f0f-1111-4222-8333-444444444444";
    expect((await ts.tml.import([liveboardDoc("Chosen", wanted)])).guids).toEqual([wanted]);
    const copy = await ts.tml.import([liveboardDoc("Copy", wanted)], { createNew: true });
    expect(copy.guids[0]).not.toBe(wanted);
  });

  it("VALIDATE_ONLY answers OK and changes nothing", async () => {
    const ts = mock.client();
    const before = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    const result = await ts.tml.import([liveboardDoc("Only checked")], { policy: "VALIDATE_ONLY" });
    expect(result.objects[0]!.status).toBe("OK");
    expect(await ts.metadata.search({ type: TSTypes.LIVEBOARD })).toEqual(before);
  });

  it("ALL_OR_NONE imports nothing when one document fails", async () => {
    const ts = mock.client();
    const result = await ts.tml.import(
      [liveboardDoc("Good"), { liveboard: { visualizations: [] } } as never],
      {
        policy: "ALL_OR_NONE",
        throwOnError: false,
      },
    );
    expect(result.objects.map((o) => o.status)).toEqual(["ERROR", "ERROR"]);
    const names = (await ts.metadata.search({ type: TSTypes.LIVEBOARD })).map((o) => o.metadata_name);
    expect(names).not.toContain("Good");
  });

  it("async: the task reports progress and ends with the same per-object answer", async () => {
    const ts = mock.client();
    const progress: { status: string; processed: number; total: number }[] = [];
    const result = await ts.tml.import([liveboardDoc("Async one"), liveboardDoc("Async two")], {
      async: true,
      pollIntervalMs: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(progress.map((p) => p.status)).toEqual(["IN_PROGRESS", "COMPLETED"]);
    expect(progress.at(-1)).toMatchObject({ processed: 2, total: 2 });
    expect(result.guids.every((g) => typeof g === "string")).toBe(true);
    const names = (await ts.metadata.search({ type: TSTypes.LIVEBOARD })).map((o) => o.metadata_name);
    expect(names).toEqual(expect.arrayContaining(["Async one", "Async two"]));
  });
});

/** The GUID of the Primary Org's Model "Retail Sales 🛒". */
const modelGuid = async () => {
  const [found] = await mock.client().api.v2.searchMetadata({
    metadata: [{ type: "LOGICAL_TABLE", identifier: "Retail Sales 🛒" }],
  });
  return String(found!.metadata_id);
};

describe("references between objects", () => {
  it("a reference to an object the Org lacks fails the document; the same import can bring it", async () => {
    const dev = inOrg(1);
    const alone = await dev.tml.import([liveboardDoc("Needs a model", undefined, "Retail Sales 🛒")], {
      throwOnError: false,
    });
    expect(alone.objects[0]).toMatchObject({ status: "ERROR" });
    expect(alone.objects[0]!.message).toMatch(/"Retail Sales 🛒" does not exist in this Org/);

    // Export the model with what it uses from Primary, and import it all with the Liveboard into Development.
    const exported = await mock.client().tml.export(await modelGuid(), { associated: true });
    const docs = exported.objects.map((o) => {
      const { guid: _guid, ...doc } = o.doc as { guid?: string };
      return doc;
    });
    const together = await dev.tml.import([
      ...docs,
      liveboardDoc("Needs a model", undefined, "Retail Sales 🛒"),
    ] as never);
    expect(together.objects.every((o) => o.status === "OK")).toBe(true);
  });

  it("a name that is not unique in the Org needs an fqn", async () => {
    const ts = mock.client();
    const model = await modelGuid();
    const { objects } = await ts.tml.export(model);
    const { guid: _guid, ...copy } = objects[0]!.doc as { guid?: string };
    await ts.tml.import([copy as never]); // a second object named "Retail Sales 🛒"
    const ambiguous = await ts.tml.import([liveboardDoc("Which model?", undefined, "Retail Sales 🛒")], {
      throwOnError: false,
    });
    expect(ambiguous.objects[0]!.message).toMatch(/not unique in this Org \(2 objects\); give its fqn/);
    const doc = liveboardDoc("This model", undefined, "Retail Sales 🛒");
    (doc.liveboard.visualizations[0]!.answer.tables[0] as { fqn?: string }).fqn = model;
    expect((await ts.tml.import([doc])).objects[0]!.status).toBe("OK");
  });
  it("re-exports TML imported with fqn references with one fqn per reference (this Org's GUID)", async () => {
    const ts = mock.client();
    const model = await modelGuid();
    const doc = liveboardDoc("Imported with fqn", undefined, "Retail Sales 🛒");
    (doc.liveboard.visualizations[0]!.answer.tables[0] as { fqn?: string }).fqn = model;
    const guid = (await ts.tml.import([doc])).guids[0]!;
    const [entry] = (await ts.api.v2.exportMetadataTML({
      metadata: [{ identifier: guid }],
      export_fqn: true,
    })) as {
      edoc: string;
    }[];
    const parsed = parseYaml(entry!.edoc) as typeof doc;
    expect((parsed.liveboard.visualizations[0]!.answer.tables[0] as { fqn?: string }).fqn).toBe(model);
    expect(entry!.edoc.match(/fqn:/g)).toHaveLength(1);
  });
});

describe("TML export, delete, sharing, reset", () => {
  it("exports associated objects, with fqn references when asked", async () => {
    const ts = mock.client();
    const answer = (await ts.api.v2.exportMetadataTML({
      metadata: [{ identifier: OVERVIEW }],
      export_associated: true,
      export_fqn: true,
    })) as { info: { id: string; name: string }; edoc: string }[];
    expect(answer.length).toBeGreaterThan(1);
    const liveboard = answer.find((e) => e.info.id === OVERVIEW)!;
    const model = answer.find((e) => e.info.name === "Retail Sales 🛒")!;
    expect(liveboard.edoc).toContain(`fqn: "${model.info.id}"`);
    // Every document stays valid YAML with the fqn lines in.
    for (const entry of answer) expect(() => parseYaml(entry.edoc)).not.toThrow();
    const json = (await ts.api.v2.exportMetadataTML({
      metadata: [{ identifier: OVERVIEW }],
      edoc_format: "JSON",
    })) as {
      edoc: string;
    }[];
    expect((JSON.parse(json[0]!.edoc) as { guid: string }).guid).toBe(OVERVIEW);
  });

  it("deletes an object, and answers ThoughtSpot's error for an id that does not exist", async () => {
    const ts = mock.client();
    const { guids } = await ts.tml.import([liveboardDoc("To delete")]);
    await ts.api.v2.deleteMetadata({ metadata: [{ identifier: guids[0]! }] });
    expect((await ts.metadata.search({ type: TSTypes.LIVEBOARD })).map((o) => o.metadata_id)).not.toContain(
      guids[0],
    );
    const error = await ts.api.v2
      .deleteMetadata({ metadata: [{ identifier: guids[0]! }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as Error).message).toContain(guids[0]!);
  });

  it("sharing changes what fetchPermissionsOnMetadata answers, NO_ACCESS takes it away", async () => {
    const ts = mock.client();
    const permissions = (await import("../../src/index.js")).sharePermissions;
    await ts.sharing.share({
      type: TSTypes.LIVEBOARD,
      ids: [OVERVIEW],
      permissions: permissions().readOnly("sales-emea").edit("analysts"),
    });
    await ts.sharing.share({
      type: TSTypes.LIVEBOARD,
      ids: [OVERVIEW],
      permissions: permissions().remove("analysts"),
    });
    const answer = await ts.sharing.permissionsOnObjects({ type: TSTypes.LIVEBOARD, ids: [OVERVIEW] });
    const rows = principalPermissions(answer).map((p) => `${p.principal_name} ${p.permission}`);
    expect(rows).toEqual(["sales-emea READ_ONLY", "ana.garcia MODIFY"]);
    const byPrincipal = (await ts.sharing.permissionsOfPrincipals({
      principals: ["sales-emea", "analysts"],
    })) as {
      principal_permission_details: {
        principal_name: string;
        metadata_permission_info: { metadata_permissions: { metadata_id: string; permission: string }[] }[];
      }[];
    };
    const seen = byPrincipal.principal_permission_details.map((d) => [
      d.principal_name,
      d.metadata_permission_info.flatMap((i) =>
        i.metadata_permissions.map((m) => `${m.metadata_id} ${m.permission}`),
      ),
    ]);
    expect(seen).toEqual([
      ["sales-emea", [`${OVERVIEW} READ_ONLY`]],
      ["analysts", []],
    ]);
  });

  it("reset() undoes imports, deletes and shares", async () => {
    const ts = mock.client();
    const before = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    await ts.tml.import([liveboardDoc("Gone after reset")]);
    await ts.api.v2.deleteMetadata({ metadata: [{ identifier: OVERVIEW }] });
    mock.reset();
    expect(await ts.metadata.search({ type: TSTypes.LIVEBOARD })).toEqual(before);
  });
});
