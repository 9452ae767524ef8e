// The agency API as an OpenAPI 3.1 document: the signed delivery Madoguchi sends to an agency's system and
// the signed callback the agency sends back. Schemas are generated from the zod schemas the portal itself
// uses (procedure payloads from flows/, the callback body from callbacks.server), so document and code never drift.
import { zodToJsonSchema } from "zod-to-json-schema";
import { listProcedures, payloadJsonSchemas } from "../../flows";
import { callbackSchema } from "./callbacks.server";
import { TEST_PROCEDURE_ID } from "./connectors/http.server";
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from "./signature.server";

type JsonSchema = Record<string, unknown>;

/**
 * A JSON Schema produced for draft-07 (zod-to-json-schema's target) in the form draft 2020-12 (OpenAPI 3.1's
 * dialect) reads: no `$schema` of its own, `definitions` → `$defs`, tuple `items` → `prefixItems`,
 * `additionalItems` → `items`, `dependencies` → `dependentRequired`/`dependentSchemas`.
 */
export function toDraft2020(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toDraft2020);
  if (!schema || typeof schema !== "object") return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (key === "$schema") continue;
    if (key === "definitions") out.$defs = mapValues(value as JsonSchema, toDraft2020);
    else if (key === "$ref" && typeof value === "string") out.$ref = value.replace("#/definitions/", "#/$defs/");
    else if (key === "items" && Array.isArray(value)) out.prefixItems = value.map(toDraft2020);
    else if (key === "additionalItems") out.items = toDraft2020(value);
    else if (key === "dependencies") {
      for (const [property, dependency] of Object.entries(value as JsonSchema)) {
        const target = Array.isArray(dependency) ? "dependentRequired" : "dependentSchemas";
        out[target] = { ...((out[target] as JsonSchema) ?? {}), [property]: toDraft2020(dependency) };
      }
    } else if (key === "properties" || key === "patternProperties" || key === "$defs") out[key] = mapValues(value as JsonSchema, toDraft2020);
    else out[key] = toDraft2020(value);
  }
  return out;
}

