// Turns an OpenAPI 3 document into openapi-typescript `paths`/`components`/`operations` source.
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const BLOB = ts.factory.createTypeReferenceNode("Blob");

export async function renderTypes(doc: object): Promise<string> {
  const ast = await openapiTS(doc as Parameters<typeof openapiTS>[0], {
    // With the default (true), 203 optional V2 properties that merely have a default become
    // required, and request bodies cannot be written.
    defaultNonNullable: false,
    alphabetize: false,
    // The spec's free-form objects (`type: object`, no properties) hold arbitrary JSON: ThoughtSpot's
    // extended_properties, runtime_filter, data rows. The default, Record<string, never>, rejects every
    // valid input and reads as `never` (assignable to anything) on output.
    emptyObjectsUnknown: true,
    // Files (multipart parts) and binary downloads are Blobs, not strings.
    transform(schema) {
      if (schema.format === "binary") {
        return schema.nullable
          ? ts.factory.createUnionTypeNode([BLOB, ts.factory.createLiteralTypeNode(ts.factory.createNull())])
          : BLOB;
      }
      return undefined;
    },
  });
  return astToString(ast);
}
