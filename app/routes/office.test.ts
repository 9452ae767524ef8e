// Integration tests of the back office, called as Remix calls the loaders and actions: each officer sees
// only their organisation's procedures and exactly the consented data; decisions go through the case
// machine with an audit entry; refusals and bad input change nothing.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { getCase, getProcedureRequest, listProcedureEvents } from "../../db/queries/cases";
import { createUser } from "../../db/queries/users";
import { auditEntries, procedureRequests } from "../../db/schema";
import { submitSampleCase } from "../../tests/factories";
import { browserRequest, run, signedInBrowser, useSeededDatabase, type Browser } from "../../tests/setup/auth";
import { acceptAsAgency, deliverAll, requestOf } from "../../tests/setup/office";
import type { SubmittedCase } from "../cases/cases.server";
import * as caseStatus from "./cases.$reference";
import { unpackInboxItems, type InboxItem, type PackedInboxItem } from "../office/inbox-items";
import * as inbox from "./office._index";
import * as requestPage from "./office.requests.$requestId";

let db: Db;
let close: () => void;
let tanaka: SubmittedCase;
let suzuki: SubmittedCase;
let sato: SubmittedCase;
const browsers: Record<string, Browser> = {};

beforeAll(async () => {
  ({ db, close } = await useSeededDatabase());
  tanaka = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
  suzuki = submitSampleCase(db, "relocation", "p-suzuki-haruko");
  sato = submitSampleCase(db, "relocation", "p-sato-kenji");
  await deliverAll(db);
  // 千代田区 (no demo officer) accepts the move-out, so the move-in reaches 新宿区's inbox.
  acceptAsAgency(db, tanaka.case.id, "move-out-notification", "CHIYODA-1");
  await deliverAll(db);
  // An officer of Japan Post, an organisation on the http channel (it decides in its own system).
  createUser(db, { id: "u-officer-post", loginId: "officer.post", displayName: "郵便 担当", role: "officer", agencyId: "japan-post", createdAt: new Date().toISOString() });
  for (const login of ["officer.shinjuku", "officer.yokohama", "officer.pension", "officer.post", "tanaka", "suzuki", "sato.kenji"]) {
    browsers[login] = await signedInBrowser(db, login);
  }
});
afterAll(() => close());

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const getInbox = (login: string | null, query = "") => run(() => inbox.loader(args(browserRequest(`/office${query}`, { as: login ? browsers[login] : null }))));
const getRequest = (login: string | null, id: string, query = "") =>
  run(() => requestPage.loader(args(browserRequest(`/office/requests/${id}${query}`, { as: login ? browsers[login] : null }), { requestId: id })));
const decide = (login: string, id: string, form: Record<string, string>) =>
  run(() => requestPage.action(args(browserRequest(`/office/requests/${id}`, { as: browsers[login], form }), { requestId: id })));

type InboxData = { items: InboxItem[]; counts: { status: string; count: number }[]; overdueCount: number; agency: string };
/** The inbox's loader data with its rows unpacked, as the page reads them. */
const inboxData = (result: { data: unknown }): InboxData => {
  const data = result.data as Omit<InboxData, "items"> & { items: PackedInboxItem[] };
  return { ...data, items: unpackInboxItems(data.items) };
};
type PageData = {
  form: { name: string; items: { item: string; key: string | null; label: string | null; status: string; value: unknown }[] } | null;
  items: { key: string; label: string; value: unknown }[]; caseReference: string; status: string; legalBasis: string; inPerson: boolean; canDecide: boolean; information: { question: string; answer: string | null; earlier: boolean } | null; timeline: { status: string }[] };

/** Everything that identifies what a procedure request is and where it stands: a refusal must leave it as it was. */
function snapshotOf(id: string) {
  const request = getProcedureRequest(db, { procedureRequestId: id })!;
  return {
    request,
    caseVersion: getCase(db, { caseId: request.caseId })!.snapshotVersion,
    events: listProcedureEvents(db, { procedureRequestId: id }).length,
    audit: db.select().from(auditEntries).where(eq(auditEntries.subjectId, id)).all().length,
  };
}

