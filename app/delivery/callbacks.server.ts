// Decisions that agency systems report back: a signed callback becomes one case machine event, or a clear
// refusal that changes nothing. The route api.agencies.$agencyId.callbacks only passes the request here.
import { z } from "zod";
import type { Db } from "../../db/client.server";
import { findCallbackReceipt, insertCallbackReceipt } from "../../db/queries/agencies";
import { getProcedureRequest } from "../../db/queries/cases";
import { applyCaseEventInTx, CaseConflictError, CaseError, type ProcedureEvent } from "../cases/cases.server";
import { getProcedure } from "../../flows";
import { MAX_CALLBACK_BYTES } from "../platform/body.server";
import { pathsWithUnsafeControls } from "../platform/text";
import { readAgencyEndpoint } from "./endpoints.server";
import { verifySignature } from "./signature.server";

export const callbackSchema = z
  .object({
    procedureRequestId: z.string().min(1).max(100),
    /** The agency's id for this message; a second callback with it is a replay. */
    eventId: z.string().min(1).max(200),
    decision: z.enum(["accepted", "rejected", "informationRequested"]),
    reference: z.string().min(1).max(200).optional(),
    reason: z.string().min(1).max(2_000).optional(),
    question: z.string().min(1).max(4_000).optional(),
  })
  // The published schema says additionalProperties: false; a property it does not know is refused, not ignored.
  .strict()
  .superRefine((body, ctx) => {
    if (body.decision === "rejected" && !body.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "A rejection needs a reason" });
    if (body.decision === "informationRequested" && !body.question) ctx.addIssue({ code: "custom", path: ["question"], message: "A request for information needs a question" });
  });
export type AgencyCallback = z.infer<typeof callbackSchema>;

export type CallbackOutcome = { status: number; body: { ok: true; status: string } | { error: { code: string; message: string } } };

const refuse = (status: number, code: string, message: string): CallbackOutcome => ({ status, body: { error: { code, message } } });

function eventFor(callback: AgencyCallback): ProcedureEvent {
  switch (callback.decision) {
    case "accepted":
      return { type: "agency.accepted", ...(callback.reference ? { reference: callback.reference } : {}) };
    case "rejected":
      return { type: "agency.rejected", reason: callback.reason! };
    case "informationRequested":
      return { type: "agency.informationRequested", question: callback.question! };
  }
}

/**
 * Applies one agency callback. Protects against forged or tampered callbacks (HMAC signature under the
 * agency's secret), replays (timestamp within 5 minutes; each event id and each signature is accepted
 * once), and one agency deciding another agency's procedure. Every refusal leaves the database unchanged.
 */
export function receiveAgencyCallback(
  db: Db,
  {
    agencyId,
    rawBody,
    signature,
    contentType = "application/json",
    now = new Date(),
  }: { agencyId: string; rawBody: string; signature: string | null; contentType?: string | null; now?: Date },
): CallbackOutcome {
  // Only an organisation on the API channel (now: an administrator may have switched it) has a system that
  // may decide by callback. A back-office organisation's officers decide in the portal: a row for it in
  // agency_endpoints (added by hand, or left from before a channel switch) must never let a secret decide.
  const endpoint = readAgencyEndpoint(db, { agencyId, now });
  if (!endpoint) return refuse(404, "unknownAgency", "No agency system is registered under this id");
  if (Buffer.byteLength(rawBody) > MAX_CALLBACK_BYTES) return refuse(413, "bodyTooLarge", `The body is larger than ${MAX_CALLBACK_BYTES} bytes`);
  // During a rotation's overlap, the previous secret is accepted too; after it, only the current one.
  const checks = endpoint.secrets.map((secret) => verifySignature({ secret, body: rawBody, header: signature, now }));
  const check = checks.find((candidate) => candidate.ok) ?? checks[0];
  if (!check.ok) {
    const message = {
      missing: "The X-Madoguchi-Signature header is missing",
      malformed: "The X-Madoguchi-Signature header is not t=<unix seconds>,v1=<hex>",
      stale: "The signature's timestamp is more than 5 minutes from now",
      mismatch: "The signature does not match the body",
    }[check.reason];
    return refuse(401, check.reason === "stale" ? "staleSignature" : "badSignature", message);
  }
  // The published contract is JSON (checked once the sender is known, so a stranger learns nothing).
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? "")) {
    return refuse(415, "unsupportedMediaType", "Send the callback as Content-Type: application/json");
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return refuse(422, "invalidBody", "The body is not JSON");
  }
  const unsafe = pathsWithUnsafeControls(json);
  if (unsafe.length > 0) {
    return refuse(422, "unsafeText", `Control or bidirectional characters are not accepted (only tab and newline are) at: ${unsafe.join(", ")}`);
  }
  const parsed = callbackSchema.safeParse(json);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(root)"))].join(", ");
    return refuse(422, "invalidBody", `The body is not a valid callback at: ${paths}`);
  }
  const callback = parsed.data;

  try {
    return db.transaction(
      (tx) => {
        if (findCallbackReceipt(tx, { agencyId, eventId: callback.eventId, signature: signature! })) {
          return refuse(409, "replay", "This callback was received before");
        }
        const request = getProcedureRequest(tx, { procedureRequestId: callback.procedureRequestId });
        // Another agency's procedure request is answered exactly like a missing one: its existence is not revealed.
        if (!request || request.agencyId !== agencyId) return refuse(404, "unknownProcedureRequest", "This agency has no such procedure request");
        if (callback.decision === "rejected") {
          const codes = getProcedure(request.procedureId)?.rejectionReasons.map((reason) => reason.code) ?? [];
          const code = callback.reason!.split("|")[0];
          if (!codes.includes(code)) {
            return refuse(422, "unknownRejectionCode", `"${code.slice(0, 60)}" is not a rejection code of this procedure; use one of: ${codes.join(", ")} (optionally followed by | and free text)`);
          }
        }
        const applied = applyCaseEventInTx(tx, { procedureRequestId: request.id, event: eventFor(callback), actor: `agency:${agencyId}`, now });
        insertCallbackReceipt(tx, {
          agencyId,
          eventId: callback.eventId,
          signature: signature!,
          procedureRequestId: request.id,
          receivedAt: now.toISOString(),
        });
        return { status: 200, body: { ok: true as const, status: applied.status } };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof CaseConflictError) return refuse(409, error.code, "The procedure request changed meanwhile; send the callback again");
    if (error instanceof CaseError) return refuse(409, error.code, error.message);
    throw error;
  }
}
