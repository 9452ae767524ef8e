// Words an organisation's staff wrote themselves (a question, a note with a rejection): quoted as theirs, in
// their language (the lang attribute lets a screen reader pronounce them), with a note when the reader reads
// the page in another language, because Madoguchi does not translate them.
import { useTranslation } from "~/platform/i18n/texts";

export type OrganisationWordsValue = { text: string; lang: "ja" | "en" };

export function OrganisationWords({ words, organisation, testId }: { words: OrganisationWordsValue; organisation: string; testId?: string }) {
  const { t, i18n } = useTranslation("journey");
  const readerLang = i18n.language === "en" ? "en" : "ja";
  return (
    <figure className="organisation-words" data-testid={testId}>
      <blockquote className="organisation-words__text office-text" lang={words.lang}>
        {words.text}
      </blockquote>
      <figcaption className="organisation-words__caption">
        {t("organisationWords.caption", { organisation })}
        {words.lang !== readerLang ? ` ${t(`organisationWords.otherLanguage.${words.lang}`)}` : ""}
      </figcaption>
    </figure>
  );
}
