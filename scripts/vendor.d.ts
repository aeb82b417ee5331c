// swagger2openapi ships no types; this is the one function the generator uses.
declare module "swagger2openapi" {
  export function convertObj(spec: object, options: object): Promise<{ openapi: Record<string, unknown> }>;
}
