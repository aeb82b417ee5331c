// Free-form spec objects (`type: object` without properties) take any JSON object on input and read as
// Record<string, unknown> on output: valid requests compile, and an unread shape is never `never`.
import { describe, expectTypeOf, it } from "vitest";
import { createThoughtSpotClient } from "../../src/index.js";
import type { components } from "../../src/v2.js";

const ts = createThoughtSpotClient({ serverUrl: "https://ts.example.com" });

describe("free-form objects on input", () => {
  it("createUser takes any extended_properties object", async () => {
    await ts.api.v2.createUser({
      name: "jane",
      display_name: "Jane",
      email: "jane@example.com",
      extended_properties: { department: "Sales", level: 3, tags: ["emea"], manager: { name: "ada" } },
    });
    await ts.v2.POST("/api/rest/2.0/users/create", {
      body: {
        name: "jane",
        display_name: "Jane",
        email: "jane@example.com",
        extended_properties: { department: "Sales" },
      },
    });
  });

  it("a report export takes runtime_filter { col1, op1, val1 }", async () => {
    await ts.api.v2.exportAnswerReport({
      metadata_identifier: "answer-guid",
      file_format: "CSV",
      runtime_filter: { col1: "Region", op1: "IN", val1: ["East", "West"] },
    });
    await ts.api.v2.exportLiveboardReport({
      metadata_identifier: "liveboard-guid",
      runtime_filter: { col1: "Region", op1: "EQ", val1: "East" },
    });
    await ts.v2.POST("/api/rest/2.0/report/answer", {
      body: {
        metadata_identifier: "answer-guid",
        runtime_filter: { col1: "Region", op1: "EQ", val1: "East" },
      },
      parseAs: "blob",
    });
  });

  it("a free-form object is still an object", () => {
    // @ts-expect-error extended_properties is an object, not a string
    ts.api.v2.createUser({ name: "j", display_name: "J", email: "j@example.com", extended_properties: "x" });
  });
});

describe("free-form objects on output", () => {
  it("read as Record<string, unknown>, not assignable to arbitrary types", async () => {
    const [user] = await ts.api.v2.searchUsers({ user_identifier: "jane" });
    const props = user!.extended_properties;
    expectTypeOf(props).toEqualTypeOf<Record<string, unknown> | null | undefined>();
    if (props) {
      expectTypeOf(props.department).toBeUnknown();
      // @ts-expect-error unknown is not assignable to number (Record<string, never> read as never was)
      const level: number = props.level;
      void level;
    }
  });

  it("no generated schema field is Record<string, never>", () => {
    type Schemas = components["schemas"];
    type NeverRecords = {
      [S in keyof Schemas]: {
        [F in keyof Schemas[S]]-?: Record<string, never> extends NonNullable<Schemas[S][F]>
          ? NonNullable<Schemas[S][F]> extends Record<string, never>
            ? [NonNullable<Schemas[S][F]>] extends [Record<string, unknown>]
              ? unknown extends NonNullable<Schemas[S][F]>[string]
                ? never
                : `${S & string}.${F & string}`
              : never
            : never
          : never;
      }[keyof Schemas[S]];
    }[keyof Schemas];
    expectTypeOf<NeverRecords>().toEqualTypeOf<never>();
  });
});
