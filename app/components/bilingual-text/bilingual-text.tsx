// A text in Japanese and English, each on its own line with its language named (the designers' wording pages).
import { useTranslation } from "~/platform/i18n/texts";

export function BilingualText({ text }: { text: { ja: string; en: string } }) {
  const { t } = useTranslation("design");
  return (
    <>
      {(["ja", "en"] as const).map((lang) => (
        <span className="design-text" key={lang}>
          <span className="summary-list__meta">{t(`texts.language.${lang}`)}</span> <span lang={lang}>{text[lang] || t("texts.missing")}</span>
        </span>
      ))}
    </>
  );
}

export type TextChangeView = { key: string; label: string; before: { ja: string; en: string }; after: { ja: string; en: string } };

/** Texts that changed, each with what it said before and after, in both languages. */
export function TextChanges({ changes }: { changes: TextChangeView[] }) {
  const { t } = useTranslation("design");
  return (
    <ul>
      {changes.map((change) => (
        <li key={change.key}>
          {change.label}
          <span className="design-text">
            {t("texts.before")} <BilingualText text={change.before} />
          </span>
          <span className="design-text">
            {t("texts.after")} <BilingualText text={change.after} />
          </span>
        </li>
      ))}
    </ul>
  );
}
