// The incorporation journey and its rules: model-based walks of every path, and who receives what.
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { createCaseMachine, createJourneyMachine, getLifeEvent, procedureStatuses, selectProcedures, completePayload, getProcedure } from "../index";
import { exploreJourneys } from "../lib/checks";
import { walkJourney } from "../lib/test-helpers";
import { demoCompanyRecords, incorporationSamples } from "./samples";

const incorporation = getLifeEvent("incorporation")!;
const machine = createJourneyMachine(incorporation);
const yamada = incorporationSamples[0];
const godo = incorporationSamples[1];

describe("incorporation journey, model-based", () => {
  const walk = walkJourney(incorporation, machine, demoCompanyRecords["c-yamada-shoten"]);

  it("reaches every question, check answers and confirmed", () => {
    for (const question of incorporation.questions) expect(walk.reachedStates, question.id).toContain(question.id);
    expect(walk.reachedStates).toContain("checkingAnswers");
    expect(walk.reachedStates).toContain("confirmed");
  });

  it("ends every path of answers in 'confirmed', and a real actor agrees", () => {
    expect(walk.deadEnds.every((state) => state === "confirmed")).toBe(true);
    expect(walk.completePaths.length).toBe(exploreJourneys(incorporation, demoCompanyRecords["c-yamada-shoten"]).paths);
    for (const path of walk.completePaths) {
      const actor = createActor(machine, { input: { record: demoCompanyRecords["c-yamada-shoten"] } }).start();
      for (const step of path.steps) actor.send(step.event);
      expect(actor.getSnapshot().value).toBe("confirmed");
    }
  });

  it("prefills the company from its record: confirming it enters nothing", () => {
    const actor = createActor(machine, { input: { record: demoCompanyRecords["c-yamada-shoten"] } }).start();
    actor.send({ type: "answer.submitted", questionId: "companyType", value: "kabushiki" });
    actor.send({ type: "answer.submitted", questionId: "companyName", value: "株式会社山田商店" });
    expect(actor.getSnapshot().context.entered).toEqual(["companyType"]);
  });
});

