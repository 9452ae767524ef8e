// One procedure's official form, filled with what the person sent, on a page laid out for printing (identity
// numbers masked as on the status page). Someone else's case or procedure is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { recordDataRead, requireApplicant } from "~/identity/auth.server";
import { printableFormView, requireCaseForApplicant } from "~/cases/case-pages.server";
import { PrintableForm } from "~/components/official-form/official-form";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["office"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const db = getDb();
  const kase = requireCaseForApplicant(db, auth, params.reference);
  const lang = (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
  const view = printableFormView(db, { kase, procedureRequestId: params.requestId, lang });
  recordDataRead(db, auth, { dataSubjectId: kase.applicantId, subjectType: "procedureRequest", subjectId: view.id, purpose: "case.status" });
  return { title: await pageTitle(request, "request.form.print.title", "office"), view };
}

export default function PrintableCaseForm() {
  const { t, i18n } = useTranslation("office");
  const { view } = useLoaderData<typeof loader>();
  return (
    <PrintableForm
      view={view}
      backHref={`/cases/${view.caseReference}#procedure-${view.id}`}
      backText={t("request.form.print.backToCase")}
      filedAtText={formatDateTime(view.filedAt, i18n.language)}
    />
  );
}
