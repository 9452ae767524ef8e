// Composing a person with the form: the fields a sample's record fills, a household member and a car added,
// answers taken from the registers, and an error per field for what does not read; the result is the same
// sample + JSON changes a saved scenario keeps, and simulating it selects what the person needs. Address answers,
// list answers, dogs, phone and e-mail composed with the form simulate exactly as the same person written as JSON.
import path from "node:path";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { getLifeEvent, type Address, type LifeEvent, type Sample } from "../../flows";
import { simulate } from "../../flows/design/simulate";
import { personaForm, personaValues, readPersonaForm } from "./persona.server";
import { composePerson, simulationView, type SimulationInput } from "./simulation.server";
import { readLocales } from "./flows-check.server";

const relocation = getLifeEvent("relocation")!;
const i18n = i18next.createInstance();
await i18n.init({ resources: readLocales(path.join(process.cwd(), "public", "locales")) as never, lng: "ja", fallbackLng: "ja", defaultNS: "common", interpolation: { escapeValue: false } });
const nguyen = relocation.samples.find((sample) => sample.id === "p-nguyen-thi-lan")!;

/** The form as the page draws it for NGUYEN さん, with some fields changed, as the browser sends it (a GET). */
function submitted(changes: Record<string, string>): URLSearchParams {
  return new URLSearchParams({ compose: "1", sample: nguyen.id, ...personaValues(relocation, nguyen), answers: "", record: "", ...changes });
}

describe("composing a person", () => {
  it("fills the form from the simulated registers, and a form sent unchanged is the sample itself", () => {
    const values = personaValues(relocation, nguyen);
    expect(values).toMatchObject({ nationality: "VN", residenceStatus: "技術・人文知識・国際業務", "address.postalCode": "1690075", "address.municipality": "新宿区" });
    // No identity number is offered (the residence card number is the sample's own).
    expect(Object.keys(values)).not.toContain("residenceCardNumber");
    expect(readPersonaForm(relocation, submitted({}))).toEqual({ ok: true, input: { sampleId: nguyen.id, recordText: null, answersText: null } });
  });

  it("adds a child and a car to the household field by field, and answers from what the registers then prefill", () => {
    const result = readPersonaForm(
      relocation,
      submitted({
        "household.0.name": "NGUYEN VAN AN",
        "household.0.nameKana": "グエン ヴァン アン",
        "household.0.birthDate": "2021-04-10",
        "household.0.relationship": "child",
        "vehicles.0.registrationNumber": "品川 300 あ 12-34",
        "vehicles.0.kind": "ordinary",
        periodOfStayUntil: "2029-03-31",
        "answer.movingMembers": "=record",
        "answer.ownsVehicle": "=record",
        "answer.vehicles": "=record",
        "answer.pension": "=category2",
        answers: JSON.stringify({ parkingAddress: nguyen.answers.newAddress, parkingSpace: [{ right: "rented", lengthCm: 500, widthCm: 250 }] }),
      }),
    );
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(JSON.parse(result.input.recordText!)).toEqual({
      household: [{ name: "NGUYEN VAN AN", nameKana: "グエン ヴァン アン", birthDate: "2021-04-10", relationship: "child" }],
      vehicles: [{ registrationNumber: "品川 300 あ 12-34", kind: "ordinary" }],
      periodOfStayUntil: "2029-03-31",
    });
    const answers = JSON.parse(result.input.answersText!) as Record<string, unknown>;
    expect(answers).toMatchObject({ movingMembers: [{ name: "NGUYEN VAN AN", relationship: "child" }], ownsVehicle: true, pension: "category2" });

    const person = composePerson(relocation, result.input);
    const run = simulate(relocation, person);
    expect(run.unanswered).toBeNull();
    const selected = run.procedures.filter((procedure) => procedure.selected).map((procedure) => procedure.procedureId);
    expect(selected).toEqual(expect.arrayContaining(["child-allowance-claim", "parking-certificate", "vehicle-registration-change"]));
  });

  it("removes what a field empties: a change to null leaves the attribute out of the person", () => {
    const result = readPersonaForm(relocation, submitted({ nationality: "", residenceStatus: "", periodOfStayUntil: "" }));
    expect(result?.ok && JSON.parse(result.input.recordText!)).toEqual({ nationality: null, residenceStatus: null, periodOfStayUntil: null });
    if (!result?.ok) return;
    const { record } = composePerson(relocation, result.input);
    expect(Object.keys(record)).not.toContain("nationality");
  });

  it("gives an error per field that does not read, and keeps what was typed", () => {
    const result = readPersonaForm(
      relocation,
      submitted({
        birthDate: "1990-02-30",
        nationality: "Viet Nam",
        "address.postalCode": "169",
        "address.town": "",
        "household.0.birthDate": "2021-04-10",
        "vehicles.0.registrationNumber": "品川 300 あ 12-34",
        "answer.pension": "=category9",
        record: "[1]",
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        birthDate: "design:persona.errors.date",
        nationality: "design:persona.errors.country",
        "address.postalCode": "design:persona.errors.postalCode",
        "address.town": "design:persona.errors.required",
        "household.0.name": "design:persona.errors.memberName",
        "household.0.relationship": "design:persona.errors.relationship",
        "vehicles.0.kind": "design:persona.errors.vehicleKind",
        "answer.pension": "design:persona.errors.choice",
        record: "design:scenarios.errors.notAnObject",
      },
      values: { nationality: "Viet Nam", "address.postalCode": "169" },
    });
    expect(readPersonaForm(relocation, new URLSearchParams({ compose: "1", sample: "nobody" }))).toBeNull();
  });
});

