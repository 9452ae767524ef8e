// The inbox's rows packed for the page come back as the same objects, whichever fields a row has.
import { describe, expect, it } from "vitest";
import { packInboxItems, unpackInboxItems, type InboxItem } from "./inbox-items";

const plain: InboxItem = { id: "r-1", procedureName: "転出届", caseReference: "MDG-2026-AAAA-BBBB", status: "delivered", receivedAt: "2026-12-03T00:00:00.000Z" };
const every: InboxItem = { ...plain, id: "r-2", deadline: "2026-03-01", overdue: true, answerReceived: true, corrected: ["氏名（フリガナ）", "生年月日"] };

describe("inbox rows for the page", () => {
  it("unpack to exactly the rows packed: no flag that was off, no deadline that was missing", () => {
    const items = [plain, every, { ...plain, id: "r-3", deadline: "2027-01-31" }, { ...plain, id: "r-4", corrected: [] }];
    const unpacked = unpackInboxItems(packInboxItems(items));
    expect(unpacked).toStrictEqual(items);
    expect(unpacked[0]).not.toHaveProperty("deadline");
    expect(unpacked[0]).not.toHaveProperty("overdue");
  });

  it("survive the loader data's trip through JSON, in order", () => {
    const items = [every, plain];
    expect(unpackInboxItems(JSON.parse(JSON.stringify(packInboxItems(items))))).toStrictEqual(items);
  });

  it("an empty inbox is an empty list", () => {
    expect(packInboxItems([])).toEqual([]);
    expect(unpackInboxItems([])).toEqual([]);
  });
});
