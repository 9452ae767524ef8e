// Correct and send again: only the changed items are checked and replaced, the request goes back to delivery
// through the outbox to the same organisation only, the procedures cancelled behind it wait again, and the
// audit log names the corrected items (never their values).
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEntries, outbox, procedureEvents } from "../../db/schema";
import { verifyAuditChain } from "../../db/queries/audit";
import { getProcedureRequest } from "../../db/queries/cases";
import { Dispatcher } from "../delivery/dispatcher.server";
import type { Delivery } from "../delivery/connectors/connector.server";
import { deliveryBody } from "../delivery/connectors/http.server";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { deliverAll, requestOf } from "../../tests/setup/office";
import { applyCaseEvent } from "./cases.server";
import { caseStatusView } from "./case-pages.server";
import { correctableItems, resendCorrected } from "./correction.server";
import { inboxView, procedurePageView, type OfficerAuth } from "../office/office.server";

const { db, close } = createTestDatabase();
afterAll(close);

const formOf = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(`item.${key}`, value);
  return form;
};

async function rejectedMoveOut() {
  const submitted = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  await deliverAll(db);
  const moveOut = requestOf(db, submitted.case.id, "move-out-notification");
  applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.rejected", reason: "identity-not-verified|フリガナが住民票と違います。" }, actor: `agency:${moveOut.agencyId}` });
  return { submitted, moveOut: getProcedureRequest(db, { procedureRequestId: moveOut.id })! };
}

