import { describe, expect, it } from "vitest";
import { relocation } from "../relocation/definition";
import { ruleInputs, traceRule } from "./rules";

const ruleFor = (procedureId: string) => relocation.rules.find((rule) => rule.procedure.id === procedureId)!.when;
const sample = (id: string) => relocation.samples.find((candidate) => candidate.id === id)!;

describe("tracing a rule", () => {
  it("notes the answers and record attributes a rule reads, and its value", () => {
    const nguyen = sample("p-nguyen-thi-lan");
    const asked = traceRule(relocation.askWhen.residenceCardNumber!, { answers: nguyen.answers, record: nguyen.record });
    expect(asked).toEqual({ value: true, reads: { answers: [], record: ["nationality"] } });

    const nhi = traceRule(ruleFor("nhi-enrolment"), { answers: { healthInsurance: "employee" }, record: {} });
    expect(nhi.value).toBe(false);
    expect(nhi.reads.answers).toEqual(["healthInsurance"]);
  });

  it("gathers what a rule reads over several contexts, including branches it takes only sometimes", () => {
    const rule = ruleFor("nhi-enrolment");
    const inputs = ruleInputs(rule, [
      { answers: { healthInsurance: "employee" }, record: {} },
      { answers: { healthInsurance: "nhi", currentAddress: { municipalityCode: "13104" }, newAddress: { municipalityCode: "14104" } }, record: {} },
    ]);
    expect(inputs.answers).toEqual(["healthInsurance", "currentAddress", "newAddress"]);
  });
});
