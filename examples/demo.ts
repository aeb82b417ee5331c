// npm run demo: a short walk-through of the SDK.
// Without TS_SERVER_URL it starts a Prism mock of ThoughtSpot on 127.0.0.1 (answers are spec examples);
// with TS_SERVER_URL, TS_USERNAME and TS_PASSWORD (or TS_SECRET_KEY) it runs against that cluster.
import { startPrism } from "../scripts/lib/prism.js";
import { createThoughtSpotClient, ThoughtSpotError } from "../src/index.js";

const real = process.env.TS_SERVER_URL;
const username = process.env.TS_USERNAME ?? "tsadmin";
const password = process.env.TS_PASSWORD ?? "demo-password";
const prism = real ? undefined : await startPrism("v2");
const serverUrl = real ?? (prism as { url: string }).url;
console.log(
  real
    ? `ThoughtSpot cluster: ${serverUrl}`
    : `Prism mock of ThoughtSpot on ${serverUrl} (set TS_SERVER_URL for a real cluster)`,
);

try {
  // 1. Get a token: an anonymous client can call the token endpoint.
  const anonymous = createThoughtSpotClient({ serverUrl });
  const { token, expiration_time_in_millis } = await anonymous.api.v2.getFullAccessToken({
    username,
    ...(process.env.TS_SECRET_KEY ? { secret_key: process.env.TS_SECRET_KEY } : { password }),
    validity_time_in_sec: 300,
  });
  console.log(`token for ${username}, valid until ${new Date(expiration_time_in_millis).toISOString()}`);

  const ts = createThoughtSpotClient({ serverUrl, auth: { token } });

  // 2. Users, through an operation method named like ThoughtSpot's own SDK.
  const users = await ts.api.v2.searchUsers({ record_size: 5 });
  console.log(`\n${users.length} user(s):`);
  for (const user of users) console.log(`  ${user.name} (${user.display_name}) ${user.id}`);

  // 3. Liveboards, through the typed openapi-fetch client.
  const { data: liveboards, error } = await ts.v2.POST("/api/rest/2.0/metadata/search", {
    body: {
      metadata: [{ type: "LIVEBOARD" }],
      record_size: 5,
      sort_options: { field_name: "MODIFIED", order: "DESC" },
    },
  });
  if (error) throw new Error(`metadata search failed: ${JSON.stringify(error)}`);
  console.log(`\n${liveboards.length} Liveboard(s):`);
  for (const lb of liveboards) console.log(`  ${lb.metadata_name} ${lb.metadata_id}`);
} catch (error) {
  console.error(error instanceof ThoughtSpotError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await prism?.stop();
}
