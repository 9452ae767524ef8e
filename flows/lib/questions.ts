// Question builders: each question knows its zod schema, its i18n keys, where it is prefilled from,
// and example answers that model-based tests and checks use to walk every branch of a journey.
import { z } from "zod";
import { isRealDate, type Address, type RecordAttribute, type RecordValues } from "./types";

export type QuestionType = "text" | "date" | "address" | "choice" | "yesNo" | "number" | "money" | "group";

export type ChoiceOption = { value: string; label: string /* i18n key */ };

export type AddressPartId = "postalCode" | "prefecture" | "municipalityCode" | "municipality" | "town" | "street" | "building";
export type AddressPart = { id: AddressPartId; label: string /* i18n key */; schema: z.ZodTypeAny; optional: boolean };

export type Question<Id extends string = string, S extends z.ZodTypeAny = z.ZodTypeAny> = {
  id: Id;
  type: QuestionType;
  schema: S;
  /** The prefix of this question's keys: `relocation:newAddress` (title at `relocation:newAddress.title`). */
  i18nKey: string;
  texts: { title: string; hint?: string };
  /** The record attribute the answer starts from; the person confirms or changes it. */
  prefillFrom?: RecordAttribute;
  /** The prefilled value (default: the attribute as it is). */
  prefill?: (record: RecordValues) => unknown;
  multiple?: boolean;
  options?: ChoiceOption[];
  /** Address questions: the parts of the address form, postal code first (it fills the rest). */
  parts?: AddressPart[];
  /** Address questions: the postal code part, which the page uses to look up the rest of the address. */
  postalCode?: AddressPart;
  /** Repeating groups: the questions asked for each item. */
  fields?: Question[];
  min?: number;
  max?: number;
  /** Text questions: the most characters an answer may have (the page sizes its input by it). */
  maxLength?: number;
  /** Valid example answers; one per branch that matters. */
  examples: unknown[];
  /** Every i18n key this question shows, for completeness checks. */
  i18nKeys: string[];
};

type Common = {
  hint?: boolean;
  prefillFrom?: RecordAttribute;
  prefill?: (record: RecordValues) => unknown;
  examples?: unknown[];
};

export function prefillValue(question: Question, record: RecordValues): unknown {
  if (question.prefill) return question.prefill(record);
  if (question.prefillFrom) return record[question.prefillFrom];
  return undefined;
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * An error message as the pages show it (GOV.UK pattern: what is wrong and how to fix it, for this question):
 * the key of the life event's sentence, with the values it names as a query string, among them `what`, the
 * key of the question's own words for what it asks ("the date of your move"). `issueText` reads it back.
 */
export function errorMessage(key: string, values: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(values).map(([name, value]) => [name, typeof value === "number" ? value.toLocaleString("en-US") : value]));
  const encoded = query.toString();
  return encoded ? `${key}?${encoded}` : key;
}

