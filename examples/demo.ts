// npm run demo: a short tour of the SDK, one small section per feature.
// Without TS_SERVER_URL it runs against the mock ThoughtSpot of thoughtspot-rest-api/testing on 127.0.0.1
// (example data, logins checked; it logs in with mock.credentials). With TS_SERVER_URL, TS_USERNAME and TS_PASSWORD (or TS_SECRET_KEY) it uses
// that cluster and changes nothing there: the TML import only validates, and sharing is shown, not sent,
// unless TS_DEMO_WRITE=1. The one file it writes (the Liveboard PDF) goes to TS_OUT_DIR or a new temporary
// folder, and is kept.
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  answerRecords,
  createThoughtSpotClient,
  sharePermissions,
  type ThoughtSpotClient,
  ThoughtSpotError,
  TSTypes,
} from "thoughtspot-rest-api";
import { startMockThoughtSpot } from "thoughtspot-rest-api/testing";

const real = process.env.TS_SERVER_URL;
if (real && !process.env.TS_USERNAME)
  throw new Error("set TS_USERNAME and TS_PASSWORD (or TS_SECRET_KEY) with TS_SERVER_URL");
const writes = !real || process.env.TS_DEMO_WRITE === "1";
const username = process.env.TS_USERNAME ?? "tsadmin";

/** What the sections share: the client, and what earlier sections found. */
interface Tour {
  ts: ThoughtSpotClient;
  serverUrl: string;
  liveboard?: { id: string; name: string };
  group?: string;
}

const say = (line = "") => console.log(line);
const step = (title: string) => say(`\n▸ ${title}`);

async function login(tour: Tour) {
  step("Log in");
  await tour.ts.login();
  const system = await tour.ts.api.v2.getSystemInformation();
  say(`  logged in as ${username} on ${system.name ?? "ThoughtSpot"}, release ${system.release_version}`);
}

async function searchWithPagination(tour: Tour) {
  step("Search with pagination (5 users a page)");
  const pages: string[][] = [];
  for await (const page of tour.ts.paginate("searchUsers", {}, { pageSize: 5 }).pages())
    pages.push(page.map((u) => u.display_name));
  for (const [i, names] of pages.entries()) say(`  page ${i + 1}: ${names.join(", ")}`);
  const groups = await tour.ts.api.v2.searchUserGroups({ record_size: 10 });
  tour.group = groups.find((g) => g.name !== "Administrator")?.name ?? groups[0]?.name;
  const liveboards = await tour.ts.metadata.search({ type: TSTypes.LIVEBOARD });
  const first = liveboards[0];
  if (first?.metadata_id)
    tour.liveboard = { id: String(first.metadata_id), name: String(first.metadata_name) };
  say(`  ${liveboards.length} Liveboard(s), first: ${tour.liveboard?.name ?? "none"}`);
}

async function tmlRoundTrip(tour: Tour) {
  if (!tour.liveboard) return;
  step("TML: export → edit → import");
  const { objects } = await tour.ts.tml.export(tour.liveboard.id);
  const exported = objects[0]!;
  say(`  exported ${exported.type} "${exported.name}" (${exported.text.split("\n").length} lines of TML)`);
  const { doc } = exported;
  if (!doc.liveboard) return; // narrows the document to a Liveboard: no cast needed
  delete doc.guid; // no GUID: a new object
  doc.liveboard.name = `${doc.liveboard.name} (copy)`;
  const {
    objects: [result],
  } = await tour.ts.tml.import([doc], { policy: writes ? "ALL_OR_NONE" : "VALIDATE_ONLY" });
  say(
    `  ${writes ? "imported" : "validated"} "${doc.liveboard.name}": ${result?.status} ${result?.guid ?? ""}`,
  );
}

async function share(tour: Tour) {
  if (!tour.liveboard || !tour.group) return;
  step("Share with the permissions builder");
  const permissions = sharePermissions().readOnly(tour.group);
  if (writes) await tour.ts.sharing.share({ type: TSTypes.LIVEBOARD, ids: [tour.liveboard.id], permissions });
  say(`  ${tour.liveboard.name} → ${tour.group} can view${writes ? "" : " (not sent: set TS_DEMO_WRITE=1)"}`);
  // Who can see it now, as the server answers it.
  const answer = await tour.ts.sharing.permissionsOnObjects({
    type: TSTypes.LIVEBOARD,
    ids: [tour.liveboard.id],
  });
  const who = (answer.metadata_permission_details ?? []).flatMap((o) =>
    (o.principal_permission_info ?? []).flatMap((i) =>
      (i.principal_permissions ?? []).map((p) => `${p.principal_name} ${p.permission}`),
    ),
  );
  say(`  now: ${who.join(", ") || "(no permissions listed)"}`);
}

