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
