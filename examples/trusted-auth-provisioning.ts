// What a trusted-authentication service does when a user arrives from your application: makes sure the user
// and their groups exist in ThoughtSpot (creating them on the fly), then asks for a login token for that user
// with the cluster's secret key. Your app hands the token to the embedded ThoughtSpot.
import { createThoughtSpotClient, NotFoundError } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

/** What your application knows about the signed-in user (a JWT's claims, a session, ...). */
const CLAIMS = {
  username: "olivia.brown@partner.example",
  displayName: "Olivia Brown",
  email: "olivia.brown@partner.example",
  groups: ["partner-acme", "analysts"],
};

async function groupExists(ts: ExampleContext["ts"], name: string) {
  try {
    return (await ts.api.v2.searchUserGroups({ group_identifier: name })).length > 0;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

export async function main({ ts, log }: ExampleContext) {
  // An admin client (ts) provisions; missing groups are created just in time.
  for (const group of CLAIMS.groups)
    if (!(await groupExists(ts, group))) {
      await ts.api.v2.createUserGroup({ name: group, display_name: group, visibility: "NON_SHARABLE" });
      log(`created group ${group}`);
    }
  const known = await ts.api.v2.searchUsers({ user_identifier: CLAIMS.username });
  if (known.length === 0) {
    await ts.api.v2.createUser({
      name: CLAIMS.username,
      display_name: CLAIMS.displayName,
      email: CLAIMS.email,
      group_identifiers: CLAIMS.groups,
    });
    log(`created user ${CLAIMS.username}`);
  } else {
    // REPLACE (the default) makes ThoughtSpot's memberships follow the claims.
    await ts.api.v2.updateUser({ user_identifier: CLAIMS.username, group_identifiers: CLAIMS.groups });
    log(`updated groups of ${CLAIMS.username}`);
  }

  // The token for the user: V2 auth/token/full with the secret key (TS_SECRET_KEY on a real cluster).
  // Sending it returns a token only; a client with { username, secretKey } would do this by itself.
  const token = await ts.api.v2.getFullAccessToken({
    username: CLAIMS.username,
    secret_key: process.env.TS_SECRET_KEY ?? "mock-secret-key",
    validity_time_in_sec: 300,
  });
  log(
    `token for ${token.valid_for_username}, valid until ${new Date(token.expiration_time_in_millis).toISOString()}`,
  );

  // Acting as the user, e.g. to check what they see (a client per user, never shared between users).
  const asUser = createThoughtSpotClient({ serverUrl: ts.serverUrl, auth: { token: token.token } });
  const me = await asUser.api.v2.getCurrentUserInfo();
  log(`the token works: getCurrentUserInfo answers for ${me.name}`);
  return { user: CLAIMS.username, token: token.token.length > 0 };
}

await runIfMain(import.meta.url, main);
