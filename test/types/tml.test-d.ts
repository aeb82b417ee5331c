// TML documents are a union on their kind key: the checks a new user writes first narrow them and
// give typed, editable bodies; unknown keys stay allowed at every level.
import { describe, expectTypeOf, it } from "vitest";
import { createThoughtSpotClient } from "../../src/index.js";
import type * as Tml from "../../src/tml/types.js";
import type {
  ActionObjectTml,
  GroupTml,
  LegacyConnectionTml,
  LiveboardTml,
  MonitorAlertTml,
  RoleTml,
  TmlActionObject,
  TmlConnectionTable,
  TmlDocument,
  TmlDocumentOf,
  TmlGroup,
  TmlLiveboard,
  TmlModel,
  TmlMonitorAlert,
  TmlRole,
  TmlTable,
  TmlType,
  TmlUser,
  UserTml,
} from "../../src/tml/types.js";
import { isLegacyConnection, isTmlOfType, parseTml, stringifyTml } from "../../src/tml-entry.js";
import type { Same } from "./compare.js";

declare const doc: TmlDocument;

describe("TmlDocument narrows on its kind key", () => {
  it("by truthiness: if (doc.liveboard) gives the Liveboard body, editable without casts", () => {
    if (doc.liveboard) {
      doc.liveboard.name = "x";
      expectTypeOf(doc.liveboard).toEqualTypeOf<TmlLiveboard>();
      expectTypeOf(doc).toMatchTypeOf<LiveboardTml>();
      doc.liveboard.layout?.tiles?.push({ visualization_id: "Viz_1", x: 0, y: 0, height: 4, width: 6 });
      // The other kind keys are known to be absent.
      expectTypeOf(doc.model).toEqualTypeOf<undefined>();
    }
    if (doc.model) {
      expectTypeOf(doc.model).toEqualTypeOf<TmlModel>();
      doc.model.model_tables?.[0]?.joins?.push({ with: "DIM", on: "[A::x] = [DIM::x]", type: "INNER" });
    }
    // Before narrowing, a kind key is that body or undefined — never `unknown`.
    expectTypeOf(doc.liveboard).toEqualTypeOf<TmlLiveboard | undefined>();
  });

  it('"liveboard" in doc narrows the body to TmlLiveboard | undefined (TypeScript keeps optional members)', () => {
    if ("liveboard" in doc) {
      expectTypeOf(doc.liveboard).toEqualTypeOf<TmlLiveboard | undefined>();
      if (doc.liveboard) doc.liveboard.description = "y";
    }
  });

  it("isTmlOfType narrows as before", () => {
    if (isTmlOfType(doc, "liveboard")) {
      expectTypeOf(doc.liveboard).toEqualTypeOf<TmlLiveboard>();
      doc.liveboard.name = "z";
    }
  });

  it("a table check keeps the legacy connection file, whose table: is a list; isTmlOfType picks the table", () => {
    if (doc.table) expectTypeOf(doc.table).toEqualTypeOf<TmlTable | TmlConnectionTable[]>();
    if (isTmlOfType(doc, "table")) expectTypeOf(doc.table).toEqualTypeOf<TmlTable>();
    if (isLegacyConnection(doc)) expectTypeOf(doc.table).toEqualTypeOf<TmlConnectionTable[] | undefined>();
    const legacy: LegacyConnectionTml = { name: "Warehouse", type: "RDBMS_SNOWFLAKE", table: [] };
    const asDocument: TmlDocument = legacy;
    expectTypeOf(asDocument).toMatchTypeOf<TmlDocument>();
  });

  it("covers custom actions, roles, groups, users and monitor alerts", () => {
    if (doc.action_object) expectTypeOf(doc.action_object).toEqualTypeOf<TmlActionObject>();
    if (doc.role) expectTypeOf(doc.role.privileges).toEqualTypeOf<string[] | undefined>();
    if (doc.group) expectTypeOf(doc.group).toEqualTypeOf<TmlGroup>();
    if (doc.user) expectTypeOf(doc.user.email).toEqualTypeOf<string | undefined>();
    // An alerts file holds a list of alerts (ThoughtSpot's TML page); one object is read too.
    if (doc.monitor_alert)
      expectTypeOf(doc.monitor_alert).toEqualTypeOf<TmlMonitorAlert[] | TmlMonitorAlert>();
    expectTypeOf<ActionObjectTml["action_object"]>().toEqualTypeOf<TmlActionObject>();
    expectTypeOf<RoleTml["role"]>().toEqualTypeOf<TmlRole>();
    expectTypeOf<GroupTml["group"]>().toEqualTypeOf<TmlGroup>();
    expectTypeOf<UserTml["user"]>().toEqualTypeOf<TmlUser>();
    expectTypeOf<MonitorAlertTml["monitor_alert"]>().toEqualTypeOf<TmlMonitorAlert[] | TmlMonitorAlert>();
  });

  it("unknown keys are allowed at the top level and in bodies, and documents are built without casts", () => {
    const built: TmlDocument = {
      guid: "g-1",
      liveboard: { name: "New", a_key_from_a_later_release: { nested: true } },
      top_level_extra: 1,
    };
    expectTypeOf(stringifyTml(built)).toEqualTypeOf<string>();
    // A document with two kind keys is not a TmlDocument.
    // @ts-expect-error liveboard and answer in one document
    const twoKinds: TmlDocument = { liveboard: { name: "a" }, answer: { name: "b" } };
    expectTypeOf(twoKinds).not.toBeAny();
  });

  it("the README's example compiles as written", async () => {
    const ts = createThoughtSpotClient({ serverUrl: "https://x.thoughtspot.cloud", auth: { token: "t" } });
    const liveboardGuid = "guid";
    const { objects } = await ts.tml.export(liveboardGuid, { associated: true });
    for (const { type, guid, name, status, text, doc } of objects) {
      expectTypeOf(type).toEqualTypeOf<string>();
      expectTypeOf(guid).toEqualTypeOf<string | undefined>();
      expectTypeOf(text).toEqualTypeOf<string>();
      expectTypeOf(status).not.toBeAny();
      if (doc.liveboard) {
        doc.liveboard.name = `${name} (copy)`;
        for (const tab of doc.liveboard.layout?.tabs ?? [])
          tab.tiles?.sort((a, b) => (a.y ?? 0) - (b.y ?? 0));
      } else if (doc.model) {
        for (const table of doc.model.model_tables ?? []) table.fqn = undefined;
      } else if (isTmlOfType(doc, "table")) {
        doc.table.schema = "PROD";
      }
    }
  });

  it("parseTml and ts.tml.export hand out the union", async () => {
    expectTypeOf(parseTml("")).toEqualTypeOf<TmlDocument>();
    const ts = createThoughtSpotClient({ serverUrl: "https://x.thoughtspot.cloud", auth: { token: "t" } });
    const { objects } = await ts.tml.export("guid");
    for (const object of objects) {
      if (object.doc.liveboard) object.doc.liveboard.name = "renamed";
    }
  });
});

