// The SDK's browser build in a real browser: Debian's Chromium, headless, driven by playwright-core, runs
// test/browser/page.ts served by the mock ThoughtSpot itself (its `files` option), so page and API share one
// origin; each scenario is checked both in the page and in the mock's record of the requests.
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockThoughtSpot, startMockThoughtSpot } from "../../src/testing/index.js";
import { browserFiles, PAGE_PATH } from "./bundle.js";
import type { Login, ScenarioName, Scenarios } from "./page.js";

/** CHROMIUM_PATH, else the first of Debian's chromium or Google Chrome on PATH (what .ci/run installs). */
function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    for (const dir of (process.env.PATH ?? "").split(delimiter)) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {}
    }
  }
  return undefined;
}

const executablePath = findChromium();
// CI (CI=true) must have a browser: .ci/run installs it, so a missing one fails there. A developer
// machine without Chromium skips this file, saying so.
if (!executablePath && process.env.CI)
  throw new Error("no chromium on PATH: .ci/run installs Debian's chromium");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-gpu",
  "--no-first-run",
];

if (!executablePath)
  console.warn("test/browser skipped: no chromium on PATH (apt-get install chromium, or set CHROMIUM_PATH)");

describe.skipIf(!executablePath)("the browser build in headless Chromium", () => {
  let mock: MockThoughtSpot;
  let login: Login;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mock = await startMockThoughtSpot({ files: await browserFiles() });
    // The mock's administrator, from its example data.
    login = { username: mock.credentials.username, password: mock.credentials.password };
    profile = mkdtempSync(join(tmpdir(), "ts-browser-profile-"));
    // A persistent context on a fresh profile is how Playwright takes --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: FLAGS,
      timeout: 60_000,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${mock.url}${PAGE_PATH}`);
    await page.waitForFunction(() => "scenarios" in globalThis);
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    await mock?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Runs one scenario of page.ts in the page; calls() then holds only its requests. */
  async function run<N extends ScenarioName>(name: N): Promise<Awaited<ReturnType<Scenarios[N]>>> {
    mock.clearRequests();
    return page.evaluate(
      ([scenario, login]) =>
        (globalThis as unknown as { scenarios: Record<string, (l: Login) => Promise<unknown>> }).scenarios[
          scenario
        ]!(login),
      [name, login] as const,
    ) as Promise<Awaited<ReturnType<Scenarios[N]>>>;
  }

  /** The API calls the mock received (the page's lazy chunks are served by it too, and recorded). */
  const calls = () => mock.requests().filter((r) => !r.path.startsWith("/bundle/"));

  const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join("; ") : value);

  it("token login: auth/token/full, then the token as a bearer header", async () => {
    const result = await run("tokenLogin");
    expect(result.name).toBeTruthy();
    const [login, call] = calls();
    expect(login?.operationId).toBe("getFullAccessToken");
    expect(login?.status).toBe(200);
    expect(call?.operationId).toBe("getCurrentUserInfo");
    expect(header(call?.headers.authorization)).toMatch(/^Bearer \S+/);
    // A browser sends its own User-Agent; the SDK sets none there.
    expect(header(call?.headers["user-agent"])).not.toMatch(/thoughtspot-rest-api/);
  });

  it("cookie session: the browser keeps the session cookie and sends it (credentials: include), no token", async () => {
    const result = await run("cookieSession");
    expect(result.name).toBeTruthy();
    const [login, call] = calls();
    expect(login?.operationId).toBe("login");
    expect(login?.status).toBeGreaterThanOrEqual(200);
    expect(login?.status).toBeLessThan(300);
    expect(call?.operationId).toBe("getCurrentUserInfo");
    expect(header(call?.headers.cookie)).toBeTruthy();
    expect(call?.headers.authorization).toBeUndefined();
  });

  it("pagination: every user, five a page, the same as one call asking for all", async () => {
    const { pages, all } = await run("pagination");
    const walked = pages.reduce((sum, n) => sum + n, 0);
    expect(walked).toBe(all);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(0, -1).every((n) => n === 5)).toBe(true);
    const searches = calls().filter((r) => r.operationId === "searchUsers");
    expect(searches).toHaveLength(pages.length + 1);
  });

  it("TML export: the first Liveboard's TML, parsed in the page", async () => {
    const result = await run("tmlExport");
    expect(result.type).toBe("liveboard");
    expect(result.guid).toBe(result.id);
    expect(result.name).toBeTruthy();
    expect(calls().map((r) => r.operationId)).toContain("exportMetadataTML");
  });

  it("download: a Liveboard as PDF bytes", async () => {
    const result = await run("download");
    expect(result).toMatchObject({ isBytes: true, magic: "%PDF-" });
    expect(result.length).toBeGreaterThan(100);
    expect(calls().at(-1)?.operationId).toBe("exportLiveboardReport");
  });

  it("typed error: an error answer is an ApiError with status and operation, classes intact", async () => {
    const result = await run("typedError");
    expect(result).toMatchObject({
      thrown: true,
      isThoughtSpotError: true,
      isApiError: true,
      operationId: "fetchAnswerData",
    });
    const status = calls().at(-1)?.status;
    expect(result.status).toBe(status);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(result.name).toMatch(/Error$/);
  });
});
