// Realistic answers for metadata search and TML: the Retail objects of mock/tml, exported as their real
// TML text; imports are remembered, so an imported object can be searched and exported again.
import type { Catalog, CatalogObject } from "../catalog.js";
import { describeTml } from "../catalog.js";
import type { Answer } from "../types.js";
import { page } from "./page.js";

type Loose = Record<string, unknown>;

const MODIFIED = 1_717_243_200_000; // 2024-06-01

/** Owner (a user of the catalog) and tags of an object, as ThoughtSpot's header lists them. */
function ownership(catalog: Catalog, id: string): Loose {
  const { author, tags } = catalog.headers[id] ?? { author: "tsadmin", tags: [] };
  const user = catalog.users.find((u) => u.name === author) ?? catalog.users[0] ?? {};
  return {
    author: user.id,
    authorName: user.name,
    authorDisplayName: user.display_name,
    owner: user.id,
    tags: tags.map((name) => catalog.tags.find((t) => t.name === name) ?? { name }),
  };
}

/** V2 metadata subtypes of the logical-table kinds of TML. */
const SUBTYPE: Record<string, string> = {
  table: "ONE_TO_ONE_LOGICAL",
  worksheet: "WORKSHEET",
  model: "WORKSHEET",
  view: "AGGR_WORKSHEET",
  sql_view: "SQL_VIEW",
};

/** Whether an object carries one of the tags asked for (by name or GUID). */
function tagged(catalog: Catalog, o: CatalogObject, wanted: unknown): boolean {
  if (!Array.isArray(wanted) || wanted.length === 0) return true;
  const names = catalog.headers[o.id]?.tags ?? [];
  return names.some((name) => {
    const tag = catalog.tags.find((t) => t.name === name);
    return wanted.includes(name) || (tag !== undefined && wanted.includes(tag.id));
  });
}

function header(catalog: Catalog, o: CatalogObject): Loose {
  return {
    metadata_id: o.id,
    metadata_name: o.name,
    metadata_type: o.metadataType,
    metadata_header: {
      id: o.id,
      name: o.name,
      type: o.tmlType.toUpperCase(),
      created: MODIFIED - 86_400_000 * 30,
      modified: MODIFIED,
      ...ownership(catalog, o.id),
    },
  };
}

function find(catalog: Catalog, identifier: unknown): CatalogObject | undefined {
  return catalog.objects.find((o) => o.id === identifier || o.name === identifier);
}

/**
 * The objects asked for, then the objects they use (transitively): those whose name their TML mentions,
 * since TML refers to other objects by name.
 */
function withAssociated(catalog: Catalog, asked: Loose[]): Loose[] {
  const seen = new Set<string>();
  const out: Loose[] = [];
  const visit = (identifier: unknown) => {
    const o = find(catalog, identifier);
    if (!o) return void out.push({ identifier });
    if (seen.has(o.id)) return;
    seen.add(o.id);
    out.push({ identifier: o.id });
    for (const other of catalog.objects) if (other !== o && o.tml.includes(other.name)) visit(other.id);
  };
  for (const w of asked) visit(w.identifier);
  return out;
}

/** A fresh GUID for an imported object without one, stable within one mock server. */
function guidFor(n: number): string {
  return `9e8d7c6b-${String(n).padStart(4, "0")}-4a5b-8c9d-${String(n).padStart(12, "0")}`;
}

export function metadataAnswers(catalog: Catalog): Record<string, Answer> {
  let imported = 0;
  return {
    searchMetadata: ({ input }) => {
      const wanted = (input.metadata as Loose[] | undefined) ?? [];
      const matches = catalog.objects.filter(
        (o) =>
          tagged(catalog, o, input.tag_identifiers) &&
          (wanted.length === 0 ||
            wanted.some(
              (w) =>
                (w.type === undefined || w.type === o.metadataType) &&
                (!Array.isArray(w.subtypes) || w.subtypes.includes(SUBTYPE[o.tmlType])) &&
                (w.identifier === undefined || w.identifier === o.id || w.identifier === o.name) &&
                (typeof w.name_pattern !== "string" ||
                  o.name.toLowerCase().includes(w.name_pattern.replace(/%/g, "").toLowerCase())),
            )),
      );
      return {
        json: page(
          matches.map((o) => header(catalog, o)),
          input,
        ),
      };
    },
    exportMetadataTML: ({ input }) => {
      const asked = (input.metadata as Loose[] | undefined) ?? [];
      const wanted = input.export_associated === true ? withAssociated(catalog, asked) : asked;
      return {
        json: wanted.map((w) => {
          const o = find(catalog, w.identifier);
          if (!o)
            return {
              info: {
                id: w.identifier,
                status: { status_code: "ERROR", error_message: `No object with id or name ${w.identifier}` },
              },
            };
          return {
            info: {
              name: o.name,
              filename: `${o.name}.${o.tmlType}.tml`,
              status: { status_code: "OK" },
              type: o.tmlType,
              id: o.id,
            },
            edoc: o.tml,
          };
        }),
      };
    },
    importMetadataTML: ({ input }) => {
      const texts = (input.metadata_tmls as string[] | undefined) ?? [];
      const validateOnly = input.import_policy === "VALIDATE_ONLY";
      return {
        json: texts.map((text) => {
          let described: Omit<CatalogObject, "tml">;
          try {
            const withGuid = /^guid:/m.test(text) ? text : `guid: ${guidFor(++imported)}\n${text}`;
            described = describeTml(withGuid);
            if (!validateOnly) {
              const object = { ...described, tml: withGuid };
              const at = catalog.objects.findIndex((o) => o.id === described.id);
              if (at >= 0) catalog.objects[at] = object;
              else catalog.objects.push(object);
            }
          } catch {
            return {
              response: { status: { status_code: "ERROR", error_message: "Invalid TML: no type or name" } },
            };
          }
          return {
            response: {
              status: { status_code: "OK" },
              header: {
                id_guid: described.id,
                name: described.name,
                description: "",
                metadata_type: described.metadataType,
                owner_guid: "59481331-ee53-42be-a548-bd87be6d0001",
                author_guid: "59481331-ee53-42be-a548-bd87be6d0001",
              },
            },
          };
        }),
      };
    },
  };
}