describe("the named documents are TmlDocumentOf written out", () => {
  // Written out so a consumer's type-check instantiates nothing to read them; they must stay equal.
  it("every kind's named type equals TmlDocumentOf<kind>", () => {
    expectTypeOf<Same<Tml.TableTml, TmlDocumentOf<"table">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.ViewTml, TmlDocumentOf<"view">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.SqlViewTml, TmlDocumentOf<"sql_view">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.WorksheetTml, TmlDocumentOf<"worksheet">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.ModelTml, TmlDocumentOf<"model">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.AnswerTml, TmlDocumentOf<"answer">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.LiveboardTml, TmlDocumentOf<"liveboard">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.PinboardTml, TmlDocumentOf<"pinboard">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.ConnectionTml, TmlDocumentOf<"connection">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.CohortTml, TmlDocumentOf<"cohort">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.FeedbackTml, TmlDocumentOf<"nls_feedback">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.LegacyFeedbackTml, TmlDocumentOf<"feedback">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.CollectionTml, TmlDocumentOf<"collection">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.MonitorAlertTml, TmlDocumentOf<"monitor_alert">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.ActionObjectTml, TmlDocumentOf<"action_object">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.RoleTml, TmlDocumentOf<"role">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.GroupTml, TmlDocumentOf<"group">>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Tml.UserTml, TmlDocumentOf<"user">>>().toEqualTypeOf<true>();
  });

  it("TmlDocument is every kind's document (a kind added to TmlBodies must be added to the union)", () => {
    type Mapped = { [T in TmlType]: TmlDocumentOf<T> }[TmlType] | LegacyConnectionTml;
    expectTypeOf<Same<TmlDocument, Mapped>>().toEqualTypeOf<true>();
  });
});
