// Composing a person for the simulation with a form instead of JSON: the record attributes a life event's samples
// hold in the simulated registers (who they are, residence, address, phone, e-mail, household, vehicles, dogs, cover,
// company), set field by field, and an answer per question (keep it, take what the record prefills, or a yes/no or
// option; an address answer in the parts the journey's own address page asks; a list answer one entry a line). The form is
// a GET, so it works without JavaScript; the composed person becomes the same sample + JSON changes a saved scenario
// keeps, so a run is still a link. Synthetic people only: identity numbers are neither shown nor composed.
import type { TFunction } from "i18next";
import {
  isIdentityNumberQuestion,
  isRealDate,
  prefillValue,
  relationships,
  vehicleKinds,
  type Address,
  type Answers,
  type LifeEvent,
  type Question,
  type RecordValues,
} from "../../flows";
import { z } from "zod";
import { isHostileText } from "~/platform/hostile-text";
import { issueText } from "~/platform/issue-message";
import { personaFieldId, type PersonaGroup, type PersonaInput } from "./persona-fields";
import type { SimulationInput } from "./simulation.server";

export { personaFieldId };

type Kind = "text" | "date" | "country" | "choice" | "yesNo" | "address" | "phone" | "email";

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
  { key: "phone", kind: "phone", group: "person" },
  { key: "email", kind: "email", group: "person" },
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
const dogParts = ["name", "breed", "registrationNumber"] as const;
const maxTextLength = 200;
/** The most characters a part of an address answer may have: what the journey's own address page takes. */
const maxAnswerPartLength = 100;
/** Empty rows offered after the household members, vehicles and dogs the person has, to add one without JavaScript. */
const spareMembers = 2;
const spareVehicles = 1;
const spareDogs = 1;
const emailSchema = z.string().email();

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
    dogs: held.has("dogs"),
  };
}

/** Address answers: set in the parts the journey's own address page asks (postal code first). */
const addressQuestions = (lifeEvent: LifeEvent) => lifeEvent.questions.filter((question) => question.type === "address");
/** List answers: a repeating group of one text (the purposes of a company), set one entry a line. */
const listQuestions = (lifeEvent: LifeEvent) =>
  lifeEvent.questions.filter((question) => question.type === "group" && question.fields?.length === 1 && question.fields[0].type === "text");
/** Answers written in a field: a text, date or number (not an identity number: those stay the sample's). */
const isWritten = (question: Question) => ["text", "date", "number", "money"].includes(question.type) && !isIdentityNumberQuestion(question);
/** Multiple choices: ticked in a list of boxes. */
const isTicked = (question: Question) => question.type === "choice" && question.multiple === true;
/**
 * Answers made of several fields (a parking space, a car, employees, who moves): set as rows, a fieldset each, with a
 * spare empty row. The vehicles and dogs a relocation asks about are the record's own rows, set above and taken with
 * "from the record", so they are not offered twice.
 */
const isRows = (question: Question) => question.type === "group" && (question.fields?.length ?? 0) > 1 && question.prefillFrom !== "vehicles" && question.prefillFrom !== "dogs";
const rowQuestions = (lifeEvent: LifeEvent) => lifeEvent.questions.filter(isRows);
const spareAnswerRows = 1;
const isWrittenBelow = (question: Question) =>
  question.type === "address" ||
  (question.type === "group" && question.fields?.length === 1 && question.fields[0].type === "text") ||
  isRows(question) ||
  isWritten(question) ||
  isTicked(question);
const listItem = (question: Question) => question.fields![0];

/** The questions the form answers: every question; identity-number ones may not take the record's value. */
const answerName = (question: Question) => `answer.${question.id}`;
export type PersonaErrors = Record<string, string>;

const stable = (value: unknown): string =>
  JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );

const asText = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

