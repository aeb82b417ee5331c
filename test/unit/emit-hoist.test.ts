// Named schemas (scripts/lib/emit/hoist.ts): the output is type-checked against its input, same types.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { hoistableSchemas, hoistedSchemas, hoistSchemas, schemaKeys } from "../../scripts/lib/emit/hoist.js";

const source = `export interface components {
    schemas: {
        /** @description A user. */
        User: {
            id: string;
            groups?: components["schemas"]["Group"][];
            avatar?: Blob;
        };
        Group: {
            name: string;
        };
        /** A schema named like a global the source uses: it must stay in components. */
        Blob: {
            size: number;
        };
        "with-dash": {
            x?: number;
        };
        Reserved: {
            y?: number;
        };
    };
}
export interface operations {
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description GUID or name */
                user_identifier: string;
            };
            cookie?: never;
        };
        responses: {
            200: {
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: Failure1;
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_identifier: string;
            };
            cookie?: never;
        };
        responses: {
            200: {
                content: {
                    "application/json": components["schemas"]["Group"][];
                };
            };
            400: Failure1;
        };
    };
    getDashed: {
        parameters: NoParameters;
        responses: {
            201: {
                content: {
                    "application/json": components["schemas"]["with-dash"];
                };
            };
        };
    };
}
type Failure1 = { content: { "application/json": { error?: unknown } } };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
`;

/** Type-checks `before` and `after` side by side: every listed type must be identical in both. */
function sameTypes(before: string, after: string, types: string[]): string[] {
  const files: Record<string, string> = {
    "/before.ts": before,
    "/after.ts": after,
    // The one global the sources use (lib.dom would triple the check's time).
    "/globals.d.ts": "interface Blob { readonly size: number }",
    "/check.ts": [
      'import type * as A from "./before";',
      'import type * as B from "./after";',
      "type Identical<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;",
      ...types.map((t, i) => `export const c${i}: Identical<A.${t}, B.${t}> = true;`),
    ].join("\n"),
  };
  const options: ts.CompilerOptions = { strict: true, noEmit: true, lib: ["lib.es5.d.ts"], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (name, ...rest) =>
    name in files ? ts.createSourceFile(name, files[name]!, ts.ScriptTarget.ES2022) : read(name, ...rest);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("hoistSchemas: schemas as named top-level types", () => {
  const names = hoistableSchemas(source, ["Reserved"]);
  const out = hoistSchemas(source, names);

  it("hoists identifier-named schemas, never a global's name, a reserved name or a non-identifier", () => {
    expect([...names].sort()).toEqual(["Group", "User"]);
    expect(schemaKeys(source)).toEqual(["User", "Group", "Blob", "with-dash", "Reserved"]);
    expect([...hoistedSchemas(out)].sort()).toEqual(["Group", "User"]);
  });

  it("names them everywhere, keeps every components key, and moves the docs with the type", () => {
    expect(out).not.toContain('components["schemas"]["User"]');
    expect(out).toContain('"application/json": Group[];');
    expect(out).toContain("        User: User;");
    expect(out).toContain('"with-dash": {');
    expect(out).toContain('components["schemas"]["with-dash"]');
    expect(out).toContain(
      "/** @description A user. */\nexport type User = {\n    id: string;\n    groups?: Group[];",
    );
    expect(out).toContain("avatar?: Blob;"); // still the global Blob: the schema named Blob stayed put
  });

  it("changes no type", () => {
    const types = ['components["schemas"]', "operations"];
    expect(sameTypes(source, out, types)).toEqual([]);
    // The check sees a difference when there is one.
    expect(sameTypes(source, out.replace("id: string;", "id: number;"), types)).not.toEqual([]);
  });

  it("leaves a source without schemas or names as it is", () => {
    expect(hoistSchemas(source, new Set())).toBe(source);
    expect(hoistSchemas("export interface paths {}\n", new Set(["X"]))).toBe("export interface paths {}\n");
  });
});
