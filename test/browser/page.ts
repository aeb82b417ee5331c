// What the browser runs: the SDK as a browser app bundles it (esbuild, platform browser), and the scenarios
// the test calls by name through page.evaluate. Each takes the mock's credentials and returns plain data
// (what the page saw); the test checks that and the mock's record of the requests.
import { ApiError, createThoughtSpotClient, ThoughtSpotError, TSTypes } from "thoughtspot-rest-api";

export interface Login {
  username: string;
  password: string;
}

/** Every call of a scenario is bounded: a stalled request fails the scenario rather than the whole run. */
const bounded = { timeoutMs: 15_000, maxRetries: 0 } as const;

const tokenClient = ({ username, password }: Login) =>
  createThoughtSpotClient({ serverUrl: location.origin, auth: { username, password }, ...bounded });

const scenarios = {
  /** V2 auth/token/full, then a call with the token. */
  async tokenLogin(login: Login) {
    const ts = tokenClient(login);
    const me = await ts.api.v2.getCurrentUserInfo();
    return { name: me.name };
  },

  /** V2 auth/session/login: the browser keeps the cookie (credentials: "include"), no token is sent. */
  async cookieSession(login: Login) {
    const ts = createThoughtSpotClient({
      serverUrl: location.origin,
      auth: { ...login, session: true },
      ...bounded,
    });
    await ts.login();
    const me = await ts.api.v2.getCurrentUserInfo();
    return { name: me.name };
  },

  /** Every user, five a page, against one call that asks for all of them at once. */
  async pagination(login: Login) {
    const ts = tokenClient(login);
    const pages: number[] = [];
    for await (const page of ts.paginate("searchUsers", { record_size: 5 }).pages()) pages.push(page.length);
    const all = await ts.api.v2.searchUsers({ record_size: 1000 });
    return { pages, all: all.length };
  },

  /** The first Liveboard's TML, parsed. */
  async tmlExport(login: Login) {
    const ts = tokenClient(login);
    const [liveboard] = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    const { objects } = await ts.tml.export(String(liveboard?.metadata_id));
    const [exported] = objects;
    return { id: liveboard?.metadata_id, type: exported?.type, guid: exported?.guid, name: exported?.name };
  },

  /** The first Liveboard as PDF bytes. */
  async download(login: Login) {
    const ts = tokenClient(login);
    const [liveboard] = await ts.metadata.search({ type: TSTypes.LIVEBOARD });
    const pdf = await ts.download("exportLiveboardReport", {
      metadata_identifier: String(liveboard?.metadata_id),
      file_format: "PDF",
    });
    return {
      isBytes: pdf instanceof Uint8Array,
      length: pdf.byteLength,
      magic: new TextDecoder().decode(pdf.slice(0, 5)),
    };
  },

  /** An error answer becomes the typed error, with its classes intact in the browser build. */
  async typedError(login: Login) {
    const ts = tokenClient(login);
    try {
      await ts.api.v2.fetchAnswerData({ metadata_identifier: "00000000-0000-0000-0000-000000000000" });
      return { thrown: false };
    } catch (error) {
      return {
        thrown: true,
        name: error instanceof Error ? error.name : typeof error,
        isThoughtSpotError: error instanceof ThoughtSpotError,
        isApiError: error instanceof ApiError,
        status: error instanceof ApiError ? error.status : undefined,
        operationId: error instanceof ApiError ? error.operationId : undefined,
      };
    }
  },
};

export type Scenarios = typeof scenarios;
export type ScenarioName = keyof Scenarios;
(globalThis as { scenarios?: Scenarios }).scenarios = scenarios;
