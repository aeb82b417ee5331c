// The operation docs generator: what it takes from a spec, the reference links it builds, and where it
// writes the JSDoc in the rendered types.
import { describe, expect, it } from "vitest";
import { operationDocs, plainSince, v2ReferenceUrl } from "../../scripts/lib/emit/docs.js";

const spec = {
  tags: [{ name: "user", externalDocs: { url: "https://developers.thoughtspot.com/docs/user-api" } }],
  components: {
    schemas: {
      Role: {
        properties: {
          privileges: { type: "array", items: { enum: ["ADMINISTRATION", "USER_ADMINISTRATION"] } },
        },
      },
    },
  },
  paths: {
    "/api/rest/2.0/users/search": {
      post: {
        operationId: "searchUsers",
        tags: ["Users", "9.0.0.cl"],
        description:
          '\n <span class="since-beta-tag">Version: 9.0.0.cl or later</span>\n\nGets users.\n\nRequires `ADMINISTRATION` privilege. With RBAC, `USER_ADMINISTRATION` privilege and `CSV` output.\n\n@mention at line start\n\nEnds */ here.\n\n#### Endpoint URL\n',
      },
    },
    "/api/rest/2.0/users/old": {
      post: {
        operationId: "oldUsers",
        tags: ["Users"],
        deprecated: true,
        description: "Old.\n\n**Note:** This endpoint is deprecated.\nUse searchUsers instead.",
      },
    },
  },
};

describe("operationDocs", () => {
  const docs = operationDocs("v2", spec);

  it("puts the summary first, then the release, the named privileges and the method and path", () => {
    const lines = docs.get("searchUsers")!;
    expect(lines[0]).toBe("Gets users.");
    expect(lines).toContain("Available from 9.0.0.cl.");
    expect(lines.find((l) => l.startsWith("Privileges:"))).toBe(
      "Privileges: `ADMINISTRATION`, `USER_ADMINISTRATION` (the description says when each applies).",
    );
    expect(lines).toContain("`POST /api/rest/2.0/users/search`");
  });

  it("drops HTML and the trailing Endpoint URL heading, and cannot end the comment or start a tag", () => {
    const text = docs.get("searchUsers")!.join("\n");
    expect(text).not.toMatch(/<span|Endpoint URL|\*\//);
    expect(text).toContain("`@mention at line start`");
  });

  it("links the REST Playground and marks deprecated operations with the spec's note", () => {
    expect(docs.get("searchUsers")!.at(-1)).toBe(
      "@see {@link https://developers.thoughtspot.com/docs/restV2-playground?apiResourceId=http%2Fapi-endpoints%2Fusers%2Fsearch-users | ThoughtSpot API reference}",
    );
    expect(docs.get("oldUsers")!.at(-1)).toBe(
      "@deprecated Note: This endpoint is deprecated. Use searchUsers instead.",
    );
  });

  it("V1 operations link the reference page of their tag and say from which release", () => {
    const v1 = operationDocs("v1", {
      ...spec,
      servers: [{ url: "/callosum/v1" }],
      paths: {
        "/tspublic/v1/user/list": {
          get: {
            operationId: "userList",
            tags: ["user"],
            summary: "List users",
            "x-since": "Cloud 9.0.0.cl",
          },
        },
      },
    });
    expect(v1.get("userList")).toEqual([
      "List users",
      "",
      "Available from 9.0.0.cl (Cloud).",
      "`GET /callosum/v1/tspublic/v1/user/list`",
      "",
      "@see {@link https://developers.thoughtspot.com/docs/user-api | ThoughtSpot API reference}",
    ]);
  });

  it.each([
    // The V1 endpoint list and the REST API changelog name different Cloud releases: the earlier one.
    [
      "Cloud ts7.oct.cl (list) / ts7.sep.cl (changelog); Software 7.2.1",
      "7.2.1 (Software), ts7.sep.cl (Cloud).",
    ],
    ["Cloud 8.10.0.cl; Software not available", "8.10.0.cl (Cloud); not in Software releases."],
    ["Cloud not applicable; Software 6.3.1", "6.3.1 (Software); not on ThoughtSpot Cloud."],
    [
      "Cloud ts7.sep.cl; Software 7.2.1 (createEmpty ts8.nov.cl)",
      "7.2.1 (Software), ts7.sep.cl (Cloud); later additions: createEmpty ts8.nov.cl.",
    ],
  ])("V1 x-since %j reads %j", (since, plain) => {
    expect(plainSince(since)).toBe(plain);
  });
});

describe("v2ReferenceUrl", () => {
  it.each([
    ["Metadata", "exportMetadataTML", "metadata%2Fexport-metadata-tml"],
    ["Connections", "deleteConnectionV2", "connections%2Fdelete-connection-v2"],
    ["Custom Action", "searchCustomActions", "custom-action%2Fsearch-custom-actions"],
    ["Version Control", "commitBranch", "version-control%2Fcommit-branch"],
  ])("%s / %s → …%s (the address developer-docs links use)", (tag, id, tail) => {
    expect(v2ReferenceUrl(tag, id)).toBe(
      `https://developers.thoughtspot.com/docs/restV2-playground?apiResourceId=http%2Fapi-endpoints%2F${tail}`,
    );
  });
});
