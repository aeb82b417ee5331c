// multipart/form-data from a typed body: files (Blob/File) as file parts, objects and arrays as
// JSON text (the spec's `encoding: application/json` parts), scalars as text, undefined left out.

export function toFormData(body: Record<string, unknown>, fileFields: readonly string[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) {
      form.append(name, value, value instanceof File ? value.name : name);
    } else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
      form.append(name, new Blob([value as BlobPart]), name);
    } else if (fileFields.includes(name) && typeof value === "string") {
      // A file given as text content: still sent as a file part, as the server expects one.
      form.append(name, new Blob([value]), name);
    } else if (typeof value === "object") {
      form.append(name, JSON.stringify(value));
    } else {
      form.append(name, String(value));
    }
  }
  return form;
}
