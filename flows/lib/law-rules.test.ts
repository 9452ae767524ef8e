// Rules that follow the law: deadlines counted as the statutes count them (worked examples), the check
// digits of the corporate number and the Individual Number, the company's type in its name, the move date
// inside the filing window of the procedures it selects, the postal route for a move-out without a My
// Number Card, and no residence card number for Japanese nationals.
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import { createJourneyMachine, getLifeEvent, getProcedure, selectProcedures, type JourneyContext } from "../index";
import { corporateCheckDigit, isValidCorporateNumber, isValidIndividualNumber, withCorporateCheckDigit } from "./check-digits";
import { deadlineFor } from "./procedure";
import { endOfMonthsPeriod, firstBusinessYearEnd } from "./dates";
import { demoRecords, relocationSamples } from "../relocation/samples";
import { incorporationSamples } from "../incorporation/samples";
import { carOwnershipSamples } from "../car-ownership/samples";

const deadline = (procedureId: string, data: Record<string, unknown>) => deadlineFor(getProcedure(procedureId)!.deadline, data);
const company = (foundingDate: string, fiscalYearEndMonth: number) => ({
  foundingDate,
  fiscalYearEndMonth,
  firstBusinessYearEnd: firstBusinessYearEnd(foundingDate, fiscalYearEndMonth),
});

describe("periods, counted as the Civil Code counts them", () => {
  it("a period of months ends the day before the corresponding day, or at the end of a month without one (民法第143条)", () => {
    expect(endOfMonthsPeriod("2026-04-01", 3)).toBe("2026-06-30");
    expect(endOfMonthsPeriod("2026-11-30", 3)).toBe("2027-02-28");
    expect(endOfMonthsPeriod("2027-11-30", 3)).toBe("2028-02-29");
    expect(endOfMonthsPeriod("2026-01-31", 1)).toBe("2026-02-28");
    expect(endOfMonthsPeriod("2026-04-02", 1)).toBe("2026-05-01");
  });

  it("the first business year ends at the first end of its month on or after the founding date", () => {
    expect(firstBusinessYearEnd("2026-04-01", 3)).toBe("2027-03-31");
    expect(firstBusinessYearEnd("2026-02-10", 3)).toBe("2026-03-31");
    expect(firstBusinessYearEnd("2026-12-01", 2)).toBe("2027-02-28");
    expect(firstBusinessYearEnd("2027-12-01", 2)).toBe("2028-02-29");
    expect(firstBusinessYearEnd("2026-03-31", 3)).toBe("2026-03-31");
  });
});

describe("deadlines, worked examples", () => {
  it("blue-return approval: the day before three months have passed since incorporation (founded 1 April → 30 June)", () => {
    expect(deadline("blue-return-approval", company("2026-04-01", 3))).toBe("2026-06-30");
    expect(deadline("blue-return-approval", company("2026-06-01", 12))).toBe("2026-08-31");
    // No 30 February: the three months end on the last day of February.
    expect(deadline("blue-return-approval", company("2026-11-30", 9))).toBe("2027-02-28");
  });

  it("blue-return approval: the day before the end of a short first business year, when that comes first", () => {
    // Founded 10 February, year ends in March: the first year ends 31 March, before 10 May.
    expect(deadline("blue-return-approval", company("2026-02-10", 3))).toBe("2026-03-30");
    // Founded 15 March, year ends in March: 31 March comes first.
    expect(deadline("blue-return-approval", company("2026-03-15", 3))).toBe("2026-03-30");
  });

  it("blue-return approval: a business year ending in February, in a common and a leap year", () => {
    expect(deadline("blue-return-approval", company("2026-12-01", 2))).toBe("2027-02-27");
    expect(deadline("blue-return-approval", company("2027-12-01", 2))).toBe("2028-02-28");
    // Founded in early February with the year ending in February: three months come first? No — the year ends first.
    expect(deadline("blue-return-approval", company("2028-02-01", 2))).toBe("2028-02-28");
    // Founded in late February of a common year, year ends in February: the first year is a few days.
    expect(deadline("blue-return-approval", company("2027-02-20", 2))).toBe("2027-02-27");
  });

  it("notification of incorporation: within two months on or after the founding date (法人税法第148条)", () => {
    expect(deadline("corporation-establishment-notification", { foundingDate: "2026-04-01" })).toBe("2026-05-31");
    expect(deadline("corporation-establishment-notification", { foundingDate: "2026-12-31" })).toBe("2027-02-28");
  });

  it("salary payment office: within one month from opening, the first day not counted (所得税法第230条)", () => {
    expect(deadline("salary-payment-office", { foundingDate: "2026-04-01" })).toBe("2026-05-01");
    expect(deadline("salary-payment-office", { foundingDate: "2026-01-31" })).toBe("2026-02-28");
  });

  it("move-in: within 14 days of the move, the first day not counted (住民基本台帳法第22条)", () => {
    expect(deadline("move-in-notification", { moveDate: "2026-04-01" })).toBe("2026-04-15");
    expect(deadline("change-of-address-notification", { moveDate: "2026-12-25" })).toBe("2027-01-08");
  });

  it("mail forwarding has no legal deadline", () => {
    expect(getProcedure("mail-forwarding")!.deadline).toBeNull();
    const sample = relocationSamples.find((candidate) => candidate.id === "p-tanaka-ichiro")!;
    const selected = selectProcedures({ lifeEvent: getLifeEvent("relocation")!, answers: sample.answers, record: sample.record });
    expect(selected.find((procedure) => procedure.procedureId === "mail-forwarding")!.deadline).toBeNull();
  });

  it("the company sample's blue-return deadline is 30 June for a company founded on 1 April", () => {
    const sample = incorporationSamples.find((candidate) => candidate.id === "c-yamada-shoten")!;
    const selected = selectProcedures({ lifeEvent: getLifeEvent("incorporation")!, answers: { ...sample.answers, blueReturn: true }, record: sample.record });
    expect(selected.find((procedure) => procedure.procedureId === "blue-return-approval")!.deadline).toBe("2026-06-30");
  });
});

