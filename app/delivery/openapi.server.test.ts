// The agency API document: valid OpenAPI 3.1 by an independent validator, every procedure's payload schema
// in it and equal to what flows generates, and real deliveries and callbacks valid against it.
import { Validator, type SpecData } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { listLifeEvents, listProcedures, payloadJsonSchemas, selectProcedures } from "../../flows";
import { callbackSchema } from "./callbacks.server";
import { deliveryBody, testDelivery } from "./connectors/http.server";
import { agencyApiDocument, toDraft2020 } from "./openapi.server";
import * as route from "../routes/api.agencies.openapi[.]json";

type Document = ReturnType<typeof agencyApiDocument>;

async function served(): Promise<{ response: Response; document: Document }> {
  const response = route.loader({ request: new Request("http://madoguchi.test/api/agencies/openapi.json"), params: {}, context: {} });
  return { response, document: (await response.clone().json()) as Document };
}

/** A 2020-12 validator in strict mode (unknown keywords and formats are errors), with the document's components. */
function ajvFor(document: Document) {
  // strictRequired is off: "then: { required: [reason] }" names a property defined beside the if, as intended.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/, "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, email: /^[^@\s]+@[^@\s]+$/ } });
  for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema as object, `#/components/schemas/${name}`);
  return ajv;
}
const validatorOf = (ajv: Ajv2020, name: string) => ajv.getSchema(`#/components/schemas/${name}`)!;

