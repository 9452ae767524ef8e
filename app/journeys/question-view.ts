// What a question page and the check-answers page need of a question in the browser: its type, texts, options
// and parts, without its schemas, prefill functions and examples. Loaders send this view, so the browser never
// loads the flows catalogue or zod (they stay on the server, where answers are checked).
import type { AddressPart, Question } from "../../flows";

export type QuestionView = Pick<Question, "id" | "type" | "i18nKey" | "texts" | "multiple" | "options" | "min" | "max" | "maxLength"> & {
  parts?: Pick<AddressPart, "id" | "label" | "optional">[];
  postalCode?: Pick<AddressPart, "id" | "label" | "optional">;
  fields?: QuestionView[];
};

const partView = ({ id, label, optional }: AddressPart) => ({ id, label, optional });

export function toQuestionView(question: Question): QuestionView {
  return {
    id: question.id,
    type: question.type,
    i18nKey: question.i18nKey,
    texts: question.texts,
    ...(question.multiple !== undefined ? { multiple: question.multiple } : {}),
    ...(question.options ? { options: question.options } : {}),
    ...(question.min !== undefined ? { min: question.min } : {}),
    ...(question.max !== undefined ? { max: question.max } : {}),
    ...(question.maxLength !== undefined ? { maxLength: question.maxLength } : {}),
    ...(question.parts ? { parts: question.parts.map(partView) } : {}),
    ...(question.postalCode ? { postalCode: partView(question.postalCode) } : {}),
    ...(question.fields ? { fields: question.fields.map(toQuestionView) } : {}),
  };
}

/**
 * The hidden field of an address question that says which postal code the address shown came from, so a town
 * from an earlier code is not kept when the person enters another one (journey-form.server.ts).
 */
export const POSTAL_CODE_SHOWN = "postalCodeShown";
