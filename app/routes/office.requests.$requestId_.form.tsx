// The officer's printable copy of one procedure request's official form, filled with what the citizen consented
// to send (the read is audited as on the request page). Another organisation's request is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { requireOfficer } from "~/identity/auth.server";
import { PrintableForm } from "~/components/official-form/official-form";
import { pageLanguage, procedurePageView } from "~/office/office.server";
import { agencyName } from "~/platform/agencies.server";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["office"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireOfficer(request);
  const lang = await pageLanguage(request);
  const page = procedurePageView(getDb(), auth, params.requestId, { lang });
  if (!page.form) throw new Response("Not Found", { status: 404 });
  return {
    title: await pageTitle(request, "request.form.print.title", "office"),
    view: {
      id: page.id,
      procedureName: page.procedureName,
      organisation: agencyName(auth.agencyId, lang),
      caseReference: page.caseReference,
      filedAt: page.receivedAt,
      form: page.form,
    },
  };
}

export default function PrintableOfficeForm() {
  const { t, i18n } = useTranslation("office");
  const { view } = useLoaderData<typeof loader>();
  return (
    <PrintableForm view={view} backHref={`/office/requests/${view.id}`} backText={t("request.form.print.backToRequest")} filedAtText={formatDateTime(view.filedAt, i18n.language)} />
  );
}
