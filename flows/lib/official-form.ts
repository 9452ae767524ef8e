// The official form of a procedure: its name, date or version, and source, and every item it asks, each
// filled by a data item or explained (why it is not needed when filed through Madoguchi). flows:check
// fails on an item with neither, and on a data item sent that no item of the form asks for.
import type { DataItemKey } from "./data-dictionary";

export type FormItem = { item: string; dataItem: DataItemKey | null; notNeededBecause: string | null };

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
export const fill = (item: string, dataItem: DataItemKey): FormItem => ({ item, dataItem, notNeededBecause: null });

/** A form item Madoguchi does not fill, and why it is not needed. */
export const notNeeded = (item: string, because: string): FormItem => ({ item, dataItem: null, notNeededBecause: because });

/** Reasons many forms share. */
export const because = {
  signed: "The seal or signature is replaced by the electronic submission: the person signed in with verified identity and gave consent.",
  office: "Filled in by the office that receives the form (reception and processing fields).",
  identityChecked: "Identity documents are not attached: the person signed in with verified identity, and the submission is signed.",
  delivery: "The payload is delivered to this office by Madoguchi, so the form's address line for the office is not needed.",
};

/** The problems of a form against the items its procedure sends. */
export function formProblems(procedureId: string, form: OfficialForm | undefined, dataItems: readonly string[], isDataItem: (key: string) => boolean): string[] {
  if (!form) return [`procedure ${procedureId} has no official form (name, date, source and items)`];
  const problems: string[] = [];
  for (const field of ["name", "date", "source"] as const) if (!form[field].trim()) problems.push(`procedure ${procedureId}: its form has no ${field}`);
  if (form.items.length === 0) problems.push(`procedure ${procedureId}: its form lists no items`);
  for (const { item, dataItem, notNeededBecause } of form.items) {
    const label = `procedure ${procedureId}: form item "${item}"`;
    if (dataItem === null && !notNeededBecause?.trim()) problems.push(`${label} has neither a data item nor a reason it is not needed`);
    else if (dataItem !== null && notNeededBecause) problems.push(`${label} has both a data item and a reason it is not needed`);
    else if (dataItem !== null && !isDataItem(dataItem)) problems.push(`${label} names ${dataItem}, which is not in the data dictionary`);
    else if (dataItem !== null && !dataItems.includes(dataItem)) problems.push(`${label} is filled by ${dataItem}, which the procedure does not send`);
  }
  const asked = new Set(form.items.map((item) => item.dataItem));
  for (const key of dataItems) if (!asked.has(key as DataItemKey)) problems.push(`procedure ${procedureId} sends ${key}, which no item of its form asks for`);
  return problems;
}
