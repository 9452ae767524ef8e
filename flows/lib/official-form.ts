// The official form of a procedure: its name, date or version, and source, and every item it asks, each
// filled by a data item or explained (why it is not needed when filed through Madoguchi). flows:check
// fails on an item with neither, and on a data item sent that no item of the form asks for. A reason is written
// in Japanese and English, since both the person's and the officer's pages show it in their language.
import { dataDictionary, type DataItemKey } from "./data-dictionary";
import type { Lang, Text } from "./types";

/** `notNeededBecause` is the reason in English (what `flows:check --json` publishes); `because` holds it in every language. */
export type FormItem = { item: string; dataItem: DataItemKey | null; notNeededBecause: string | null; because: Text | null };

export type OfficialForm = {
  /** As the form is titled. */
  name: string;
  /** The form's date or version, or the date the legal text listing its items was read. */
  date: string;
  /** Where it is published: the form, or the legal text that lists its items. */
  source: string;
  items: FormItem[];
};

/** A form item filled by a data item. */
export const fill = (item: string, dataItem: DataItemKey): FormItem => ({ item, dataItem, notNeededBecause: null, because: null });

/** A form item Madoguchi does not fill, and why it is not needed (in Japanese and English). */
export const notNeeded = (item: string, because: Text): FormItem => ({ item, dataItem: null, notNeededBecause: because.en, because });

/** Reasons many forms share. */
export const because = {
  signed: {
    ja: "押印・署名は電子申請に代わります（本人確認済みでサインインし、同意のうえ送信しています）。",
    en: "The seal or signature is replaced by the electronic submission: the person signed in with verified identity and gave consent.",
  },
  office: { ja: "受付・処理欄は、届出を受ける機関が記入します。", en: "Filled in by the office that receives the form (reception and processing fields)." },
  identityChecked: {
    ja: "本人確認書類は添付しません（本人確認済みでサインインし、電子署名して送信しています）。",
    en: "Identity documents are not attached: the person signed in with verified identity, and the submission is signed.",
  },
  delivery: {
    ja: "窓口がこの機関に直接届けるため、届出先の宛名欄は不要です。",
    en: "The payload is delivered to this office by Madoguchi, so the form's address line for the office is not needed.",
  },
} satisfies Record<string, Text>;

/** The problems of a form against the items its procedure sends. */
export function formProblems(procedureId: string, form: OfficialForm | undefined, dataItems: readonly string[], isDataItem: (key: string) => boolean): string[] {
  if (!form) return [`procedure ${procedureId} has no official form (name, date, source and items)`];
  const problems: string[] = [];
  for (const field of ["name", "date", "source"] as const) if (!form[field].trim()) problems.push(`procedure ${procedureId}: its form has no ${field}`);
  if (form.items.length === 0) problems.push(`procedure ${procedureId}: its form lists no items`);
  for (const { item, dataItem, notNeededBecause, because } of form.items) {
    const label = `procedure ${procedureId}: form item "${item}"`;
    if (dataItem === null && !notNeededBecause?.trim()) problems.push(`${label} has neither a data item nor a reason it is not needed`);
    else if (dataItem === null && !because?.ja?.trim()) problems.push(`${label}: the reason it is not needed has no Japanese text`);
    else if (dataItem !== null && notNeededBecause) problems.push(`${label} has both a data item and a reason it is not needed`);
    else if (dataItem !== null && !isDataItem(dataItem)) problems.push(`${label} names ${dataItem}, which is not in the data dictionary`);
    else if (dataItem !== null && !dataItems.includes(dataItem)) problems.push(`${label} is filled by ${dataItem}, which the procedure does not send`);
  }
  const asked = new Set(form.items.map((item) => item.dataItem));
  for (const key of dataItems) if (!asked.has(key as DataItemKey)) problems.push(`procedure ${procedureId} sends ${key}, which no item of its form asks for`);
  return problems;
}

export type FilledFormItem = {
  item: string;
  dataItem: DataItemKey | null;
  /** filled: the payload carries it; absent: the person has none (an optional item) or it is not shown here; notNeeded: explained. */
  status: "filled" | "absent" | "notNeeded";
  value: unknown;
  notNeededBecause: string | null;
  /** The reason in every language, for a page that shows it in the reader's. */
  because: Text | null;
};

/**
 * The official form as its office would read it, filled from a procedure's payload: every item in the form's
 * order, with its value, or why Madoguchi does not fill it. Only the items given in `payload` are filled, so a
 * caller passes exactly what the reader may see (what was consented and sent).
 */
export function fillForm(form: OfficialForm, payload: Readonly<Record<string, unknown>>): { name: string; date: string; source: string; items: FilledFormItem[] } {
  return {
    name: form.name,
    date: form.date,
    source: form.source,
    items: form.items.map(({ item, dataItem, notNeededBecause, because }) => {
      if (dataItem === null) return { item, dataItem, status: "notNeeded", value: null, notNeededBecause, because };
      const present = Object.hasOwn(payload, dataItem);
      return { item, dataItem, status: present ? "filled" : "absent", value: present ? payload[dataItem] : null, notNeededBecause: null, because: null };
    }),
  };
}

/** One item of a filled form as a page shows it, in the reader's language. */
export type FormItemView = {
  item: string;
  key: DataItemKey | null;
  /** The data item's name in the reader's language (the form's own item name stays Japanese). */
  label: string | null;
  status: FilledFormItem["status"];
  value: unknown;
  /** Why Madoguchi does not fill it, in the reader's language. */
  reason: string | null;
};

/** `fillForm` for a page in `lang`; `shown` maps each filled value to what the reader may see (e.g. masked). */
export function formView(
  form: OfficialForm,
  payload: Readonly<Record<string, unknown>>,
  lang: Lang,
  shown: (key: DataItemKey, value: unknown) => unknown = (_key, value) => value,
): { name: string; date: string; source: string; items: FormItemView[] } {
  const filled = fillForm(form, payload);
  return {
    name: filled.name,
    date: filled.date,
    source: filled.source,
    items: filled.items.map((entry) => ({
      item: entry.item,
      key: entry.dataItem,
      label: entry.dataItem ? (dataDictionary[entry.dataItem]?.label[lang] ?? null) : null,
      status: entry.status,
      value: entry.dataItem && entry.status === "filled" ? shown(entry.dataItem, entry.value) : entry.value,
      reason: entry.because?.[lang] ?? null,
    })),
  };
}
