// Who used my data: every read and every send of the data of the person (or company) the user acts for,
// from the audit log: which organisation, what, for what purpose, and when.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { DataTable } from "~/components/data-table/data-table";
import { recordDataRead, requireApplicant } from "~/identity/auth.server";
import { formatDateTime } from "~/platform/format";
import { listDataUse } from "~/cases/data-use.server";
import { getDb } from "../../db/client.server";
import { isLanguage } from "~/platform/i18n/config";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const locale = await i18nServer.getLocale(request);
  const db = getDb();
  const rows = listDataUse(db, { dataSubjectId: auth.subject.id, language: isLanguage(locale) ? locale : "ja" });
  // Someone acting for another person reads that person's log: that reading shows up in the log too.
  if (auth.actingFor) {
    recordDataRead(db, auth, { dataSubjectId: auth.subject.id, subjectType: auth.subject.type, subjectId: auth.subject.id, purpose: "data-use-log" });
  }
  return { title: await pageTitle(request, "dataUse.title", "auth"), subjectName: auth.subject.name, actingFor: auth.actingFor !== null, rows };
}

export default function DataUse() {
  const { t, i18n } = useTranslation("auth");
  const { subjectName, actingFor, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("dataUse.title")}</h1>
      <p>{actingFor ? t("dataUse.leadFor", { name: subjectName }) : t("dataUse.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("dataUse.empty")}</p>
      ) : (
        <DataTable caption={t("dataUse.title")}>
          <thead>
            <tr>
              <th scope="col">{t("dataUse.when")}</th>
              <th scope="col">{t("dataUse.who")}</th>
              <th scope="col">{t("dataUse.what")}</th>
              <th scope="col">{t("dataUse.purpose")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDateTime(row.at, i18n.language)}</td>
                <td>{row.whoKind === "portal" ? t("dataUse.portal") : row.who}</td>
                <td>{t(`dataUse.actions.${row.what}`)}</td>
                <td>
                  {row.purpose
                    ? t(`dataUse.purposes.${row.purpose.key}`, {
                        procedure: row.purpose.procedure,
                        lifeEvent: row.purpose.lifeEventId ? t(`common:lifeEvents.${row.purpose.lifeEventId}.title`) : undefined,
                      })
                    : t("dataUse.noPurpose")}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
