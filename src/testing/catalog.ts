// The example data behind the realistic answers, read once from mock/ and copied per mock server, so
// imports into one mock never show up in another.
import { readdirSync, readFileSync } from "node:fs";
import { mockDataPath } from "./files.js";

type Loose = Record<string, unknown>;

/** One object of the catalog, with its TML text. */
export interface CatalogObject {
  id: string;
  name: string;
  /** The TML type key: liveboard, answer, worksheet, model, view, sql_view, table, connection. */
  tmlType: string;
  /** V2 metadata_type: LIVEBOARD, ANSWER, LOGICAL_TABLE or CONNECTION. */
  metadataType: string;
  tml: string;
  /** The Org the object lives in (the shipped objects: 0, Primary). */
  orgId: number;
}

/** An Org of mock/orgs.json; members "*" means every user. */
export interface CatalogOrg {
  id: number;
  name: string;
  description: string;
  members: string[] | "*";
}

/** Who can log in (mock/credentials.json): one password for all, exceptions by user, the trusted-auth key. */
export interface CatalogCredentials {
  password: string;
  passwords: Record<string, string>;
  secret_key: string;
}

/** A data answer as ThoughtSpot's V2 contents[] entries hold it. */
export interface DataTable {
  column_names: string[];
  data_rows: unknown[][];
  visualization_id?: string;
  visualization_name?: string;
}

/** Owner and tags of one object (mock/headers.json); tag names from mock/tags.json. */
export interface ObjectHeader {
  author: string;
  tags: string[];
}

export interface Catalog {
  orgs: CatalogOrg[];
  credentials: CatalogCredentials;
  /** Users belong to the cluster (and to the Orgs whose members name them). */
  users: Loose[];
  /** Groups by Org id: each Org has its own (ThoughtSpot's Orgs overview). The shipped ones are Primary's. */
  groups: Record<number, Loose[]>;
  /** Tags by Org id, like groups; mock/tags.json holds Primary's. */
  tags: Record<number, Loose[]>;
  /** Keyed by object GUID; objects without an entry belong to tsadmin and carry no tags. */
  headers: Record<string, ObjectHeader>;
  objects: CatalogObject[];
  /** Keyed by object GUID; "search" for searchData. */
  data: Record<string, DataTable[]>;
  pdf: Uint8Array;
  png: Uint8Array;
}

const METADATA_TYPE: Record<string, string> = {
  liveboard: "LIVEBOARD",
  pinboard: "LIVEBOARD",
  answer: "ANSWER",
  connection: "CONNECTION",
};

/** The first `name:` under the type key, and the top-level guid, without a YAML parser. */
function describeTml(text: string): Omit<CatalogObject, "tml" | "orgId"> {
  const id = /^guid:\s*(\S+)/m.exec(text)?.[1];
  const tmlType = /^([a-z_]+):\s*$/m.exec(text)?.[1];
  const name = /^ {2}name:\s*"?(.*?)"?\s*$/m.exec(text)?.[1];
  if (!id || !tmlType || !name)
    throw new Error(`mock/tml: a file lacks guid, type or name:\n${text.slice(0, 120)}`);
  return { id, name, tmlType, metadataType: METADATA_TYPE[tmlType] ?? "LOGICAL_TABLE" };
}

let shipped: Catalog | undefined;

function readShipped(): Catalog {
  const json = (name: string) => JSON.parse(readFileSync(mockDataPath(name), "utf8"));
  const tmlDir = mockDataPath("tml");
  const objects = readdirSync(tmlDir)
    .filter((f) => f.endsWith(".tml"))
    .sort()
    .map((f) => {
      const tml = readFileSync(`${tmlDir}/${f}`, "utf8");
      return { ...describeTml(tml), tml, orgId: 0 };
    });
  const data = json("data.json") as Record<string, unknown>;
  delete data.why;
  const tables: Record<string, DataTable[]> = {};
  for (const [key, value] of Object.entries(data))
    tables[key] = (Array.isArray(value) ? value : [value]) as DataTable[];
  const headers = json("headers.json") as Record<string, unknown>;
  delete headers.why;
  const orgs = json("orgs.json") as { orgs: CatalogOrg[] };
  const credentials = json("credentials.json") as CatalogCredentials & { why?: string };
  delete credentials.why;
  return {
    orgs: orgs.orgs,
    credentials,
    users: json("users.json"),
    groups: { 0: json("groups.json") },
    tags: { 0: json("tags.json") },
    headers: headers as Record<string, ObjectHeader>,
    objects,
    data: tables,
    pdf: new Uint8Array(readFileSync(mockDataPath("files", "liveboard.pdf"))),
    png: new Uint8Array(readFileSync(mockDataPath("files", "liveboard.png"))),
  };
}

/** A fresh copy of the shipped example data for one mock server. */
export function loadCatalog(): Catalog {
  shipped ??= readShipped();
  return structuredClone(shipped);
}

export { describeTml };
