// findGuid found no object, or several, with the exact name asked for.
export class ObjectLookupError extends Error {
  override name = "ObjectLookupError";
  constructor(
    message: string,
    readonly objectName: string,
    /** Objects whose name matched (several), or close matches the search returned (none). */
    readonly candidates: { id: string; name: string }[],
  ) {
    super(message);
  }
}
