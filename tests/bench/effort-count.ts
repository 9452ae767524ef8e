// Counting for the effort benchmark (tests/bench/effort.ts): drives a life event's real journey machine
// with a sample person's answers, then compares what the selected procedures need with what the person typed.
//
// The rules (also printed by the benchmark, from `countingRules` below):
// - itemsNeeded: the sum, over the procedures selectProcedures() picks, of procedure.dataItems.length. An item
//   counts once per procedure that needs it, as separate paper forms would ask it again and again.
// - itemsEntered, in the same unit as itemsNeeded (data items): for each question the journey asked, the answer
//   (as the machine parsed it) is compared with its prefill (prefillValue(question, record)); a confirmed prefill
//   counts 0; any other answer counts 1 item (an address is one item, as it is one item a procedure needs),
//   except a group, where each added, changed or removed member is one item.
// - fieldsTyped, printed beside it as a stricter view: the form fields typed, counted as follows:
//   - text, date, number, money, single choice, yes/no: 1;
//   - multiple choice: 1 per option ticked (against a prefill: 1 per option ticked or unticked);
//   - address: 1 per part that differs from the prefill, except parts the postal code look-up fills from
//     Japan Post data (prefecture, municipalityCode, municipality; town when the code has a single town) and
//     that equal the look-up's value; so a new address is postal code + street (+ building);
//   - group (household members, vehicles, dogs…): an item equal to a prefilled item counts 0; a changed item
//     counts its fields that differ from the closest prefilled item; an added item counts its filled fields;
//     a removed prefilled item counts 1.
import { createActor, type AnyStateMachine } from "xstate";
import { lookupPostalCode, type PostalMatch } from "../../app/journeys/postal.server";
import {
  createJourneyMachine,
  getQuestion,
  prefillValue,
  selectProcedures,
  type Answers,
  type JourneyContext,
  type LifeEvent,
  type Question,
  type RecordValues,
  type Sample,
} from "../../flows/index";
import { deepEqual } from "../../flows/lib/deep-equal";

export const countingRules = [
  "needed = sum over the selected procedures of their data items (an item counts once per procedure that needs it).",
  "entered = data items the person typed or changed, compared with the prefill from their record: a confirmed prefill counts 0, any other answer 1 (an address is one item), and in a group each added, changed or removed member 1.",
  "fields = a stricter view: the form fields typed, as follows.",
  "text, date, number, money, single choice, yes/no: 1 when not a confirmed prefill.",
  "multiple choice: 1 per option ticked (against a prefill: 1 per option ticked or unticked).",
  "address: 1 per part that differs from the prefill; prefecture, municipality code and municipality (and the town when the postal code has a single town) count 0 when they equal the postal code look-up (Japan Post data). A new address is postal code + street (+ building).",
  "group (household members, vehicles, dogs, business purposes): 0 for an item equal to a prefilled one; a changed item counts its fields that differ from the closest prefilled item; an added item counts its filled fields; a removed item counts 1.",
] as const;

/** The postal code look-up the address page uses: the town areas a postal code covers. */
export type PostalLookup = (postalCode: string) => Pick<PostalMatch, "prefecture" | "municipalityCode" | "municipality" | "town">[];

type AddressLike = Partial<Record<string, unknown>>;

const lookupFilledParts = ["prefecture", "municipalityCode", "municipality", "town"] as const;

/** The parts of this address the look-up of its postal code fills (with the value it fills). */
function filledByLookup(address: AddressLike, lookup: PostalLookup): Partial<Record<string, string>> {
  if (typeof address.postalCode !== "string") return {};
  const matches = lookup(address.postalCode);
  if (matches.length === 0) return {};
  const filled: Partial<Record<string, string>> = {};
  for (const part of lookupFilledParts) {
    const values = new Set(matches.map((match) => match[part]));
    // Several towns (or, rarely, municipalities) under one code: the person picks or types it.
    if (values.size === 1) filled[part] = [...values][0];
  }
  return filled;
}

