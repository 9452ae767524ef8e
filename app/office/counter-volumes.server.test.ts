// Counter volumes entered one month at a time or imported as CSV: all lines or none, for one's own organisation.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/test-db";
import { formData as form } from "../../tests/factories";
import { listCounterVolumes } from "../../db/queries/evaluation-entries";
import { countableProcedures, enterCounterVolume, importCounterVolumes } from "./counter-volumes.server";

const { db, close } = createTestDatabase();
afterAll(close);

const stored = (agencyId: string) => listCounterVolumes(db, { fromMonth: "2000-01", toMonth: "2999-12", agencyIds: [agencyId] });

describe("counter volumes", () => {
  it("offers a municipality the procedures routed to municipalities, not the pension office's", () => {
    const ids = countableProcedures(db, "municipality-13104", "ja").map((p) => p.id);
    expect(ids).toContain("move-in-notification");
    expect(ids).not.toContain("pension-recipient-address-change");
  });

  it("stores one month from the form, a later entry replacing it, and refuses a future month or a bad count", () => {
    expect(enterCounterVolume(db, { agencyId: "municipality-13104", actor: "u-o", form: form({ procedure: "move-in-notification", month: "2025-10", count: "12" }) })).toEqual({ kind: "saved", count: 1 });
    enterCounterVolume(db, { agencyId: "municipality-13104", actor: "u-o", form: form({ procedure: "move-in-notification", month: "2025-10", count: "15" }) });
    expect(stored("municipality-13104")).toEqual([{ agencyId: "municipality-13104", procedureId: "move-in-notification", month: "2025-10", count: 15 }]);
    const refused = enterCounterVolume(db, { agencyId: "municipality-13104", actor: "u-o", form: form({ procedure: "pension-recipient-address-change", month: "2999-01", count: "-1" }) });
    expect(refused.kind).toBe("invalid");
    if (refused.kind === "invalid") expect(refused.result.error).toMatchObject({ procedure: ["counter.errors.procedure"], month: ["counter.errors.futureMonth"], count: ["counter.errors.count"] });
  });

  it("imports a CSV naming procedures in Japanese, English or by id", () => {
    const csv = "procedure,month,count\n転入届,2025-11,30\nMove-out notification,2025-11,20\nmove-in-notification,2025-12,25\n";
    expect(importCounterVolumes(db, { agencyId: "municipality-13113", actor: "u-o", csv })).toEqual({ kind: "saved", count: 3 });
    expect(stored("municipality-13113").map((row) => [row.procedureId, row.month, row.count])).toEqual(
      expect.arrayContaining([
        ["move-in-notification", "2025-11", 30],
        ["move-out-notification", "2025-11", 20],
        ["move-in-notification", "2025-12", 25],
      ]),
    );
  });

  it("imports nothing when one line is wrong, and says which", () => {
    const csv = "procedure,month,count\n転入届,2026-01,30\n年金の住所変更,2026-01,1\n転入届,2026-13,x\n転入届,2026-01,2\n";
    const outcome = importCounterVolumes(db, { agencyId: "municipality-13101", actor: "u-o", csv });
    expect(outcome.kind).toBe("importRefused");
    if (outcome.kind === "importRefused") {
      expect(outcome.problems).toEqual([
        { line: 3, message: "counter.errors.procedure" },
        { line: 4, message: "counter.errors.month" },
        { line: 4, message: "counter.errors.count" },
        { line: 5, message: "counter.errors.duplicate" },
      ]);
    }
    expect(stored("municipality-13101")).toEqual([]);
    expect(importCounterVolumes(db, { agencyId: "municipality-13101", actor: "u-o", csv: "a,b\n1,2\n" })).toMatchObject({ kind: "importRefused", problems: [{ line: 1, message: "counter.errors.header" }] });
  });
});
