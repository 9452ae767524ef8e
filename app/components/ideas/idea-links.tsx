// The IDEA BOX's links on the citizen's question and status pages, apart from its forms so those pages do not
// download the forms (bundle weight, issue 12).
import { Link } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";

/** On question and status pages; its words are in `common`, which every page loads (not `ideas`, which they do not). */
export function SuggestImprovementLink({ lifeEventId, procedureId, questionId }: { lifeEventId?: string; procedureId?: string; questionId?: string }) {
  const { t } = useTranslation("common");
  const params = new URLSearchParams();
  if (lifeEventId) params.set("lifeEvent", lifeEventId);
  if (procedureId) params.set("procedure", procedureId);
  if (questionId) params.set("question", questionId);
  const query = params.toString();
  return (
    <p className="suggest-improvement">
      <Link to={`/ideas/new${query ? `?${query}` : ""}`}>{t("suggestImprovement")}</Link>
    </p>
  );
}

/** The optional satisfaction question's link, for a case's status page (its words are in `common`, like the link above). */
export function SatisfactionLink({ reference, ended }: { reference: string; ended: boolean }) {
  const { t } = useTranslation("common");
  return (
    <p className="suggest-improvement">
      <Link to={`/cases/${reference}/satisfaction`}>{t(ended ? "satisfactionLink.ended" : "satisfactionLink.submitted")}</Link>
    </p>
  );
}
