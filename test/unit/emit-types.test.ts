import { describe, expect, it } from "vitest";
import { shortErrorRefs } from "../../scripts/lib/emit/types.js";

// openapi-typescript's shape for two operations, as leanSource leaves it.
const source = `export interface components {
    responses: {
        Failure1: {
            content: {
                "application/json": { error?: unknown };
            };
        };
    };
}
export interface operations {
    searchUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": { record_size?: number };
            };
        };
        responses: {
            200: {
                content: {
                    "application/json": { id: string }[];
                };
            };
            400: components["responses"]["Failure1"];
            500: components["responses"]["Failure1"];
        };
    };
    deleteTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tag_identifier: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                content?: never;
            };
            401: components["responses"]["Failure1"];
        };
    };
}
`;

describe("shortErrorRefs: the generated operations stay small for a consumer's lib check", () => {
  const out = shortErrorRefs(source);

  it("names error answers through one local alias per shared response", () => {
    expect(out).not.toContain('00: components["responses"]');
    expect(out).toContain("            400: Failure1;");
    expect(out).toContain("            401: Failure1;");
    expect(out.match(/^type Failure1 = components\["responses"\]\["Failure1"\];$/gm)).toHaveLength(1);
  });

  it("writes the all-never parameter list once, and keeps any list that has parameters", () => {
    expect(out).toContain("    searchUsers: {\n        parameters: NoParameters;");
    expect(out).toContain("            path: {\n                tag_identifier: string;");
    expect(out.match(/^type NoParameters = \{$/gm)).toHaveLength(1);
  });

  it("leaves a source without operations as it is", () => {
    expect(shortErrorRefs("export interface paths {}\n")).toBe("export interface paths {}\n");
  });
});