/** Builders of single-value questions, bound to a namespace and (for group fields) a key prefix. */
function scalarQuestionsFor(namespace: string, prefix = "") {
  const key = (suffix: string) => `${namespace}:${prefix}${suffix}`;
  const errorKey = (name: string) => `${namespace}:errors.${name}`;
  /** The question's own words for what it asks, which every generic error message names. */
  const what = (id: string) => key(`${id}.what`);

  function base<Id extends string, S extends z.ZodTypeAny>(
    id: Id,
    type: QuestionType,
    schema: S,
    common: Common,
    defaults: { examples: unknown[]; errors: string[]; extraKeys?: string[] },
  ): Question<Id, S> {
    const texts = { title: key(`${id}.title`), hint: common.hint ? key(`${id}.hint`) : undefined };
    const errorKeys = defaults.errors.map((message) => message.split("?")[0]);
    return {
      id,
      type,
      schema,
      i18nKey: key(id),
      texts,
      prefillFrom: common.prefillFrom,
      prefill: common.prefill,
      examples: common.examples ?? defaults.examples,
      i18nKeys: [texts.title, ...(texts.hint ? [texts.hint] : []), what(id), ...errorKeys, ...(defaults.extraKeys ?? [])],
    };
  }

  return {
    text<Id extends string>(
      id: Id,
      options: Common & { maxLength?: number; pattern?: RegExp; optional?: boolean; example?: string } = {},
    ) {
      const required = errorMessage(errorKey("required"), { what: what(id) });
      const maxLength = options.maxLength ?? 200;
      const tooLong = errorMessage(errorKey("tooLong"), { what: what(id), max: maxLength });
      const patternError = key(`${id}.errors.pattern`);
      let schema = z.string({ required_error: required, invalid_type_error: required }).trim().min(1, required);
      schema = schema.max(maxLength, tooLong);
      if (options.pattern) schema = schema.regex(options.pattern, patternError);
      const errors = [required, tooLong, ...(options.pattern ? [patternError] : [])];
      return { ...base(id, "text", schema, options, { examples: [options.example ?? "サンプル"], errors }), maxLength };
    },

    date<Id extends string>(id: Id, options: Common & { example?: string } = {}) {
      const required = errorMessage(errorKey("required"), { what: what(id) });
      const invalid = errorMessage(errorKey("invalidDate"), { what: what(id) });
      // One check for the shape and the calendar, so a wrong date gets one message, not two.
      const schema = z.string({ required_error: required, invalid_type_error: required }).min(1, required).refine(isRealDate, invalid);
      return base(id, "date", schema, options, { examples: [options.example ?? "2025-04-01"], errors: [required, invalid] });
    },

    address<Id extends string>(id: Id, options: Common & { example?: unknown } = {}) {
      const required = errorMessage(errorKey("required"), { what: what(id) });
      const partWhat = (part: AddressPartId) => `${namespace}:address.what.${part}`;
      const partRequired = (part: AddressPartId) => errorMessage(errorKey("required"), { what: partWhat(part) });
      const partTooLong = (part: AddressPartId) => errorMessage(errorKey("tooLong"), { what: partWhat(part), max: 100 });
      const text = (part: AddressPartId) =>
        z.string({ required_error: partRequired(part), invalid_type_error: partRequired(part) }).trim().min(1, partRequired(part)).max(100, partTooLong(part));
      const postalCode = errorKey("postalCode");
      const partSchemas: Record<AddressPartId, z.ZodTypeAny> = {
        postalCode: z.preprocess(
          (value) => (typeof value === "string" ? value.replace(/[-‐－ー\s]/g, "").replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)) : value),
          z
            .string({ required_error: partRequired("postalCode"), invalid_type_error: partRequired("postalCode") })
            .min(1, partRequired("postalCode"))
            .regex(/^\d{7}$/, postalCode),
        ),
        prefecture: text("prefecture"),
        municipalityCode: z
          .string({ required_error: errorKey("municipalityCode"), invalid_type_error: errorKey("municipalityCode") })
          .regex(/^(0[1-9]|[1-3]\d|4[0-7])\d{3}$/, errorKey("municipalityCode")),
        municipality: text("municipality"),
        town: text("town"),
        street: text("street"),
        building: z.preprocess(blankToUndefined, z.string().trim().max(100, partTooLong("building")).optional()),
      };
      const parts: AddressPart[] = (Object.keys(partSchemas) as AddressPartId[]).map((part) => ({
        id: part,
        label: `${namespace}:address.${part}`,
        schema: partSchemas[part],
        optional: part === "building",
      }));
      // The parts are typed loosely to build them in a loop; the whole parses to an Address.
      const schema = z
        .object(partSchemas, { required_error: required, invalid_type_error: required })
        .strict() as unknown as z.ZodType<Address, z.ZodTypeDef, unknown>;
      const question = base(id, "address", schema, options, {
        examples: [options.example ?? exampleAddress],
        errors: [required, postalCode, errorKey("municipalityCode"), errorKey("tooLong")],
        extraKeys: [...parts.map((part) => part.label), ...parts.filter((part) => part.id !== "municipalityCode").map((part) => partWhat(part.id))],
      });
      return { ...question, parts, postalCode: parts[0] };
    },

    choice,

    yesNo<Id extends string>(id: Id, options: Common = {}) {
      const required = errorMessage(errorKey("yesNo"), { what: what(id) });
      const schema = z.preprocess(
        (value) => (value === "yes" || value === "true" ? true : value === "no" || value === "false" ? false : value),
        z.boolean({ required_error: required, invalid_type_error: required }),
      );
      const question = base(id, "yesNo", schema, options, {
        examples: [true, false],
        errors: [required],
        extraKeys: [`${namespace}:yesNo.yes`, `${namespace}:yesNo.no`],
      });
      return question;
    },

    number<Id extends string>(id: Id, options: Common & { min?: number; max?: number } = {}) {
      return numeric(id, "number", options, options.min ?? 0, options.max ?? 1_000_000);
    },

    /** Whole yen. */
    money<Id extends string>(id: Id, options: Common & { min?: number; max?: number } = {}) {
      return numeric(id, "money", options, options.min ?? 1, options.max ?? 1_000_000_000_000);
    },
  };

  function choice<Id extends string, const V extends readonly [string, ...string[]]>(
    id: Id,
    options: Common & { options: V; multiple?: false },
  ): Question<Id, z.ZodEnum<[V[number], ...V[number][]]>>;
  function choice<Id extends string, const V extends readonly [string, ...string[]]>(
    id: Id,
    options: Common & { options: V; multiple: true; min?: number },
  ): Question<Id, z.ZodArray<z.ZodEnum<[V[number], ...V[number][]]>>>;
  function choice<Id extends string, const V extends readonly [string, ...string[]]>(
    id: Id,
    options: Common & { options: V; multiple?: boolean; min?: number },
  ): Question<Id, z.ZodTypeAny> {
    const invalid = errorMessage(errorKey("choice"), { what: what(id) });
    const values = [...options.options] as [V[number], ...V[number][]];
    const single = z.enum(values, { errorMap: () => ({ message: invalid }) });
    const min = options.min ?? 0;
    const schema = options.multiple
      ? z.preprocess(
          (value) => (value === undefined ? [] : typeof value === "string" ? [value] : value),
          z
            .array(single, { invalid_type_error: invalid })
            .min(min, invalid)
            .refine((chosen) => new Set(chosen).size === chosen.length, invalid),
        )
      : single;
    const choiceOptions = values.map((value) => ({ value, label: key(`${id}.options.${value}`) }));
    const question = base(id, "choice", schema, options, {
      examples: options.multiple ? [min === 0 ? [] : [values[0]]] : [values[0]],
      errors: [invalid],
      extraKeys: choiceOptions.map((option) => option.label),
    });
    return { ...question, multiple: options.multiple ?? false, options: choiceOptions, min: options.multiple ? min : undefined };
  }

  function numeric<Id extends string>(id: Id, type: "number" | "money", options: Common, min: number, max: number) {
    const invalid = errorMessage(errorKey("number"), { what: what(id) });
    const range = { what: what(id), min, max };
    const tooSmall = errorMessage(errorKey(type === "money" ? "tooLittle" : "outOfRange"), range);
    const tooLarge = errorMessage(errorKey(type === "money" ? "tooMuch" : "outOfRange"), range);
    const required = errorMessage(errorKey("required"), { what: what(id) });
    const schema = z.preprocess(
      (value) => {
        if (typeof value !== "string") return value;
        const normalised = value.replace(/[,，\s円]/g, "").replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
        return normalised === "" ? undefined : Number(normalised);
      },
      z
        .number({ required_error: required, invalid_type_error: invalid })
        .int(invalid)
        .min(min, tooSmall)
        .max(max, tooLarge),
    );
    const question = base(id, type, schema, options, {
      examples: [type === "money" ? Math.max(min, 1_000_000) : Math.max(min, 1)],
      errors: [required, invalid, tooSmall, tooLarge],
    });
    return { ...question, min, max };
  }
}