describe("the inbox", () => {
  it("shows an officer only their own organisation's delivered procedures, sorted by deadline, with counts", async () => {
    const result = await getInbox("officer.shinjuku", "?status=all");
    expect(result.status).toBe(200);
    const data = inboxData(result);
    expect(data.agency).toBe("新宿区役所");
    // 新宿区 has tanaka's move-in; the My Number Card update still waits for the move-in to be accepted.
    expect(data.items.map((item) => [item.caseReference, item.procedureName, item.status])).toEqual([[tanaka.case.reference, "転入届", "delivered"]]);
    expect(data.counts).toEqual([{ status: "delivered", count: 1 }]);
    // Nothing of another agency: not 千代田区's move-out, not Suzuki's or Sato's.
    const json = JSON.stringify(data);
    for (const other of [suzuki.case.reference, sato.case.reference, requestOf(db, tanaka.case.id, "move-out-notification").id]) expect(json).not.toContain(other);
  });

  it("lists no personal data, only references, procedures, statuses and dates", async () => {
    const json = JSON.stringify((await getInbox("officer.pension")).data);
    expect(json).toContain(suzuki.case.reference);
    for (const personal of ["鈴木", "春子", "p-suzuki-haruko", "京都", "1234"]) expect(json).not.toContain(personal);
  });

  it("gives each organisation its own list: the pension office and 横浜市", async () => {
    const pension = inboxData(await getInbox("officer.pension", "?status=all"));
    expect(pension.items.map((item) => [item.caseReference, item.procedureName])).toEqual([[suzuki.case.reference, "年金受給権者 住所変更届"]]);
    const yokohama = inboxData(await getInbox("officer.yokohama", "?status=all&lng=en"));
    expect(yokohama.agency).toBe("Yokohama City Office");
    expect(yokohama.items.every((item) => item.caseReference === sato.case.reference)).toBe(true);
    expect(yokohama.items.map((item) => item.procedureName)).toContain("Water supply: start at the new address");
  });

  it("filters by status and deadline, and marks overdue procedures (deadlines of the samples are in the past)", async () => {
    const accepted = inboxData(await getInbox("officer.shinjuku", "?status=accepted"));
    expect(accepted.items).toEqual([]);
    const overdue = inboxData(await getInbox("officer.shinjuku", "?deadline=overdue"));
    expect(overdue.items).toHaveLength(1);
    expect(overdue.items[0].overdue).toBe(true);
    expect(overdue.overdueCount).toBe(1);
    const soon = inboxData(await getInbox("officer.shinjuku", "?deadline=within7"));
    expect(soon.items).toEqual([]);
    // Unknown filter values fall back to the defaults instead of failing.
    expect((await getInbox("officer.shinjuku", "?status=%3Cscript%3E&deadline=nope")).status).toBe(200);
  });

  it("is for officers only", async () => {
    const anonymous = await getInbox(null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response!.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=%2Foffice/);
    expect((await getInbox("tanaka")).status).toBe(403);
  });
});

