// What the page and the server share of the composing form: a field's id from its name, and a field's shape.
export const personaFieldId = (name: string) => `persona-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;

export type PersonaInput = {
  name: string;
  id: string;
  label: string;
  hint?: string;
  width: "short" | "medium" | "long";
  options?: { value: string; label: string }[];
  /** Boxes to tick (a multiple choice): the options ticked, and the hidden field that says the boxes were shown. */
  checked?: string[];
  shownName?: string;
  /** A text of several lines (a list answer, one entry a line), this many rows high. */
  rows?: number;
  value: string;
  error?: string;
};
export type PersonaGroup = { id: string; legend: string; hint?: string; inputs: PersonaInput[] };
