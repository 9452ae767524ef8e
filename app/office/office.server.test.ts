// The back office's rules without routes: "today" is Tokyo's, what counts as overdue, the deadline
// filters at their edges, and which typed text is refused as hostile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { submitSampleCase } from "../../tests/factories";
import { createTestDatabase } from "../../tests/setup/test-db";
import { acceptAsAgency, deliverAll, requestOf } from "../../tests/setup/office";
import { applyCaseEvent } from "../cases/cases.server";
import { resendCorrected } from "../cases/correction.server";
import { countOverdueInboxRequests, listInboxRequests } from "../../db/queries/office";
import { isHostileText } from "./decision-schemas";
import { addDays, inboxView, isOverdue, openStatuses, procedurePageView, readInboxFilters, todayInTokyo, type OfficerAuth } from "./office.server";

describe("dates", () => {
  it("takes today in Asia/Tokyo, not UTC", () => {
    expect(todayInTokyo(new Date("2026-04-03T14:59:59Z"))).toBe("2026-04-03");
    expect(todayInTokyo(new Date("2026-04-03T15:00:00Z"))).toBe("2026-04-04");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
  });

  it("marks overdue only a deadline before today on a procedure that is not final", () => {
    expect(isOverdue({ deadline: "2026-04-03", status: "delivered" }, "2026-04-04")).toBe(true);
    expect(isOverdue({ deadline: "2026-04-03", status: "informationRequested" }, "2026-04-04")).toBe(true);
    expect(isOverdue({ deadline: "2026-04-03", status: "delivered" }, "2026-04-03")).toBe(false);
    expect(isOverdue({ deadline: "2026-04-03", status: "accepted" }, "2026-04-04")).toBe(false);
    expect(isOverdue({ deadline: "2026-04-03", status: "rejected" }, "2026-04-04")).toBe(false);
    expect(isOverdue({ deadline: null, status: "delivered" }, "2026-04-04")).toBe(false);
  });
});

describe("inbox filters", () => {
  let db: Db;
  let close: () => void;
  beforeAll(async () => {
    ({ db, close } = createTestDatabase());
    const tanaka = submitSampleCase(db, "relocation", "p-tanaka-ichiro"); // move-in due 2026-04-03
    await deliverAll(db);
    acceptAsAgency(db, tanaka.case.id, "move-out-notification");
    await deliverAll(db);
  });
  afterAll(() => close());

  const view = (query: string, now: string) =>
    inboxView(db, { agencyId: "municipality-13104", filters: readInboxFilters(new URL(`http://x/office${query}`)), lang: "ja", now: new Date(now) });

  it("overdue from the first minute of the next day in Tokyo", () => {
    expect(view("?deadline=overdue", "2026-04-03T14:59:00Z").items).toHaveLength(0);
    const next = view("?deadline=overdue", "2026-04-03T15:01:00Z");
    expect(next.items).toHaveLength(1);
    expect(next.items[0].overdue).toBe(true);
    expect(next.overdueCount).toBe(1);
    // The default view (all open work) counts them from its own rows; the same number as the count's query.
    expect(view("", "2026-04-03T14:59:00Z").overdueCount).toBe(0);
    const all = view("", "2026-04-03T15:01:00Z");
    expect(all.items.map((item) => item.overdue)).toEqual([true]);
    expect(all.overdueCount).toBe(1);
    expect(all.overdueCount).toBe(countOverdueInboxRequests(db, { agencyId: "municipality-13104", today: "2026-04-04", openStatuses: [...openStatuses] }));
  });

  it("due within 7 or 30 days, today included", () => {
    expect(view("?deadline=within7", "2026-03-27T03:00:00Z").items).toHaveLength(1);
    expect(view("?deadline=within7", "2026-03-26T03:00:00Z").items).toHaveLength(0);
    expect(view("?deadline=within30", "2026-03-26T03:00:00Z").items).toHaveLength(1);
    expect(view("?deadline=within7", "2026-04-03T03:00:00Z").items[0]).not.toHaveProperty("overdue");
  });

  it("defaults to open work with any deadline, and ignores unknown values", () => {
    expect(readInboxFilters(new URL("http://x/office"))).toEqual({ status: "open", deadline: "any" });
    expect(readInboxFilters(new URL("http://x/office?status=drop%20table&deadline=soon"))).toEqual({ status: "open", deadline: "any" });
    expect(readInboxFilters(new URL("http://x/office?status=accepted&deadline=overdue"))).toEqual({ status: "accepted", deadline: "overdue" });
  });
});

describe("a procedure corrected and sent again", () => {
  it("says so in the inbox and on the procedure page, naming the corrected items in the page's language", async () => {
    const { db, close } = createTestDatabase();
    try {
      const tanaka = submitSampleCase(db, "relocation", "p-tanaka-ichiro");
      await deliverAll(db);
      const moveOut = requestOf(db, tanaka.case.id, "move-out-notification");
      const agencyId = moveOut.agencyId;
      const inbox = (lang: "ja" | "en") => inboxView(db, { agencyId, filters: { status: "open", deadline: "any" }, lang }).items.find((item) => item.id === moveOut.id);
      expect(inbox("ja")).not.toHaveProperty("corrected");
      // The list marks a request rejected before: only such a request is asked for its corrections.
      const rejectedBefore = () => listInboxRequests(db, { agencyId }).find((row) => row.id === moveOut.id)?.rejectedBefore;
      expect(rejectedBefore()).toBe(false);
      applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.rejected", reason: "identity-not-verified" }, actor: `agency:${agencyId}` });
      expect(rejectedBefore()).toBe(true);
      const form = new FormData();
      form.set("item.nameKana", "タナカ イチロー");
      form.set("item.birthDate", "1970-01-02");
      expect(resendCorrected(db, { procedureRequestId: moveOut.id, form, actor: "user:u-tanaka", lang: "ja" })).toMatchObject({ kind: "sent" });
      await deliverAll(db);
      expect(inbox("ja")?.corrected).toEqual(["氏名（フリガナ）", "生年月日"]);
      expect(inbox("en")?.corrected).toEqual(["Full name in katakana", "Date of birth"]);
      const auth = { user: { id: "u-officer", role: "officer", agencyId }, actingFor: null, subject: null, agencyId } as unknown as OfficerAuth;
      const page = procedurePageView(db, auth, moveOut.id, { lang: "en" });
      expect(page.correction).toMatchObject({ items: ["Full name in katakana", "Date of birth"] });
      expect(page.correction!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // Once decided, the inbox no longer marks it; the page still tells its history.
      applyCaseEvent(db, { procedureRequestId: moveOut.id, event: { type: "agency.accepted", reference: "R-1" }, actor: `agency:${agencyId}` });
      expect(inboxView(db, { agencyId, filters: { status: "all", deadline: "any" }, lang: "ja" }).items.find((item) => item.id === moveOut.id)).not.toHaveProperty("corrected");
    } finally {
      close();
    }
  });
});

describe("hostile text", () => {
  it.each([
    ["<script>alert(1)</script>", true],
    ["< img src=x>", true],
    ["</p>", true],
    ["<!-- x -->", true],
    ["a\u0000b", true],
    ["a\u001Bb", true],
    ["abc\u202Edef", true],
    ["abc\u2066def", true],
    ["5 < 6 and 7 > 3", false],
    ["年金証書の記号番号を\n教えてください。", false],
    ["Tab\tseparated", false],
  ])("%j → %s", (text, hostile) => {
    expect(isHostileText(text)).toBe(hostile);
  });
});
