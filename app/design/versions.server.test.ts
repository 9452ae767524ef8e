// The versions page counts journeys and cases on each structure version and compares any two, structure and wording.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.server";
import { createTestDatabase } from "../../tests/setup/test-db";
import { submitSampleCase } from "../../tests/factories";
import { seedBasicResidentRegister } from "../demo/registries/basic-resident-register.server";
import { getLifeEvent, getProcedure } from "../../flows";
import type { AuthContext } from "../identity/auth.server";
import { startOrResumeJourney } from "../journeys/journeys.server";
import { publishDraft, saveDraftTexts } from "./content.server";
import { versionsPageView } from "./versions.server";

let db: Db;
let close: () => void;
beforeAll(() => {
  ({ db, close } = createTestDatabase());
  seedBasicResidentRegister(db);
});
afterAll(() => close());

const relocation = getLifeEvent("relocation")!;
const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key)) as never;
const designer = { user: { id: "u-designer", role: "designer" }, actingFor: null, subject: null } as unknown as AuthContext;

describe("versionsPageView", () => {
  it("counts the journeys and cases on each version, and shows what version 2 added", () => {
    submitSampleCase(db, "relocation", "p-tanaka-ichiro", { version: 1 });
    submitSampleCase(db, "relocation", "p-ito-yuki");
    const journey = startOrResumeJourney(db, { subjectId: "p-sato-kenji", actorId: "u-sato-kenji", lifeEventId: "relocation" });
    db.$client.prepare("update journeys set flow_version = 1 where id = ?").run(journey.id);
    startOrResumeJourney(db, { subjectId: "p-suzuki-haruko", actorId: "u-suzuki-haruko", lifeEventId: "relocation" });

    const view = versionsPageView(db, relocation, new URL("http://madoguchi.test/design/life-events/relocation/versions"), "en", t);
    expect(view.query).toEqual({ from: 1, to: 2, textsFrom: 0, textsTo: 0 });
    expect(view.structure.map(({ version, journeysInProgress, cases, latest }) => ({ version, journeysInProgress, cases, latest }))).toEqual([
      { version: 1, journeysInProgress: 1, cases: 1, latest: false },
      { version: 2, journeysInProgress: 1, cases: 1, latest: true },
    ]);
    expect(view.diff.proceduresAdded).toEqual(["child-allowance-end", "number-plate-change", "automobile-tax-address-change"].map((id) => getProcedure(id)!.name.en));
    expect(view.diff.questionsAdded).toEqual([]);
    expect(view.textChanges).toEqual([]);
  });

  it("compares two versions of the wording", () => {
    const hint = "relocation:moveDate.hint";
    saveDraftTexts(db, designer, relocation, { group: "moveDate", texts: { [hint]: { ja: "新しいヒント", en: "A new hint" } } });
    expect(publishDraft(db, designer, relocation, { expectedVersion: 0 }).ok).toBe(true);
    const view = versionsPageView(db, relocation, new URL("http://madoguchi.test/x?from=2&to=2&textsFrom=0&textsTo=1"), "en", t);
    expect(view.query).toEqual({ from: 2, to: 2, textsFrom: 0, textsTo: 1 });
    expect(view.diff.proceduresAdded).toEqual([]);
    expect(view.textChanges.map((change) => [change.key, change.after])).toEqual([[hint, { ja: "新しいヒント", en: "A new hint" }]]);
    // An unknown version in the address falls back to the default comparison.
    expect(versionsPageView(db, relocation, new URL("http://madoguchi.test/x?from=9&textsTo=7"), "en", t).query).toEqual({ from: 1, to: 2, textsFrom: 0, textsTo: 1 });
  });
});