type ScalarBuilders = ReturnType<typeof scalarQuestionsFor>;

/** Question builders bound to a life event's namespace: `questionsFor("relocation").date("moveDate")`. */
export function questionsFor(namespace: string) {
  const scalar = scalarQuestionsFor(namespace);
  return {
    ...scalar,
    /** A repeating group (e.g. household members): the fields are asked for each item. */
    group<Id extends string, const F extends readonly Question[]>(
    id: Id,
    options: Common & { fields: (builders: ScalarBuilders) => F; min?: number; max?: number },
  ) {
    const fields = options.fields(scalarQuestionsFor(namespace, `${id}.fields.`));
    const shape: Record<string, z.ZodTypeAny> = {};
    for (const field of fields) shape[field.id] = field.schema;
    const min = options.min ?? 0;
    const max = options.max ?? 20;
    const groupWhat = `${namespace}:${id}.what`;
    const required = errorMessage(`${namespace}:errors.required`, { what: groupWhat });
    const tooFew = errorMessage(`${namespace}:errors.groupMin`, { what: groupWhat, min });
    const tooMany = errorMessage(`${namespace}:errors.groupMax`, { what: groupWhat, max });
    const schema = z
      .array(z.object(shape).strict(), { required_error: required, invalid_type_error: required })
      .min(min, tooFew)
      .max(max, tooMany);
    const item = Object.fromEntries(fields.map((field) => [field.id, field.examples[0]]));
    const title = `${namespace}:${id}.title`;
    const hint = options.hint ? `${namespace}:${id}.hint` : undefined;
    const errors = [`${namespace}:errors.required`, `${namespace}:errors.groupMin`, `${namespace}:errors.groupMax`, groupWhat];
    const question: Question<Id, typeof schema> = {
      id,
      type: "group",
      schema,
      i18nKey: `${namespace}:${id}`,
      texts: { title, hint },
      prefillFrom: options.prefillFrom,
      prefill: options.prefill,
      examples: options.examples ?? (min === 0 ? [[], [item]] : [[item]]),
      i18nKeys: [
        title,
        ...(hint ? [hint] : []),
        ...errors,
        `${namespace}:${id}.item`,
        `${namespace}:${id}.add`,
        `${namespace}:${id}.remove`,
        ...fields.flatMap((field) => field.i18nKeys),
      ],
    };
    return { ...question, fields: [...fields] as Question[], min, max } as Question<Id, z.ZodArray<z.ZodObject<{ [K in F[number] as K["id"]]: K["schema"] }>>>;
  },
  };
}

export type QuestionBuilders = ReturnType<typeof questionsFor>;

const exampleAddress = {
  postalCode: "1600022",
  prefecture: "東京都",
  municipalityCode: "13104",
  municipality: "新宿区",
  town: "新宿",
  street: "一丁目1番1号",
};

/** The parsed answer type of each question, keyed by question id. */
export type AnswersOf<Qs extends readonly Question[]> = {
  [Q in Qs[number] as Q["id"]]: z.output<Q["schema"]>;
};
