// An answer as the person reads it back on check answers: dates, yen, addresses and lists in their language.
import type { QuestionView as Question } from "~/journeys/question-view";
import { useFlowTranslation } from "../flow-texts/flow-texts";
import { formatAddress, formatDate, formatYen, type AddressLike } from "~/platform/format";

export function AnswerText({ question, value }: { question: Question; value: unknown }) {
  const { t, i18n } = useFlowTranslation();
  const ns = question.i18nKey.split(":")[0];
  if (value === undefined || value === null || value === "") return <>{t("journey:answers.notGiven")}</>;
  switch (question.type) {
    case "date":
      return <>{formatDate(String(value), i18n.language)}</>;
    case "money":
      return <>{formatYen(Number(value), i18n.language)}</>;
    case "yesNo":
      return <>{t(`${ns}:yesNo.${value ? "yes" : "no"}`)}</>;
    case "choice": {
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0) return <>{t("journey:answers.none")}</>;
      const label = (v: unknown) => t(question.options?.find((o) => o.value === v)?.label ?? String(v));
      return <>{values.map(label).join(t("journey:answers.separator"))}</>;
    }
    case "address":
      return <>{formatAddress(value as AddressLike)}</>;
    case "group": {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (items.length === 0) return <>{t("journey:answers.none")}</>;
      return (
        <ul className="plain-list">
          {items.map((item, index) => (
            <li key={index}>
              {(question.fields ?? []).map((field, fieldIndex) => (
                <span key={field.id}>
                  {fieldIndex > 0 ? t("journey:answers.separator") : null}
                  <AnswerText question={field} value={item[field.id]} />
                </span>
              ))}
            </li>
          ))}
        </ul>
      );
    }
    default:
      return <>{String(value)}</>;
  }
}
