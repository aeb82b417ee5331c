// The mock's in-memory ThoughtSpot: one mock's copy of the example data (users, groups, tags, Orgs,
// objects with owners, tags and shares), the tokens and sessions it issued, its async import tasks.
// Never shared between mocks, never written to disk; reset() returns to the shipped example data.
import { randomBytes } from "node:crypto";
import { type Catalog, loadCatalog } from "../catalog.js";

type Loose = Record<string, unknown>;

/** Who is calling: the user a token or session was issued to, and its Org. */
export interface MockCaller {
  userId: string;
  username: string;
  orgId: number;
}

/** A token or session the mock issued. */
export interface Grant extends MockCaller {
  /** When it stops working (ms since epoch); Infinity for sessions. */
  expiresAt: number;
  createdAt: number;
  scope: "FULL" | "REPORT_BOOK_VIEW";
}

/** One principal's share of one object. */
export interface Share {
  principalId: string;
  principalName: string;
  principalType: "USER" | "USER_GROUP";
  shareMode: "READ_ONLY" | "MODIFY" | "NO_ACCESS";
}

/** An async TML import: finished after `pollsLeft` status calls, like a task that works through a queue. */
export interface ImportTask {
  id: string;
  orgId: number;
  author: MockCaller;
  policy: string;
  createdAt: number;
  total: number;
  pollsLeft: number;
  /** The import's answer, computed when the task was submitted and revealed when it completes. */
  response: Loose[];
}

export interface MockStoreOptions {
  /** The release the mock reports (and whose operations it serves). */
  release: string;
  /** Passwords by username, over those of mock/credentials.json; a new name adds a user. */
  users?: Record<string, string>;
  /** The trusted-authentication secret key, over mock/credentials.json's. */
  secretKey?: string;
}

export interface MockStore {
  catalog: Catalog;
  readonly release: string;
  /** Bearer tokens by token text. */
  tokens: Map<string, Grant>;
  /** Cookie sessions by JSESSIONID. */
  sessions: Map<string, Grant>;
  /** Shares by object GUID, then principal GUID. */
  shares: Map<string, Map<string, Share>>;
  tasks: Map<string, ImportTask>;
  /** Source of fresh GUIDs for created objects, stable within one mock. */
  next(): number;
  reset(): void;
}

/** A secret the mock hands out (token or session id): unguessable, so tests cannot pass by luck. */
export const secret = (prefix: string) => `${prefix}${randomBytes(18).toString("base64url")}`;

function applyCredentials(catalog: Catalog, options: MockStoreOptions): void {
  if (options.secretKey !== undefined) catalog.credentials.secret_key = options.secretKey;
  for (const [username, password] of Object.entries(options.users ?? {})) {
    catalog.credentials.passwords[username] = password;
    if (!catalog.users.some((u) => u.name === username))
      catalog.users.push({
        id: `59481331-ee53-42be-a548-${String(0x900 + catalog.users.length).padStart(12, "0")}`,
        name: username,
        display_name: username,
        visibility: "SHARABLE",
        account_type: "LOCAL_USER",
        account_status: "ACTIVE",
        creation_time_in_millis: Date.now(),
        user_groups: [],
        current_org: { id: 0, name: "Primary" },
      } satisfies Loose);
  }
}

export function createStore(options: MockStoreOptions): MockStore {
  for (const [name, password] of Object.entries(options.users ?? {}))
    if (!name || typeof password !== "string" || !password)
      throw new TypeError("startMockThoughtSpot: users maps usernames to non-empty passwords");
  if (options.secretKey !== undefined && (typeof options.secretKey !== "string" || !options.secretKey))
    throw new TypeError("startMockThoughtSpot: secretKey must be a non-empty string");
  let counter = 0;
  const fresh = () => {
    const catalog = loadCatalog();
    applyCredentials(catalog, options);
    return catalog;
  };
  const store: MockStore = {
    catalog: fresh(),
    release: options.release,
    tokens: new Map(),
    sessions: new Map(),
    shares: new Map(),
    tasks: new Map(),
    next: () => ++counter,
    reset() {
      // Logins survive a reset (clients keep working); everything they created is gone.
      store.catalog = fresh();
      store.shares.clear();
      store.tasks.clear();
      counter = 0;
    },
  };
  return store;
}

/** The password a user logs in with, or undefined for an unknown user. */
export function passwordOf(catalog: Catalog, username: string): string | undefined {
  if (!catalog.users.some((u) => u.name === username)) return undefined;
  return catalog.credentials.passwords[username] ?? catalog.credentials.password;
}

/** Whether `username` may work in Org `orgId`. */
export function isMember(catalog: Catalog, username: string, orgId: number): boolean {
  const org = catalog.orgs.find((o) => o.id === orgId);
  return !!org && (org.members === "*" || org.members.includes(username));
}

// Groups and tags belong to one Org: the spec's SearchUserGroupsRequest.org_identifiers is "the Org to
// which the group belongs", and ThoughtSpot's Orgs overview gives each Org its own groups and objects
// (tags are objects of an Org). Users are the cluster's: an Org's members list says who works in it.

/** Org `orgId`'s groups, the list itself (an Org without groups gets an empty one). */
export function groupsOf(catalog: Catalog, orgId: number): Loose[] {
  catalog.groups[orgId] ??= [];
  return catalog.groups[orgId];
}

/** Org `orgId`'s tags, the list itself. */
export function tagsOf(catalog: Catalog, orgId: number): Loose[] {
  catalog.tags[orgId] ??= [];
  return catalog.tags[orgId];
}

/** The Org an object lives in (Primary for an id the catalog does not hold). */
export const orgOfObject = (catalog: Catalog, id: string) =>
  catalog.objects.find((o) => o.id === id)?.orgId ?? 0;

/** The user named by id (GUID) or name: users are the cluster's, not an Org's. */
export function findUser(catalog: Catalog, identifier: unknown): Loose | undefined {
  return catalog.users.find((u) => u.id === identifier || u.name === identifier);
}

/** Org `orgId`'s group named by id (GUID) or name. */
export function findGroup(catalog: Catalog, orgId: number, identifier: unknown): Loose | undefined {
  return groupsOf(catalog, orgId).find((g) => g.id === identifier || g.name === identifier);
}

/** The Org named by id or name (V2 org_identifier is a string holding either). */
export function findOrg(catalog: Catalog, identifier: unknown) {
  return catalog.orgs.find((o) => String(o.id) === String(identifier) || o.name === identifier);
}
