import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEntries, deliveryAttempts, outbox, procedureRequests } from "../../db/schema";
import { sqlOutbox } from "../../db/queries/outbox";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { setLogSink } from "../platform/logger.server";
import { caseStatusView } from "../cases/case-pages.server";
import { Dispatcher } from "../delivery/dispatcher.server";
import type { DeliveryResult } from "../delivery/connectors/index.server";
import { closeOne, closeSchema, deadLetterDetail, DeadLetterRefusedError, listDeadLetterSummaries, pageDeadLetters, retryAllForAgency, retryOne } from "./dead-letters.server";

const { db, close } = createTestDatabase();
afterAll(close);

/** Delivers everything due; `answer` decides per procedure. */
async function deliver(answer: (procedureId: string) => DeliveryResult) {
  const dispatcher = new Dispatcher({ db, log: () => {}, backoffBaseMs: 1, backoffCapMs: 2, connectors: () => ({ deliver: async (d) => answer(d.procedureId) }) });
  for (let i = 0; i < 50 && (await dispatcher.runOnce()) > 0; i++);
}

const refused400 = (body: string): DeliveryResult => ({ ok: false, permanent: true, error: "HTTP 400", httpStatus: 400, responseBody: body });
const statusOf = (id: string) => db.select().from(procedureRequests).where(eq(procedureRequests.id, id)).get()!;

