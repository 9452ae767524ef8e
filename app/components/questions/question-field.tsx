// One question of a life event, rendered by its type. Field names follow Conform's convention
// (answer, answer.postalCode, answer[0].name) so the server parses them with the question's own zod schema.
import { POSTAL_CODE_SHOWN, type QuestionView as Question } from "~/journeys/question-view";
import type { ReactNode } from "react";
import { useFlowTranslation } from "../flow-texts/flow-texts";
import { issueText } from "../../platform/issue-message";

export type FieldErrors = Record<string, string[] | undefined>;
export type PostalChoice = { town: string };

export function fieldId(name: string): string {
  return name.replace(/[[\].]+/g, "-").replace(/-$/, "");
}

type FieldProps = {
  question: Question;
  name: string;
  value: unknown;
  errors: FieldErrors;
  /** Render the title as the page heading (the page asks this one question). */
  asPageHeading?: boolean;
  townChoices?: PostalChoice[];
};

const asString = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

function ErrorMessages({ id, messages }: { id: string; messages?: string[] }) {
  const { t, i18n } = useFlowTranslation();
  if (!messages?.length) return null;
  return (
    <span className="field__error" id={`${id}-error`}>
      <span className="visually-hidden">{t("journey:form.errorPrefix")}</span>
      {messages.map((m) => issueText(t, i18n.language, m)).join(" ")}
    </span>
  );
}

function describedBy(id: string, hint: boolean, error: boolean) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Legend({ title, asPageHeading }: { title: string; asPageHeading?: boolean }) {
  return <legend className="field__label">{asPageHeading ? <h1>{title}</h1> : title}</legend>;
}

function Hint({ id, question }: { id: string; question: Question }) {
  const { t } = useFlowTranslation();
  if (!question.texts.hint) return null;
  return (
    <span className="field__hint" id={`${id}-hint`}>
      {t(question.texts.hint)}
    </span>
  );
}

/** A question of several inputs: one fieldset whose legend is the question, with its hint and errors. */
function QuestionFieldset({
  question,
  id,
  messages,
  asPageHeading,
  children,
}: {
  question: Question;
  id: string;
  messages?: string[];
  asPageHeading?: boolean;
  children: ReactNode;
}) {
  const { t } = useFlowTranslation();
  return (
    <div className={`field${messages?.length ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy(id, Boolean(question.texts.hint), Boolean(messages?.length))}>
        <Legend title={t(question.texts.title)} asPageHeading={asPageHeading} />
        <Hint id={id} question={question} />
        <ErrorMessages id={id} messages={messages} />
        {children}
      </fieldset>
    </div>
  );
}

function TextInput({
  question,
  name,
  value,
  errors,
  asPageHeading,
  type = "text",
  inputMode,
  suffix,
  autoComplete,
}: FieldProps & { type?: string; inputMode?: "numeric" | "text"; suffix?: ReactNode; autoComplete?: string }) {
  // Long text (a school or a company name, a business purpose) gets a field as wide as what it holds.
  const width = question.type === "text" && (question.maxLength ?? 0) >= 50 ? " input--long" : "";
  const { t } = useFlowTranslation();
  const id = fieldId(name);
  const messages = errors[name];
  const label = t(question.texts.title);
  return (
    <div className={`field${messages?.length ? " field--error" : ""}`}>
      {asPageHeading ? (
        <h1>
          <label className="field__label" htmlFor={id}>
            {label}
          </label>
        </h1>
      ) : (
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      )}
      <Hint id={id} question={question} />
      <ErrorMessages id={id} messages={messages} />
      <input
        className={`input${width}${messages?.length ? " input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        defaultValue={asString(value)}
        aria-invalid={messages?.length ? true : undefined}
        aria-describedby={describedBy(id, Boolean(question.texts.hint), Boolean(messages?.length))}
      />
      {suffix ? <span> {suffix}</span> : null}
    </div>
  );
}

function Options({ question, name, value, errors, asPageHeading }: FieldProps) {
  const { t } = useFlowTranslation();
  const id = fieldId(name);
  const messages = errors[name];
  const ns = question.i18nKey.split(":")[0];
  const options =
    question.type === "yesNo"
      ? [
          { value: "yes", label: `${ns}:yesNo.yes` },
          { value: "no", label: `${ns}:yesNo.no` },
        ]
      : question.options ?? [];
  const multiple = question.type === "choice" && question.multiple;
  const selected = new Set(
    (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((v) =>
      v === true ? "yes" : v === false ? "no" : String(v)
    )
  );
  return (
    <QuestionFieldset question={question} id={id} messages={messages} asPageHeading={asPageHeading}>
      <div className={multiple ? "checkboxes" : "radios"}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className="choice" key={option.value}>
              <input
                id={optionId}
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={option.value}
                defaultChecked={selected.has(option.value)}
              />
              <label htmlFor={optionId}>{t(option.label)}</label>
            </div>
          );
        })}
      </div>
    </QuestionFieldset>
  );
}

