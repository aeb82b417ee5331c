// sharePermissions(): one description of a share, written as V1's `permission` and V2's `permissions`.
import { describe, expect, it } from "vitest";
import { ShareModes, SharePermissions, sharePermissions } from "../../src/index.js";

describe("sharePermissions()", () => {
  it("returns a fresh, empty SharePermissions each time", () => {
    const a = sharePermissions();
    const b = sharePermissions();
    expect(a).toBeInstanceOf(SharePermissions);
    expect(a).not.toBe(b);
    expect(a.size).toBe(0);
    expect(a.toV1()).toEqual({ permissions: {} });
    expect(a.toV2()).toEqual([]);
  });

  it("chains on the same instance", () => {
    const p = sharePermissions();
    expect(p.readOnly("a")).toBe(p);
    expect(p.edit("b")).toBe(p);
    expect(p.remove("c")).toBe(p);
    expect(p.grant("d", "READ_ONLY")).toBe(p);
    expect(p.size).toBe(4);
  });

  it("readOnly, edit and remove map to READ_ONLY, MODIFY and NO_ACCESS, in the order given", () => {
    const p = sharePermissions().readOnly("g1", "g2").edit("u1").remove({ identifier: "u2", type: "USER" });
    expect(p.toV2()).toEqual([
      { principal: { identifier: "g1" }, share_mode: "READ_ONLY" },
      { principal: { identifier: "g2" }, share_mode: "READ_ONLY" },
      { principal: { identifier: "u1" }, share_mode: "MODIFY" },
      { principal: { identifier: "u2", type: "USER" }, share_mode: "NO_ACCESS" },
    ]);
    expect(p.toV1()).toEqual({
      permissions: {
        g1: { shareMode: "READ_ONLY" },
        g2: { shareMode: "READ_ONLY" },
        u1: { shareMode: "MODIFY" },
        u2: { shareMode: "NO_ACCESS" },
      },
    });
    expect(JSON.stringify(p.toV1())).toBe(
      '{"permissions":{"g1":{"shareMode":"READ_ONLY"},"g2":{"shareMode":"READ_ONLY"},"u1":{"shareMode":"MODIFY"},"u2":{"shareMode":"NO_ACCESS"}}}',
    );
  });

  it("the last mode given for a principal wins (and keeps its first position)", () => {
    const p = sharePermissions().readOnly("g1", "g2").edit("g1").remove("g2");
    expect(p.size).toBe(2);
    expect(p.toV2()).toEqual([
      { principal: { identifier: "g1" }, share_mode: "MODIFY" },
      { principal: { identifier: "g2" }, share_mode: "NO_ACCESS" },
    ]);
    // A later string reference drops the type given earlier.
    const q = sharePermissions().readOnly({ identifier: "g1", type: "USER_GROUP" }).edit("g1");
    expect(q.toV2()).toEqual([{ principal: { identifier: "g1" }, share_mode: "MODIFY" }]);
  });

  it("grant() takes ShareModes values (EDIT is MODIFY) and a Collection content mode", () => {
    const p = sharePermissions()
      .grant("g1", ShareModes.EDIT)
      .grant("g2", ShareModes.READ_ONLY, { contentMode: "MODIFY" })
      .grant("g3", "NO_ACCESS", {});
    expect(p.toV2()).toEqual([
      { principal: { identifier: "g1" }, share_mode: "MODIFY" },
      { principal: { identifier: "g2" }, share_mode: "READ_ONLY", content_share_mode: "MODIFY" },
      { principal: { identifier: "g3" }, share_mode: "NO_ACCESS" },
    ]);
  });

  it("a content mode cannot be written for V1", () => {
    const p = sharePermissions().readOnly("g1").grant("g2", "MODIFY", { contentMode: "READ_ONLY" });
    expect(() => p.toV1()).toThrow(new TypeError("content share modes (Collections) need the V2 API"));
    // Re-granting without a content mode clears it.
    p.edit("g2");
    expect(p.toV1()).toEqual({
      permissions: { g1: { shareMode: "READ_ONLY" }, g2: { shareMode: "MODIFY" } },
    });
  });

  it.each([
    ["an empty name", ""],
    ["an object without identifier", { type: "USER" }],
    ["an empty identifier", { identifier: "" }],
    ["a number", 42],
    ["null", null],
  ])("rejects %s with a TypeError", (_, principal) => {
    const p = sharePermissions();
    expect(() => p.readOnly(principal as never)).toThrow(
      new TypeError("a principal is a user or group GUID or name, or { identifier, type }"),
    );
    expect(p.size).toBe(0);
  });

  it("copies principal objects: later changes to the caller's object do not leak in, nor do edits of the output", () => {
    const ref: { identifier: string; type?: "USER" | "USER_GROUP" } = { identifier: "u1", type: "USER" };
    const p = sharePermissions().readOnly(ref);
    ref.identifier = "changed";
    ref.type = "USER_GROUP";
    const out = p.toV2();
    expect(out).toEqual([{ principal: { identifier: "u1", type: "USER" }, share_mode: "READ_ONLY" }]);
    out[0]!.principal.identifier = "mutated";
    expect(p.toV2()[0]!.principal.identifier).toBe("u1");
  });
});
