// Choose who you act for: yourself, a household member you are authorised for, or your company. The
// choice starts a new session (new token), and the audit log of the person acted for records it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { applicantRoles, listSubjects, readVerifiedForm, requireUser } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { startSession } from "~/identity/session.server";
import { afterSignIn } from "~/identity/sign-in.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, { roles: applicantRoles });
  return {
    title: await pageTitle(request, "actFor.title", "auth"),
    subjects: listSubjects(auth.user.id),
    current: auth.subject?.id ?? null,
    redirectTo: new URL(request.url).searchParams.get("redirectTo") ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireUser(request, { roles: applicantRoles });
  const subjectId = String(form.get("subjectId") ?? "");
  const subject = listSubjects(auth.user.id).find((s) => s.id === subjectId);
  if (!subject) throw new Response("Not Found", { status: 404 });
  const self = subject.relationship === "self";
  // A change of subject is a change of privilege: rotate the session id, keep its absolute end.
  const { setCookie } = await startSession(
    request,
    { userId: auth.user.id, stage: "active", method: auth.session.method, actingFor: self ? null : subject.id, expiresAt: auth.session.absoluteExpiresAt.toISOString(), verifiedAt: auth.session.verifiedAt },
    {
      audit: {
        actor: auth.user.id,
        onBehalfOf: self ? null : subject.id,
        action: "subject.acting-for",
        subjectType: subject.type,
        subjectId: subject.id,
        dataSubjectId: self ? null : subject.id,
        purpose: "acting-for",
      },
    },
  );
  return redirect(afterSignIn(String(form.get("redirectTo") ?? ""), auth.user.role), { headers: { "Set-Cookie": setCookie } });
}

export default function ActFor() {
  const { t } = useTranslation("auth");
  const { subjects, current, redirectTo } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("actFor.title")}</h1>
      <p>{t("actFor.lead")}</p>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <fieldset className="field">
          <legend className="field__label">{t("actFor.legend")}</legend>
          {subjects.map((subject) => (
            <div key={subject.id} className="radio">
              <input type="radio" id={`subject-${subject.id}`} name="subjectId" value={subject.id} defaultChecked={subject.id === current} required />
              <label htmlFor={`subject-${subject.id}`}>
                {t("actFor.option", { name: subject.name, relationship: t(`actFor.relationships.${subject.relationship}`) })}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("actFor.submit")}
        </button>
      </Form>
    </>
  );
}
