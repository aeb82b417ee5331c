// Where each API's description lives in openapi/, and how it becomes an OpenAPI 3 object.
import { parse as parseYaml } from "yaml";

export type ApiName = "v1" | "v2";

export const SPEC_FILES: Record<ApiName, string> = {
  v2: "openapi/v2/openapiSpecv3-2_0.json",
  v1: "openapi/v1/thoughtspot-v1.swagger.yaml",
};

/** JSON or YAML spec text as an object, as written (Swagger 2.0 stays Swagger 2.0). */
export function parseSpecText(text: string): Record<string, unknown> {
  return text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text);
}

/** Parses the spec text; V1 is authored as Swagger 2.0 and converted, since openapi-typescript reads only 3.x. */
export async function readSpecDocument(api: ApiName, text: string): Promise<Record<string, unknown>> {
  const doc = parseSpecText(text);
  if (api === "v2" || !("swagger" in doc)) return doc;
  const { convertObj } = await import("swagger2openapi");
  const { openapi } = await convertObj(doc, { patch: true, warnOnly: true, resolveInternal: false });
  return openapi;
}
