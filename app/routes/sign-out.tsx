// Sign out of this browser, or everywhere (every session of the account). A POST with the CSRF token,
// so another site cannot sign a person out; the page itself confirms the result.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { getOptionalUser, readVerifiedForm } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { getDb } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { logger } from "~/platform/logger.server";
import { rotateCsrfCookie } from "~/identity/security/csrf.server";
import { endAllSessions, endSession } from "~/identity/session.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getOptionalUser(request);
  const done = new URL(request.url).searchParams.get("done");
  return { title: await pageTitle(request, "signOut.title", "auth"), signedIn: auth !== null, done: done === "this" || done === "everywhere" ? done : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await getOptionalUser(request, { touch: false });
  const everywhere = form.get("intent") === "everywhere";
  const headers = new Headers();
  if (auth) {
    const db = getDb();
    db.transaction((tx) => {
      if (everywhere) endAllSessions(auth.user.id, { db: tx });
      appendAuditEntry(tx, {
        actor: auth.user.id,
        action: everywhere ? "session.signed-out-everywhere" : "session.signed-out",
        subjectType: "user",
        subjectId: auth.user.id,
      });
    });
    logger.info("signed out", { userId: auth.user.id, everywhere });
  }
  headers.append("Set-Cookie", await endSession(request));
  headers.append("Set-Cookie", await rotateCsrfCookie());
  return redirect(`/sign-out?done=${everywhere ? "everywhere" : "this"}`, { headers });
}

export default function SignOut() {
  const { t } = useTranslation("auth");
  const { signedIn, done } = useLoaderData<typeof loader>();
  if (!signedIn) {
    return (
      <>
        <h1>{t(done === "everywhere" ? "signOut.doneEverywhere" : "signOut.done")}</h1>
        <p>{t("signOut.doneBody")}</p>
        <p>
          <Link to="/sign-in">{t("signOut.signInAgain")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("signOut.title")}</h1>
      <p>{t("signOut.lead")}</p>
      <Form method="post" className="button-group">
        <CsrfField />
        <button type="submit" name="intent" value="this" className="button">
          {t("signOut.this")}
        </button>
        <button type="submit" name="intent" value="everywhere" className="button button--secondary">
          {t("signOut.everywhere")}
        </button>
      </Form>
    </>
  );
}