/** A login that fails is a typed AuthError (the mock checks passwords as a cluster does). */
async function failedLogin(tour: Tour) {
  step("A failed login");
  const wrong = createThoughtSpotClient({
    serverUrl: tour.serverUrl,
    auth: { username, password: "not-the-password" },
    maxRetries: 0,
  });
  try {
    await wrong.api.v2.getCurrentUserInfo();
    say("  (the server accepted a wrong password)");
  } catch (error) {
    if (!(error instanceof ThoughtSpotError)) throw error;
    say(`  ${error.name} (status ${error.status}): ${error.details.message ?? error.message}`);
  }
}

async function dataAsRecords(tour: Tour) {
  if (!tour.liveboard) return;
  step("A data answer as records");
  const answer = await tour.ts.api.v2.fetchLiveboardData({ metadata_identifier: tour.liveboard.id });
  const first = answer.contents[0];
  const records = answerRecords(answer, { visualization: first?.visualization_id ?? "", dates: "iso" });
  say(`  ${answer.metadata_name} / ${first?.visualization_name}:`);
  console.table(records);
}

async function typedError(tour: Tour) {
  step("A typed error");
  try {
    await tour.ts.api.v2.fetchAnswerData({ metadata_identifier: "00000000-0000-0000-0000-000000000000" });
  } catch (error) {
    if (!(error instanceof ThoughtSpotError)) throw error;
    say(
      `  ${error.name} (status ${error.status}, ${error.operationId}): ${error.details.message ?? error.message}`,
    );
  }
}

async function download(tour: Tour) {
  if (!tour.liveboard) return;
  step("Download a Liveboard as PDF");
  // Kept after the run, so the path printed is there to open: TS_OUT_DIR, or a new temporary folder.
  const dir = process.env.TS_OUT_DIR ?? (await mkdtemp(join(tmpdir(), "ts-demo-")));
  await mkdir(dir, { recursive: true });
  const { file, bytes } = await tour.ts.download(
    "/api/rest/2.0/report/liveboard",
    { body: { metadata_identifier: tour.liveboard.id, file_format: "PDF" } },
    { file: join(dir, "liveboard.pdf") },
  );
  say(`  ${bytes} bytes written to ${file}`);
}

/** The operations this cluster's release is too old for (the mock runs the newest release the spec names). */
async function compatibility(tour: Tour) {
  step("Which calls this cluster's release supports");
  say(`  ${(await tour.ts.compatibility()).summary}`);
}

const sections = [
  login,
  failedLogin,
  compatibility,
  searchWithPagination,
  tmlRoundTrip,
  share,
  dataAsRecords,
  typedError,
  download,
];

const mock = real ? undefined : await startMockThoughtSpot();
const serverUrl = real ?? mock!.url;
say(
  real
    ? `ThoughtSpot cluster: ${serverUrl}`
    : `Mock ThoughtSpot on ${serverUrl} (thoughtspot-rest-api/testing; set TS_SERVER_URL for a real cluster)`,
);
const tour: Tour = {
  serverUrl,
  ts: createThoughtSpotClient({
    serverUrl,
    // A token from auth/token/full, cached and refreshed before it expires.
    auth: process.env.TS_SECRET_KEY
      ? { username, secretKey: process.env.TS_SECRET_KEY }
      : { username, password: process.env.TS_PASSWORD ?? mock?.credentials.password ?? "" },
  }),
};
try {
  for (const section of sections) await section(tour);
  if (mock) {
    const received = mock.requests();
    const flagged = received.filter((r) => r.findings.some((f) => f.location[0] === "request")).length;
    say(
      `\nThe mock received ${received.length} requests; Prism flagged ${flagged} against ThoughtSpot's spec.`,
    );
  }
} catch (error) {
  console.error(error instanceof ThoughtSpotError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await tour.ts.logout().catch(() => {});
  await mock?.close();
}
