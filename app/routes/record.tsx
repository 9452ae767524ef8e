// My record: what the government holds about the person (or company) the user acts for, each value with
// its source and date. Every view is recorded in the access log the person can read.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { recordDataRead, requireApplicant } from "~/identity/auth.server";
import { recordSourceText } from "~/components/record-source/record-source";
import { inRecordOrder, RecordValue } from "~/components/record-value/record-value";
import { formatDate } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { maskIdentityNumbers, readRecordAttributes } from "~/identity/security/identity-numbers.server";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: journeyNamespaces };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const db = getDb();
  // Identity numbers leave the server masked: the page shows that the portal holds one, not the number.
  const attributes = maskIdentityNumbers(readRecordAttributes(db, { subjectId: auth.subject.id }));
  recordDataRead(db, auth, { dataSubjectId: auth.subject.id, subjectType: "record", subjectId: auth.subject.id, purpose: "record.view" });
  return { title: await pageTitle(request, "record.title", "journey"), subject: auth.subject, attributes };
}

export default function RecordPage() {
  const { t, i18n } = useTranslation();
  const { subject, attributes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("journey:record.title")}</h1>
      <p className="lead">{t("journey:record.lead", { name: subject.name })}</p>
      <dl className="summary-list">
        {inRecordOrder(attributes).map((attribute) => (
          <div className="summary-list__row" key={attribute.key}>
            <dt>{t(`journey:record.attributes.${attribute.key.replace(".", "_")}`)}</dt>
            <dd>
              <RecordValue attributeKey={attribute.key} value={attribute.value} />
            </dd>
            <dd className="summary-list__meta">
              {attribute.source.kind === "case" ? (
                <Link to={`/cases/${attribute.source.ref}`}>{t("journey:record.source", { source: t("journey:sources.case", { ref: attribute.source.ref }) })}</Link>
              ) : (
                t("journey:record.source", { source: recordSourceText(t, attribute.source) })
              )}
              <br />
              {t("journey:record.asOf", { date: formatDate(attribute.recordedAt, i18n.language) })}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to="/account/data-use">{t("journey:record.dataUse")}</Link>
      </p>
    </>
  );
}