describe("correcting a rejected procedure", () => {
  it("offers the single values that were sent, not the move date, the filing or the addresses", async () => {
    const { moveOut } = await rejectedMoveOut();
    const keys = correctableItems(moveOut, "en").map((item) => item.key);
    expect(keys).toEqual(expect.arrayContaining(["name", "nameKana", "birthDate"]));
    for (const fixed of ["moveDate", "filedAt", "filedBy", "currentAddress", "newAddress", "movingMembers"]) expect(keys).not.toContain(fixed);
    expect(correctableItems(moveOut, "en").find((item) => item.key === "birthDate")).toMatchObject({ inputType: "date", label: "Date of birth" });
  });

  it("refuses a form that changes nothing, or a value of the wrong shape, and changes nothing", async () => {
    const { moveOut } = await rejectedMoveOut();
    const sent = JSON.parse(moveOut.payload) as Record<string, string>;
    expect(resendCorrected(db, { procedureRequestId: moveOut.id, form: formOf({ nameKana: sent.nameKana }), actor: "user:u-tanaka", lang: "ja" })).toMatchObject({
      kind: "invalid",
      errors: [{ key: null, message: "journey:correction.errors.nothingChanged" }],
    });
    expect(resendCorrected(db, { procedureRequestId: moveOut.id, form: formOf({ nameKana: "tanaka", birthDate: "1980-02-31" }), actor: "user:u-tanaka", lang: "ja" })).toMatchObject({
      kind: "invalid",
      errors: [
        { key: "nameKana", message: "journey:correction.errors.format" },
        { key: "birthDate", message: "journey:correction.errors.date" },
      ],
      values: { nameKana: "tanaka", birthDate: "1980-02-31" },
    });
    expect(getProcedureRequest(db, { procedureRequestId: moveOut.id })).toMatchObject({ status: "rejected", payload: moveOut.payload });
  });

  it("sends the corrected procedure again to that organisation alone, through the outbox, audited with the items' names only", async () => {
    const { submitted, moveOut } = await rejectedMoveOut();
    const caseId = submitted.case.id;
    expect(requestOf(db, caseId, "move-in-notification").status).toBe("cancelled");
    const before = JSON.parse(moveOut.payload) as Record<string, unknown>;
    const outboxBefore = db.select().from(outbox).all().length;

    const result = resendCorrected(db, { procedureRequestId: moveOut.id, form: formOf({ nameKana: "タナカ イチロー" }), actor: "user:u-tanaka", lang: "ja" });
    expect(result).toEqual({ kind: "sent", correctedItems: ["nameKana"] });

    const after = getProcedureRequest(db, { procedureRequestId: moveOut.id })!;
    expect(after).toMatchObject({ status: "queued", rejectionReason: null });
    expect(JSON.parse(after.payload)).toEqual({ ...before, nameKana: "タナカ イチロー" });
    // One new delivery, for this request only; the move-in waits for it again, without being sent.
    const rows = db.select().from(outbox).all();
    expect(rows).toHaveLength(outboxBefore + 1);
    expect(rows.filter((row) => row.procedureRequestId === moveOut.id).map((row) => [row.delivery, row.status])).toEqual([
      [1, "delivered"],
      [2, "pending"],
    ]);
    expect(requestOf(db, caseId, "move-in-notification").status).toBe("waiting");

    const audit = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.subjectId, moveOut.id), eq(auditEntries.action, "procedure.citizen.resubmitted")))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "user:u-tanaka", agencyId: moveOut.agencyId, dataSubjectId: "p-tanaka-ichiro" });
    expect(JSON.parse(audit[0].details)).toMatchObject({ from: "rejected", to: "queued", correctedItems: ["nameKana"] });
    expect(audit[0].details).not.toContain("タナカ");
    expect(verifyAuditChain(db).ok).toBe(true);
    const event = db.select().from(procedureEvents).where(eq(procedureEvents.procedureRequestId, moveOut.id)).orderBy(procedureEvents.id).all().at(-1)!;
    expect(JSON.parse(event.detail)).toEqual({ event: "citizen.resubmitted", correctedItems: ["nameKana"] });

    // The dispatcher delivers it again to the old municipality, and to no one else.
    const delivered: Delivery[] = [];
    const dispatcher = new Dispatcher({
      db,
      log: () => {},
      connectors: () => ({
        deliver: async (delivery: Delivery) => {
          delivered.push(delivery);
          return { ok: true };
        },
      }),
    });
    for (let i = 0; i < 5 && (await dispatcher.runOnce()) > 0; i++);
    expect(delivered.map((delivery) => [delivery.procedureRequestId, delivery.agencyId, delivery.idempotencyKey])).toEqual([[moveOut.id, moveOut.agencyId, `${moveOut.id}-2`]]);
    expect(delivered[0].payload).toMatchObject({ nameKana: "タナカ イチロー" });
    // The organisation is told that this is a corrected resend, and which items changed (names only).
    expect(delivered[0].correction).toEqual({ resubmittedAt: event.at, correctedItems: ["nameKana"] });
    expect(JSON.parse(deliveryBody(delivered[0]))).toMatchObject({ correction: { resubmittedAt: event.at, correctedItems: ["nameKana"] } });
    expect(getProcedureRequest(db, { procedureRequestId: moveOut.id })!.status).toBe("delivered");

    // Sent again once: a second correction of the same rejection is refused.
    expect(resendCorrected(db, { procedureRequestId: moveOut.id, form: formOf({ nameKana: "タナカ" }), actor: "user:u-tanaka", lang: "ja" })).toEqual({ kind: "refused" });
  });

  it("sends a corrected resend without the earlier attempt's question and answer, which the officer reads as history", async () => {
    const submitted = submitSampleCase(db, "relocation", "p-suzuki-haruko");
    await deliverAll(db);
    const moveOut = requestOf(db, submitted.case.id, "move-out-notification");
    const actor = `agency:${moveOut.agencyId}`;
    const delivered: Delivery[] = [];
    const dispatcher = new Dispatcher({
      db,
      log: () => {},
      connectors: () => ({
        deliver: async (delivery: Delivery) => {
          delivered.push(delivery);
          return { ok: true };
        },
      }),
    });
    const dispatch = async () => {
      for (let i = 0; i < 5 && (await dispatcher.runOnce()) > 0; i++);
      return delivered.filter((delivery) => delivery.procedureRequestId === moveOut.id).at(-1)!;
    };
    // The first attempt: the municipality asks, the person answers, the answer goes with the next delivery; then it rejects.
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.informationRequested", question: "転出先の部屋番号を教えてください。" }, actor });
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "citizen.answered", answer: "201号室です。" }, actor: "user:u-suzuki-haruko" });
    expect((await dispatch()).information).toEqual({ question: "転出先の部屋番号を教えてください。", answer: "201号室です。" });
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.rejected", reason: "identity-not-verified|フリガナが違います。" }, actor });

    // The corrected resend holds the corrected data and the correction, not the question and answer of the attempt it replaces.
    expect(resendCorrected(db, { procedureRequestId: moveOut.id, form: formOf({ nameKana: "スズキ ハル" }), actor: "user:u-suzuki-haruko", lang: "ja" })).toMatchObject({ kind: "sent" });
    const resend = await dispatch();
    expect(resend.idempotencyKey).toBe(`${moveOut.id}-3`);
    expect(resend.correction).toMatchObject({ correctedItems: ["nameKana"] });
    expect(resend.information).toBeUndefined();
    expect(JSON.parse(deliveryBody(resend))).not.toHaveProperty("information");

    // The officer sees the correction, and the earlier question and answer marked as the earlier attempt's; the inbox does not say "answer received".
    const auth = { user: { id: "u-officer", role: "officer", agencyId: moveOut.agencyId }, actingFor: null, subject: null, agencyId: moveOut.agencyId } as unknown as OfficerAuth;
    const page = procedurePageView(db, auth, moveOut.id, { lang: "en" });
    expect(page.correction).toMatchObject({ items: ["Full name in katakana"] });
    expect(page.information).toEqual({ question: "転出先の部屋番号を教えてください。", answer: "201号室です。", earlier: true });
    const inbox = inboxView(db, { agencyId: moveOut.agencyId, filters: { status: "open", deadline: "any" }, lang: "en" });
    const row = inbox.items.find((item) => item.id === moveOut.id);
    expect(row).toMatchObject({ status: "delivered", corrected: ["Full name in katakana"] });
    expect(row).not.toHaveProperty("answerReceived");

    // The person's status page marks them as before the correction too.
    const card = () => caseStatusView(db, { caseId: submitted.case.id, lang: "en" }).find((procedure) => procedure.id === moveOut.id)!;
    expect(card()).toMatchObject({ informationAnswer: "201号室です。", informationEarlier: true });

    // A question asked after the resend is the current attempt's: shown as current, and its answer goes with the next delivery.
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.informationRequested", question: "旧住所の部屋番号は？" }, actor });
    expect(procedurePageView(db, auth, moveOut.id, { lang: "en" }).information).toEqual({ question: "旧住所の部屋番号は？", answer: null, earlier: false });
    expect(card().informationEarlier).toBe(false);
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "citizen.answered", answer: "105号室です。" }, actor: "user:u-suzuki-haruko" });
    expect((await dispatch()).information).toEqual({ question: "旧住所の部屋番号は？", answer: "105号室です。" });
    expect(procedurePageView(db, auth, moveOut.id, { lang: "en" }).information).toEqual({ question: "旧住所の部屋番号は？", answer: "105号室です。", earlier: false });
  });

  it("offers an identity number masked, and stores a corrected one encrypted, never in clear", async () => {
    const submitted = submitSampleCase(db, "relocation", "p-nguyen-thi-lan");
    await deliverAll(db);
    const moveOut = requestOf(db, submitted.case.id, "move-out-notification");
    applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted" }, actor: `agency:${moveOut.agencyId}` });
    await deliverAll(db);
    const moveIn = requestOf(db, submitted.case.id, "move-in-notification");
    expect(moveIn.status).toBe("delivered");
    expect(moveIn.payload).not.toContain("AB12345678CD");
    applyCaseEvent(db, { procedureRequestId: moveIn.id, event: { type: "agency.rejected", reason: "identity-not-verified|在留カード番号が違います。" }, actor: `agency:${moveIn.agencyId}` });
    const rejected = getProcedureRequest(db, { procedureRequestId: moveIn.id })!;
    expect(correctableItems(rejected, "ja").find((item) => item.key === "residenceCardNumber")).toMatchObject({ identityNumber: true, sent: "••••••••78CD" });

    expect(resendCorrected(db, { procedureRequestId: moveIn.id, form: formOf({ residenceCardNumber: "AB87654321CD" }), actor: "user:u-nguyen", lang: "ja" })).toEqual({
      kind: "sent",
      correctedItems: ["residenceCardNumber"],
    });
    const stored = getProcedureRequest(db, { procedureRequestId: moveIn.id })!.payload;
    expect(stored).not.toContain("AB87654321CD");
    expect(stored).not.toContain("AB12345678CD");
    expect(correctableItems(getProcedureRequest(db, { procedureRequestId: moveIn.id })!, "ja").find((item) => item.key === "residenceCardNumber")?.sent).toBe("••••••••21CD");
  });

  it("shows the rejection on the status page with the officer's note in its own language, and the way to send it again", async () => {
    const { submitted, moveOut } = await rejectedMoveOut();
    const view = caseStatusView(db, { caseId: submitted.case.id, lang: "en" }).find((procedure) => procedure.id === moveOut.id)!;
    expect(view).toMatchObject({
      group: "rejected",
      canResend: true,
      rejection: { reason: "Your identity could not be verified", note: { text: "フリガナが住民票と違います。", lang: "ja" }, nextStep: "correct" },
    });
  });
});
