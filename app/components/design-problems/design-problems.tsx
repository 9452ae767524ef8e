// flows:check problems shown where they arise (beside a question, a procedure or the life event). The
// messages are the command's own, in English, as a designer would read them in a terminal.
import { useTranslation } from "~/platform/i18n/texts";

export function DesignProblems({ problems, labelledBy }: { problems: readonly string[]; labelledBy?: string }) {
  const { t } = useTranslation("design");
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--warning design-problems" role="group" aria-labelledby={labelledBy}>
      <p>
        <strong>{t("checks.problems", { count: problems.length })}</strong> {t("checks.inEnglish")}
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem} lang="en">
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