/** The form's values for a composed person, by field name. */
export function personaValues(lifeEvent: LifeEvent, { record, answers }: { record: RecordValues; answers: Answers }): Record<string, string> {
  const { attributes: shown, household, vehicles, dogs } = offered(lifeEvent);
  const values: Record<string, string> = {};
  for (const { key, kind } of shown) {
    const value = record[key];
    if (kind === "address") for (const part of addressParts) values[`${key}.${part}`] = asText((value as Record<string, unknown> | undefined)?.[part]);
    else values[key] = asText(value);
  }
  if (household) (record.household ?? []).forEach((member, index) => memberParts.forEach((part) => (values[`household.${index}.${part}`] = asText(member[part]))));
  if (vehicles) (record.vehicles ?? []).forEach((vehicle, index) => vehicleParts.forEach((part) => (values[`vehicles.${index}.${part}`] = asText(vehicle[part]))));
  if (dogs) (record.dogs ?? []).forEach((dog, index) => dogParts.forEach((part) => (values[`dogs.${index}.${part}`] = asText(dog[part]))));
  for (const question of addressQuestions(lifeEvent)) {
    const answer = answers[question.id];
    for (const part of addressParts) values[`${answerName(question)}.${part}`] = asText(answer && typeof answer === "object" ? (answer as Record<string, unknown>)[part] : undefined);
  }
  for (const question of listQuestions(lifeEvent)) {
    const answer = answers[question.id];
    const field = listItem(question).id;
    values[`${answerName(question)}.items`] = Array.isArray(answer) ? answer.map((item) => asText(item && typeof item === "object" ? (item as Record<string, unknown>)[field] : item)).join("\n") : "";
  }
  for (const question of rowQuestions(lifeEvent)) {
    const answer = answers[question.id];
    if (!Array.isArray(answer)) continue;
    answer.forEach((item, index) =>
      question.fields!.forEach((field) => (values[`${answerName(question)}.${index}.${field.id}`] = asText(item && typeof item === "object" ? (item as Record<string, unknown>)[field.id] : undefined))),
    );
  }
  for (const question of lifeEvent.questions.filter(isWritten)) {
    const answer = answers[question.id];
    values[`${answerName(question)}.value`] = typeof answer === "object" ? "" : asText(answer);
  }
  for (const question of lifeEvent.questions.filter(isTicked)) {
    const answer = answers[question.id];
    values[`${answerName(question)}.shown`] = "1";
    values[`${answerName(question)}.chosen`] = Array.isArray(answer) ? answer.map(asText).join("\n") : "";
  }
  return values;
}