describe("the procedure page", () => {
  it("shows exactly the data items the citizen consented to send, labelled in the page's language, and records the read", async () => {
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    const before = db.select().from(auditEntries).all().length;
    const result = await getRequest("officer.shinjuku", moveIn.id, "?lng=en");
    expect(result.status).toBe(200);
    const page = result.data as PageData;
    const consent = JSON.parse(tanaka.case.consent) as { procedures: { procedureId: string; dataItems: string[] }[] };
    const consented = consent.procedures.find((p) => p.procedureId === "move-in-notification")!.dataItems;
    const payload = JSON.parse(moveIn.payload) as Record<string, unknown>;
    expect(page.items.map((item) => item.key)).toEqual(consented.filter((key) => key in payload));
    expect(Object.fromEntries(page.items.map((item) => [item.key, item.value]))).toEqual(payload);
    expect(page.items.find((item) => item.key === "newAddress")?.label).toBe("New address");
    expect(page).toMatchObject({ caseReference: tanaka.case.reference, legalBasis: "Basic Resident Registration Act, Article 22", inPerson: true, canDecide: true });
    expect(page.timeline.map((event) => event.status)).toEqual(["waiting", "queued", "delivering", "delivered"]);
    // The same data laid out as the official 転入届, item by item, and the items Madoguchi need not fill.
    expect(page.form!.name).toBe("住民異動届（転入届）");
    const moveDate = page.form!.items.find((entry) => entry.key === "moveDate")!;
    expect(moveDate).toMatchObject({ item: "転入をした年月日", label: "Date of the move", status: "filled", value: payload.moveDate });
    const filled = page.form!.items.filter((entry) => entry.status === "filled");
    expect(filled.map((entry) => entry.value)).toEqual(filled.map((entry) => payload[entry.key!]));
    expect(page.form!.items.some((entry) => entry.status === "notNeeded" && entry.key === null)).toBe(true);

    const reads = db.select().from(auditEntries).where(and(eq(auditEntries.action, "record.read"), eq(auditEntries.subjectId, moveIn.id))).all();
    expect(db.select().from(auditEntries).all().length).toBe(before + 1);
    expect(reads.at(-1)).toMatchObject({ actor: "u-officer-shinjuku", agencyId: "municipality-13104", dataSubjectId: "p-tanaka-ichiro", purpose: "procedure" });
    expect(JSON.parse(reads.at(-1)!.details)).toEqual({ caseReference: tanaka.case.reference, procedureId: "move-in-notification", dataItems: page.items.map((item) => item.key) });
  });

  it("never shows more than the consent, even if a stored payload held more", async () => {
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    const tampered = { ...JSON.parse(moveIn.payload), phone: "0312345678", basicPensionNumber: "1234567890" };
    db.update(procedureRequests).set({ payload: JSON.stringify(tampered) }).where(eq(procedureRequests.id, moveIn.id)).run();
    try {
      const json = JSON.stringify((await getRequest("officer.shinjuku", moveIn.id)).data);
      expect(json).not.toContain("0312345678");
      expect(json).not.toContain("1234567890");
    } finally {
      db.update(procedureRequests).set({ payload: moveIn.payload }).where(eq(procedureRequests.id, moveIn.id)).run();
    }
  });

  it("answers another organisation's officer, and a procedure not yet sent, with a 404 and no data", async () => {
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    const reads = () => db.select().from(auditEntries).where(eq(auditEntries.action, "record.read")).all().length;
    const before = reads();
    for (const login of ["officer.yokohama", "officer.pension"]) {
      const result = await getRequest(login, moveIn.id);
      expect(result.status).toBe(404);
      const body = await result.response!.text();
      for (const secret of ["田中", tanaka.case.reference, "p-tanaka-ichiro", "新宿"]) expect(body).not.toContain(secret);
    }
    // Its own agency's, but still waiting for the move-in: never delivered, so not theirs to read yet.
    expect((await getRequest("officer.shinjuku", requestOf(db, tanaka.case.id, "my-number-card-address-update").id)).status).toBe(404);
    expect((await getRequest("officer.shinjuku", "no-such-id")).status).toBe(404);
    expect(reads()).toBe(before);
    expect((await getRequest("tanaka", moveIn.id)).status).toBe(403);
  });
});

