// One member of staff: deactivate or reactivate, move an officer to another organisation, change a role,
// or reset the second factor (a new invitation link, shown once). One's own account and the last
// administrator are refused with a reason, and nothing changes.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm } from "~/identity/auth.server";
import { publicOrigin } from "~/identity/security/request.server";
import { BackLink } from "~/components/admin-table/admin-table";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { organisationOptions } from "~/admin/organisations.server";
import { changeOrganisation, changeRole, deactivateStaff, invitationLink, reactivateStaff, resetSecondFactor, staffMember, StaffRefusedError } from "~/admin/staff.server";
import { staffRoles, type StaffRole } from "~/admin/staff-schemas";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request);
  const lang = await adminLanguage(request);
  const member = staffMember(getDb(), { userId: params.userId ?? "", lang });
  if (!member) throw new Response("Not Found", { status: 404 });
  return { title: await pageTitle(request, "staffMember.title", "admin"), member, isSelf: member.id === auth.user.id, organisations: organisationOptions(lang) };
}

type ActionData = { refusal?: string; reset?: { link: string; expiresAt: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request);
  const form = await readVerifiedForm(request);
  const userId = params.userId ?? "";
  const actor = auth.user.id;
  const db = getDb();
  const intent = String(form.get("intent") ?? "");
  try {
    switch (intent) {
      case "deactivate":
        deactivateStaff(db, { userId, actor });
        return redirect(`/admin/staff/${userId}?done=deactivated`);
      case "reactivate":
        reactivateStaff(db, { userId, actor });
        return redirect(`/admin/staff/${userId}?done=reactivated`);
      case "organisation":
        changeOrganisation(db, { userId, agencyId: String(form.get("agencyId") ?? ""), actor });
        return redirect(`/admin/staff/${userId}?done=organisation`);
      case "role": {
        const role = String(form.get("role") ?? "");
        if (!(staffRoles as readonly string[]).includes(role)) return data<ActionData>({ refusal: "staff.errors.roleRequired" }, { status: 400 });
        changeRole(db, { userId, role: role as StaffRole, agencyId: String(form.get("agencyId") ?? "") || undefined, actor });
        return redirect(`/admin/staff/${userId}?done=role`);
      }
      case "resetSecondFactor": {
        const invitation = resetSecondFactor(db, { userId, actor });
        return data<ActionData>({ reset: { link: invitationLink(publicOrigin(request), invitation.token), expiresAt: invitation.expiresAt.toISOString() } });
      }
      default:
        return data<ActionData>({ refusal: "staff.refused.unknownIntent" }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof StaffRefusedError) return data<ActionData>({ refusal: error.refusal }, { status: 409 });
    throw error;
  }
}

const doneNotices = ["deactivated", "reactivated", "organisation", "role"];

export default function StaffMember() {
  const { t, i18n } = useTranslation("admin");
  const { member, isSelf, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <>
      <BackLink to="/admin/staff" label={t("staffMember.back")} />
      <ErrorSummary errors={actionData?.refusal ? [{ message: t(actionData.refusal) }] : []} />
      {done && doneNotices.includes(done) && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`staffMember.done.${done}`)}</p>
        </div>
      ) : null}
      {actionData?.reset ? (
        <section className="notice" role="status" aria-labelledby="reset-heading">
          <h2 id="reset-heading">{t("staffMember.reset.done")}</h2>
          <p>{t("staff.invited.body", { expiresAt: formatDateTime(actionData.reset.expiresAt, i18n.language) })}</p>
          <p>
            <code className="invitation-link" data-testid="invitation-link">
              {actionData.reset.link}
            </code>
          </p>
        </section>
      ) : null}
      <span className="caption">{t(`staff.roles.${member.role}`)}</span>
      <h1>{member.displayName}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("staff.columns.loginId")}</dt>
          <dd>{member.loginId}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("staff.columns.organisation")}</dt>
          <dd>{member.organisation ?? t("staff.noOrganisation")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("staff.columns.state")}</dt>
          <dd>{t(`staff.states.${member.state}`)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("staffMember.secondFactor")}</dt>
          <dd>{t(member.hasSecondFactor ? "staffMember.secondFactorSet" : "staffMember.secondFactorNotSet")}</dd>
        </div>
      </dl>

      {isSelf ? <p>{t("staffMember.self")}</p> : null}
      <div className="card-list">
        <section aria-labelledby="state-heading" className="card">
          <h2 id="state-heading">{t(member.state === "deactivated" ? "staffMember.reactivate.heading" : "staffMember.deactivate.heading")}</h2>
          <p>{t(member.state === "deactivated" ? "staffMember.reactivate.body" : "staffMember.deactivate.body")}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value={member.state === "deactivated" ? "reactivate" : "deactivate"} />
            <button type="submit" className="button button--secondary">
              {t(member.state === "deactivated" ? "staffMember.reactivate.submit" : "staffMember.deactivate.submit")}
            </button>
          </Form>
        </section>
        {member.role === "officer" ? (
          <section aria-labelledby="organisation-heading" className="card">
            <h2 id="organisation-heading">{t("staffMember.organisation.heading")}</h2>
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="organisation" />
              <div className="field">
                <label className="field__label" htmlFor="member-agencyId">
                  {t("staffMember.organisation.label")}
                </label>
                <select id="member-agencyId" name="agencyId" className="input" defaultValue={member.agencyId ?? ""}>
                  {organisations.map((organisation) => (
                    <option key={organisation.id} value={organisation.id}>
                      {organisation.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--secondary">
                {t("staffMember.organisation.submit")}
              </button>
            </Form>
          </section>
        ) : null}
        <section aria-labelledby="role-heading" className="card">
          <h2 id="role-heading">{t("staffMember.role.heading")}</h2>
          <p>{t("staffMember.role.body")}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="role" />
            <div className="field">
              <label className="field__label" htmlFor="member-role">
                {t("staffMember.role.label")}
              </label>
              <select id="member-role" name="role" className="input" defaultValue={member.role}>
                {staffRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`staff.roles.${role}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("staffMember.role.submit")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="reset-second-factor-heading" className="card">
          <h2 id="reset-second-factor-heading">{t("staffMember.reset.heading")}</h2>
          <p>{t("staffMember.reset.body")}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="resetSecondFactor" />
            <button type="submit" className="button button--secondary">
              {t("staffMember.reset.submit")}
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