function countAddress(question: Question, answer: AddressLike, prefill: AddressLike | undefined, lookup: PostalLookup): number {
  const filled = filledByLookup(answer, lookup);
  const parts = question.parts?.map((part) => part.id) ?? Object.keys(answer);
  return parts.filter((part) => {
    if (deepEqual(answer[part], prefill?.[part])) return false;
    if (answer[part] !== undefined && filled[part] === answer[part]) return false;
    return true;
  }).length;
}

const isFilled = (value: unknown) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

type Item = Record<string, unknown>;

function countGroup(question: Question, answer: Item[], prefill: Item[] | undefined, lookup: PostalLookup): number {
  const fields = question.fields ?? [];
  const fieldIds = fields.length > 0 ? fields.map((field) => field.id) : [...new Set(answer.flatMap((item) => Object.keys(item)))];
  const countItem = (item: Item, before: Item | undefined) =>
    fieldIds.reduce((sum, id) => {
      const field = fields.find((candidate) => candidate.id === id);
      if (!field) return sum + (deepEqual(item[id], before?.[id]) ? 0 : 1);
      if (before === undefined && !isFilled(item[id])) return sum;
      return sum + countFieldsTyped(field, item[id], before?.[id], lookup);
    }, 0);

  const unmatched = [...(prefill ?? [])];
  const take = (index: number) => unmatched.splice(index, 1)[0];
  // Unchanged items first, so a reordered or partly edited list pairs each item with its own prefill.
  const pending = answer.filter((item) => {
    const index = unmatched.findIndex((before) => deepEqual(item, before));
    if (index === -1) return true;
    take(index);
    return false;
  });
  let count = 0;
  for (const item of pending) {
    const sameFields = unmatched.map((before) => fieldIds.filter((id) => isFilled(item[id]) && deepEqual(item[id], before[id])).length);
    const best = sameFields.reduce((bestIndex, same, index) => (same > (sameFields[bestIndex] ?? 0) ? index : bestIndex), -1);
    count += countItem(item, best === -1 ? undefined : take(best));
  }
  return count + unmatched.length;
}

/** How many data items (the unit procedures need them in) the person typed or changed in one answer. */
export function countItemsEntered(question: Question, answer: unknown, prefill: unknown): number {
  if (prefill !== undefined && deepEqual(answer, prefill)) return 0;
  if (answer === undefined) return prefill === undefined ? 0 : 1;
  if (question.type !== "group") return 1;
  const before = Array.isArray(prefill) ? [...(prefill as Item[])] : [];
  let changed = 0;
  for (const item of answer as Item[]) {
    const index = before.findIndex((candidate) => deepEqual(item, candidate));
    if (index === -1) changed++;
    else before.splice(index, 1);
  }
  // A changed member replaces its prefilled self: count it once, not as an addition and a removal.
  return Math.max(changed, before.length);
}

/** How many form fields the person typed or changed in one answer, against its prefill. */
export function countFieldsTyped(question: Question, answer: unknown, prefill: unknown, lookup: PostalLookup = lookupPostalCode): number {
  if (prefill !== undefined && deepEqual(answer, prefill)) return 0;
  if (answer === undefined) return prefill === undefined ? 0 : 1;
  switch (question.type) {
    case "address":
      return countAddress(question, answer as AddressLike, prefill as AddressLike | undefined, lookup);
    case "group":
      return countGroup(question, answer as Item[], Array.isArray(prefill) ? (prefill as Item[]) : undefined, lookup);
    case "choice":
      if (question.multiple) {
        const ticked = new Set(answer as string[]);
        const before = new Set(Array.isArray(prefill) ? (prefill as string[]) : []);
        return [...ticked].filter((value) => !before.has(value)).length + [...before].filter((value) => !ticked.has(value)).length;
      }
      return 1;
    default:
      return 1;
  }
}

export type JourneyResult = { answers: Answers; record: RecordValues; asked: string[]; enteredQuestions: string[] };

/**
 * Answers every question the real journey machine asks, in the order it asks them, with the sample's answers,
 * then confirms at check answers. The machine's schemas validate each answer; an invalid one is an error.
 */
