// findGuid found no object, or several, with the exact name asked for. How such messages name an
// object type is ./type-names.ts (kept apart: this class is exported at startup, the names are not).
import { ThoughtSpotError } from "../core/errors.js";

export class ObjectLookupError extends ThoughtSpotError {
  override name = "ObjectLookupError";
  constructor(
    message: string,
    readonly objectName: string,
    /** Objects whose name matched (several), or close matches the search returned (none). */
    readonly candidates: { id: string; name: string }[],
  ) {
    super({ message });
  }
}
