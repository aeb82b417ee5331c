// Typed views of V1 metadata/details storables: what each accessor reads, and that odd or missing
// fields give undefined or [] instead of throwing.
import { describe, expect, it } from "vitest";
import { GroupDetails, LiveboardDetails, storables, UserDetails } from "../../src/metadata/details.js";

describe("storables()", () => {
  it("reads the storables array of a metadata/details answer", () => {
    expect(storables({ storables: [{ a: 1 }, { b: 2 }], debugInfo: {} })).toEqual([{ a: 1 }, { b: 2 }]);
  });
  it.each([
    [undefined],
    [null],
    ["text"],
    [[]],
    [{}],
    [{ storables: {} }],
    [{ storables: "x" }],
  ])("gives [] for %j", (answer) => {
    expect(storables(answer)).toEqual([]);
  });
});

describe("UserDetails", () => {
  const raw = {
    header: { id: "u1", name: "jane", displayName: "Jane", created: 5, modified: 6, author: "x" },
    state: "ACTIVE",
    isSuperUser: true,
    privileges: ["ADMINISTRATION", "AUTHORING"],
    assignedGroups: ["g1"],
    inheritedGroups: ["g1", "g2"],
  };

  it("reads the header and principal fields", () => {
    const user = new UserDetails(raw);
    expect(user.raw).toBe(raw);
    expect(user.header).toEqual({ id: "u1", name: "jane", displayName: "Jane", created: 5, modified: 6 });
    expect(user.username).toBe("jane");
    expect(user.displayName).toBe("Jane");
    expect(user.state).toBe("ACTIVE");
    expect(user.isSuperUser).toBe(true);
    expect(user.privileges).toEqual(["ADMINISTRATION", "AUTHORING"]);
    expect(user.assignedGroups).toEqual(["g1"]);
    expect(user.inheritedGroups).toEqual(["g1", "g2"]);
  });

  it("an empty storable: undefined and [] everywhere, isSuperUser false", () => {
    const user = new UserDetails({});
    expect(user.header).toEqual({
      id: undefined,
      name: undefined,
      displayName: undefined,
      created: undefined,
      modified: undefined,
    });
    expect(user.username).toBeUndefined();
    expect(user.state).toBeUndefined();
    expect(user.isSuperUser).toBe(false);
    expect(user.privileges).toEqual([]);
    expect(user.assignedGroups).toEqual([]);
    expect(user.inheritedGroups).toEqual([]);
  });

  it("fields of the wrong type are ignored, not passed through", () => {
    const user = new UserDetails({
      header: { id: 7, name: null, created: "yesterday", modified: 1 },
      state: 1,
      isSuperUser: "true",
      privileges: "ADMINISTRATION",
      assignedGroups: null,
    });
    expect(user.header).toEqual({
      id: undefined,
      name: undefined,
      displayName: undefined,
      created: undefined,
      modified: 1,
    });
    expect(user.state).toBeUndefined();
    expect(user.isSuperUser).toBe(false);
    expect(user.privileges).toEqual([]);
    expect(user.assignedGroups).toEqual([]);
  });
});

describe("GroupDetails", () => {
  it("has the principal accessors", () => {
    const group = new GroupDetails({
      header: { id: "g1", name: "Sales" },
      privileges: ["DATADOWNLOADING"],
      assignedGroups: ["parent"],
      inheritedGroups: ["parent", "all"],
    });
    expect(group.header.name).toBe("Sales");
    expect(group.privileges).toEqual(["DATADOWNLOADING"]);
    expect(group.assignedGroups).toEqual(["parent"]);
    expect(group.inheritedGroups).toEqual(["parent", "all"]);
  });
});

describe("LiveboardDetails", () => {
  it("visualizations from the first sheet; vizContent.vizType before header.type", () => {
    const lb = new LiveboardDetails({
      reportContent: {
        sheets: [
          {
            sheetContent: {
              visualizations: [
                {
                  header: { id: "v1", name: "Chart", type: "PINBOARD_VIZ" },
                  vizContent: { vizType: "CHART" },
                },
                { header: { id: "v2", name: "Table", type: "TABLE" } },
                {},
              ],
            },
          },
          { sheetContent: { visualizations: [{ header: { id: "ignored" } }] } },
        ],
      },
    });
    expect(lb.visualizations).toEqual([
      { id: "v1", name: "Chart", type: "CHART" },
      { id: "v2", name: "Table", type: "TABLE" },
      { id: undefined, name: undefined, type: undefined },
    ]);
  });

  it("no reportContent: no visualizations and no data sources", () => {
    const lb = new LiveboardDetails({ header: { id: "lb" } });
    expect(lb.visualizations).toEqual([]);
    expect(lb.dataSources).toEqual([]);
  });

  it("data sources from every resolved object, by id once, from sheetContent or the sheet itself", () => {
    const lb = new LiveboardDetails({
      header: {
        resolvedObjects: {
          a1: {
            reportContent: {
              sheets: [
                {
                  sheetContent: {
                    dataSources: [
                      { id: "ws", name: "Retail", type: "WORKSHEET" },
                      { header: { id: "t1", name: "fact" }, type: "ONE_TO_ONE_LOGICAL" },
                      { name: "no id, skipped" },
                    ],
                  },
                },
              ],
            },
          },
          a2: { reportContent: { sheets: [{ dataSources: [{ id: "ws", name: "Retail (again)" }] }] } },
          a3: null,
        },
      },
    });
    expect(lb.dataSources).toEqual([
      // Seen again under a2: the later entry replaces the earlier one, keeping its position.
      { id: "ws", name: "Retail (again)", subtype: undefined },
      { id: "t1", name: "fact", subtype: "ONE_TO_ONE_LOGICAL" },
    ]);
  });
});
