// Composing a person for the simulation with a form instead of JSON: the record attributes a life event's samples
// hold in the simulated registers (who they are, residence, address, household, vehicles, cover, company), set field
// by field, and an answer per question (keep it, take what the record prefills, or a yes/no or option). The form is
// a GET, so it works without JavaScript; the composed person becomes the same sample + JSON changes a saved scenario
// keeps, so a run is still a link. Synthetic people only: identity numbers are neither shown nor composed.
import type { TFunction } from "i18next";
import {
  isIdentityNumberQuestion,
  isRealDate,
  prefillValue,
  relationships,
  vehicleKinds,
  type Answers,
  type LifeEvent,
  type Question,
  type RecordValues,
} from "../../flows";
import { isHostileText } from "~/platform/hostile-text";
import { personaFieldId, type PersonaGroup, type PersonaInput } from "./persona-fields";
import type { SimulationInput } from "./simulation.server";

export { personaFieldId };

type Kind = "text" | "date" | "country" | "choice" | "yesNo" | "address";

/** The scalar and address attributes the form sets, in reading order, with the values a choice may take. */
const attributes: { key: keyof RecordValues; kind: Kind; options?: readonly string[]; group: "person" | "cover" | "company" }[] = [
  { key: "name.kanji", kind: "text", group: "person" },
  { key: "name.kana", kind: "text", group: "person" },
  { key: "birthDate", kind: "date", group: "person" },
  { key: "gender", kind: "choice", options: ["female", "male", "other"], group: "person" },
  { key: "nationality", kind: "country", group: "person" },
  {
    key: "residenceStatus",
    kind: "choice",
    options: ["永住者", "特別永住者", "定住者", "日本人の配偶者等", "永住者の配偶者等", "留学", "家族滞在", "技術・人文知識・国際業務", "特定技能", "技能実習", "高度専門職", "経営・管理"],
    group: "person",
  },
  { key: "periodOfStayUntil", kind: "date", group: "person" },
  { key: "address", kind: "address", group: "person" },
  { key: "myNumberCard", kind: "yesNo", group: "cover" },
  { key: "healthInsurance", kind: "choice", options: ["nhi", "employee", "other"], group: "cover" },
  { key: "pension", kind: "choice", options: ["category1", "category2", "category3", "none"], group: "cover" },
  { key: "receivesPension", kind: "yesNo", group: "cover" },
  { key: "childAllowance", kind: "yesNo", group: "cover" },
  { key: "longTermCareInsured", kind: "yesNo", group: "cover" },
  { key: "company.name", kind: "text", group: "company" },
  { key: "company.nameKana", kind: "text", group: "company" },
  { key: "company.headOffice", kind: "address", group: "company" },
];

const addressParts = ["postalCode", "prefecture", "municipalityCode", "municipality", "town", "street", "building"] as const;
const memberParts = ["name", "nameKana", "birthDate", "relationship"] as const;
const vehicleParts = ["registrationNumber", "kind"] as const;
const maxTextLength = 200;
/** Empty rows offered after the household members and vehicles the person has, to add one without JavaScript. */
const spareMembers = 2;
const spareVehicles = 1;

/**
 * The attributes the form offers for a life event: those its samples hold in the simulated registers (the data
 * the life event reads comes from them), and a foreign resident's status and period of stay beside nationality.
 */
function offered(lifeEvent: LifeEvent) {
  const held = new Set(lifeEvent.samples.flatMap((sample) => Object.keys(sample.record)));
  if (held.has("nationality")) ["residenceStatus", "periodOfStayUntil"].forEach((key) => held.add(key));
  return {
    attributes: attributes.filter((attribute) => held.has(attribute.key)),
    household: held.has("household"),
    vehicles: held.has("vehicles"),
  };
}

/** The questions the form answers: every question; identity-number ones may not take the record's value. */
const answerName = (question: Question) => `answer.${question.id}`;
export type PersonaErrors = Record<string, string>;

const stable = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );

const asText = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

/** The form's values for a composed person, by field name. */
export function personaValues(lifeEvent: LifeEvent, record: RecordValues): Record<string, string> {
  const { attributes: shown, household, vehicles } = offered(lifeEvent);
  const values: Record<string, string> = {};
  for (const { key, kind } of shown) {
    const value = record[key];
    if (kind === "address") for (const part of addressParts) values[`${key}.${part}`] = asText((value as Record<string, unknown> | undefined)?.[part]);
    else values[key] = asText(value);
  }
  if (household) (record.household ?? []).forEach((member, index) => memberParts.forEach((part) => (values[`household.${index}.${part}`] = asText(member[part]))));
  if (vehicles) (record.vehicles ?? []).forEach((vehicle, index) => vehicleParts.forEach((part) => (values[`vehicles.${index}.${part}`] = asText(vehicle[part]))));
  return values;
}

