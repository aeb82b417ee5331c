// Release strings: every form ThoughtSpot writes parses, and comparisons never call an unknown form older.
import { describe, expect, it } from "vitest";
import { v1Operations } from "../../generated/v1-operations.js";
import { v2Operations } from "../../generated/v2-operations.js";
import { compareReleases, isOlderRelease, parseRelease } from "../../src/release/version.js";

describe("parseRelease", () => {
  it.each([
    ["9.12.5.cl", "cloud", [9, 12, 5]],
    ["26.8.0.cl", "cloud", [26, 8, 0]],
    ["10.1.0.sw", "software", [10, 1, 0]],
    ["8.4.1-sw", "software", [8, 4, 1]],
    ["10.3.0.cl-84", "cloud", [10, 3, 0]],
    [" 10.14.0.CL ", "cloud", [10, 14, 0]],
    ["7.1.1", undefined, [7, 1, 1]],
    ["6.0.x", undefined, [6, 0, 0]],
    ["ts7.april.cl", "cloud", [7, 0, 4]],
    ["ts8.nov.cl", "cloud", [8, 0, 11]],
  ])("%s", (text, channel, numbers) => {
    expect(parseRelease(text)).toMatchObject({ channel, numbers });
  });

  it.each([
    "test",
    "",
    "latest",
    "ts7.foo.cl",
    "v10",
    "10",
    undefined,
    null,
  ])("%j is not a release", (text) => {
    expect(parseRelease(text)).toBeUndefined();
  });

  it("parses every release the generated tables hold", () => {
    const rows = [...Object.values(v2Operations), ...Object.values(v1Operations)] as {
      availableFrom?: string;
      availableFromSoftware?: string;
    }[];
    const releases = rows.flatMap((r) => [r.availableFrom, r.availableFromSoftware]).filter((r) => r);
    expect(releases.length).toBeGreaterThan(0);
    for (const release of releases) expect(parseRelease(release), release).toBeDefined();
  });
});

describe("compareReleases", () => {
  it.each([
    ["9.12.5.cl", "10.12.0.cl", -1],
    ["10.12.0.cl", "9.12.5.cl", 1],
    ["10.9.0.cl", "10.10.0.cl", -1], // by number, not by text
    ["10.15.0.cl", "26.2.0.cl", -1], // the calendar-numbered releases come after 10.x
    ["26.8.0.cl", "26.8.0.cl", 0],
    ["10.1.0.sw", "10.1.0.cl", 0], // a Software release holds the Cloud release of its number
    ["9.12.5.sw", "10.4.0.cl", -1],
    ["10.3.0.cl-84", "10.3.0.cl", 0],
    ["7.2.1", "7.1.1", 1],
    ["ts7.may.cl", "ts7.jun.cl", -1],
    ["ts7.oct.cl", "ts7.sep.cl", 1],
    ["ts7.dec.cl", "8.10.0.cl", -1],
    ["9.0.0.cl", "ts8.nov.cl", 1],
  ])("%s vs %s", (a, b, order) => {
    expect(compareReleases(a, b)).toBe(order);
  });

  it.each([
    ["test", "9.0.0.cl"],
    ["9.0.0.cl", "test"],
    ["ts8.nov.cl", "8.10.0.cl"], // a monthly name against its own major: not ordered
    [undefined, "9.0.0.cl"],
  ])("%s vs %s is unknown, and never older", (a, b) => {
    expect(compareReleases(a, b)).toBeUndefined();
    expect(isOlderRelease(a, b)).toBe(false);
  });
});