/** The form as the page draws it for a sample, with some fields changed, as the browser sends it. */
function formFor(lifeEvent: LifeEvent, sample: Sample, changes: Record<string, string>): URLSearchParams {
  return new URLSearchParams({ compose: "1", sample: sample.id, ...personaValues(lifeEvent, sample), answers: "", record: "", ...changes });
}

/** An address answer as the fields of the form, by the question's id. */
const addressFields = (questionId: string, address: Address): Record<string, string> =>
  Object.fromEntries(Object.entries({ building: "", ...address }).map(([part, value]) => [`answer.${questionId}.${part}`, value]));

/** The person composed with the form, and the same person written as JSON (the advanced fields), simulated side by side. */
function bothWays(lifeEvent: LifeEvent, sample: Sample, fields: Record<string, string>, json: { record: Record<string, unknown>; answers: Record<string, unknown> }) {
  const composed = readPersonaForm(lifeEvent, formFor(lifeEvent, sample, fields));
  if (!composed?.ok) throw new Error(`the form does not read: ${JSON.stringify(composed)}`);
  const written: SimulationInput = { sampleId: sample.id, recordText: JSON.stringify(json.record), answersText: JSON.stringify(json.answers) };
  return { composed: composePerson(lifeEvent, composed.input), written: composePerson(lifeEvent, written), form: simulate(lifeEvent, composePerson(lifeEvent, composed.input)), asJson: simulate(lifeEvent, composePerson(lifeEvent, written)) };
}

const payloadOf = (run: ReturnType<typeof simulate>, procedureId: string) => run.procedures.find((procedure) => procedure.procedureId === procedureId && procedure.selected)?.payload as Record<string, unknown> | undefined;

