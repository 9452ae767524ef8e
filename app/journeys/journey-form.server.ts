// Reads a question page's form: the answer parsed with the question's own zod schema, and the page's
// other intents (postal look-up, add or remove a group item), which change what is shown but save nothing.
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import type { Question } from "../../flows";
import { lookupPostalCode, type PostalMatch } from "./postal.server";
import { POSTAL_CODE_SHOWN } from "./question-view";
import { encodeIssue } from "../platform/issue-message.server";

export type FieldErrors = Record<string, string[]>;

export type QuestionFormResult =
  | { kind: "answer"; value: unknown }
  | { kind: "redisplay"; value: unknown; errors: FieldErrors; townChoices?: { town: string }[] };

const FIELD = "answer";

/** What the person typed, as a nested object (strings), for showing it again. */
function rawAnswer(formData: FormData): unknown {
  const submission = parseWithZod(formData, { schema: z.object({ [FIELD]: z.any() }) });
  return (submission.payload as Record<string, unknown>)[FIELD];
}

/** What the page shows for a postal code the look-up found nothing for: nothing from an earlier code stays. */
const lookedUpPartsCleared = { prefecture: "", municipality: "", municipalityCode: "", town: "" };

const digitsOf = (value: unknown) => String(value ?? "").normalize("NFKC").replace(/\D/g, "");

/**
 * The address parts the look-up owns (prefecture, municipality and its code) always come from Japan Post's
 * data for the posted postal code, never from the form, so a tampered hidden field cannot misroute a procedure.
 */
function completeAddress(raw: Record<string, unknown>, matches: PostalMatch[], { sameCode }: { sameCode: boolean }): Record<string, unknown> {
  if (matches.length === 0) return { ...raw, ...lookedUpPartsCleared };
  const [first] = matches;
  // A town typed or chosen for this postal code is kept; one that came with another code is not.
  const typedTown = sameCode && typeof raw.town === "string" && raw.town.trim() !== "" ? raw.town : "";
  const town = typedTown || (matches.length === 1 ? first.town : "");
  return {
    ...raw,
    postalCode: first.postalCode,
    prefecture: first.prefecture,
    municipality: first.municipality,
    municipalityCode: first.municipalityCode,
    town,
  };
}

function townChoicesOf(matches: PostalMatch[]) {
  return matches.length > 1 ? matches.map((m) => ({ town: m.town })) : undefined;
}

export function readQuestionForm(question: Question, formData: FormData): QuestionFormResult {
  const intent = String(formData.get("intent") ?? "continue");
  let raw = rawAnswer(formData);

  if (question.type === "address") {
    const address = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    // A postal code that is not 7 digits gets the question's own message; one of 7 digits that Japan Post
    // does not know is named, so the person checks the right thing.
    const postalCode = question.postalCode!.schema.safeParse(address.postalCode ?? "");
    // Without the field (a form from before it existed) the town is kept, as it always was.
    const shown = formData.get(POSTAL_CODE_SHOWN);
    const sameCode = shown === null || digitsOf(shown) === digitsOf(address.postalCode);
    if (!postalCode.success) {
      return { kind: "redisplay", value: { ...address, ...lookedUpPartsCleared }, errors: { [`${FIELD}.postalCode`]: [postalCode.error.issues[0].message] } };
    }
    const matches = lookupPostalCode(String(postalCode.data));
    raw = completeAddress(address, matches, { sameCode });
    if (matches.length === 0) {
      return { kind: "redisplay", value: raw, errors: { [`${FIELD}.postalCode`]: [`journey:form.postalCodeNotFound?code=${String(postalCode.data)}`] } };
    }
    if (intent === "lookup") return { kind: "redisplay", value: raw, errors: {}, townChoices: townChoicesOf(matches) };
    const parsed = parseWithZod(toFormData({ [FIELD]: raw }), { schema: z.object({ [FIELD]: question.schema }) });
    if (parsed.status !== "success") {
      return { kind: "redisplay", value: raw, errors: firstOfEach(parsed.error as FieldErrors), townChoices: townChoicesOf(matches) };
    }
    return { kind: "answer", value: (parsed.value as Record<string, unknown>)[FIELD] };
  }

  if (question.type === "group") {
    const items = Array.isArray(raw) ? [...raw] : [];
    if (intent === "add") return { kind: "redisplay", value: [...items, {}], errors: {} };
    const remove = /^remove-(\d+)$/.exec(intent);
    if (remove) {
      items.splice(Number(remove[1]), 1);
      return { kind: "redisplay", value: items, errors: {} };
    }
    // An empty group posts nothing: that is the answer "nobody".
    if (items.length === 0) return parse(question, formData, []);
    return parse(question, formData, items);
  }

  return parse(question, formData, raw);
}

function parse(question: Question, formData: FormData, raw: unknown): QuestionFormResult {
  const submission = parseWithZod(formData, { schema: z.object({ [FIELD]: question.schema }) });
  if (submission.status === "success") return { kind: "answer", value: (submission.value as Record<string, unknown>)[FIELD] };
  if (question.type === "group" && Array.isArray(raw) && raw.length === 0) {
    const empty = question.schema.safeParse([]);
    if (empty.success) return { kind: "answer", value: empty.data };
  }
  return { kind: "redisplay", value: raw, errors: firstOfEach((submission.error ?? {}) as FieldErrors) };
}

/** One message per field (GOV.UK: the first thing to fix), as the journey machine keeps it too. */
function firstOfEach(errors: Record<string, string[] | null | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).flatMap(([name, messages]) => (messages?.length ? [[name, messages.slice(0, 1)]] : [])));
}

/** Flattens a nested value back to Conform's field names, so one parser handles both. */
function toFormData(value: Record<string, unknown>, prefix = "", formData = new FormData()): FormData {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (inner === undefined || inner === null) continue;
    if (Array.isArray(inner)) {
      inner.forEach((item, index) => {
        if (item && typeof item === "object") toFormData(item as Record<string, unknown>, `${name}[${index}]`, formData);
        else formData.append(name, String(item));
      });
    } else if (typeof inner === "object") {
      toFormData(inner as Record<string, unknown>, name, formData);
    } else {
      formData.append(name, String(inner));
    }
  }
  return formData;
}

/** The machine's own verdict on an answer it refused, as field errors. */
export function machineErrors(issues: { path: string; message: string; params?: Record<string, string> }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.path ? `${FIELD}.${issue.path.replace(/\.(\d+)(?=\.|$)/g, "[$1]").replace(/^(\d+)/, "[$1]")}`.replace(".[", "[") : FIELD;
    (errors[name] ??= []).push(encodeIssue(issue));
  }
  return errors;
}
