// npm run demo: a short walk-through of the SDK.
// Without TS_SERVER_URL it starts a Prism mock of ThoughtSpot on 127.0.0.1 (answers are the spec's
// examples); with TS_SERVER_URL, TS_USERNAME and TS_PASSWORD (or TS_SECRET_KEY) it uses that cluster.
import { startPrism } from "../scripts/lib/prism.js";
import { createThoughtSpotClient, ThoughtSpotError, TSTypes } from "../src/index.js";

const real = process.env.TS_SERVER_URL;
if (real && !process.env.TS_USERNAME)
  throw new Error("set TS_USERNAME and TS_PASSWORD (or TS_SECRET_KEY) with TS_SERVER_URL");
const username = process.env.TS_USERNAME ?? "tsadmin";
const prism = real ? undefined : await startPrism("v2");
const serverUrl = real ?? (prism as { url: string }).url;
console.log(
  real
    ? `ThoughtSpot cluster: ${serverUrl}`
    : `Prism mock of ThoughtSpot on ${serverUrl} (set TS_SERVER_URL for a real cluster)`,
);

const ts = createThoughtSpotClient({
  serverUrl,
  // The client gets a token from auth/token/full, caches it and refreshes it before it expires.
  auth: process.env.TS_SECRET_KEY
    ? { username, secretKey: process.env.TS_SECRET_KEY }
    : { username, password: process.env.TS_PASSWORD ?? "demo-password" },
});

try {
  // 1. Log in now (otherwise the first call would).
  await ts.login();
  console.log(`logged in as ${username}`);
  // The operations this cluster's release is too old for (the mock's release is the spec's example).
  console.log((await ts.compatibility()).summary);

  // 2. Users, through an operation method named like ThoughtSpot's own SDK.
  const users = await ts.api.v2.searchUsers({ record_size: 5 });
  console.log(`\n${users.length} user(s):`);
  for (const user of users) console.log(`  ${user.name} (${user.display_name}) ${user.id}`);

  // 3. Liveboards, all pages, by ThoughtSpot type.
  const liveboards = await ts.metadata.search({ type: TSTypes.LIVEBOARD, pageSize: 50 });
  console.log(`\n${liveboards.length} Liveboard(s):`);
  for (const lb of liveboards.slice(0, 10)) console.log(`  ${lb.metadata_name} ${lb.metadata_id}`);

  // 4. The typed openapi-fetch client, for full control.
  const { data: tags } = await ts.v2.POST("/api/rest/2.0/tags/search", { body: {} });
  console.log(`\n${tags?.length ?? 0} tag(s)`);
} catch (error) {
  console.error(error instanceof ThoughtSpotError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await ts.logout().catch(() => {});
  await prism?.stop();
}