describe("address answers, list answers, dogs, phone and e-mail in the form", () => {
  it("relocation: a new address, a parking place elsewhere, a second dog, and a new phone and e-mail simulate as the same person in JSON", () => {
    const takahashi = relocation.samples.find((sample) => sample.id === "p-takahashi-ken")!;
    const newAddress: Address = { postalCode: "8100001", prefecture: "福岡県", municipalityCode: "40133", municipality: "福岡市中央区", town: "天神", street: "一丁目8番1号", building: "天神ハイツ702" };
    const parkingAddress: Address = { postalCode: "8100001", prefecture: "福岡県", municipalityCode: "40133", municipality: "福岡市中央区", town: "天神", street: "一丁目9番2号" };
    const dogs = [...takahashi.record.dogs!, { name: "モモ", breed: "柴犬", registrationNumber: "札幌市第2024-0042号" }];
    const { composed, written, form, asJson } = bothWays(
      relocation,
      takahashi,
      {
        ...addressFields("newAddress", { ...newAddress, postalCode: "810-0001" }),
        ...addressFields("parkingAddress", parkingAddress),
        "dogs.1.name": "モモ",
        "dogs.1.breed": "柴犬",
        "dogs.1.registrationNumber": "札幌市第2024-0042号",
        phone: "090-1111-2222",
        email: "ken.t@example.jp",
        "answer.dogs": "=record",
        "answer.phone": "=record",
      },
      { record: { dogs, phone: "09011112222", email: "ken.t@example.jp" }, answers: { newAddress, parkingAddress, dogs, phone: "09011112222" } },
    );
    expect(composed).toEqual(written);
    expect(form).toEqual(asJson);
    expect(form.unanswered).toBeNull();
    // The changes reach the organisations: the dogs to the new municipality, the parking place to the police.
    expect(payloadOf(form, "dog-registration-change")).toMatchObject({ dogs, newAddress });
    expect(payloadOf(form, "parking-certificate")).toMatchObject({ parkingAddress });
    expect(JSON.stringify(form.procedures.map((procedure) => procedure.payload))).toContain("ken.t@example.jp");
  });

  it("car ownership: a parking place away from home and a new phone simulate as the same person in JSON", () => {
    const carOwnership = getLifeEvent("car-ownership")!;
    const tanaka = carOwnership.samples.find((sample) => sample.id === "p-tanaka-ichiro")!;
    const parkingAddress: Address = { postalCode: "1010051", prefecture: "東京都", municipalityCode: "13101", municipality: "千代田区", town: "神田神保町", street: "二丁目5番1号", building: "神保町パーキング" };
    const { composed, written, form, asJson } = bothWays(
      carOwnership,
      tanaka,
      { ...addressFields("parkingAddress", parkingAddress), phone: "0355550000" },
      { record: { phone: "0355550000" }, answers: { parkingAddress } },
    );
    expect(composed).toEqual(written);
    expect(form).toEqual(asJson);
    expect(form.unanswered).toBeNull();
    const certificate = form.procedures.find((procedure) => procedure.selected && JSON.stringify(procedure.payload).includes("神保町パーキング"));
    expect(certificate?.payload).toMatchObject({ parkingAddress, phone: "0355550000" });
  });

  it("incorporation: business purposes one a line and a head office elsewhere simulate as the same company in JSON", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    const headOffice: Address = { postalCode: "1010047", prefecture: "東京都", municipalityCode: "13101", municipality: "千代田区", town: "内神田", street: "一丁目2番3号" };
    const purposes = ["食料品及び日用品の販売", "飲食店の経営", "前各号に附帯する一切の業務"];
    const { composed, written, form, asJson } = bothWays(
      incorporation,
      yamada,
      { ...addressFields("headOffice", headOffice), "answer.businessPurposes.items": ` ${purposes[0]}\r\n\n${purposes[1]}\n${purposes[2]}\n`, email: "info@yamada.example.jp" },
      { record: { email: "info@yamada.example.jp" }, answers: { headOffice, businessPurposes: purposes.map((purpose) => ({ purpose })) } },
    );
    expect(composed).toEqual(written);
    expect(form).toEqual(asJson);
    expect(form.unanswered).toBeNull();
    expect(JSON.stringify(form.procedures.map((procedure) => procedure.payload))).toContain("飲食店の経営");
    // The page reads the purposes back as the list the company wrote (the payload carries them as texts).
    const composedInput = readPersonaForm(incorporation, formFor(incorporation, yamada, { "answer.businessPurposes.items": purposes.join("\n") }));
    if (!composedInput?.ok) throw new Error("the purposes do not read");
    const view = simulationView(incorporation, composedInput.input, "ja", i18n.getFixedT("ja"));
    const shown = view.selected.flatMap((procedure) => procedure.payload).filter((entry) => entry.key === "businessPurposes");
    expect(shown.length).toBeGreaterThan(0);
    for (const entry of shown) expect(entry.value).toEqual(purposes.map((purpose) => ({ purpose })));
  });

  it("shows the answers in their fields, and a form sent unchanged is still the sample", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    expect(personaValues(incorporation, yamada)).toMatchObject({
      "answer.businessPurposes.items": "食料品及び日用品の販売\n前号に附帯する一切の業務",
      "answer.headOffice.postalCode": (yamada.answers.headOffice as Address).postalCode,
      phone: "0332910000",
      email: "taro.yamada@example.jp",
    });
    for (const [lifeEvent, sample] of [[incorporation, yamada], [relocation, relocation.samples.find((candidate) => candidate.id === "p-takahashi-ken")!]] as const)
      expect(readPersonaForm(lifeEvent, formFor(lifeEvent, sample, {}))).toEqual({ ok: true, input: { sampleId: sample.id, recordText: null, answersText: null } });
  });

  it("keeps an answer whose fields are emptied, and leaves a question unanswered when the list above says so", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    // Emptied fields keep the answer (as the sample, or the JSON, gives it); "leave unanswered" removes it.
    const emptied = { "answer.businessPurposes.items": " \n ", ...addressFields("headOffice", { postalCode: "", prefecture: "", municipalityCode: "", municipality: "", town: "", street: "" }) };
    expect(readPersonaForm(incorporation, formFor(incorporation, yamada, emptied))).toEqual({ ok: true, input: { sampleId: yamada.id, recordText: null, answersText: null } });
    const result = readPersonaForm(incorporation, formFor(incorporation, yamada, { ...emptied, "answer.headOffice": "=unanswered", "answer.businessPurposes": "=unanswered" }));
    expect(result?.ok && JSON.parse(result.input.answersText!)).toEqual({ headOffice: null, businessPurposes: null });
    expect(result?.ok && simulate(incorporation, composePerson(incorporation, result.input)).unanswered).toBe("headOffice");
  });

  it("gives an error per field, in both languages, for an address answer, a list, a dog, a phone and an e-mail that do not read", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    const tooMany = Array.from({ length: 21 }, (_, index) => `事業${index + 1}`).join("\n");
    const company = readPersonaForm(
      incorporation,
      formFor(incorporation, yamada, { "answer.headOffice.postalCode": "10100", "answer.headOffice.town": "", "answer.businessPurposes.items": `販売\n${"あ".repeat(201)}`, phone: "12345", email: "taro@" }),
    );
    expect(company).toMatchObject({
      ok: false,
      errors: {
        "answer.headOffice.postalCode": "design:persona.errors.postalCode",
        "answer.headOffice.town": "design:persona.errors.required",
        "answer.businessPurposes.items": "design:persona.errors.listItem?max=200",
        phone: "design:persona.errors.phone",
        email: "design:persona.errors.email",
      },
      values: { "answer.businessPurposes.items": `販売\n${"あ".repeat(201)}`, phone: "12345" },
    });
    const long = readPersonaForm(incorporation, formFor(incorporation, yamada, { "answer.businessPurposes.items": tooMany, "answer.headOffice.street": "一".repeat(101) }));
    expect(long).toMatchObject({ ok: false, errors: { "answer.businessPurposes.items": "design:persona.errors.listMax?max=20", "answer.headOffice.street": "design:persona.errors.text?max=100" } });

    const takahashi = relocation.samples.find((sample) => sample.id === "p-takahashi-ken")!;
    const person = readPersonaForm(relocation, formFor(relocation, takahashi, { "dogs.1.name": "モモ", "dogs.0.breed": "" }));
    expect(person).toMatchObject({ ok: false, errors: { "dogs.1.breed": "design:persona.errors.dogParts.breed", "dogs.1.registrationNumber": "design:persona.errors.dogParts.registrationNumber", "dogs.0.breed": "design:persona.errors.dogParts.breed" } });

    // The messages as the page shows them, with the numbers they name.
    if (company?.ok !== false || long?.ok !== false) return;
    for (const lng of ["ja", "en"] as const) {
      const t = i18n.getFixedT(lng);
      const fields = personaForm(incorporation, long.values, long.errors, t, lng).flatMap((group) => group.inputs);
      const list = fields.find((field) => field.name === "answer.businessPurposes.items")!;
      expect(list.error).toBe(lng === "ja" ? "20行以内で入力してください" : "Enter at most 20 lines");
      expect(list.rows).toBeGreaterThan(1);
      expect(fields.find((field) => field.name === "answer.headOffice.street")!.error).toContain("100");
      const shown = personaForm(incorporation, company.values, company.errors, t, lng).flatMap((group) => group.inputs);
      for (const name of Object.keys(company.errors)) expect(shown.find((field) => field.name === name)?.error, name).toMatch(/\S/);
      expect(shown.find((field) => field.name === "email")!.error).not.toContain("design:");
    }
  });

  it("texts, dates, numbers and multiple choices written in the form simulate as the same person in JSON, and read as the journey reads them", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    const company = bothWays(
      incorporation,
      yamada,
      { "answer.capital.value": "5,000,000", "answer.foundingDate.value": "2026-05-01", "answer.companyName.value": "株式会社山田食品" },
      { record: {}, answers: { capital: 5_000_000, foundingDate: "2026-05-01", companyName: "株式会社山田食品" } },
    );
    expect(company.composed).toEqual(company.written);
    expect(company.form).toEqual(company.asJson);
    expect(company.form.unanswered).toBeNull();
    expect(JSON.stringify(company.form.procedures.map((procedure) => procedure.payload))).toContain("株式会社山田食品");

    // Services ticked one box each (the browser sends one parameter a box); the hidden field says the boxes were shown.
    const takahashi = relocation.samples.find((sample) => sample.id === "p-takahashi-ken")!;
    const form = formFor(relocation, takahashi, { "answer.moveDate.value": "2026-03-20" });
    form.delete("answer.services.chosen");
    for (const service of ["water", "bank"]) form.append("answer.services.chosen", service);
    const composed = readPersonaForm(relocation, form);
    if (!composed?.ok) throw new Error(JSON.stringify(composed));
    expect(JSON.parse(composed.input.answersText!)).toEqual({ moveDate: "2026-03-20", services: ["water", "bank"] });
    const written: SimulationInput = { sampleId: takahashi.id, recordText: null, answersText: JSON.stringify({ moveDate: "2026-03-20", services: ["water", "bank"] }) };
    expect(simulate(relocation, composePerson(relocation, composed.input))).toEqual(simulate(relocation, composePerson(relocation, written)));
    // No box ticked is an answer too (no services), not a field left out.
    const none = formFor(relocation, takahashi, {});
    none.delete("answer.services.chosen");
    const nothing = readPersonaForm(relocation, none);
    expect(nothing?.ok && JSON.parse(nothing.input.answersText!)).toEqual({ services: [] });
    // Identity numbers are neither shown nor written.
    expect(Object.keys(personaValues(relocation, takahashi))).not.toContain("answer.licenceNumber.value");
  });

  it("gives the journey's own message for a written answer that does not read, in both languages", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    const result = readPersonaForm(incorporation, formFor(incorporation, yamada, { "answer.capital.value": "たくさん", "answer.foundingDate.value": "2026-02-30" }));
    expect(result?.ok).toBe(false);
    if (result?.ok !== false) return;
    expect(result.errors).toEqual({ "answer.capital.value": expect.stringMatching(/^incorporation:errors\.number\?/), "answer.foundingDate.value": "design:persona.errors.date" });
    for (const lng of ["ja", "en"] as const) {
      const fields = personaForm(incorporation, result.values, result.errors, i18n.getFixedT(lng), lng).flatMap((group) => group.inputs);
      for (const name of Object.keys(result.errors)) {
        const error = fields.find((field) => field.name === name)?.error ?? "";
        expect(error, name).toMatch(/\S/);
        expect(error, name).not.toMatch(/incorporation:|errors\.|\?/);
      }
      expect(fields.find((field) => field.name === "answer.capital.value")?.value).toBe("たくさん");
    }
  });
});