/** Counts the rows (household, vehicles, dogs, an answer's items) a set of values holds: up to the last with something in it. */
function rowsIn(values: Record<string, string>, list: string): number {
  const pattern = new RegExp(`^${list.replace(/\./g, "\\.")}\\.(\\d+)\\.`);
  const indexes = Object.entries(values)
    .filter(([, value]) => value.trim() !== "")
    .map(([name]) => pattern.exec(name)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
  return indexes.length ? Math.max(...indexes) + 1 : 0;
}

/** The form's fieldsets, in the page's language, with each field's value and error. */
export function personaForm(lifeEvent: LifeEvent, values: Record<string, string>, errors: PersonaErrors, t: TFunction, lang = "ja"): PersonaGroup[] {
  const { attributes: shown, household, vehicles, dogs } = offered(lifeEvent);
  const attributeLabel = (key: string) => t(`journey:record.attributes.${key.replace(".", "_")}`);
  const absent = { value: "", label: t("design:persona.absent") };
  const input = (name: string, label: string, rest: Partial<PersonaInput> = {}): PersonaInput => ({
    name,
    id: personaFieldId(name),
    label,
    width: "medium",
    value: values[name] ?? "",
    error: errors[name] ? issueText(t, lang, errors[name]) : undefined,
    ...rest,
  });
  const scalar = ({ key, kind, options }: (typeof attributes)[number]): PersonaInput => {
    if (kind === "date") return input(key, attributeLabel(key), { hint: t("design:persona.dateHint"), width: "short" });
    if (kind === "country") return input(key, attributeLabel(key), { hint: t("design:persona.countryHint"), width: "short" });
    if (kind === "phone") return input(key, attributeLabel(key), { hint: t("design:persona.phoneHint") });
    if (kind === "email") return input(key, attributeLabel(key), { hint: t("design:persona.emailHint"), width: "long" });
    if (kind === "yesNo") return input(key, attributeLabel(key), { options: [absent, { value: "true", label: t("journey:answers.yes") }, { value: "false", label: t("journey:answers.no") }] });
    if (kind === "choice") {
      const label = (option: string) =>
        key === "residenceStatus" ? t(`journey:record.registerWords.${option}`, { defaultValue: option }) : t(`journey:record.values.${key}.${option}`);
      return input(key, attributeLabel(key), { options: [absent, ...(options ?? []).map((option) => ({ value: option, label: label(option) }))] });
    }
    return input(key, attributeLabel(key), { width: "long" });
  };
  const address = (key: string, legend = attributeLabel(key), hint?: string): PersonaGroup => ({
    id: `persona-group-${key.replace(/\./g, "-")}`,
    legend,
    hint,
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
    if (group === "cover" && dogs) {
      const rows = rowsIn(values, "dogs") + spareDogs;
      for (let index = 0; index < rows; index++) {
        groups.push({
          id: `persona-group-dogs-${index}`,
          legend: t("design:persona.dog", { number: index + 1 }),
          inputs: dogParts.map((part) => input(`dogs.${index}.${part}`, t(`design:persona.dogParts.${part}`), { width: "long" })),
        });
      }
    }
  }
  groups.push({
    id: "persona-group-answers",
    legend: t("design:persona.groups.answers"),
    // An address or list answer is written in its own fieldset below; here whether the registers prefill it instead.
    inputs: lifeEvent.questions.map((question) => {
      const options = [{ value: "", label: t(isWrittenBelow(question) ? "design:persona.asWrittenBelow" : "design:persona.keepAnswer") }];
      if ((question.prefill || question.prefillFrom) && !isIdentityNumberQuestion(question)) options.push({ value: "=record", label: t("design:persona.fromRecord") });
      if (question.type === "yesNo") options.push({ value: "=yes", label: t("journey:answers.yes") }, { value: "=no", label: t("journey:answers.no") });
      if (question.type === "choice" && !question.multiple) options.push(...(question.options ?? []).map((option) => ({ value: `=${option.value}`, label: t(option.label) })));
      options.push({ value: "=unanswered", label: t("design:persona.unanswered") });
      return input(answerName(question), t(question.texts.title), { options });
    }),
  });
  const written = lifeEvent.questions.filter((question) => isWritten(question) || isTicked(question));
  if (written.length) {
    groups.push({
      id: "persona-group-written",
      legend: t("design:persona.groups.written"),
      hint: t("design:persona.writtenHint"),
      inputs: written.map((question) => {
        if (isTicked(question)) {
          const name = `${answerName(question)}.chosen`;
          return {
            ...input(name, t(question.texts.title)),
            options: (question.options ?? []).map((option) => ({ value: option.value, label: t(option.label) })),
            checked: (values[name] ?? "").split("\n").filter(Boolean),
            shownName: `${answerName(question)}.shown`,
          };
        }
        const hint = question.type === "date" ? t("design:persona.dateHint") : question.type === "money" || question.type === "number" ? t("design:persona.numberHint") : undefined;
        return input(`${answerName(question)}.value`, t(question.texts.title), { hint, width: question.type === "text" ? "long" : "medium" });
      }),
    });
  }
  for (const question of lifeEvent.questions) {
    const legend = t("design:persona.answerLegend", { title: t(question.texts.title) });
    if (question.type === "address") groups.push(address(answerName(question), legend, t("design:persona.addressAnswerHint")));
    else if (listQuestions(lifeEvent).includes(question)) {
      const name = `${answerName(question)}.items`;
      groups.push({
        id: `persona-group-answer-${question.id}`,
        legend,
        inputs: [input(name, t("design:persona.listLabel", { item: t(listItem(question).texts.title) }), { hint: t("design:persona.listHint"), width: "long", rows: 5 })],
      });
    } else if (isRows(question)) {
      const prefix = answerName(question);
      const filled = rowsIn(values, prefix);
      const rows = Math.max(filled, Math.min(filled + spareAnswerRows, question.max ?? filled + spareAnswerRows));
      for (let index = 0; index < rows; index++) {
        groups.push({
          id: `persona-group-answer-${question.id}-${index}`,
          legend: t("design:persona.answerRowLegend", { title: t(question.texts.title), number: index + 1 }),
          hint: index === 0 ? t("design:persona.answerRowsHint") : undefined,
          inputs: question.fields!.map((field) => {
            const name = `${prefix}.${index}.${field.id}`;
            const label = t(field.texts.title);
            if (field.type === "choice") return input(name, label, { options: [absent, ...(field.options ?? []).map((option) => ({ value: option.value, label: t(option.label) }))] });
            if (field.type === "date") return input(name, label, { hint: t("design:persona.dateHint"), width: "short" });
            // A size or a wage: the field's title says its unit; the written answers' example (a capital) would mislead.
            if (field.type === "number" || field.type === "money") return input(name, label, { width: field.type === "money" ? "medium" : "short" });
            return input(name, label, { width: "long" });
          }),
        });
      }
    }
  }
  return groups;
}

export type ComposeResult = { ok: true; input: SimulationInput } | { ok: false; errors: PersonaErrors; values: Record<string, string> };

/** The error for a text that is too long or hostile, naming the most characters it may have. */
const textError = (max: number) => `design:persona.errors.text?max=${max}`;
const fullWidthDigits = (value: string) => value.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

/**
 * An address in the parts the journey's address page asks (the postal code as it normalises it), each part checked
 * with an error at its field; null when every part is empty (no address).
 */
function readAddress(text: (name: string) => string, name: string, errors: PersonaErrors, max: number): Address | null {
  const parts = Object.fromEntries(addressParts.map((part) => [part, text(`${name}.${part}`)])) as Record<(typeof addressParts)[number], string>;
  if (addressParts.every((part) => !parts[part])) return null;
  parts.postalCode = fullWidthDigits(parts.postalCode.replace(/[-‐－ー\s]/g, ""));
  if (!/^\d{7}$/.test(parts.postalCode)) errors[`${name}.postalCode`] = "design:persona.errors.postalCode";
  if (!/^(0[1-9]|[1-3]\d|4[0-7])\d{3}$/.test(parts.municipalityCode)) errors[`${name}.municipalityCode`] = "design:persona.errors.municipalityCode";
  for (const part of ["prefecture", "municipality", "town", "street"] as const) if (!parts[part]) errors[`${name}.${part}`] = "design:persona.errors.required";
  for (const part of addressParts) if (parts[part].length > max || isHostileText(parts[part])) errors[`${name}.${part}`] = textError(max);
  const { building, ...rest } = parts;
  return building ? { ...rest, building } : rest;
}

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
  for (const [name, value] of params) {
    if (name === "sample" || name === "compose") continue;
    // Ticked boxes come one parameter each; they are kept one a line, as the form redraws them.
    values[name] = name.endsWith(".chosen") && values[name] ? `${values[name]}\n${value.slice(0, 200)}` : value.slice(0, 20_000);
  }
  const errors: PersonaErrors = {};
  const recordJson = parseObject(values.record ?? "");
  const answersJson = parseObject(values.answers ?? "");
  if (recordJson === false) errors.record = "design:scenarios.errors.notAnObject";
  if (answersJson === false) errors.answers = "design:scenarios.errors.notAnObject";

  const record: Record<string, unknown> = { ...sample.record, ...(recordJson || {}) };
  const text = (name: string) => (values[name] ?? "").trim();
  const { attributes: shown, household, vehicles, dogs } = offered(lifeEvent);
  for (const { key, kind, options } of shown) {
    if (kind === "address") {
      const address = readAddress(text, key, errors, maxTextLength);
      if (address) record[key] = address;
      else delete record[key];
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
    } else if (kind === "phone") {
      // As the registers and the journey keep it: digits only, starting with 0 (the data dictionary's shape).
      const digits = fullWidthDigits(value.replace(/[-‐－ー\s()（）]/g, ""));
      if (/^0\d{9,10}$/.test(digits)) record[key] = digits;
      else errors[key] = "design:persona.errors.phone";
    } else if (kind === "email") {
      if (value.length <= maxTextLength && !isHostileText(value) && emailSchema.safeParse(value).success) record[key] = value;
      else errors[key] = "design:persona.errors.email";
    } else if (value.length > maxTextLength || isHostileText(value)) {
      errors[key] = textError(maxTextLength);
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
      else if (field("name").length > maxTextLength || isHostileText(field("name"))) errors[`${name}.name`] = textError(maxTextLength);
      if (field("nameKana").length > maxTextLength || isHostileText(field("nameKana"))) errors[`${name}.nameKana`] = textError(maxTextLength);
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
      else if (field("registrationNumber").length > maxTextLength || isHostileText(field("registrationNumber"))) errors[`${name}.registrationNumber`] = textError(maxTextLength);
      if (!(vehicleKinds as readonly string[]).includes(field("kind"))) errors[`${name}.kind`] = "design:persona.errors.vehicleKind";
      // The registration file's other facts (make, model, size) stay with the vehicle the row shows.
      list.push({ ...before[index], registrationNumber: field("registrationNumber"), kind: field("kind") });
    }
    if (list.length || record.vehicles !== undefined) record.vehicles = list;
  }
  if (dogs) {
    const before = (record.dogs ?? []) as Record<string, unknown>[];
    const list: Record<string, unknown>[] = [];
    for (let index = 0; index < Math.max(rowsIn(values, "dogs"), before.length); index++) {
      const field = (part: string) => text(`dogs.${index}.${part}`);
      if (dogParts.every((part) => !field(part))) continue;
      for (const part of dogParts) {
        const name = `dogs.${index}.${part}`;
        if (!field(part)) errors[name] = `design:persona.errors.dogParts.${part}`;
        else if (field(part).length > maxTextLength || isHostileText(field(part))) errors[name] = textError(maxTextLength);
      }
      list.push(Object.fromEntries(dogParts.map((part) => [part, field(part)])));
    }
    if (list.length || record.dogs !== undefined) record.dogs = list;
  }

  const answers: Answers = { ...sample.answers, ...(answersJson || {}) };
  // Address and list answers as written in their fields; empty fields keep the answer as the sample or the JSON gives
  // it (leaving a question unanswered is a choice in its list above, not an emptied field).
  for (const question of addressQuestions(lifeEvent)) {
    const address = readAddress(text, answerName(question), errors, maxAnswerPartLength);
    if (address) answers[question.id] = address;
  }
  for (const question of listQuestions(lifeEvent)) {
    const name = `${answerName(question)}.items`;
    const lines = (values[name] ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const item = listItem(question);
    const max = item.maxLength ?? maxTextLength;
    if (lines.some((line) => isHostileText(line) || !item.schema.safeParse(line).success)) errors[name] = `design:persona.errors.listItem?max=${max}`;
    else if (question.max !== undefined && lines.length > question.max) errors[name] = `design:persona.errors.listMax?max=${question.max}`;
    else if (question.min !== undefined && lines.length < question.min) errors[name] = `design:persona.errors.listMin?min=${question.min}`;
    answers[question.id] = lines.map((line) => ({ [item.id]: line }));
  }
  // Answers of several fields, a row an item: each field read by its own schema (the journey's message at the field),
  // a row whole or empty; all rows empty keep the answer, as an emptied address does.
  for (const question of rowQuestions(lifeEvent)) {
    const prefix = answerName(question);
    const fields = question.fields!;
    const list: Record<string, unknown>[] = [];
    let last = "";
    for (let index = 0; index < rowsIn(values, prefix); index++) {
      if (fields.every((field) => !text(`${prefix}.${index}.${field.id}`))) continue;
      const item: Record<string, unknown> = {};
      for (const field of fields) {
        const name = `${prefix}.${index}.${field.id}`;
        const value = text(name);
        const parsed = field.schema.safeParse(value);
        if (value.length > maxTextLength || isHostileText(value)) errors[name] = textError(Math.min(field.maxLength ?? maxTextLength, maxTextLength));
        else if (parsed.success) item[field.id] = parsed.data;
        // A date is typed here as year-month-day (the journey's page has a field a part): the form's own message says so.
        else if (field.type === "date" && value) errors[name] = "design:persona.errors.date";
        else errors[name] = parsed.error.issues[0]?.message ?? "design:persona.errors.choice";
      }
      last = `${prefix}.${index}.${fields[0].id}`;
      list.push(item);
    }
    if (list.length === 0) continue;
    const whole = question.schema.safeParse(list);
    if (!whole.success && !Object.keys(errors).some((name) => name.startsWith(`${prefix}.`))) errors[last] = whole.error.issues[0]?.message ?? "design:persona.errors.choice";
    answers[question.id] = list;
  }
  // Texts, dates and numbers as the journey reads them (its own schema, so "3,000,000" is 3000000), with its message.
  for (const question of lifeEvent.questions.filter(isWritten)) {
    const name = `${answerName(question)}.value`;
    const value = text(name);
    if (!value) continue;
    const parsed = question.schema.safeParse(value);
    if (parsed.success && !isHostileText(value)) answers[question.id] = parsed.data;
    // A date is typed here as year-month-day (the journey's page has a field a part): the form's own message says so.
    else if (question.type === "date") errors[name] = "design:persona.errors.date";
    else errors[name] = parsed.success ? textError(maxTextLength) : (parsed.error.issues[0]?.message ?? "design:persona.errors.choice");
  }
  for (const question of lifeEvent.questions.filter(isTicked)) {
    const name = `${answerName(question)}.chosen`;
    if (!(`${answerName(question)}.shown` in values)) continue;
    const chosen = (values[name] ?? "").split("\n").filter(Boolean);
    const options = (question.options ?? []).map((option) => option.value);
    if (chosen.some((value) => !options.includes(value))) {
      errors[name] = "design:persona.errors.choice";
      continue;
    }
    const before = answers[question.id];
    const same = Array.isArray(before) ? before.length === chosen.length && chosen.every((value) => before.includes(value)) : chosen.length === 0;
    if (same) continue;
    const list = options.filter((value) => chosen.includes(value));
    if (question.schema.safeParse(list).success) answers[question.id] = list;
    else errors[name] = "design:persona.errors.choice";
  }
  for (const question of lifeEvent.questions) {
    const choice = values[answerName(question)] ?? "";
    if (!choice) continue;
    if (choice === "=unanswered") {
      delete answers[question.id];
    } else if (choice === "=record" && (question.prefill || question.prefillFrom) && !isIdentityNumberQuestion(question)) {
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