describe("incorporation: who receives what", () => {
  const selected = selectProcedures({ lifeEvent: incorporation, answers: yamada.answers, record: yamada.record });
  const find = (id: string) => selected.find((procedure) => procedure.procedureId === id)!;

  it("Yamada Shoten, a kabushiki kaisha in Chiyoda, gets twelve procedures, but no municipal notification (23 wards)", () => {
    expect(selected.map((procedure) => procedure.procedureId)).toEqual([
      "articles-certification",
      "company-registration",
      "corporation-establishment-notification",
      "blue-return-approval",
      "salary-payment-office",
      "prefectural-establishment-notification",
      "social-insurance-enrolment",
      "labour-insurance-establishment",
      "labour-insurance-premium-declaration",
      "employment-insurance-office",
      "employment-insurance-enrolment",
      "corporate-bank-account",
    ]);
  });

  it("declares the first premium with the labour insurance number and enrols each employee with Hello Work's workplace number", () => {
    const premium = find("labour-insurance-premium-declaration");
    // 「保険関係が成立した日から50日以内」: the first employee starts on 1 May, so by 20 June.
    expect(premium).toMatchObject({ agencyId: "labour-standards-chuo", prerequisites: ["labour-insurance-establishment"], deadline: "2026-06-20" });
    expect(premium.payload).toMatchObject({ labourInsuranceNumber: null, expectedAnnualWages: 7_200_000, employeeCount: 2 });
    const enrolment = find("employment-insurance-enrolment");
    // 「翌月10日まで」: hired in May, due on 10 June.
    expect(enrolment).toMatchObject({ agencyId: "hello-work-iidabashi", prerequisites: ["employment-insurance-office"], deadline: "2026-06-10" });
    expect(enrolment.payload).toMatchObject({ employmentInsuranceOfficeNumber: null, employees: yamada.answers.employees });
    expect(enrolment.payload).not.toHaveProperty("individualNumber");
    // The numbers come from the procedures they wait for, shaped as the real ones.
    expect(completePayload({ procedure: getProcedure("labour-insurance-premium-declaration")!, payload: premium.payload, references: { "labour-insurance-establishment": "13101123456000" } })).toMatchObject({ labourInsuranceNumber: "13101123456000" });
    expect(completePayload({ procedure: getProcedure("employment-insurance-enrolment")!, payload: enrolment.payload, references: { "employment-insurance-office": "13011234561" } })).toMatchObject({ employmentInsuranceOfficeNumber: "13011234561" });
    // The workplace registration carries the labour insurance number, as its form asks.
    expect(getProcedure("employment-insurance-office")!.fromPrerequisite).toMatchObject({ labourInsuranceNumber: "labour-insurance-establishment" });
  });

  it("routes to the offices of the head office", () => {
    expect(find("articles-certification").agencyId).toBe("notary-13");
    expect(find("company-registration").agencyId).toBe("legal-affairs-13");
    expect(find("corporation-establishment-notification").agencyId).toBe("tax-office-kojimachi");
    expect(find("prefectural-establishment-notification").agencyId).toBe("prefectural-tax-13");
    expect(find("social-insurance-enrolment").agencyId).toBe("japan-pension-service");
    expect(find("labour-insurance-establishment").agencyId).toBe("labour-standards-chuo");
    expect(find("employment-insurance-office").agencyId).toBe("hello-work-iidabashi");
    expect(find("corporate-bank-account").agencyId).toBe("mufg-bank");
  });

  it("orders the work: registration after the articles, tax and insurance after registration, employment after labour insurance", () => {
    expect(find("company-registration").prerequisites).toEqual(["articles-certification"]);
    for (const id of ["corporation-establishment-notification", "blue-return-approval", "salary-payment-office", "prefectural-establishment-notification", "social-insurance-enrolment", "labour-insurance-establishment", "corporate-bank-account"]) {
      expect(find(id).prerequisites, id).toEqual(["company-registration"]);
    }
    expect(find("employment-insurance-office").prerequisites).toEqual(["labour-insurance-establishment"]);
    expect(find("labour-insurance-premium-declaration").prerequisites).toEqual(["labour-insurance-establishment"]);
    expect(find("employment-insurance-enrolment").prerequisites).toEqual(["employment-insurance-office"]);
  });

  it("leaves the corporate number empty until the registration is accepted, then fills it", () => {
    expect(find("corporation-establishment-notification").payload).toMatchObject({ corporateNumber: null });
    const completed = completePayload({
      procedure: getProcedure("corporation-establishment-notification")!,
      payload: find("corporation-establishment-notification").payload,
      references: { "company-registration": "4010001234567" },
    });
    expect(completed).toMatchObject({ corporateNumber: "4010001234567", companyName: "株式会社山田商店" });
  });

  it("a godo kaisha in Osaka without staff: no articles, a municipal notification, no labour insurance, no account", () => {
    const ids = selectProcedures({ lifeEvent: incorporation, answers: godo.answers, record: godo.record }).map((procedure) => procedure.procedureId);
    expect(ids).not.toContain("articles-certification");
    expect(ids).toContain("municipal-establishment-notification");
    expect(ids).not.toContain("labour-insurance-establishment");
    expect(ids).not.toContain("employment-insurance-office");
    expect(ids).not.toContain("employment-insurance-enrolment");
    expect(ids).not.toContain("labour-insurance-premium-declaration");
    expect(ids).not.toContain("corporate-bank-account");
    expect(ids).not.toContain("blue-return-approval");
  });

  it("runs the case in order: nothing but the articles moves until they are accepted", () => {
    const caseMachine = createCaseMachine(incorporation);
    const actor = createActor(caseMachine, {
      input: { caseId: "C-INC-1", selected: selected.map(({ procedureId, prerequisites }) => ({ procedureId, prerequisites })), maxAttempts: 3 },
    }).start();
    const settle = (procedureId: string) => {
      actor.send({ type: "delivery.started", procedureId });
      actor.send({ type: "delivery.succeeded", procedureId });
      actor.send({ type: "agency.accepted", procedureId, reference: procedureId === "company-registration" ? "4010001234567" : undefined });
    };
    expect(procedureStatuses(actor.getSnapshot())["company-registration"]).toBe("waiting");
    settle("articles-certification");
    expect(procedureStatuses(actor.getSnapshot())["company-registration"]).toBe("queued");
    expect(procedureStatuses(actor.getSnapshot())["corporation-establishment-notification"]).toBe("waiting");
    settle("company-registration");
    const statuses = procedureStatuses(actor.getSnapshot());
    expect(statuses["corporation-establishment-notification"]).toBe("queued");
    expect(statuses["labour-insurance-establishment"]).toBe("queued");
    expect(statuses["employment-insurance-office"]).toBe("waiting");
    expect(statuses["municipal-establishment-notification"]).toBe("notSelected");
  });

  it("meets the catalogue's size: 9+ procedures, 4+ with prerequisites", () => {
    expect(incorporation.procedures.length).toBeGreaterThanOrEqual(9);
    expect(incorporation.procedures.filter((id) => getProcedure(id)!.prerequisites.length > 0).length).toBeGreaterThanOrEqual(4);
  });
});
