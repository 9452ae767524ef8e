// Where a value of a person's or company's record came from, in words: the register, the person, an earlier
// application, or the organisation that holds it. One way to say it, for the record page and prefilled answers.
import type { TFunction } from "i18next";

export type RecordSourceView = { kind: string; ref?: string | null };

export function recordSourceText(t: TFunction, source: RecordSourceView): string {
  if (source.kind === "organisation") return t(`journey:sources.organisation.${source.ref ?? "unknown"}`);
  return t(`journey:sources.${source.kind}`, { ref: source.ref ?? "" });
}
