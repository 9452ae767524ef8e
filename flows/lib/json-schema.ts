// Publishes payload schemas as JSON Schema, so an agency building an HTTP receiver knows exactly what arrives.
import { zodToJsonSchema } from "zod-to-json-schema";
import type { Procedure } from "./procedure";

export function payloadJsonSchema(procedure: Procedure): object {
  const schema = zodToJsonSchema(procedure.payloadSchema, { $refStrategy: "none", target: "jsonSchema7" }) as Record<string, unknown>;
  return { ...schema, title: procedure.name.en, description: `${procedure.name.ja} — ${procedure.legalBasis.ja}` };
}