describe("check digits", () => {
  it("accepts real corporate numbers and refuses one with a wrong check digit", () => {
    expect(isValidCorporateNumber("7000012050002")).toBe(true); // 国税庁
    expect(isValidCorporateNumber("1180301018771")).toBe(true);
    expect(isValidCorporateNumber("8000012050002")).toBe(false);
    expect(isValidCorporateNumber("1010001234567")).toBe(false);
    expect(isValidCorporateNumber("700001205000")).toBe(false);
    expect(isValidCorporateNumber("700001205000a")).toBe(false);
    expect(corporateCheckDigit("000012050002")).toBe(7);
    expect(isValidCorporateNumber(withCorporateCheckDigit("010001234567"))).toBe(true);
  });

  it("accepts a valid Individual Number and refuses a wrong check digit", () => {
    expect(isValidIndividualNumber("123456789018")).toBe(true);
    expect(isValidIndividualNumber("123456789019")).toBe(false);
    expect(isValidIndividualNumber("12345678901")).toBe(false);
    // A remainder of 0 or 1 gives check digit 0.
    expect(isValidIndividualNumber("000000000000")).toBe(true);
  });

  it("a payload whose corporate number has a wrong check digit does not pass its schema", () => {
    const schema = getProcedure("corporate-bank-account")!.payloadSchema;
    const sample = incorporationSamples[0];
    const selected = selectProcedures({ lifeEvent: getLifeEvent("incorporation")!, answers: sample.answers, record: sample.record });
    const bank = selected.find((procedure) => procedure.procedureId === "corporate-bank-account")!;
    expect(schema.safeParse({ ...(bank.payload as object), corporateNumber: "4010001234567" }).success).toBe(true);
    expect(schema.safeParse({ ...(bank.payload as object), corporateNumber: "1010001234567" }).success).toBe(false);
  });
});

function journey(lifeEventId: string, record = {}) {
  const actor = createActor(createJourneyMachine(getLifeEvent(lifeEventId)!), { input: { record } }).start();
  const context = () => actor.getSnapshot().context as JourneyContext;
  return { actor, context, state: () => actor.getSnapshot().value as string };
}

describe("the company's type in its name (会社法第6条)", () => {
  it("refuses a godo kaisha named 株式会社…, and accepts 合同会社…", () => {
    const { actor, context, state } = journey("incorporation");
    actor.send({ type: "answer.submitted", questionId: "companyType", value: "godo" });
    actor.send({ type: "answer.submitted", questionId: "companyName", value: "株式会社ナカムラデザイン" });
    expect(state()).toBe("companyName");
    expect(context().errors!.issues).toEqual([{ path: "", message: "incorporation:companyName.errors.companyType", params: { word: "合同会社" } }]);
    actor.send({ type: "answer.submitted", questionId: "companyName", value: "合同会社株式会社研究所" });
    expect(state()).toBe("companyName");
    actor.send({ type: "answer.submitted", questionId: "companyName", value: "合同会社ナカムラデザイン" });
    expect(state()).toBe("companyNameKana");
  });

  it("refuses a kabushiki kaisha without 株式会社 in its name", () => {
    const { actor, state } = journey("incorporation");
    actor.send({ type: "answer.submitted", questionId: "companyType", value: "kabushiki" });
    actor.send({ type: "answer.submitted", questionId: "companyName", value: "山田商店" });
    expect(state()).toBe("companyName");
    actor.send({ type: "answer.submitted", questionId: "companyName", value: "山田商店株式会社" });
    expect(state()).toBe("companyNameKana");
  });
});

