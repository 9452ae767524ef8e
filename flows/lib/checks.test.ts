// checkLifeEvents finds each kind of problem on a deliberately broken life event, and none on the real ones.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { japanPost } from "../agencies";
import { checkLifeEvents, defineLifeEvent, defineProcedure, describeLifeEvents, questionsFor } from "../index";
import { moveOutNotification } from "../procedures";
import { locales } from "./test-helpers";

const q = questionsFor("broken");
const brokenLocales = {
  ja: { broken: { moveDate: { title: "引越しの日" }, errors: { required: "入力してください", invalidDate: "日付が正しくありません" }, yesNo: { yes: "はい", no: "いいえ" } } },
  en: { broken: { moveDate: { title: "Moving day" }, errors: { required: "Enter an answer" }, yesNo: { yes: "Yes", no: "No" } } },
};

const notice = (id: string, prerequisites: string[]) =>
  defineProcedure({
    id,
    name: { ja: "テスト", en: "Test" },
    handledBy: japanPost,
    legalBasis: { ja: "なし", en: "None" },
    deadline: null,
    dataItems: ["name", "moveDate"],
    rejectionReasons: [{ code: "x", text: { ja: "理由", en: "Reason" } }],
    prerequisites,
  });

const badBuilder = defineProcedure({
  id: "bad-builder",
  name: { ja: "壊れた組立て", en: "" },
  handledBy: japanPost,
  legalBasis: { ja: "なし", en: "None" },
  deadline: null,
  dataItems: ["moveDate"],
  payload: { schema: z.object({ moveDate: z.number() }).strict(), build: (data) => ({ moveDate: data.moveDate }) },
  rejectionReasons: [{ code: "x", text: { ja: "理由", en: "Reason" } }],
});

const broken = defineLifeEvent({
  id: "broken",
  version: 1,
  title: { ja: "壊れた手続", en: "Broken" },
  description: { ja: "", en: "Deliberately broken" },
  questions: [q.date("moveDate"), q.yesNo("hasPet"), q.text("petName")],
  askWhen: { petName: () => false },
  provides: { moveDate: ({ answers }) => answers.moveDate, name: ({ record }) => record["name.kanji"] },
  procedures: [
    { procedure: notice("first-notice", ["second-notice"]), when: () => true },
    { procedure: notice("second-notice", ["first-notice"]), when: () => true },
    { procedure: moveOutNotification, when: () => true },
    { procedure: badBuilder, when: () => true },
  ],
  samples: [{ id: "someone", description: "", record: { "name.kanji": "試験 太郎" }, answers: { moveDate: "2026-01-01", hasPet: false } }],
});

describe("checkLifeEvents", () => {
  const problems = checkLifeEvents({ locales: brokenLocales, lifeEvents: [broken] }).map((problem) => problem.message);
  const has = (pattern: RegExp) => expect(problems.some((message) => pattern.test(message)), pattern.source).toBe(true);

  it("finds an unreachable question", () => has(/question petName is unreachable/));
  it("finds a data item that nothing provides", () => has(/move-out-notification needs data item currentAddress, which no question or record attribute provides/));
  it("finds a missing translation, per language", () => {
    has(/question moveDate: no en translation for broken:errors\.invalidDate/);
    has(/question hasPet: no ja translation for broken:hasPet\.title/);
  });
  it("finds a missing text in a definition", () => {
    has(/^description has no ja text/);
    has(/procedure bad-builder: name has no en text/);
  });
  it("finds a procedure that cannot be routed", () => has(/procedure move-out-notification cannot be routed: Routing needs the data item currentAddress/));
  it("finds a cycle in prerequisites", () => has(/prerequisites form a cycle: (first-notice -> second-notice -> first-notice|second-notice -> first-notice -> second-notice)/));
  it("finds a payload schema that rejects its own builder's output", () => has(/procedure bad-builder: its payload schema rejects its builder's output at moveDate/));
  it("tags each problem with the life event and version", () => {
    expect(checkLifeEvents({ locales: brokenLocales, lifeEvents: [broken] }).every((problem) => problem.lifeEventId === "broken@1")).toBe(true);
  });

  it("finds nothing wrong with the published life events", () => {
    expect(checkLifeEvents({ locales })).toEqual([]);
  });

  it("notices a translation removed from a real locale file", () => {
    const withoutTitle = structuredClone(locales);
    delete (withoutTitle.en.relocation as { newAddress: { title?: string } }).newAddress.title;
    expect(checkLifeEvents({ locales: withoutTitle }).map((problem) => problem.message)).toContain(
      "question newAddress: no en translation for relocation:newAddress.title",
    );
  });
});

describe("describeLifeEvents", () => {
  it("lists each version's questions and procedures with the organisation and sector", () => {
    const { lifeEvents } = describeLifeEvents();
    const relocation = lifeEvents.find((lifeEvent) => lifeEvent.id === "relocation")!;
    expect(relocation.version).toBe(1);
    expect(relocation.questions).toBe(22);
    expect(relocation.procedures.find((procedure) => procedure.id === "move-in-notification")).toEqual({
      id: "move-in-notification",
      agency: "municipality:new-address",
      sector: "public",
      prerequisites: ["move-out-notification"],
      form: expect.objectContaining({ name: "住民異動届（転入届）", items: expect.arrayContaining([{ item: "転入をした年月日", dataItem: "moveDate", notNeededBecause: null }]) }),
    });
    expect(relocation.procedures.find((procedure) => procedure.id === "mail-forwarding")).toMatchObject({ agency: "japan-post", sector: "private" });
    const incorporation = lifeEvents.find((lifeEvent) => lifeEvent.id === "incorporation")!;
    expect(incorporation.procedures.find((procedure) => procedure.id === "social-insurance-enrolment")).toMatchObject({ agency: "japan-pension-service" });
  });
});
