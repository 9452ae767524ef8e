// Staff accounts: who works in Madoguchi (role, organisation, state; 20 a page by login ID), and inviting someone by a one-time
// link that expires. The link is shown once, on the answer to the invitation, and never stored.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm } from "~/identity/auth.server";
import { publicOrigin } from "~/identity/security/request.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { AdminTable, BackToConsole, Pager } from "~/components/admin-table/admin-table";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { organisationOptions } from "~/admin/organisations.server";
import { pageLinks, pageOf } from "~/admin/paging";
import { invitationLink, inviteStaff, listStaff, StaffRefusedError } from "~/admin/staff.server";
import { inviteSchema, staffRoles } from "~/admin/staff-schemas";
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
  const staff = pageOf(listStaff(getDb(), { lang }), new URL(request.url).searchParams.get("page"));
  return { title: await pageTitle(request, "staff.title", "admin"), staff, organisations: organisationOptions(lang) };
}

type Fields = { role?: string; loginId?: string; displayName?: string; agencyId?: string };
type ActionData = { errors?: Record<string, string>; refusal?: string; values?: Fields; invited?: { link: string; expiresAt: string; loginId: string } };

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request);
  const form = await readVerifiedForm(request);
  const values: Fields = Object.fromEntries(["role", "loginId", "displayName", "agencyId"].map((key) => [key, String(form.get(key) ?? "")]));
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]).reverse());
    return data<ActionData>({ errors, values }, { status: 400 });
  }
  try {
    const invited = inviteStaff(getDb(), { input: parsed.data, actor: auth.user.id });
    return data<ActionData>({ invited: { link: invitationLink(publicOrigin(request), invited.token), expiresAt: invited.expiresAt.toISOString(), loginId: parsed.data.loginId } });
  } catch (error) {
    if (error instanceof StaffRefusedError) return data<ActionData>({ refusal: error.refusal, values }, { status: 409 });
    throw error;
  }
}

export default function Staff() {
  const { t, i18n } = useTranslation("admin");
  const { staff, organisations } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { previous, next } = pageLinks(search, staff);
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.invited ? {} : (actionData?.values ?? {});
  const fieldError = (name: string) =>
    errors[name] ? (
      <span className="field__error" id={`invite-${name}-error`}>
        {t(errors[name])}
      </span>
    ) : null;
  const describedBy = (name: string, hint = false) => [hint ? `invite-${name}-hint` : "", errors[name] ? `invite-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <BackToConsole />
      <ErrorSummary
        errors={[
          ...(actionData?.refusal ? [{ message: t(actionData.refusal) }] : []),
          ...Object.entries(errors).map(([name, message]) => ({ message: t(message), fieldId: `invite-${name}` })),
        ]}
      />
      {actionData?.invited ? (
        <section className="notice" role="status" aria-labelledby="invited-heading">
          <h2 id="invited-heading">{t("staff.invited.heading", { loginId: actionData.invited.loginId })}</h2>
          <p>{t("staff.invited.body", { expiresAt: formatDateTime(actionData.invited.expiresAt, i18n.language) })}</p>
          <p>
            <code className="invitation-link" data-testid="invitation-link">
              {actionData.invited.link}
            </code>
          </p>
        </section>
      ) : null}
      <h1>{t("staff.title")}</h1>
      <p className="lead">{t("staff.lead")}</p>

      <AdminTable
        caption={t("staff.tableCaption")}
        rows={staff.items}
        rowKey={(member) => member.id}
        columns={[
          { header: t("staff.columns.name"), cell: (member) => <Link to={`/admin/staff/${member.id}`}>{member.displayName}</Link> },
          { header: t("staff.columns.loginId"), cell: (member) => member.loginId },
          { header: t("staff.columns.role"), cell: (member) => t(`staff.roles.${member.role}`) },
          { header: t("staff.columns.organisation"), cell: (member) => member.organisation ?? t("staff.noOrganisation") },
          { header: t("staff.columns.state"), cell: (member) => t(`staff.states.${member.state}`) },
        ]}
      />
      <Pager label={t("staff.pagerLabel")} position={t("staff.position", { from: staff.from, to: staff.to, total: staff.total })} previous={previous} next={next} />

      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">{t("staff.invite.heading")}</h2>
        <p>{t("staff.invite.lead")}</p>
        <Form method="post">
          <CsrfField />
          <div className={`field${errors.role ? " field--error" : ""}`}>
            <label className="field__label" htmlFor="invite-role">
              {t("staff.invite.role")}
            </label>
            {fieldError("role")}
            <select id="invite-role" name="role" className="input" defaultValue={values.role ?? ""} aria-describedby={describedBy("role")}>
              <option value="">{t("staff.invite.choose")}</option>
              {staffRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`staff.roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${errors.loginId ? " field--error" : ""}`}>
            <label className="field__label" htmlFor="invite-loginId">
              {t("staff.invite.loginId")}
            </label>
            <span className="field__hint" id="invite-loginId-hint">
              {t("staff.invite.loginIdHint")}
            </span>
            {fieldError("loginId")}
            <input id="invite-loginId" name="loginId" className="input" autoComplete="off" spellCheck={false} defaultValue={values.loginId ?? ""} aria-describedby={describedBy("loginId", true)} />
          </div>
          <div className={`field${errors.displayName ? " field--error" : ""}`}>
            <label className="field__label" htmlFor="invite-displayName">
              {t("staff.invite.displayName")}
            </label>
            {fieldError("displayName")}
            <input id="invite-displayName" name="displayName" className="input" autoComplete="off" defaultValue={values.displayName ?? ""} aria-describedby={describedBy("displayName")} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="invite-agencyId">
              {t("staff.invite.organisation")}
            </label>
            <span className="field__hint" id="invite-agencyId-hint">
              {t("staff.invite.organisationHint")}
            </span>
            <select id="invite-agencyId" name="agencyId" className="input" defaultValue={values.agencyId ?? ""} aria-describedby="invite-agencyId-hint">
              <option value="">{t("staff.invite.noOrganisation")}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("staff.invite.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
