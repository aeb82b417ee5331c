// The objects a TML document refers to (a Liveboard's and an Answer's tables, a Worksheet's or View's
// tables, a Model's model_tables, a table's or SQL view's connection), and whether each resolves in the
// importing Org or the same import. Reads documents only; never changes the store.
import { parse } from "yaml";

type Loose = Record<string, unknown>;

/** One reference: the name the TML uses, and the GUID when the document gives an fqn. */
export interface TmlReference {
  name: string;
  fqn?: string;
}

const list = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.filter((v): v is Loose => !!v && typeof v === "object") : [];

const ref = (entry: Loose | undefined): TmlReference[] => {
  const name = entry?.name;
  if (typeof name !== "string" || !name) return [];
  return [{ name, ...(typeof entry?.fqn === "string" && entry.fqn && { fqn: entry.fqn }) }];
};

/** The references of one document, by kind; unreadable documents have none (their import fails elsewhere). */
export function referencesOf(text: string): TmlReference[] {
  let doc: Loose;
  try {
    doc = (parse(text) ?? {}) as Loose;
  } catch {
    return [];
  }
  const body = (key: string) => (doc[key] && typeof doc[key] === "object" ? (doc[key] as Loose) : undefined);
  const liveboard = body("liveboard") ?? body("pinboard");
  if (liveboard)
    return list(liveboard.visualizations).flatMap((v) =>
      list((v.answer as Loose | undefined)?.tables).flatMap(ref),
    );
  for (const key of ["answer", "worksheet", "view"]) {
    const b = body(key);
    if (b) return list(b.tables).flatMap(ref);
  }
  const model = body("model");
  if (model) return list(model.model_tables).flatMap(ref);
  for (const key of ["table", "sql_view"]) {
    const b = body(key);
    if (b) return ref(b.connection as Loose | undefined);
  }
  return [];
}

/** An object a reference can resolve to: in the Org, or created by the same import. */
export interface Candidate {
  id: string;
  name: string;
}

/**
 * Why a reference does not resolve, or undefined when it does. An fqn naming a candidate wins; otherwise
 * the name must name exactly one candidate (ThoughtSpot's TML docs: without fqn, a referenced table or
 * connection whose name is not unique fails the import).
 */
export function unresolved(reference: TmlReference, candidates: Candidate[]): string | undefined {
  if (reference.fqn && candidates.some((c) => c.id === reference.fqn)) return undefined;
  const named = candidates.filter((c) => c.name === reference.name);
  if (named.length === 1) return undefined;
  return named.length === 0
    ? `"${reference.name}" does not exist in this Org (import it first, or in the same import)`
    : `"${reference.name}" is not unique in this Org (${named.length} objects); give its fqn`;
}
