// The citizen's cases (and those of whom they act for), newest first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { DataTable } from "~/components/data-table/data-table";
import { recordDataRead, requireApplicant } from "~/identity/auth.server";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { listCasesForApplicant } from "../../db/queries/cases";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: journeyNamespaces };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const db = getDb();
  const cases = listCasesForApplicant(db, { applicantId: auth.subject.id });
  recordDataRead(db, auth, { dataSubjectId: auth.subject.id, subjectType: "cases", subjectId: auth.subject.id, purpose: "case.list" });
  return {
    title: await pageTitle(request, "cases.title", "journey"),
    cases: cases.map((c) => ({ reference: c.reference, lifeEventId: c.lifeEventId, status: c.status, createdAt: c.createdAt })),
  };
}

export default function Cases() {
  const { t, i18n } = useTranslation();
  const { cases } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("journey:cases.title")}</h1>
      {cases.length === 0 ? (
        <p>{t("journey:cases.none")}</p>
      ) : (
        <DataTable caption={t("journey:cases.title")}>
          <thead>
            <tr>
              <th scope="col">{t("journey:cases.reference")}</th>
              <th scope="col">{t("journey:cases.lifeEvent")}</th>
              <th scope="col">{t("journey:cases.submitted")}</th>
              <th scope="col">{t("journey:cases.status")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.reference}>
                <td>
                  <Link to={`/cases/${c.reference}`}>{c.reference}</Link>
                </td>
                <td>{t(`common:lifeEvents.${c.lifeEventId}.title`)}</td>
                <td>{formatDateTime(c.createdAt, i18n.language)}</td>
                <td>{t(`journey:caseStatus.caseStatus.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p>
        <Link to="/">{t("journey:cases.startAnother")}</Link>
      </p>
    </>
  );
}
