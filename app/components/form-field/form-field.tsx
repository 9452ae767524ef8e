// A labelled control with its hint and error (GOV.UK pattern) for plain forms that post without JavaScript and
// get their errors back from the action as translation keys by field name (conform's `submission.reply()`).
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "~/platform/i18n/texts";

export type FieldErrors = Record<string, string[] | null | undefined>;

/** The error summary's entries for these fields, in their order, linked to each control. */
export function summaryOf(translate: (key: string) => string, errors: FieldErrors, fields: { name: string; id: string }[]) {
  return fields.flatMap((field) =>
    (errors[field.name] ?? []).map((message) => ({
      message: translate(message),
      fieldId: field.id,
    })),
  );
}

type Props = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | null;
  /** The namespace of the error keys. */
  ns: string;
  /** The control, given the ids it must name in aria-describedby and whether it is in error. */
  children: (control: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
};

export function FormField({ id, label, hint, errors, ns, children }: Props) {
  const { t } = useTranslation(ns);
  const list = errors ?? [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = list.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${list.length ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {list.length ? (
        <span id={errorId} className="field__error">
          {list.map((e) => t(e)).join(" ")}
        </span>
      ) : null}
      {children({ describedBy, invalid: list.length > 0 })}
    </div>
  );
}

type InputProps = Omit<Props, "children"> & {
  name: string;
  defaultValue?: string;
  /** A class besides `input`, e.g. `input--full`. */
  wide?: boolean;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "max" | "maxLength">;

/** A FormField holding one text-like input (text, number, month, date), marked invalid when it has errors. */
export function FormInput({ name, defaultValue, wide, type = "text", inputMode, max, maxLength, ...field }: InputProps) {
  return (
    <FormField {...field}>
      {({ describedBy, invalid }) => (
        <input
          id={field.id}
          name={name}
          type={type}
          inputMode={inputMode}
          max={max}
          maxLength={maxLength}
          className={`input${wide ? " input--full" : ""}${invalid ? " input--error" : ""}`}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FormField>
  );
}
