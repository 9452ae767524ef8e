// The audit log for administrators: a GET form (person, case reference, organisation, action, dates), so a
// search works without JavaScript and can be kept as a link; the entries newest first, 50 a page, paged by
// key; and audit:verify run from the page, its result in words. Entries show references only, no personal data.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { auditActions, readAuditQuery, runAuditVerification, searchAudit, type AuditRow } from "~/admin/audit.server";
import { organisationOptions } from "~/admin/organisations.server";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { withParam } from "~/admin/paging";
import { AdminTable, BackToConsole, Pager } from "~/components/admin-table/admin-table";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { readVerifiedForm } from "~/identity/auth.server";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdministrator(request);
  const lang = await adminLanguage(request);
  const db = getDb();
  const { before, after, problems, ...query } = readAuditQuery(new URL(request.url).searchParams);
  const result = problems.length > 0 ? { rows: [], newer: null, older: null } : searchAudit(db, { query, before, after, lang });
  return {
    title: await pageTitle(request, "audit.title", "admin"),
    query,
    problems,
    ...result,
    actions: auditActions(db),
    organisations: organisationOptions(lang),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request);
  const form = await readVerifiedForm(request);
  if (form.get("intent") !== "verify") return data({ refusal: "audit.refused.unknownIntent", check: null }, { status: 400 });
  return data({ refusal: null, check: await runAuditVerification(getDb(), { actor: auth.user.id }) });
}

/** An action code as words: admin:audit.actions.<code with dots as underscores>, or "another action (code)". */
function useActionName() {
  const { t, i18n } = useTranslation("admin");
  return (code: string) => {
    const key = `audit.actions.${code.replace(/\./g, "_")}`;
    return i18n.exists(`admin:${key}`) ? t(key) : t("audit.actions.other", { code });
  };
}

function VerificationResult({ check }: { check: NonNullable<ReturnType<typeof useActionData<typeof action>>>["check"] }) {
  const { t } = useTranslation("admin");
  if (!check) return null;
  if (check.ok) {
    return (
      <div className="notice" role="status" data-testid="audit-verified">
        <h2>{t("audit.verify.okHeading")}</h2>
        <p>{check.anchoredAt !== null ? t("audit.verify.ok", { entries: check.entries, anchoredAt: check.anchoredAt }) : t("audit.verify.okEmpty", { entries: check.entries })}</p>
      </div>
    );
  }
  return (
    <div className="notice notice--warning" role="alert" data-testid="audit-verified">
      <h2>{t("audit.verify.failedHeading")}</h2>
      <p>
        {check.problem === "broken"
          ? t("audit.verify.broken", { id: check.brokenAt, entries: check.entries, reason: t(`audit.verify.reasons.${check.reason}`) })
          : t(`audit.verify.problems.${check.problem}`)}
      </p>
    </div>
  );
}

export default function AuditLog() {
  const { t, i18n } = useTranslation("admin");
  const { query, problems, rows, newer, older, actions, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { search } = useLocation();
  const actionName = useActionName();
  const pageLink = (name: "before" | "after", id: number | null) => (id === null ? null : withParam(withParam(search, name === "before" ? "after" : "before", null), name, String(id)));
  const errors = problems.map((field) => ({ message: t(`audit.errors.${field}`), fieldId: `audit-${field}` }));
  const textField = (name: "person" | "reference", hint: boolean) => (
    <div className="field">
      <label className="field__label" htmlFor={`audit-${name}`}>
        {t(`audit.filters.${name}`)}
      </label>
      {hint ? (
        <span className="field__hint" id={`audit-${name}-hint`}>
          {t(`audit.filters.${name}Hint`)}
        </span>
      ) : null}
      <input className="input input--full" id={`audit-${name}`} name={name} defaultValue={query[name]} autoComplete="off" spellCheck={false} aria-describedby={hint ? `audit-${name}-hint` : undefined} />
    </div>
  );
  const selectField = (name: "agency" | "action", options: { id: string; name: string }[]) => (
    <div className="field">
      <label className="field__label" htmlFor={`audit-${name}`}>
        {t(`audit.filters.${name}`)}
      </label>
      <select className="input input--full" id={`audit-${name}`} name={name} defaultValue={query[name]}>
        <option value="">{t("audit.filters.any")}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
  const dateField = (name: "from" | "to") => (
    <div className={`field${problems.includes(name) ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={`audit-${name}`}>
        {t(`audit.filters.${name}`)}
      </label>
      {problems.includes(name) ? (
        <span className="field__error" id={`audit-${name}-error`}>
          {t(`audit.errors.${name}`)}
        </span>
      ) : null}
      <input
        className="input"
        type="date"
        id={`audit-${name}`}
        name={name}
        defaultValue={query[name]}
        aria-invalid={problems.includes(name) ? true : undefined}
        aria-describedby={problems.includes(name) ? `audit-${name}-error` : undefined}
      />
    </div>
  );
  return (
    <>
      <BackToConsole />
      <ErrorSummary errors={[...errors, ...(actionData?.refusal ? [{ message: t(actionData.refusal) }] : [])]} />
      {actionData?.check ? <VerificationResult check={actionData.check} /> : null}
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>

      <Form method="get" aria-labelledby="audit-filters-heading" className="card">
        <h2 id="audit-filters-heading">{t("audit.filters.heading")}</h2>
        <div className="audit-filters__fields">
          {textField("person", true)}
          {textField("reference", true)}
          {selectField("agency", organisations)}
          {selectField(
            "action",
            actions.map((code) => ({ id: code, name: actionName(code) })),
          )}
          {dateField("from")}
          {dateField("to")}
        </div>
        <button type="submit" className="button">
          {t("audit.filters.submit")}
        </button>
      </Form>

      {rows.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <AdminTable<AuditRow>
          caption={t("audit.tableCaption")}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: t("audit.columns.at"), cell: (row) => formatDateTime(row.at, i18n.language) },
            { header: t("audit.columns.action"), cell: (row) => actionName(row.action) },
            {
              header: t("audit.columns.actor"),
              cell: (row) => (row.actor.kind === "staff" || row.actor.kind === "agency" ? row.actor.name : t(`audit.actors.${row.actor.kind}`, { name: row.actor.name })),
            },
            { header: t("audit.columns.dataSubject"), cell: (row) => [row.dataSubjectId, row.onBehalfOf ? t("audit.onBehalfOf", { id: row.onBehalfOf }) : null].filter(Boolean).join(" ") || t("audit.noValue") },
            { header: t("audit.columns.caseReference"), cell: (row) => row.caseReference ?? t("audit.noValue") },
            { header: t("audit.columns.subject"), cell: (row) => row.subject },
            { header: t("audit.columns.organisation"), cell: (row) => row.organisation ?? t("audit.noValue") },
            { header: t("audit.columns.id"), cell: (row) => row.id },
          ]}
        />
      )}
      <Pager label={t("audit.pagerLabel")} previous={pageLink("after", newer)} next={pageLink("before", older)} />

      <section aria-labelledby="audit-verify-heading" className="card">
        <h2 id="audit-verify-heading">{t("audit.verify.heading")}</h2>
        <p>{t("audit.verify.body")}</p>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="verify" />
          <button type="submit" className="button button--secondary">
            {t("audit.verify.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