describe("answers of several fields in the form, a row an item", () => {
  it("relocation: who moves and the parking space as rows simulate as the same person in JSON", () => {
    const takahashi = relocation.samples.find((sample) => sample.id === "p-takahashi-ken")!;
    const child = { name: "高橋 陽菜", nameKana: "タカハシ ヒナ", birthDate: "2016-07-21", relationship: "child" };
    const parkingSpace = [{ right: "own", lengthCm: 550, widthCm: 280 }];
    const values = personaValues(relocation, takahashi);
    // The sample's parking space is in its row, and the question's max (one) leaves no spare row.
    expect(values).toMatchObject({ "answer.parkingSpace.0.right": "rented", "answer.parkingSpace.0.lengthCm": "500" });
    const groups = personaForm(relocation, values, {}, i18n.getFixedT("ja"), "ja").map((group) => group.id);
    expect(groups).toEqual(expect.arrayContaining(["persona-group-answer-parkingSpace-0", "persona-group-answer-movingMembers-0"]));
    expect(groups).not.toContain("persona-group-answer-parkingSpace-1");
    // The vehicles and dogs asked about are the record's own rows, not offered twice.
    expect(groups.some((id) => id.startsWith("persona-group-answer-vehicles") || id.startsWith("persona-group-answer-dogs"))).toBe(false);
    const { composed, written, form, asJson } = bothWays(
      relocation,
      takahashi,
      {
        "answer.movingMembers.0.name": child.name,
        "answer.movingMembers.0.nameKana": child.nameKana,
        "answer.movingMembers.0.birthDate": child.birthDate,
        "answer.movingMembers.0.relationship": child.relationship,
        "answer.parkingSpace.0.right": "own",
        "answer.parkingSpace.0.lengthCm": "５５０",
        "answer.parkingSpace.0.widthCm": "280",
        // A child who moves is asked about their school.
        "answer.currentSchool.value": "札幌市立円山小学校",
      },
      { record: {}, answers: { movingMembers: [child], parkingSpace, currentSchool: "札幌市立円山小学校" } },
    );
    expect(composed).toEqual(written);
    expect(form).toEqual(asJson);
    expect(form.unanswered).toBeNull();
    expect(payloadOf(form, "parking-certificate")).toMatchObject({ parkingSpace: parkingSpace[0] });
    // The page reads the parking space back as the answer it comes from (the payload carries the one item alone).
    const composedInput = readPersonaForm(relocation, formFor(relocation, takahashi, { "answer.parkingSpace.0.widthCm": "280" }));
    if (!composedInput?.ok) throw new Error("the parking space does not read");
    const view = simulationView(relocation, composedInput.input, "en", i18n.getFixedT("en"));
    const shown = view.selected.flatMap((procedure) => procedure.payload).filter((entry) => entry.key === "parkingSpace");
    expect(shown.length).toBeGreaterThan(0);
    for (const entry of shown) expect(entry.value).toEqual([{ right: "rented", lengthCm: 500, widthCm: 280 }]);
    expect(JSON.stringify(form.procedures.map((procedure) => procedure.payload))).toContain("高橋 陽菜");
  });

  it("car ownership: the car's details and the parking space as rows simulate as the same person in JSON", () => {
    const carOwnership = getLifeEvent("car-ownership")!;
    const tanaka = carOwnership.samples.find((sample) => sample.id === "p-tanaka-ichiro")!;
    const vehicle = [{ make: "スバル", model: "5AA-GUE", chassisNumber: "GUE-0012345", lengthCm: 464, widthCm: 180, heightCm: 150 }];
    const parkingSpace = [{ right: "own", lengthCm: 520, widthCm: 260 }];
    const rows = (questionId: string, item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).map(([field, value]) => [`answer.${questionId}.0.${field}`, String(value)]));
    const { composed, written, form, asJson } = bothWays(carOwnership, tanaka, { ...rows("vehicle", vehicle[0]), ...rows("parkingSpace", parkingSpace[0]) }, { record: {}, answers: { vehicle, parkingSpace } });
    expect(composed).toEqual(written);
    expect(form).toEqual(asJson);
    expect(form.unanswered).toBeNull();
    const payloads = JSON.stringify(form.procedures.filter((procedure) => procedure.selected).map((procedure) => procedure.payload));
    expect(payloads).toContain("GUE-0012345");
    expect(payloads).toContain('"lengthCm":520');
  });

  it("incorporation: an employee changed and one added as rows simulate as the same company in JSON; an emptied row drops the item", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    const before = yamada.answers.employees as Record<string, unknown>[];
    const added = { name: "森 さくら", nameKana: "モリ サクラ", gender: "female", birthDate: "1998-09-09", monthlyWage: 250_000, weeklyHours: 30, employmentType: "partTime", occupation: "clerical" };
    // The sample's two employees fill rows 0 and 1; row 2 is the spare one.
    expect(personaForm(incorporation, personaValues(incorporation, yamada), {}, i18n.getFixedT("en"), "en").map((group) => group.id)).toContain("persona-group-answer-employees-2");
    const fields = {
      "answer.employees.0.monthlyWage": "330,000",
      ...Object.fromEntries(Object.entries(added).map(([field, value]) => [`answer.employees.2.${field}`, String(value)])),
    };
    const employees = [{ ...before[0], monthlyWage: 330_000 }, before[1], added];
    const { composed, written, form, asJson } = bothWays(incorporation, yamada, fields, { record: {}, answers: { employees } });
    expect(composed).toEqual(written);
    expect(form).toEqual(asJson);
    expect(form.unanswered).toBeNull();
    expect(JSON.stringify(form.procedures.filter((procedure) => procedure.selected).map((procedure) => procedure.payload))).toContain("森 さくら");
    // A row emptied in every field is no employee; a form with every row empty keeps the answer.
    const emptyRow = (index: number) => Object.fromEntries(Object.keys(added).map((field) => [`answer.employees.${index}.${field}`, ""]));
    const fewer = readPersonaForm(incorporation, formFor(incorporation, yamada, emptyRow(1)));
    expect(fewer?.ok && JSON.parse(fewer.input.answersText!)).toEqual({ employees: [before[0]] });
    expect(readPersonaForm(incorporation, formFor(incorporation, yamada, { ...emptyRow(0), ...emptyRow(1) }))).toEqual({ ok: true, input: { sampleId: yamada.id, recordText: null, answersText: null } });
  });

  it("gives each field of a half-filled row the question's own message, in both languages, and keeps what was typed", () => {
    const incorporation = getLifeEvent("incorporation")!;
    const yamada = incorporation.samples.find((sample) => sample.id === "c-yamada-shoten")!;
    const result = readPersonaForm(
      incorporation,
      formFor(incorporation, yamada, { "answer.employees.2.name": "森 さくら", "answer.employees.2.nameKana": "もり", "answer.employees.2.birthDate": "1998-02-30", "answer.employees.0.weeklyHours": "80" }),
    );
    expect(result?.ok).toBe(false);
    if (result?.ok !== false) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      [
        "answer.employees.0.weeklyHours",
        "answer.employees.2.nameKana",
        "answer.employees.2.gender",
        "answer.employees.2.birthDate",
        "answer.employees.2.monthlyWage",
        "answer.employees.2.weeklyHours",
        "answer.employees.2.employmentType",
        "answer.employees.2.occupation",
      ].sort(),
    );
    expect(result.errors["answer.employees.2.birthDate"]).toBe("design:persona.errors.date");
    expect(result.errors["answer.employees.0.weeklyHours"]).toMatch(/^incorporation:/);
    for (const lng of ["ja", "en"] as const) {
      const inputs = personaForm(incorporation, result.values, result.errors, i18n.getFixedT(lng), lng).flatMap((group) => group.inputs);
      for (const name of Object.keys(result.errors)) {
        const error = inputs.find((input) => input.name === name)?.error ?? "";
        expect(error, `${lng} ${name}`).toMatch(/\S/);
        expect(error, `${lng} ${name}`).not.toMatch(/incorporation:|design:|errors\.|\?|\{\{/);
      }
      expect(inputs.find((input) => input.name === "answer.employees.2.name")?.value).toBe("森 さくら");
      expect(inputs.find((input) => input.name === "answer.employees.0.weeklyHours")?.error).toContain("60");
    }
  });
});