export function runJourney(lifeEvent: LifeEvent, sample: Pick<Sample, "id" | "record" | "answers">): JourneyResult {
  const machine: AnyStateMachine = createJourneyMachine(lifeEvent);
  const actor = createActor(machine, { input: { record: sample.record } }).start();
  const asked: string[] = [];
  try {
    for (let step = 0; step <= lifeEvent.questions.length + 1; step++) {
      const snapshot = actor.getSnapshot();
      const state = snapshot.value as string;
      if (state === "checkingAnswers") {
        actor.send({ type: "answers.confirmed" });
        const done = actor.getSnapshot();
        if (done.value !== "confirmed") throw new Error(`${lifeEvent.id}/${sample.id}: check answers did not confirm`);
        const context = done.context as JourneyContext;
        return { answers: context.answers, record: sample.record, asked, enteredQuestions: [...context.entered] };
      }
      if (!getQuestion(lifeEvent, state)) throw new Error(`${lifeEvent.id}/${sample.id}: unexpected state ${state}`);
      if (!Object.hasOwn(sample.answers, state)) throw new Error(`${lifeEvent.id}/${sample.id}: the journey asks ${state}, which the sample does not answer`);
      asked.push(state);
      actor.send({ type: "answer.submitted", questionId: state, value: sample.answers[state] });
      const errors = (actor.getSnapshot().context as JourneyContext).errors;
      if (errors) throw new Error(`${lifeEvent.id}/${sample.id}: the answer to ${state} is invalid: ${errors.issues.map((issue) => `${issue.path || "(answer)"} ${issue.message}`).join(", ")}`);
    }
    throw new Error(`${lifeEvent.id}/${sample.id}: the journey did not reach check answers`);
  } finally {
    actor.stop();
  }
}

export type EffortRun = {
  lifeEvent: string;
  persona: string;
  itemsNeeded: number;
  itemsEntered: number;
  ratio: number;
  fieldsTyped: number;
};

export type EffortDetail = EffortRun & {
  procedures: { procedureId: string; dataItems: number }[];
  questions: { questionId: string; prefilled: boolean; entered: number; fields: number }[];
  /** Where the field count and the machine's own `context.entered` (whole questions) disagree. */
  disagreements: string[];
};

export function measureEffort(lifeEvent: LifeEvent, sample: Sample, lookup: PostalLookup = lookupPostalCode): EffortDetail {
  const journey = runJourney(lifeEvent, sample);
  const selected = selectProcedures({ lifeEvent, answers: journey.answers, record: journey.record });
  const questions = journey.asked.map((questionId) => {
    const question = getQuestion(lifeEvent, questionId)!;
    const prefill = prefillValue(question, journey.record);
    const answer = journey.answers[questionId];
    return {
      questionId,
      prefilled: prefill !== undefined,
      entered: countItemsEntered(question, answer, prefill),
      fields: countFieldsTyped(question, answer, prefill, lookup),
    };
  });
  const disagreements = questions
    .filter(({ questionId, entered }) => entered > 0 !== journey.enteredQuestions.includes(questionId))
    .map(({ questionId, entered }) => `${questionId}: ${entered} item(s) counted, machine says ${journey.enteredQuestions.includes(questionId) ? "entered" : "not entered"}`);
  const itemsNeeded = selected.reduce((sum, procedure) => sum + procedure.dataItems.length, 0);
  const itemsEntered = questions.reduce((sum, question) => sum + question.entered, 0);
  const fieldsTyped = questions.reduce((sum, question) => sum + question.fields, 0);
  return {
    lifeEvent: lifeEvent.id,
    persona: sample.id,
    itemsNeeded,
    itemsEntered,
    ratio: itemsNeeded === 0 ? 0 : Math.round((itemsEntered / itemsNeeded) * 10_000) / 10_000,
    fieldsTyped,
    procedures: selected.map((procedure) => ({ procedureId: procedure.procedureId, dataItems: procedure.dataItems.length })),
    questions,
    disagreements,
  };
}

/** Every sample person of every given life event. */
export function measureAll(lifeEvents: LifeEvent[], lookup: PostalLookup = lookupPostalCode): EffortDetail[] {
  return lifeEvents.flatMap((lifeEvent) => lifeEvent.samples.map((sample) => measureEffort(lifeEvent, sample, lookup)));
}