function mapValues(object: JsonSchema, fn: (value: unknown) => unknown): JsonSchema {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

/** The callback body, from the zod schema receiveAgencyCallback parses, plus its cross-field rules. */
function callbackJsonSchema(): JsonSchema {
  const generated = toDraft2020(zodToJsonSchema(callbackSchema, { $refStrategy: "none", target: "jsonSchema7" })) as JsonSchema;
  const properties = generated.properties as Record<string, JsonSchema>;
  properties.eventId.description = "Your id for this message. A second callback with the same id is refused as a replay (409).";
  properties.reference.description = "Your reference for the decision (e.g. a case or registration number); shown to the citizen.";
  properties.reason.description =
    "Required when rejecting. A rejection code listed for the procedure (x-madoguchi-procedures), optionally followed by `|` and free text: the citizen sees the code's text in their own language, then the free text as written.";
  properties.question.description = "Required when asking for information. The citizen answers on their status page; the procedure is then delivered again with the answer.";
  return {
    ...generated,
    description: "A decision on one procedure request that was delivered to you.",
    allOf: [
      { if: { properties: { decision: { const: "rejected" } }, required: ["decision"] }, then: { required: ["reason"] } },
      { if: { properties: { decision: { const: "informationRequested" } }, required: ["decision"] }, then: { required: ["question"] } },
    ],
  };
}

/** The delivery body (see app/delivery/connectors/http.server.ts deliveryBody), with each procedure's payload schema. */
function deliveryJsonSchema(procedureIds: string[]): JsonSchema {
  return {
    type: "object",
    description: "One procedure of a citizen's case, with exactly the data items the citizen consented to send you for it.",
    properties: {
      procedureRequestId: { type: "string", description: "Use it in your callback." },
      caseReference: { type: "string", pattern: "^MDG-\\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", description: "The citizen's case reference." },
      procedureId: { type: "string", enum: procedureIds },
      payload: { type: "object", description: "The procedure's data items: see the schema named after the procedure id." },
      deadline: { type: ["string", "null"], format: "date", description: "The legal deadline (a date in Japan), if any." },
      information: {
        type: "object",
        description: "Present on a delivery that follows your request for information.",
        properties: { question: { type: ["string", "null"] }, answer: { type: "string" } },
        required: ["question", "answer"],
        additionalProperties: false,
      },
      correction: {
        type: "object",
        description:
          "Present on every delivery after you rejected this procedure and the citizen corrected it and sent it again (to you alone, under the same procedureRequestId, with a new Idempotency-Key): the payload holds the corrected values; `correctedItems` names the data items the citizen changed in the latest correction. Decide it again as a new submission of the same procedure.",
        properties: {
          resubmittedAt: { type: "string", format: "date-time", description: "When the citizen sent the correction." },
          correctedItems: { type: "array", items: { type: "string" }, minItems: 1, description: "Data item names, as in the payload (e.g. `familyName`)." },
        },
        required: ["resubmittedAt", "correctedItems"],
        additionalProperties: false,
      },
    },
    required: ["procedureRequestId", "caseReference", "procedureId", "payload", "deadline"],
    additionalProperties: false,
    allOf: procedureIds.map((id) => ({ if: { properties: { procedureId: { const: id } }, required: ["procedureId"] }, then: { properties: { payload: ref(id) } } })),
  };
}

/** A test delivery an administrator sends from the console: `"test": true`, no case and no personal data. */
const testDeliveryJsonSchema: JsonSchema = {
  type: "object",
  description:
    "A test delivery, sent by a Madoguchi administrator to check your endpoint and your signature check (and on request after a secret rotation). It is signed like any delivery and carries `\"test\": true`; it belongs to no case and holds no personal data. Check the signature and answer as you would (any 2xx is \"accepted\"); do not apply it. The administrator reads your status and the first 2 KB of your answer.",
  properties: {
    procedureRequestId: { type: "string", pattern: "^test-", description: "`test-` and a random id, new for each test." },
    caseReference: { const: "TEST" },
    procedureId: { const: TEST_PROCEDURE_ID },
    payload: { type: "object", properties: { test: { const: true } }, required: ["test"], additionalProperties: false },
    deadline: { type: "null" },
    test: { const: true },
  },
  required: ["procedureRequestId", "caseReference", "procedureId", "payload", "deadline", "test"],
  additionalProperties: false,
};

const signatureDescription = `\`t=<unix seconds>,v1=<hex>\` where \`<hex>\` is the lowercase hex HMAC-SHA256, under your agency's shared secret, of the string \`<t>.<raw body>\` (the timestamp, a full stop, and the body exactly as sent, UTF-8). Refuse a message whose \`t\` is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from your clock; compare in constant time. During a secret rotation several \`v1=\` values may be present: accept the message if any matches.`;

/** The OpenAPI 3.1 document of the agency API. `serverUrl` is the portal's origin as the caller reached it. */
export function agencyApiDocument({ serverUrl }: { serverUrl?: string } = {}) {
  const procedures = listProcedures();
  const payloads = payloadJsonSchemas();
  const procedureIds = procedures.map((procedure) => procedure.id);
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Madoguchi agency API",
      version: "1.0.0",
      summary: "Receive procedures from Madoguchi and report your decisions.",
      description: [
        "Organisations on the `http` channel receive each procedure of a citizen's case as a signed POST to their endpoint (the `procedureDelivery` webhook) and report their decision with a signed POST to `/api/agencies/{agencyId}/callbacks`. Organisations on the `inbox` channel decide in Madoguchi's back office instead.",
        "",
        `**Signing.** Both directions carry \`${SIGNATURE_HEADER}\`: ${signatureDescription}`,
        "",
        "**Delivery guarantees.** Every delivery carries an `Idempotency-Key` that stays the same across retries of that delivery: apply it once and answer a repeat as you answered the first. Any 2xx is delivered; 408, 429 and 5xx (and timeouts and dropped connections) are retried with exponential backoff and jitter, honouring `Retry-After`; any other status is final and is shown to an operator.",
        "",
        "**Secret rotation.** A Madoguchi administrator can rotate your secret with an overlap of 1 to 168 hours: you are handed the new secret, and until the overlap ends every delivery carries two `v1=` signatures, one under the new secret and one under the previous one, so a check with either secret passes; your callbacks are accepted signed with either. Move to the new secret within the overlap; after it the previous secret expires by itself (deliveries carry one signature again, callbacks signed with it are refused with 401).",
        "",
        "**Test deliveries.** An administrator can send a signed test delivery (`TestDelivery`: `\"test\": true`, `procedureId` `madoguchi.test`, no personal data) to check your endpoint and signature check, e.g. right after a rotation. Answer it as you would a delivery (2xx), and do not apply it.",
        "",
        "**Data.** `payload` carries exactly the data items the citizen consented to send you for that procedure, and nothing else. Each procedure's payload schema is in `components/schemas`, named by procedure id; the procedure's rejection codes are listed in `x-madoguchi-procedures`.",
      ].join("\n"),
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: {
      "/api/agencies/{agencyId}/callbacks": {
        post: {
          operationId: "sendDecision",
          summary: "Report a decision on a procedure delivered to you",
          parameters: [{ name: "agencyId", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }, description: "Your agency id." }],
          security: [{ madoguchiSignature: [] }],
          requestBody: { required: true, content: { "application/json": { schema: ref("Callback") } } },
          responses: {
            "200": { description: "Applied. `status` is the procedure's new status.", content: { "application/json": { schema: ref("CallbackResult") } } },
            "401": errorResponse("The signature is missing, malformed, stale or does not match (codes `badSignature`, `staleSignature`)."),
            "404": errorResponse("No agency system under this id (`unknownAgency`), or you have no such procedure request (`unknownProcedureRequest`)."),
            "409": errorResponse("A replay (`replay`), a decision the procedure's state does not allow, e.g. already decided (`eventRefused`), or a concurrent change (`caseConflict`): send it again."),
            "413": errorResponse("The body is larger than 64 KiB (`bodyTooLarge`), by its `Content-Length` or as it arrives."),
            "415": errorResponse("The body is not sent as `Content-Type: application/json` (`unsupportedMediaType`)."),
            "422": errorResponse(
              "The body is not JSON or not a valid callback, e.g. a property the schema does not list (`invalidBody`); a text holds control or bidirectional characters other than tab and newline (`unsafeText`); a rejection's code is not one of the procedure's (`unknownRejectionCode`).",
            ),
          },
        },
      },
      "/api/agencies/openapi.json": {
        get: {
          operationId: "getAgencyApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    webhooks: {
      procedureDelivery: {
        post: {
          operationId: "receiveProcedure",
          summary: "Madoguchi delivers one procedure to your endpoint",
          description: "Sent to the endpoint registered for your agency. Answer quickly (the portal times out and retries); decide later and report through `sendDecision`.",
          parameters: [
            { name: "Idempotency-Key", in: "header", required: true, schema: { type: "string" }, description: "Stable for this delivery of this procedure request across every retry." },
            { name: SIGNATURE_HEADER, in: "header", required: true, schema: { type: "string", pattern: "^t=\\d+(,v1=[0-9a-f]{64})+$" }, description: signatureDescription },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("Delivery") } } },
          responses: {
            "2XX": { description: "Received. You may return your own reference for it.", content: { "application/json": { schema: ref("DeliveryReceipt") } } },
            "4XX": { description: "Refused for good (408 and 429 excepted, which are retried); an operator sees it." },
            "5XX": { description: "Retried later with backoff." },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        madoguchiSignature: { type: "apiKey", in: "header", name: SIGNATURE_HEADER, description: signatureDescription },
      },
      schemas: {
        Delivery: { description: "What Madoguchi POSTs to your endpoint: a procedure, or a test delivery.", oneOf: [ref("ProcedureDelivery"), ref("TestDelivery")] },
        ProcedureDelivery: deliveryJsonSchema(procedureIds),
        TestDelivery: testDeliveryJsonSchema,
        DeliveryReceipt: {
          type: "object",
          properties: { reference: { type: "string", description: "Your reference for the delivery; shown to operators." } },
        },
        Callback: callbackJsonSchema(),
        CallbackResult: {
          type: "object",
          properties: { ok: { const: true }, status: { type: "string", description: "The procedure request's status after your decision." } },
          required: ["ok", "status"],
        },
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: { code: { type: "string" }, message: { type: "string" } },
              required: ["code", "message"],
            },
          },
          required: ["error"],
        },
        ...Object.fromEntries(procedureIds.map((id) => [id, toDraft2020(payloads[id])])),
      },
    },
    "x-madoguchi-procedures": procedures.map((procedure) => ({
      id: procedure.id,
      name: procedure.name,
      legalBasis: procedure.legalBasis,
      dataItems: procedure.dataItems,
      inPerson: procedure.inPerson,
      rejectionReasons: procedure.rejectionReasons,
    })),
  };
}
