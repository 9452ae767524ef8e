// "Who used my data": a person sees every read and send of their own data, with the organisation's
// name, the purpose and the time; a parent acting for a child sees the child's, and that is recorded.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "../../db/queries/audit";
import { auditEntries } from "../../db/schema";
import { browserRequest, run, signedInBrowser, useSeededDatabase } from "../../tests/setup/auth";
import * as dataUse from "./account_.data-use";

let db: Awaited<ReturnType<typeof useSeededDatabase>>["db"];
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededDatabase()));
afterAll(() => close());
const args = (request: Request) => ({ request, params: {}, context: {} });
type Rows = { rows: { who: string | null; whoKind: string; action: string; purpose: string | null }[] };

describe("who used my data", () => {
  it("lists the reads and sends of the person's own data, and nobody else's", async () => {
    appendAuditEntry(db, { actor: "u-officer-shinjuku", action: "record.read", subjectType: "procedure-request", subjectId: "pr-1", dataSubjectId: "p-tanaka-ichiro", agencyId: "municipality-13104", purpose: "procedure" });
    appendAuditEntry(db, { actor: "system:dispatcher", action: "procedure.sent", subjectType: "procedure-request", subjectId: "pr-2", dataSubjectId: "p-tanaka-ichiro", agencyId: "japan-pension-service", purpose: "procedure" });
    appendAuditEntry(db, { actor: "u-officer-yokohama", action: "record.read", subjectType: "procedure-request", subjectId: "pr-3", dataSubjectId: "p-suzuki-haruko", agencyId: "municipality-14100", purpose: "procedure" });
    const tanaka = await signedInBrowser(db, "tanaka");
    const result = await run(() => dataUse.loader(args(browserRequest("/account/data-use", { as: tanaka }))));
    const { rows } = result.data as Rows;
    expect(rows.map((r) => [r.whoKind, r.action])).toEqual([
      ["agency", "procedure.sent"],
      ["agency", "record.read"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("municipality-14100");
  });

  it("a parent acting for a child sees the child's log, and the child's log records that reading", async () => {
    const kenji = await signedInBrowser(db, "sato.kenji", { actingFor: "p-sato-daichi" });
    await run(() => dataUse.loader(args(browserRequest("/account/data-use", { as: kenji }))));
    const entry = db.select().from(auditEntries).where(eq(auditEntries.dataSubjectId, "p-sato-daichi")).all().at(-1)!;
    expect(entry).toMatchObject({ actor: "u-sato-kenji", onBehalfOf: "p-sato-daichi", action: "record.read", purpose: "data-use-log" });
    const again = await run(() => dataUse.loader(args(browserRequest("/account/data-use", { as: kenji }))));
    expect((again.data as Rows).rows[0]).toMatchObject({ who: "佐藤 健二", whoKind: "person", action: "record.read" });
  });
});