describe("the move date inside the filing window of the selected procedures", () => {
  const tanaka = relocationSamples.find((candidate) => candidate.id === "p-tanaka-ichiro")!;
  const today = "2026-03-01";

  function answeredUpToCheck(moveDate: string) {
    const { actor, context, state } = journey("relocation", tanaka.record);
    actor.send({ type: "answer.submitted", questionId: "moveDate", value: moveDate, today });
    return { actor, context, state };
  }

  it("refuses, when the answers are confirmed, a move to another municipality more than 30 days ahead (online move-out) and says the window", () => {
    const resumed = createActor(createJourneyMachine(getLifeEvent("relocation")!), {
      input: { record: tanaka.record, answers: { ...tanaka.answers, moveDate: "2026-04-15" } },
    }).start();
    expect(resumed.getSnapshot().value).toBe("checkingAnswers");
    resumed.send({ type: "answers.confirmed", today });
    expect(resumed.getSnapshot().value).toBe("moveDate");
    expect((resumed.getSnapshot().context as JourneyContext).errors!.issues).toEqual([
      {
        path: "",
        message: "relocation:errors.dateWindow.between",
        params: { procedure: "move-out-notification", earliest: "2026-02-19", latest: "2026-03-31" },
      },
    ]);
    resumed.send({ type: "answer.submitted", questionId: "moveDate", value: "2026-03-31", today });
    expect(resumed.getSnapshot().value).toBe("checkingAnswers");
    resumed.send({ type: "answers.confirmed", today });
    expect(resumed.getSnapshot().value).toBe("confirmed");
  });

  it("refuses a move more than 14 days ago once the addresses are known: the move-in notification's 14 days have passed", () => {
    const resumed = createActor(createJourneyMachine(getLifeEvent("relocation")!), {
      input: { record: tanaka.record, answers: { ...tanaka.answers, hasMyNumberCard: false, moveDate: "2026-02-10" } },
    }).start();
    resumed.send({ type: "answers.confirmed", today });
    const issues = (resumed.getSnapshot().context as JourneyContext).errors!.issues;
    // By post or at the counter only the move-in bounds it: a move-out has no later limit by law.
    expect(issues[0]).toEqual({
      path: "",
      message: "relocation:errors.dateWindow.between",
      params: { procedure: "move-in-notification", earliest: "2026-02-15", latest: "2026-03-31" },
    });
  });

  it("checks the date when it is answered if the answers already select procedures with a window", () => {
    const { actor, state } = answeredUpToCheck("2026-03-20");
    expect(state()).toBe("currentAddress");
    const resumed = createActor(createJourneyMachine(getLifeEvent("relocation")!), {
      input: { record: tanaka.record, answers: tanaka.answers },
    }).start();
    resumed.send({ type: "change.requested", questionId: "moveDate" });
    resumed.send({ type: "answer.submitted", questionId: "moveDate", value: "2026-05-01", today });
    expect(resumed.getSnapshot().value).toBe("moveDate");
    resumed.send({ type: "answer.submitted", questionId: "moveDate", value: "2026-03-10", today });
    expect(resumed.getSnapshot().value).toBe("checkingAnswers");
    actor.stop();
  });

  it("without a My Number Card the online move-out window does not apply; the move-in's 14 days still do", () => {
    const confirmed = (hasMyNumberCard: boolean) => {
      const resumed = createActor(createJourneyMachine(getLifeEvent("relocation")!), {
        input: { record: tanaka.record, answers: { ...tanaka.answers, hasMyNumberCard, moveDate: "2026-02-17" } },
      }).start();
      resumed.send({ type: "answers.confirmed", today });
      return resumed.getSnapshot().value === "confirmed";
    };
    // 12 days ago: past the online move-out's 10 days, inside the move-in's 14.
    expect(confirmed(true)).toBe(false);
    expect(confirmed(false)).toBe(true);
  });

  it("refuses a move years away or years ago as soon as it is given, before the addresses, and says the window", () => {
    for (const moveDate of ["2019-04-01", "2031-04-01"]) {
      const { actor, state, context } = answeredUpToCheck(moveDate);
      expect(state()).toBe("moveDate");
      expect(context().errors!.issues).toEqual([
        { path: "", message: "relocation:errors.dateWindow.between", params: { procedure: "move-in-notification", earliest: "2026-02-15", latest: "2026-03-31" } },
      ]);
      actor.stop();
    }
    const { actor, state } = answeredUpToCheck("2026-03-31");
    expect(state()).toBe("currentAddress");
    actor.stop();
  });

  it("refuses 2019 and 2031 on every path: a move within the municipality, and one without a My Number Card", () => {
    const within = { ...tanaka.answers, newAddress: { ...tanaka.answers.newAddress as object, municipalityCode: (tanaka.answers.currentAddress as { municipalityCode: string }).municipalityCode } };
    for (const answers of [within, { ...tanaka.answers, hasMyNumberCard: false }]) {
      for (const moveDate of ["2019-04-01", "2031-04-01"]) {
        const resumed = createActor(createJourneyMachine(getLifeEvent("relocation")!), { input: { record: tanaka.record, answers: { ...answers, moveDate } } }).start();
        resumed.send({ type: "answers.confirmed", today });
        expect(resumed.getSnapshot().value).toBe("moveDate");
        expect((resumed.getSnapshot().context as JourneyContext).errors!.issues[0].message).toBe("relocation:errors.dateWindow.between");
      }
    }
  });
});

