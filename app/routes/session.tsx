// The session notice: when the session ends if idle and at the latest, with a button that extends it.
// Linked from the header, so a person without JavaScript can extend their session too (WCAG 2.2.1).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { safeRedirect } from "~/identity/security/safe-redirect";
import { useTranslation } from "~/platform/i18n/texts";
import { getOptionalUser, readVerifiedForm, requireUser } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { formatTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  // Looking at the notice does not count as activity: the times shown are the real ones.
  const auth = await getOptionalUser(request, { touch: false });
  if (!auth) {
    await requireUser(request);
    throw redirect("/sign-in");
  }
  return {
    title: await pageTitle(request, "session.title", "auth"),
    idleExpiresAt: auth.session.idleExpiresAt.toISOString(),
    absoluteExpiresAt: auth.session.absoluteExpiresAt.toISOString(),
    extended: new URL(request.url).searchParams.has("extended"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  // requireUser reads the session as activity, which is exactly what extending means.
  await requireUser(request);
  // The dialog posts with a fetcher and stays on its page; the plain form goes back to the notice.
  if (form.get("from") === "dialog") return { extended: true };
  const back = new URL(request.url).searchParams.get("redirectTo");
  return redirect(back ? safeRedirect(back, "/session?extended") : "/session?extended");
}

export default function SessionNotice() {
  const { t, i18n } = useTranslation("auth");
  const { idleExpiresAt, absoluteExpiresAt, extended } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("session.title")}</h1>
      {extended ? (
        <div className="notice" role="status">
          <p>{t("session.extended")}</p>
        </div>
      ) : null}
      <p>{t("session.idle", { time: formatTime(idleExpiresAt, i18n.language) })}</p>
      <p>{t("session.absolute", { time: formatTime(absoluteExpiresAt, i18n.language) })}</p>
      <Form method="post">
        <CsrfField />
        <button type="submit" name="intent" value="extend" className="button">
          {t("session.extend")}
        </button>
      </Form>
    </>
  );
}
