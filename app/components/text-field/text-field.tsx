// A labelled text input with its hint and error (GOV.UK pattern), wired to a conform field.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes } from "react";
import { useTranslation } from "~/platform/i18n/texts";

type Props = {
  field: FieldMetadata<string>;
  label: string;
  hint?: string;
  type?: "text" | "password" | "email" | "tel";
  /** Error messages are translation keys in this namespace. */
  ns?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "autoComplete" | "inputMode" | "spellCheck" | "autoCapitalize" | "pattern" | "maxLength">;

export function TextField({ field, label, hint, type = "text", ns = "auth", ...rest }: Props) {
  const { t } = useTranslation(ns);
  const errors = field.errors ?? [];
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className={`field${errors.length ? " field--error" : ""}`}>
      <label htmlFor={field.id} className="field__label">
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {errors.length ? (
        <span id={field.errorId} className="field__error">
          {errors.map((e) => t(e)).join(" ")}
        </span>
      ) : null}
      <input
        {...getInputProps(field, { type, ariaDescribedBy: hintId })}
        key={field.key}
        className={`input${errors.length ? " input--error" : ""}`}
        {...rest}
      />
    </div>
  );
}