function AddressFields({ question, name, value, errors, asPageHeading, townChoices }: FieldProps) {
  const { t } = useFlowTranslation();
  const id = fieldId(name);
  const address = (value ?? {}) as Record<string, unknown>;
  const messages = errors[name];
  const part = (partId: string) => question.parts?.find((p) => p.id === partId);
  // A Japanese address line runs to 30 characters or more (東京都千代田区神田神保町二丁目3番4号): wide fields, a short postal code.
  const widthOf = (partId: string) => (partId === "postalCode" ? " input--postal-code" : " input--address");
  const partInput = (partId: string, options: { readOnly?: boolean; autoComplete?: string } = {}) => {
    const p = part(partId);
    if (!p) return null;
    const partName = `${name}.${partId}`;
    const partIdAttr = fieldId(partName);
    const partMessages = errors[partName];
    return (
      <div className={`field${partMessages?.length ? " field--error" : ""}`} key={partId}>
        <label className="field__label" htmlFor={partIdAttr}>
          {t(p.label)}
          {p.optional ? ` ${t("journey:form.optional")}` : ""}
        </label>
        <ErrorMessages id={partIdAttr} messages={partMessages} />
        <input
          // Keyed by the value the server sent: after a look-up with JavaScript (no page load) an uncontrolled
          // field would otherwise keep the prefecture or town of the earlier postal code.
          key={`${asString(address.postalCode)}|${asString(address[partId])}`}
          className={`input${widthOf(partId)}${partMessages?.length ? " input--error" : ""}`}
          id={partIdAttr}
          name={partName}
          defaultValue={asString(address[partId])}
          readOnly={options.readOnly}
          autoComplete={options.autoComplete ?? "off"}
          aria-invalid={partMessages?.length ? true : undefined}
          aria-describedby={partMessages?.length ? `${partIdAttr}-error` : undefined}
        />
      </div>
    );
  };
  const townName = `${name}.town`;
  return (
    <QuestionFieldset question={question} id={id} messages={messages} asPageHeading={asPageHeading}>
      {partInput("postalCode", { autoComplete: "postal-code" })}
      <p>
        <button className="button button--secondary" type="submit" name="intent" value="lookup" formNoValidate>
          {t("journey:form.findAddress")}
        </button>
      </p>
      <input type="hidden" name={`${name}.municipalityCode`} value={asString(address.municipalityCode)} />
      <input type="hidden" name={POSTAL_CODE_SHOWN} value={address.prefecture ? asString(address.postalCode) : ""} />
      {partInput("prefecture", { readOnly: true })}
      {partInput("municipality", { readOnly: true })}
      {townChoices && townChoices.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={fieldId(townName)}>
            {t(part("town")?.label ?? "")}
          </label>
          <select key={`${asString(address.postalCode)}-${asString(address.town)}`} className="input input--address" id={fieldId(townName)} name={townName} defaultValue={asString(address.town)}>
            {townChoices.map((choice) => (
              <option key={choice.town} value={choice.town}>
                {choice.town}
              </option>
            ))}
          </select>
        </div>
      ) : (
        partInput("town")
      )}
      {partInput("street", { autoComplete: "address-line2" })}
      {partInput("building", { autoComplete: "address-line3" })}
    </QuestionFieldset>
  );
}

function GroupFields({ question, name, value, errors, asPageHeading }: FieldProps) {
  const { t } = useFlowTranslation();
  const id = fieldId(name);
  const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const messages = errors[name];
  return (
    <QuestionFieldset question={question} id={id} messages={messages} asPageHeading={asPageHeading}>
      {items.length === 0 ? <p id={id}>{t("journey:form.noItems")}</p> : null}
      {items.map((item, index) => (
        <fieldset className="group-item card" key={index} id={index === 0 ? id : undefined}>
          <legend className="field__label">{t(`${question.i18nKey}.item`, { number: index + 1 })}</legend>
          {(question.fields ?? []).map((field) => (
            <QuestionField key={field.id} question={field} name={`${name}[${index}].${field.id}`} value={item?.[field.id]} errors={errors} />
          ))}
          <button className="button button--secondary" type="submit" name="intent" value={`remove-${index}`} formNoValidate>
            {t(`${question.i18nKey}.remove`, { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      {items.length < (question.max ?? 20) ? (
        <p>
          <button className="button button--secondary" type="submit" name="intent" value="add" formNoValidate>
            {t(`${question.i18nKey}.add`)}
          </button>
        </p>
      ) : null}
    </QuestionFieldset>
  );
}

/** Renders any question type; nested group fields render through it too. */
export function QuestionField(props: FieldProps) {
  const { t } = useFlowTranslation();
  switch (props.question.type) {
    case "date":
      return <TextInput {...props} type="date" />;
    case "number":
      return <TextInput {...props} inputMode="numeric" />;
    case "money":
      return <TextInput {...props} inputMode="numeric" suffix={t("journey:form.yen")} />;
    case "choice":
    case "yesNo":
      return <Options {...props} />;
    case "address":
      return <AddressFields {...props} />;
    case "group":
      return <GroupFields {...props} />;
    default:
      return <TextInput {...props} />;
  }
}