describe("dead letters", () => {
  it("keep each attempt with its status and the agency's answer, personal data redacted, and are logged at error level without it", async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    const { case: kase, procedureRequests: requests } = submitSampleCase(db, "relocation", "p-ito-yuki");
    const mail = requests.find((r) => r.procedureId === "mail-forwarding")!;
    const payload = JSON.parse(mail.payload) as Record<string, unknown>;
    const echoed = JSON.stringify({ error: "invalid", received: payload, contact: "ito@example.jp", phone: "090-1234-5678" });
    try {
      await deliver((procedureId) => (procedureId === "mail-forwarding" ? refused400(echoed + "x".repeat(5000)) : { ok: true }));
    } finally {
      restore();
    }
    const dead = listDeadLetterSummaries(db, { lang: "en" }).find((d) => d.procedureRequestId === mail.id)!;
    expect(dead).toMatchObject({ caseReference: kase.reference, organisation: "Japan Post", attempts: 1, reason: "attempt 1: HTTP 400" });
    // Pages show a translated sentence, never the dispatcher's note.
    expect(dead.reasonMessage).toEqual({ key: "deliveryErrors.badRequest", values: { attempt: 1, status: 400 } });
    const detail = deadLetterDetail(db, { outboxId: dead.outboxId, lang: "ja" })!;
    expect(detail.canRetry).toBe(true);
    expect(detail.attemptsLog).toHaveLength(1);
    const [attempt] = detail.attemptsLog;
    expect(attempt).toMatchObject({ attempt: 1, httpStatus: 400, outcome: "permanent", errorMessage: { key: "deliveryErrors.badRequest", values: { status: 400 } } });
    expect(Buffer.byteLength(attempt.responseExcerpt!)).toBeLessThanOrEqual(2048);
    expect(attempt.responseExcerpt).toContain('"error":"invalid"');
    const leaves = (value: unknown): string[] =>
      value && typeof value === "object" ? Object.values(value).flatMap(leaves) : typeof value === "string" && value.length > 1 ? [value] : [];
    expect(leaves(payload).length).toBeGreaterThan(5);
    for (const value of leaves(payload)) expect(attempt.responseExcerpt, `payload value ${value}`).not.toContain(value);
    expect(attempt.responseExcerpt).not.toContain("ito@example.jp");
    expect(attempt.responseExcerpt).not.toContain("1234-5678");

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.message === "delivery dead-lettered");
    expect(logged).toEqual([expect.objectContaining({ level: "error", outboxId: dead.outboxId, agencyId: "japan-post", procedureId: "mail-forwarding", reason: "attempt 1: HTTP 400" })]);
    for (const value of leaves(payload)) expect(lines.join("\n")).not.toContain(value);
  });

  it("retry one: delivered under the same key once the agency is fixed; a second retry is refused and changes nothing", async () => {
    const dead = listDeadLetterSummaries(db, { lang: "en" })[0];
    const row = sqlOutbox.get(db, { id: dead.outboxId })!;
    retryOne(db, { outboxId: dead.outboxId, actor: "u-admin" });
    expect(statusOf(dead.procedureRequestId).status).toBe("queued");
    expect(() => retryOne(db, { outboxId: dead.outboxId, actor: "u-admin" })).toThrow(DeadLetterRefusedError);
    await deliver(() => ({ ok: true }));
    expect(statusOf(dead.procedureRequestId).status).toBe("delivered");
    expect(sqlOutbox.get(db, { id: dead.outboxId })).toMatchObject({ status: "delivered", idempotencyKey: row.idempotencyKey });
    const audit = db.select().from(auditEntries).where(eq(auditEntries.action, "procedure.operator.retried")).all();
    expect(audit.at(-1)).toMatchObject({ actor: "u-admin", subjectId: dead.procedureRequestId });
    expect(() => retryOne(db, { outboxId: "no-such-row", actor: "u-admin" })).toThrow("deadLetters.refused.notFound");
  });

  it("retry all for an organisation retries only that organisation's", async () => {
    submitSampleCase(db, "relocation", "p-ito-yuki");
    await deliver((procedureId) => (["mail-forwarding", "gas-move"].includes(procedureId) ? refused400("no") : { ok: true }));
    const before = listDeadLetterSummaries(db, { lang: "en" });
    const post = before.filter((d) => d.agencyId === "japan-post");
    expect(post).toHaveLength(1);
    expect(before.length).toBe(2);
    expect(retryAllForAgency(db, { agencyId: "japan-post", actor: "u-admin" })).toEqual({ retried: 1, refused: 0 });
    expect(listDeadLetterSummaries(db, { lang: "en" }).map((d) => d.agencyId)).toEqual(before.filter((d) => d.agencyId !== "japan-post").map((d) => d.agencyId));
  });

  it("close one: the citizen reads the reason, the procedure is final, the row leaves the dead letters; hostile or empty reasons are refused", async () => {
    const [dead] = listDeadLetterSummaries(db, { lang: "en" });
    expect(closeSchema.safeParse({ reason: "  " }).success).toBe(false);
    expect(closeSchema.safeParse({ reason: "<script>x</script>" }).success).toBe(false);
    expect(closeSchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
    const auditBefore = db.select().from(auditEntries).all().length;
    closeOne(db, { outboxId: dead.outboxId, reason: "ガス会社から電話でご連絡します。", actor: "u-admin" });
    expect(statusOf(dead.procedureRequestId)).toMatchObject({ status: "closedOutside", closingReason: "ガス会社から電話でご連絡します。" });
    expect(db.select().from(outbox).where(eq(outbox.id, dead.outboxId)).get()!.status).toBe("closed");
    expect(listDeadLetterSummaries(db, { lang: "en" }).find((d) => d.outboxId === dead.outboxId)).toBeUndefined();
    const view = caseStatusView(db, { caseId: statusOf(dead.procedureRequestId).caseId, lang: "ja" }).find((p) => p.id === dead.procedureRequestId)!;
    expect(view).toMatchObject({ status: "closedOutside", closingReason: "ガス会社から電話でご連絡します。" });
    const audit = db.select().from(auditEntries).all();
    expect(audit.length).toBe(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ action: "procedure.operator.closed", actor: "u-admin" });
    expect(audit.at(-1)!.details).not.toContain("ガス会社");
    // Closing again is refused with a reason, and changes nothing.
    expect(() => closeOne(db, { outboxId: dead.outboxId, reason: "again", actor: "u-admin" })).toThrow("deadLetters.refused.notDeadLettered");
    expect(db.select().from(auditEntries).all().length).toBe(auditBefore + 1);
    expect(db.select().from(deliveryAttempts).all().length).toBeGreaterThan(0);
  });

  it("the console's list is cut into pages of 20 by the database, oldest first, with every organisation's count", async () => {
    for (const person of ["p-ito-yuki", "p-tanaka-ichiro", "p-nguyen-thi-lan", "p-ito-yuki", "p-tanaka-ichiro", "p-nguyen-thi-lan"]) submitSampleCase(db, "relocation", person);
    await deliver(() => refused400("no"));
    // Dead-lettered in the same millisecond, as a busy dispatcher does: the order still holds, page after page.
    db.update(outbox).set({ updatedAt: "2026-12-03T09:30:00.000Z" }).where(eq(outbox.status, "dead")).run();
    const all = listDeadLetterSummaries(db, { lang: "ja" });
    expect(all.length).toBeGreaterThan(20);
    const first = pageDeadLetters(db, { lang: "ja", page: null });
    const second = pageDeadLetters(db, { lang: "ja", page: "2" });
    expect(first.deadLetters).toMatchObject({ page: 1, total: all.length, from: 1, to: 20 });
    expect(second.deadLetters).toMatchObject({ page: 2, from: 21, to: Math.min(40, all.length) });
    const pages = Math.ceil(all.length / 20);
    const paged = Array.from({ length: pages }, (_, i) => pageDeadLetters(db, { lang: "ja", page: String(i + 1) }).deadLetters.items).flat();
    expect(paged.map((d) => d.outboxId)).toEqual(all.map((d) => d.outboxId));
    // Past the end is the last page; anything unreadable the first.
    expect(pageDeadLetters(db, { lang: "ja", page: "999" }).deadLetters.page).toBe(pages);
    expect(pageDeadLetters(db, { lang: "ja", page: "-1" }).deadLetters.page).toBe(1);
    // Counts per organisation, named in the page's language; one organisation's own pages.
    const post = all.filter((d) => d.agencyId === "japan-post");
    expect(first.organisations.find((o) => o.id === "japan-post")).toEqual({ id: "japan-post", name: "日本郵便", count: post.length });
    expect(first.organisations.reduce((sum, o) => sum + o.count, 0)).toBe(all.length);
    const ofPost = pageDeadLetters(db, { lang: "en", agencyId: "japan-post", page: null }).deadLetters;
    expect(ofPost).toMatchObject({ total: post.length, page: 1 });
    expect(ofPost.items.map((d) => d.outboxId)).toEqual(post.map((d) => d.outboxId));
    expect(pageDeadLetters(db, { lang: "en", agencyId: "no-such-org", page: null }).deadLetters).toMatchObject({ total: 0, items: [], from: 0 });
  });
});
