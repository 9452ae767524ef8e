// Dead letters: every delivery that ended without success, oldest first, 20 a page, optionally of one
// organisation; retrying all of an organisation's at once after its outage.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { AdminTable, BackToConsole, Pager } from "~/components/admin-table/admin-table";
import { DeliveryError } from "~/components/delivery-error/delivery-error";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { pageDeadLetters, retryAllForAgency } from "~/admin/dead-letters.server";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { pageLinks } from "~/admin/paging";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request);
  const params = new URL(request.url).searchParams;
  const agencyId = params.get("agency") || undefined;
  const lang = await adminLanguage(request);
  const { deadLetters, organisations } = pageDeadLetters(getDb(), { lang, agencyId, page: params.get("page") });
  return { title: await pageTitle(request, "deadLetters.title", "admin"), deadLetters, organisations, agencyId: agencyId ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request);
  const form = await readVerifiedForm(request);
  const agencyId = String(form.get("agencyId") ?? "");
  if (form.get("intent") !== "retryAll" || !agencyId) return data({ refusal: "deadLetters.refused.noOrganisation" }, { status: 400 });
  const { retried, refused } = retryAllForAgency(getDb(), { agencyId, actor: auth.user.id });
  if (retried === 0 && refused === 0) return data({ refusal: "deadLetters.refused.noneForOrganisation" }, { status: 409 });
  return redirect(`/admin/dead-letters?retried=${retried}&refused=${refused}`);
}

export default function DeadLetters() {
  const { t, i18n } = useTranslation("admin");
  const { deadLetters, organisations, agencyId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { search } = useLocation();
  const { previous, next } = pageLinks(search, deadLetters);
  const retried = params.get("retried");
  return (
    <>
      <BackToConsole />
      {actionData?.refusal ? <ErrorSummary errors={[{ message: t(actionData.refusal) }]} /> : null}
      {retried !== null && !actionData ? (
        <div className="notice" role="status">
          <p>{t("deadLetters.retriedAll", { retried: Number(retried), refused: Number(params.get("refused") ?? 0) })}</p>
        </div>
      ) : null}
      {(params.get("retriedOne") || params.get("closed")) && !actionData ? (
        <div className="notice" role="status">
          <p>{t(params.get("closed") ? "deadLetters.closedOne" : "deadLetters.retriedOne")}</p>
        </div>
      ) : null}
      <h1>{t("deadLetters.title")}</h1>
      <p className="lead">{t("deadLetters.lead")}</p>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t("deadLetters.byOrganisation")}</h2>
        {organisations.length === 0 ? (
          <p>{t("deadLetters.none")}</p>
        ) : (
          <ul className="admin-list">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <Link to={`?agency=${encodeURIComponent(organisation.id)}`} aria-current={agencyId === organisation.id ? "true" : undefined}>
                  {t("deadLetters.organisationCount", { name: organisation.name, count: organisation.count })}
                </Link>
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="retryAll" />
                  <input type="hidden" name="agencyId" value={organisation.id} />
                  <button type="submit" className="button button--secondary">
                    {t("deadLetters.retryAll", { name: organisation.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {agencyId ? <Link to="/admin/dead-letters">{t("deadLetters.showAll")}</Link> : null}
      </section>

      {deadLetters.total > 0 ? (
        <>
        <AdminTable
          caption={t("deadLetters.tableCaption")}
          rows={deadLetters.items}
          rowKey={(dead) => dead.outboxId}
          columns={[
            { header: t("deadLetters.columns.caseReference"), cell: (dead) => <Link to={`/admin/dead-letters/${dead.outboxId}`}>{dead.caseReference}</Link> },
            { header: t("deadLetters.columns.organisation"), cell: (dead) => dead.organisation },
            { header: t("deadLetters.columns.procedure"), cell: (dead) => dead.procedure },
            { header: t("deadLetters.columns.attempts"), cell: (dead) => dead.attempts },
            { header: t("deadLetters.columns.reason"), cell: (dead) => <DeliveryError message={dead.reasonMessage} /> },
            { header: t("deadLetters.columns.since"), cell: (dead) => formatDateTime(dead.deadSince, i18n.language) },
          ]}
        />
        <Pager
          label={t("deadLetters.pagerLabel")}
          position={t("deadLetters.position", { from: deadLetters.from, to: deadLetters.to, total: deadLetters.total })}
          previous={previous}
          next={next}
        />
        </>
      ) : null}
    </>
  );
}