describe("GET /api/agencies/openapi.json", () => {
  it("serves the document as JSON, publicly, with the security headers", async () => {
    const { response, document } = await served();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(document.openapi).toBe("3.1.0");
    // The configured public URL or "/", never the Host header (tests/security/api-headers.test.ts).
    expect(document.servers).toEqual([{ url: "/" }]);
  });

  it("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const { document } = await served();
    const validator = new Validator();
    const result = await validator.validate(document as unknown as SpecData);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does catch mistakes: a document without info, or with a misnamed response, is refused.
    const { info: _info, ...withoutInfo } = document;
    expect((await new Validator().validate(withoutInfo as unknown as SpecData)).valid).toBe(false);
    const broken = structuredClone(document) as unknown as { paths: Record<string, { post?: { responses: Record<string, unknown> } }> };
    broken.paths["/api/agencies/{agencyId}/callbacks"].post!.responses["two hundred"] = { description: "x" };
    expect((await new Validator().validate(broken as unknown as SpecData)).valid).toBe(false);
  });

  it("documents the signed delivery (webhook) and the signed callback with its error responses", async () => {
    const { document } = await served();
    const delivery = document.webhooks.procedureDelivery.post;
    expect(delivery.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["Idempotency-Key", "header", true],
      ["X-Madoguchi-Signature", "header", true],
    ]);
    expect(delivery.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Delivery" });
    const callback = document.paths["/api/agencies/{agencyId}/callbacks"].post;
    expect(callback.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Callback" });
    expect(callback.security).toEqual([{ madoguchiSignature: [] }]);
    for (const status of ["401", "404", "409", "422"] as const) {
      expect(callback.responses[status].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    }
    expect(callback.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/CallbackResult" });
  });

  it("has every procedure's payload schema, exactly as flows generates it from the zod schema, in draft 2020-12 form", async () => {
    const { document } = await served();
    const schemas = document.components.schemas as Record<string, unknown>;
    const generated = payloadJsonSchemas();
    expect(listProcedures().length).toBeGreaterThan(30);
    for (const procedure of listProcedures()) {
      expect(schemas[procedure.id], procedure.id).toEqual(toDraft2020(generated[procedure.id]));
      expect(JSON.stringify(schemas[procedure.id])).not.toMatch(/"\$schema"|"definitions"/);
    }
    expect(document["x-madoguchi-procedures"].map((p) => p.id).sort()).toEqual(listProcedures().map((p) => p.id).sort());
  });
});

describe("the schemas describe what the portal really sends and accepts", () => {
  it("compile as draft 2020-12 in strict mode", async () => {
    const { document } = await served();
    const ajv = ajvFor(document);
    for (const name of Object.keys(document.components.schemas)) expect(validatorOf(ajv, name), name).toBeTypeOf("function");
  });

  it("accept every payload the samples of every life event produce, inside a real delivery body; refuse an extra item", async () => {
    const { document } = await served();
    const ajv = ajvFor(document);
    const delivery = validatorOf(ajv, "Delivery");
    let checked = 0;
    for (const lifeEvent of listLifeEvents()) {
      for (const sample of lifeEvent.samples) {
        for (const selected of selectProcedures({ lifeEvent, answers: sample.answers, record: sample.record })) {
          const body = JSON.parse(
            deliveryBody({
              procedureRequestId: "pr-1",
              caseReference: "MDG-2026-ABCD-EFGH",
              procedureId: selected.procedureId,
              agencyId: selected.agencyId,
              payload: selected.payload,
              deadline: selected.deadline,
              idempotencyKey: "pr-1-1",
            }),
          );
          expect(delivery(body), `${sample.id} ${selected.procedureId}: ${JSON.stringify(delivery.errors)}`).toBe(true);
          // A corrected resend carries its correction, as documented.
          const corrected = { ...body, correction: { resubmittedAt: "2026-04-02T01:02:03.000Z", correctedItems: ["nameKana"] } };
          expect(delivery(corrected), `${selected.procedureId} corrected: ${JSON.stringify(delivery.errors)}`).toBe(true);
          expect(delivery({ ...corrected, correction: { correctedItems: [] } })).toBe(false);
          const extra = { ...body, payload: { ...(selected.payload as object), favouriteColour: "blue" } };
          expect(delivery(extra), `${selected.procedureId} with an extra item`).toBe(false);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("describe a test delivery exactly as the console sends it, told apart from a procedure's", async () => {
    const { document } = await served();
    const ajv = ajvFor(document);
    const body = JSON.parse(deliveryBody(testDelivery({ agencyId: "japan-post", id: "test-0b1c" })));
    expect(validatorOf(ajv, "Delivery")(body)).toBe(true);
    expect(validatorOf(ajv, "TestDelivery")(body)).toBe(true);
    expect(validatorOf(ajv, "ProcedureDelivery")(body)).toBe(false);
    expect(validatorOf(ajv, "Delivery")({ ...body, payload: { test: true, name: "田中" } })).toBe(false);
    expect(document.info.description).toContain("**Secret rotation.**");
    expect(document.info.description).toContain("two `v1=` signatures");
  });

  it("describe the callback body exactly as the callback route parses it", async () => {
    const { document } = await served();
    const callback = validatorOf(ajvFor(document), "Callback");
    const bodies: [unknown, boolean][] = [
      [{ procedureRequestId: "pr-1", eventId: "e-1", decision: "accepted", reference: "R-1" }, true],
      [{ procedureRequestId: "pr-1", eventId: "e-1", decision: "rejected", reason: "incomplete|写しが不鮮明です" }, true],
      [{ procedureRequestId: "pr-1", eventId: "e-1", decision: "informationRequested", question: "?" }, true],
      [{ procedureRequestId: "pr-1", eventId: "e-1", decision: "rejected" }, false],
      [{ procedureRequestId: "pr-1", eventId: "e-1", decision: "informationRequested" }, false],
      [{ procedureRequestId: "pr-1", eventId: "e-1", decision: "approved" }, false],
      [{ procedureRequestId: "", eventId: "e-1", decision: "accepted" }, false],
      [{ eventId: "e-1", decision: "accepted" }, false],
    ];
    for (const [body, valid] of bodies) {
      expect(callback(body), JSON.stringify(body)).toBe(valid);
      expect(callbackSchema.safeParse(body).success, JSON.stringify(body)).toBe(valid);
    }
  });
});

describe("toDraft2020", () => {
  it("rewrites draft-07 keywords", () => {
    expect(
      toDraft2020({
        $schema: "http://json-schema.org/draft-07/schema#",
        definitions: { a: { type: "string" } },
        properties: { items: { $ref: "#/definitions/a" }, pair: { type: "array", items: [{ type: "string" }, { type: "number" }], additionalItems: false } },
        dependencies: { a: ["b"], c: { required: ["d"] } },
      }),
    ).toEqual({
      $defs: { a: { type: "string" } },
      properties: { items: { $ref: "#/$defs/a" }, pair: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false } },
      dependentRequired: { a: ["b"] },
      dependentSchemas: { c: { required: ["d"] } },
    });
  });
});
