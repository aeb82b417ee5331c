// A token that carries data security for one user (attribute-based access control): filter rules and
// Parameter values ThoughtSpot applies to everything the user queries. V2 auth/token/custom.
import { type ExampleContext, runIfMain } from "./support/run.js";

/** Simple inputs: column name → allowed values, Parameter name → value. */
const FILTERS: Record<string, string[]> = { Region: ["EMEA"], "Store Country": ["DE", "AT", "CH"] };
const PARAMETERS: Record<string, string | number> = { "Currency Rate": 1.08 };

export async function main({ ts, log }: ExampleContext) {
  const token = await ts.api.v2.getCustomAccessToken({
    username: process.env.TS_EMBED_USER ?? "ana.garcia",
    secret_key: process.env.TS_SECRET_KEY ?? "mock-secret-key",
    validity_time_in_sec: 600,
    // NONE: the rules hold for this token only; APPEND/REPLACE store them on the user.
    persist_option: "NONE",
    filter_rules: Object.entries(FILTERS).map(([column_name, values]) => ({
      column_name,
      operator: values.length === 1 ? "EQ" : "IN",
      values,
    })),
    parameter_values: Object.entries(PARAMETERS).map(([name, value]) => ({ name, values: [value] })),
  });
  log(`custom token for ${token.user?.name ?? "the user"} in Org ${token.org?.name ?? "?"}`);
  log(
    `rules: ${Object.entries(FILTERS)
      .map(([c, v]) => `${c} in (${v.join(", ")})`)
      .join("; ")}`,
  );
  return { token: typeof token.token === "string" && token.token.length > 0 };
}

await runIfMain(import.meta.url, main);