describe("the car's acquisition date inside the filing window of the selected procedures", () => {
  // Filed on 1 March 2026. Worked by hand: 15 days "from the day of the change" (道路運送車両法第13条・第67条) do not
  // count that day (民法第140条), so a car acquired on 14 February is due on 1 March, and one acquired on 13 February
  // was due on 28 February; a parking certificate serves a registration within about a month, so the car is acquired
  // by 31 March (today + 30).
  const today = "2026-03-01";
  const sample = (id: string) => carOwnershipSamples.find((candidate) => candidate.id === id)!;

  function confirmedWith(id: string, acquisitionDate: string) {
    const { record, answers } = sample(id);
    const actor = createActor(createJourneyMachine(getLifeEvent("car-ownership")!), { input: { record, answers: { ...answers, acquisitionDate } } }).start();
    expect(actor.getSnapshot().value).toBe("checkingAnswers");
    actor.send({ type: "answers.confirmed", today });
    const snapshot = actor.getSnapshot();
    actor.stop();
    return { state: snapshot.value as string, issues: (snapshot.context as JourneyContext).errors?.issues ?? [] };
  }

  it("a used standard car (高橋さん): from 15 days ago, when the change of owner is still in time, to 30 days ahead", () => {
    expect(deadline("vehicle-transfer-registration", { acquisitionDate: "2026-02-14" })).toBe(today);
    expect(confirmedWith("p-takahashi-ken", "2026-02-14").state).toBe("confirmed");
    expect(confirmedWith("p-takahashi-ken", "2026-03-31").state).toBe("confirmed");
    expect(confirmedWith("p-takahashi-ken", "2026-02-13")).toEqual({
      state: "acquisitionDate",
      issues: [{ path: "", message: "car-ownership:errors.dateWindow.between", params: { procedure: "vehicle-transfer-registration", earliest: "2026-02-14", latest: "2026-03-31" } }],
    });
    expect(confirmedWith("p-takahashi-ken", "2026-04-01")).toEqual({
      state: "acquisitionDate",
      issues: [{ path: "", message: "car-ownership:errors.dateWindow.between", params: { procedure: "parking-certificate-purchase", earliest: "2026-02-14", latest: "2026-03-31" } }],
    });
  });

  it("a new standard car (田中さん): up to 30 days ahead, for the parking certificate; the new registration has no period after it", () => {
    expect(confirmedWith("p-tanaka-ichiro", "2026-03-31").state).toBe("confirmed");
    expect(confirmedWith("p-tanaka-ichiro", "2026-02-01").state).toBe("confirmed");
    expect(confirmedWith("p-tanaka-ichiro", "2026-04-01")).toEqual({
      state: "acquisitionDate",
      issues: [{ path: "", message: "car-ownership:errors.dateWindow.onOrBefore", params: { procedure: "parking-certificate-purchase", latest: "2026-03-31" } }],
    });
  });

  it("a new kei car (伊藤さん): no period after its acquisition, its data sent ahead from 30 days before", () => {
    expect(deadline("kei-vehicle-new-inspection", { acquisitionDate: "2026-02-01" })).toBeNull();
    expect(confirmedWith("p-ito-yuki", "2026-02-01").state).toBe("confirmed");
    expect(confirmedWith("p-ito-yuki", "2026-03-31").state).toBe("confirmed");
    expect(confirmedWith("p-ito-yuki", "2026-04-01").issues).toEqual([
      { path: "", message: "car-ownership:errors.dateWindow.onOrBefore", params: { procedure: "kei-vehicle-new-inspection", latest: "2026-03-31" } },
    ]);
  });

  it("a used kei car (鈴木さん): its change of owner recorded within 15 days of its acquisition (第67条), sent ahead from 30 days before", () => {
    expect(deadline("kei-vehicle-owner-change", { acquisitionDate: "2026-02-14" })).toBe(today);
    expect(confirmedWith("p-suzuki-haruko", "2026-02-14").state).toBe("confirmed");
    expect(confirmedWith("p-suzuki-haruko", "2026-03-31").state).toBe("confirmed");
    for (const acquisitionDate of ["2026-02-13", "2026-04-01"]) {
      expect(confirmedWith("p-suzuki-haruko", acquisitionDate).issues).toEqual([
        { path: "", message: "car-ownership:errors.dateWindow.between", params: { procedure: "kei-vehicle-owner-change", earliest: "2026-02-14", latest: "2026-03-31" } },
      ]);
    }
  });

  it("refuses a date outside the window as soon as it is given, and says which rule", () => {
    const { actor, context, state } = journey("car-ownership", sample("p-takahashi-ken").record);
    actor.send({ type: "answer.submitted", questionId: "vehicleKind", value: "ordinary" });
    actor.send({ type: "answer.submitted", questionId: "condition", value: "used" });
    actor.send({ type: "answer.submitted", questionId: "registrationNumber", value: "品川 300 あ 56-78" });
    actor.send({ type: "answer.submitted", questionId: "acquisitionDate", value: "2019-04-01", today });
    expect(state()).toBe("acquisitionDate");
    expect(context().errors!.issues[0].params).toEqual({ procedure: "vehicle-transfer-registration", earliest: "2026-02-14", latest: "2026-03-31" });
    expect(getProcedure("vehicle-transfer-registration")!.filingWindow!.text.en).toContain("within 15 days");
    actor.send({ type: "answer.submitted", questionId: "acquisitionDate", value: "2026-03-10", today });
    expect(state()).toBe("vehicle");
    actor.stop();
  });
});