/** Counts the household and vehicle rows a set of values holds: up to the last row with something in it. */
function rowsIn(values: Record<string, string>, list: "household" | "vehicles"): number {
  const indexes = Object.entries(values)
    .filter(([, value]) => value.trim() !== "")
    .map(([name]) => new RegExp(`^${list}\\.(\\d+)\\.`).exec(name)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
  return indexes.length ? Math.max(...indexes) + 1 : 0;
}

/** The form's fieldsets, in the page's language, with each field's value and error. */
export function personaForm(lifeEvent: LifeEvent, values: Record<string, string>, errors: PersonaErrors, t: TFunction): PersonaGroup[] {
  const { attributes: shown, household, vehicles } = offered(lifeEvent);
  const attributeLabel = (key: string) => t(`journey:record.attributes.${key.replace(".", "_")}`);
  const absent = { value: "", label: t("design:persona.absent") };
  const input = (name: string, label: string, rest: Partial<PersonaInput> = {}): PersonaInput => ({
    name,
    id: personaFieldId(name),
    label,
    width: "medium",
    value: values[name] ?? "",
    error: errors[name] ? t(errors[name]) : undefined,
    ...rest,
  });
  const scalar = ({ key, kind, options }: (typeof attributes)[number]): PersonaInput => {
    if (kind === "date") return input(key, attributeLabel(key), { hint: t("design:persona.dateHint"), width: "short" });
    if (kind === "country") return input(key, attributeLabel(key), { hint: t("design:persona.countryHint"), width: "short" });
    if (kind === "yesNo") return input(key, attributeLabel(key), { options: [absent, { value: "true", label: t("journey:answers.yes") }, { value: "false", label: t("journey:answers.no") }] });
    if (kind === "choice") {
      const label = (option: string) =>
        key === "residenceStatus" ? t(`journey:record.registerWords.${option}`, { defaultValue: option }) : t(`journey:record.values.${key}.${option}`);
      return input(key, attributeLabel(key), { options: [absent, ...(options ?? []).map((option) => ({ value: option, label: label(option) }))] });
    }
    return input(key, attributeLabel(key), { width: "long" });
  };
  const address = (key: string): PersonaGroup => ({
    id: `persona-group-${key.replace(".", "-")}`,
    legend: attributeLabel(key),
    inputs: addressParts.map((part) =>
      input(`${key}.${part}`, t(`design:persona.addressParts.${part}`), {
        width: part === "postalCode" || part === "municipalityCode" ? "short" : "long",
        hint: part === "postalCode" ? t("design:persona.postalCodeHint") : part === "municipalityCode" ? t("design:persona.municipalityCodeHint") : undefined,
      }),
    ),
  });
  const groups: PersonaGroup[] = [];
  for (const group of ["person", "cover", "company"] as const) {
    const scalars = shown.filter((attribute) => attribute.group === group && attribute.kind !== "address");
    if (scalars.length) groups.push({ id: `persona-group-${group}`, legend: t(`design:persona.groups.${group}`), inputs: scalars.map(scalar) });
    for (const attribute of shown.filter((candidate) => candidate.group === group && candidate.kind === "address")) groups.push(address(attribute.key));
    if (group === "person" && household) {
      const rows = rowsIn(values, "household") + spareMembers;
      for (let index = 0; index < rows; index++) {
        groups.push({
          id: `persona-group-household-${index}`,
          legend: t("design:persona.member", { number: index + 1 }),
          inputs: [
            input(`household.${index}.name`, t("design:persona.memberParts.name"), { width: "long" }),
            input(`household.${index}.nameKana`, t("design:persona.memberParts.nameKana"), { width: "long" }),
            input(`household.${index}.birthDate`, t("design:persona.memberParts.birthDate"), { hint: t("design:persona.dateHint"), width: "short" }),
            input(`household.${index}.relationship`, t("design:persona.memberParts.relationship"), {
              options: [absent, ...relationships.map((relationship) => ({ value: relationship, label: t(`journey:record.relationships.${relationship}`) }))],
            }),
          ],
        });
      }
    }
    if (group === "cover" && vehicles) {
      const rows = rowsIn(values, "vehicles") + spareVehicles;
      for (let index = 0; index < rows; index++) {
        groups.push({
          id: `persona-group-vehicles-${index}`,
          legend: t("design:persona.vehicle", { number: index + 1 }),
          inputs: [
            input(`vehicles.${index}.registrationNumber`, t("design:persona.vehicleParts.registrationNumber"), { width: "long" }),
            input(`vehicles.${index}.kind`, t("design:persona.vehicleParts.kind"), {
              options: [absent, ...vehicleKinds.map((kind) => ({ value: kind, label: t(`design:persona.vehicleKinds.${kind}`) }))],
            }),
          ],
        });
      }
    }
  }
  groups.push({
    id: "persona-group-answers",
    legend: t("design:persona.groups.answers"),
    inputs: lifeEvent.questions.map((question) => {
      const options = [{ value: "", label: t("design:persona.keepAnswer") }];
      if ((question.prefill || question.prefillFrom) && !isIdentityNumberQuestion(question)) options.push({ value: "=record", label: t("design:persona.fromRecord") });
      if (question.type === "yesNo") options.push({ value: "=yes", label: t("journey:answers.yes") }, { value: "=no", label: t("journey:answers.no") });
      if (question.type === "choice" && !question.multiple) options.push(...(question.options ?? []).map((option) => ({ value: `=${option.value}`, label: t(option.label) })));
      return input(answerName(question), t(question.texts.title), { options });
    }),
  });
  return groups;
}

export type ComposeResult = { ok: true; input: SimulationInput } | { ok: false; errors: PersonaErrors; values: Record<string, string> };

/** A JSON object of changes, null for none; `false` when the text is not a JSON object. */
function parseObject(text: string): Record<string, unknown> | null | false {
  if (!text.trim()) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : false;
  } catch {
    return false;
  }
}