describe("decisions", () => {
  it("refuses bad input with translated errors per field, keeping what was typed, and changes nothing", async () => {
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    const before = snapshotOf(moveIn.id);
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ intent: "accept", reference: "" }, { reference: ["decision.errors.referenceRequired"] }],
      [{ intent: "accept", reference: "   " }, { reference: ["decision.errors.referenceRequired"] }],
      [{ intent: "accept", reference: "A".repeat(61) }, { reference: ["decision.errors.referenceTooLong"] }],
      [{ intent: "accept", reference: "<script>alert(1)</script>" }, { reference: ["decision.errors.referenceFormat"] }],
      [{ intent: "reject", reasonCode: "" }, { reasonCode: ["decision.errors.reasonRequired"] }],
      [{ intent: "reject", reasonCode: "no-such-reason" }, { reasonCode: ["decision.errors.reasonUnknown"] }],
      // A reason that exists, but not for this procedure.
      [{ intent: "reject", reasonCode: "service-unavailable" }, { reasonCode: ["decision.errors.reasonUnknown"] }],
      [{ intent: "reject", reasonCode: "incomplete", note: "<img src=x onerror=alert(1)>" }, { note: ["decision.errors.unsafeText"] }],
      [{ intent: "reject", reasonCode: "incomplete", note: "x".repeat(1001) }, { note: ["decision.errors.noteTooLong"] }],
      [{ intent: "requestInformation", question: "" }, { question: ["decision.errors.questionRequired"] }],
      [{ intent: "requestInformation", question: "q".repeat(2001) }, { question: ["decision.errors.questionTooLong"] }],
      // Control and bidirectional characters never get this far: every form loses them on the way in
      // (readVerifiedForm, tests/security/input-limits.test.ts); isHostileText still refuses them (office.server.test.ts).
    ];
    for (const [form, errors] of cases) {
      const result = await decide("officer.shinjuku", moveIn.id, form);
      expect(result.status, JSON.stringify(form)).toBe(400);
      const reply = (result.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
      expect(reply.error, JSON.stringify(form)).toEqual(errors);
      for (const [name, value] of Object.entries(form)) if (value.trim()) expect(reply.initialValue[name]).toBe(value);
    }
    const unknown = await decide("officer.shinjuku", moveIn.id, { intent: "approveEverything" });
    expect(unknown.status).toBe(409);
    expect(snapshotOf(moveIn.id)).toEqual(before);
  });

  it("refuses a decision by another organisation's officer with a 404, and changes nothing", async () => {
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    const before = snapshotOf(moveIn.id);
    const result = await decide("officer.yokohama", moveIn.id, { intent: "accept", reference: "YOKOHAMA-1" });
    expect(result.status).toBe(404);
    expect(await result.response!.text()).not.toContain(tanaka.case.reference);
    expect(snapshotOf(moveIn.id)).toEqual(before);
  });

  it("offers no decision to an organisation that decides in its own system (http channel), and refuses one", async () => {
    const mail = requestOf(db, tanaka.case.id, "mail-forwarding");
    const page = (await getRequest("officer.post", mail.id)).data as PageData & { decidesHere: boolean };
    expect(page).toMatchObject({ canDecide: false, decidesHere: false, status: "delivered" });
    const before = snapshotOf(mail.id);
    const result = await decide("officer.post", mail.id, { intent: "accept", reference: "JP-1" });
    expect(result.status).toBe(409);
    expect(result.data).toMatchObject({ refusal: "decision.refused.ownSystem" });
    expect(snapshotOf(mail.id).request).toEqual(before.request);
    expect(snapshotOf(mail.id).caseVersion).toBe(before.caseVersion);
  });

  it("refuses a form without the CSRF token", async () => {
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    const request = browserRequest(`/office/requests/${moveIn.id}`, { as: browsers["officer.shinjuku"], form: { intent: "accept", reference: "X-1" }, withoutCsrf: true });
    expect((await run(() => requestPage.action(args(request, { requestId: moveIn.id })))).status).toBe(403);
  });

  it("accepts with the organisation's reference through the case machine; the citizen sees it; a second decision is refused", async () => {
    const moveIn = requestOf(db, tanaka.case.id, "move-in-notification");
    const result = await decide("officer.shinjuku", moveIn.id, { intent: "accept", reference: "新宿-2026-00123" });
    expect(result.status).toBe(302);
    expect(result.response!.headers.get("Location")).toBe(`/office/requests/${moveIn.id}?decided=accept`);
    const after = getProcedureRequest(db, { procedureRequestId: moveIn.id })!;
    expect(after).toMatchObject({ status: "accepted", decisionReference: "新宿-2026-00123" });
    expect(listProcedureEvents(db, { procedureRequestId: moveIn.id }).at(-1)).toMatchObject({ fromStatus: "delivered", toStatus: "accepted", actor: "user:u-officer-shinjuku" });
    const audit = db.select().from(auditEntries).where(and(eq(auditEntries.action, "procedure.agency.accepted"), eq(auditEntries.subjectId, moveIn.id))).get();
    expect(audit).toMatchObject({ actor: "user:u-officer-shinjuku", agencyId: "municipality-13104", dataSubjectId: "p-tanaka-ichiro" });
    // The case machine moved the dependent procedure on: the My Number Card update is now due.
    expect(requestOf(db, tanaka.case.id, "my-number-card-address-update").status).toBe("queued");

    const citizen = await run(() => caseStatus.loader(args(browserRequest(`/cases/${tanaka.case.reference}`, { as: browsers.tanaka }), { reference: tanaka.case.reference })));
    const procedures = (citizen.data as { procedures: { procedureId: string; status: string; decisionReference: string | null }[] }).procedures;
    expect(procedures.find((p) => p.procedureId === "move-in-notification")).toMatchObject({ status: "accepted", decisionReference: "新宿-2026-00123" });

    const before = snapshotOf(moveIn.id);
    const forms: Record<string, string>[] = [{ intent: "accept", reference: "AGAIN-1" }, { intent: "reject", reasonCode: "incomplete" }, { intent: "requestInformation", question: "Again?" }];
    for (const form of forms) {
      const again = await decide("officer.shinjuku", moveIn.id, form);
      expect(again.status).toBe(409);
      expect(again.data).toMatchObject({ refusal: "decision.refused.alreadyFinal" });
    }
    expect(snapshotOf(moveIn.id)).toEqual(before);
    expect(((await getRequest("officer.shinjuku", moveIn.id)).data as PageData).canDecide).toBe(false);
  });

  it("rejects with a listed reason and free text; the citizen reads the reason in their language", async () => {
    const waterStart = requestOf(db, sato.case.id, "water-start");
    const result = await decide("officer.yokohama", waterStart.id, { intent: "reject", reasonCode: "incomplete", note: "  水道の使用開始日をご確認ください。  " });
    expect(result.status).toBe(302);
    expect(getProcedureRequest(db, { procedureRequestId: waterStart.id })).toMatchObject({ status: "rejected", rejectionReason: "incomplete|水道の使用開始日をご確認ください。" });
    expect(db.select().from(auditEntries).where(and(eq(auditEntries.action, "procedure.agency.rejected"), eq(auditEntries.subjectId, waterStart.id))).get()).toMatchObject({
      actor: "user:u-officer-yokohama",
      agencyId: "municipality-14100",
    });
    const statusIn = async (lng: string) => {
      const citizen = await run(() =>
        caseStatus.loader(args(browserRequest(`/cases/${sato.case.reference}?lng=${lng}`, { as: browsers["sato.kenji"] }), { reference: sato.case.reference })),
      );
      type Rejection = { reason: string | null; note: { text: string; lang: string } | null };
      return (citizen.data as { procedures: { procedureId: string; rejection: Rejection | null }[] }).procedures.find((p) => p.procedureId === "water-start")!.rejection;
    };
    // The listed reason in the reader's language; the officer's note as they wrote it, marked as Japanese.
    const note = { text: "水道の使用開始日をご確認ください。", lang: "ja" };
    expect(await statusIn("ja")).toMatchObject({ reason: "記載事項に不足または誤りがあります", note });
    expect(await statusIn("en")).toMatchObject({ reason: "Information is missing or incorrect", note });
  });

  it("asks the citizen for information; their answer brings the procedure back to the inbox, shown to the officer, who accepts", async () => {
    const pension = requestOf(db, suzuki.case.id, "pension-recipient-address-change");
    const asked = await decide("officer.pension", pension.id, { intent: "requestInformation", question: "年金証書の記号番号を教えてください。" });
    expect(asked.status).toBe(302);
    expect(getProcedureRequest(db, { procedureRequestId: pension.id })).toMatchObject({ status: "informationRequested", informationQuestion: "年金証書の記号番号を教えてください。" });
    expect(((await getRequest("officer.pension", pension.id)).data as PageData).canDecide).toBe(false);
    const waiting = await decide("officer.pension", pension.id, { intent: "accept", reference: "JPS-1" });
    expect(waiting.data).toMatchObject({ refusal: "decision.refused.notDecidable" });

    const answered = await run(() =>
      caseStatus.action(
        args(browserRequest(`/cases/${suzuki.case.reference}`, { as: browsers.suzuki, form: { procedureRequestId: pension.id, answer: "1234-567890 です。" } }), {
          reference: suzuki.case.reference,
        }),
      ),
    );
    expect(answered.status).toBe(302);
    expect(getProcedureRequest(db, { procedureRequestId: pension.id })!.status).toBe("queued");
    await deliverAll(db);

    const list = inboxData(await getInbox("officer.pension"));
    expect(list.items.find((item) => item.id === pension.id)).toMatchObject({ status: "delivered", answerReceived: true });
    const page = (await getRequest("officer.pension", pension.id)).data as PageData;
    expect(page).toMatchObject({ status: "delivered", canDecide: true, information: { question: "年金証書の記号番号を教えてください。", answer: "1234-567890 です。", earlier: false } });

    expect((await decide("officer.pension", pension.id, { intent: "accept", reference: "JPS-2026-778" })).status).toBe(302);
    expect(getProcedureRequest(db, { procedureRequestId: pension.id })).toMatchObject({ status: "accepted", decisionReference: "JPS-2026-778" });
    const events = listProcedureEvents(db, { procedureRequestId: pension.id }).map((event) => event.toStatus);
    expect(events.slice(-6)).toEqual(["delivered", "informationRequested", "queued", "delivering", "delivered", "accepted"]);
  });
});