describe("the move-out notification without a My Number Card", () => {
  it("goes by post or at the counter, prefilled, with the data sent ahead (Takahashi has no card)", () => {
    const takahashi = relocationSamples.find((candidate) => candidate.id === "p-takahashi-ken")!;
    const selected = selectProcedures({ lifeEvent: getLifeEvent("relocation")!, answers: takahashi.answers, record: takahashi.record });
    const moveOut = selected.find((procedure) => procedure.procedureId === "move-out-notification")!;
    expect(moveOut.offline).toBe(true);
    expect(getProcedure("move-out-notification")!.offlineNote!.en).toMatch(/post/);
    const tanaka = relocationSamples.find((candidate) => candidate.id === "p-tanaka-ichiro")!;
    const online = selectProcedures({ lifeEvent: getLifeEvent("relocation")!, answers: tanaka.answers, record: tanaka.record });
    expect(online.find((procedure) => procedure.procedureId === "move-out-notification")!.offline).toBe(false);
  });
});

describe("the residence card number", () => {
  const relocation = getLifeEvent("relocation")!;

  it("is never listed or sent for a Japanese national, even if an answer is present", () => {
    const tanaka = relocationSamples.find((candidate) => candidate.id === "p-tanaka-ichiro")!;
    const selected = selectProcedures({ lifeEvent: relocation, answers: { ...tanaka.answers, residenceCardNumber: "AB12345678CD" }, record: demoRecords["p-tanaka-ichiro"] });
    for (const procedure of selected) {
      expect(procedure.dataItems).not.toContain("residenceCardNumber");
      expect(procedure.payload).not.toHaveProperty("residenceCardNumber");
    }
  });

  it("is listed and sent to the new municipality for a foreign resident", () => {
    const nguyen = relocationSamples.find((candidate) => candidate.id === "p-nguyen-thi-lan")!;
    const selected = selectProcedures({ lifeEvent: relocation, answers: nguyen.answers, record: nguyen.record });
    const moveIn = selected.find((procedure) => procedure.procedureId === "move-in-notification")!;
    expect(moveIn.dataItems).toContain("residenceCardNumber");
    expect(moveIn.payload).toMatchObject({ residenceCardNumber: "AB12345678CD" });
  });
});
