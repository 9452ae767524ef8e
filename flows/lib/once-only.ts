// The once-only effect of one submission, counted where the data is made: which data items came from what
// the person typed or changed, and which from the record, a confirmed prefill, a prerequisite or the filing
// itself. Only the count per procedure is stored (procedure_requests.items_typed); evaluators see shares.
import { deepEqual } from "./deep-equal";
import { pruneAnswers, type LifeEvent } from "./life-event";
import { prefillValue } from "./questions";
import type { Answers, Filing, RecordValues } from "./types";
import { watched } from "./watch";

/**
 * The questions whose answer the person typed or changed: answered, and not equal to the question's prefill.
 * The journey machine keeps the same list as it goes (`context.entered`); this reads it off the final answers.
 */
export function enteredQuestions(lifeEvent: LifeEvent, answers: Answers, record: RecordValues): string[] {
  const pruned = pruneAnswers(lifeEvent, answers, record);
  return lifeEvent.questions
    .filter((question) => question.id in pruned)
    .filter((question) => {
      const prefill = prefillValue(question, record);
      return !(prefill !== undefined && deepEqual(pruned[question.id], prefill));
    })
    .map((question) => question.id);
}

/**
 * The data items whose value depends on an entered answer: each item's derivation is run with the answers
 * wrapped in a proxy that notes what it reads. An item read only from the record (or a confirmed prefill, a
 * prerequisite's result, the date of filing) was not typed.
 */
export function typedDataItems(args: { lifeEvent: LifeEvent; answers: Answers; record: RecordValues; filing?: Filing }): Set<string> {
  const { lifeEvent, record, filing } = args;
  const answers = pruneAnswers(lifeEvent, args.answers, record);
  const entered = new Set(enteredQuestions(lifeEvent, answers, record));
  const typed = new Set<string>();
  for (const [key, derive] of Object.entries(lifeEvent.provides)) {
    if (!derive) continue;
    const reads = new Set<string>();
    derive({ answers: watched({ ...answers }, reads), record, filing });
    if ([...reads].some((id) => entered.has(id))) typed.add(key);
  }
  return typed;
}