/** What changed from `before` to `after`: each key whose value differs, null where it was removed. */
function changesFrom(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (stable(before[key]) !== stable(after[key])) changes[key] = after[key] === undefined ? null : after[key];
  }
  return changes;
}

/**
 * Reads the composing form: each field checked (GOV.UK: an error per field, saying how to fix it), then the person
 * as the sample plus the changes (the advanced JSON first, the fields over it), so the same person is one link.
 */
export function readPersonaForm(lifeEvent: LifeEvent, params: URLSearchParams): ComposeResult | null {
  const sample = lifeEvent.samples.find((candidate) => candidate.id === params.get("sample"));
  if (!sample) return null;
  const values: Record<string, string> = {};
  for (const [name, value] of params) if (name !== "sample" && name !== "compose") values[name] = value.slice(0, 20_000);
  const errors: PersonaErrors = {};
  const recordJson = parseObject(values.record ?? "");
  const answersJson = parseObject(values.answers ?? "");
  if (recordJson === false) errors.record = "design:scenarios.errors.notAnObject";
  if (answersJson === false) errors.answers = "design:scenarios.errors.notAnObject";

  const record: Record<string, unknown> = { ...sample.record, ...(recordJson || {}) };
  const text = (name: string) => (values[name] ?? "").trim();
  const { attributes: shown, household, vehicles } = offered(lifeEvent);
  for (const { key, kind, options } of shown) {
    if (kind === "address") {
      const parts = Object.fromEntries(addressParts.map((part) => [part, text(`${key}.${part}`)]));
      if (addressParts.every((part) => !parts[part])) {
        delete record[key];
        continue;
      }
      parts.postalCode = parts.postalCode.replace(/[-‐－ー]/g, "");
      if (!/^\d{7}$/.test(parts.postalCode)) errors[`${key}.postalCode`] = "design:persona.errors.postalCode";
      if (!/^(0[1-9]|[1-3]\d|4[0-7])\d{3}$/.test(parts.municipalityCode)) errors[`${key}.municipalityCode`] = "design:persona.errors.municipalityCode";
      for (const part of ["prefecture", "municipality", "town", "street"] as const) if (!parts[part]) errors[`${key}.${part}`] = "design:persona.errors.required";
      for (const part of addressParts) if (parts[part].length > maxTextLength || isHostileText(parts[part])) errors[`${key}.${part}`] = "design:persona.errors.text";
      const { building, ...rest } = parts;
      record[key] = building ? { ...rest, building } : rest;
      continue;
    }
    const value = text(key);
    if (!value) {
      delete record[key];
    } else if (kind === "date") {
      if (isRealDate(value)) record[key] = value;
      else errors[key] = "design:persona.errors.date";
    } else if (kind === "country") {
      if (/^[A-Za-z]{2}$/.test(value)) record[key] = value.toUpperCase();
      else errors[key] = "design:persona.errors.country";
    } else if (kind === "yesNo") {
      if (value === "true" || value === "false") record[key] = value === "true";
      else errors[key] = "design:persona.errors.choice";
    } else if (kind === "choice") {
      if (options?.includes(value)) record[key] = value;
      else errors[key] = "design:persona.errors.choice";
    } else if (value.length > maxTextLength || isHostileText(value)) {
      errors[key] = "design:persona.errors.text";
    } else {
      record[key] = value;
    }
  }
  if (household) {
    const before = (record.household ?? []) as Record<string, unknown>[];
    const members: Record<string, unknown>[] = [];
    for (let index = 0; index < Math.max(rowsIn(values, "household"), before.length); index++) {
      const field = (part: string) => text(`household.${index}.${part}`);
      if (memberParts.every((part) => !field(part))) continue;
      const name = `household.${index}`;
      if (!field("name")) errors[`${name}.name`] = "design:persona.errors.memberName";
      else if (field("name").length > maxTextLength || isHostileText(field("name"))) errors[`${name}.name`] = "design:persona.errors.text";
      if (field("nameKana").length > maxTextLength || isHostileText(field("nameKana"))) errors[`${name}.nameKana`] = "design:persona.errors.text";
      if (!isRealDate(field("birthDate"))) errors[`${name}.birthDate`] = "design:persona.errors.date";
      if (!(relationships as readonly string[]).includes(field("relationship"))) errors[`${name}.relationship`] = "design:persona.errors.relationship";
      members.push({ name: field("name"), ...(field("nameKana") ? { nameKana: field("nameKana") } : {}), birthDate: field("birthDate"), relationship: field("relationship") });
    }
    if (members.length || record.household !== undefined) record.household = members;
  }
  if (vehicles) {
    const before = (record.vehicles ?? []) as Record<string, unknown>[];
    const list: Record<string, unknown>[] = [];
    for (let index = 0; index < Math.max(rowsIn(values, "vehicles"), before.length); index++) {
      const field = (part: string) => text(`vehicles.${index}.${part}`);
      if (vehicleParts.every((part) => !field(part))) continue;
      const name = `vehicles.${index}`;
      if (!field("registrationNumber")) errors[`${name}.registrationNumber`] = "design:persona.errors.registrationNumber";
      else if (field("registrationNumber").length > maxTextLength || isHostileText(field("registrationNumber"))) errors[`${name}.registrationNumber`] = "design:persona.errors.text";
      if (!(vehicleKinds as readonly string[]).includes(field("kind"))) errors[`${name}.kind`] = "design:persona.errors.vehicleKind";
      // The registration file's other facts (make, model, size) stay with the vehicle the row shows.
      list.push({ ...before[index], registrationNumber: field("registrationNumber"), kind: field("kind") });
    }
    if (list.length || record.vehicles !== undefined) record.vehicles = list;
  }

  const answers: Answers = { ...sample.answers, ...(answersJson || {}) };
  for (const question of lifeEvent.questions) {
    const choice = values[answerName(question)] ?? "";
    if (!choice) continue;
    if (choice === "=record" && (question.prefill || question.prefillFrom) && !isIdentityNumberQuestion(question)) {
      const value = prefillValue(question, record as RecordValues);
      if (value === undefined) errors[answerName(question)] = "design:persona.errors.nothingToPrefill";
      else answers[question.id] = value;
    } else if (question.type === "yesNo" && (choice === "=yes" || choice === "=no")) {
      answers[question.id] = choice === "=yes";
    } else if (question.type === "choice" && !question.multiple && question.options?.some((option) => `=${option.value}` === choice)) {
      answers[question.id] = choice.slice(1);
    } else {
      errors[answerName(question)] = "design:persona.errors.choice";
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors, values };

  const recordChanges = changesFrom(sample.record, record);
  const answerChanges = changesFrom(sample.answers, answers);
  return {
    ok: true,
    input: {
      sampleId: sample.id,
      recordText: Object.keys(recordChanges).length ? JSON.stringify(recordChanges) : null,
      answersText: Object.keys(answerChanges).length ? JSON.stringify(answerChanges) : null,
    },
  };
}

/** The order of the form's fields, for the error summary: it lists errors in the order the fields come. */
export function personaErrorOrder(groups: PersonaGroup[]): string[] {
  return groups.flatMap((group) => group.inputs.map((input) => input.name));
}
