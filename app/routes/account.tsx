// The account page: who you are and for whom you act, your passkeys, your second factor, and where you
// are signed in, with "sign out everywhere".
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { failedSignInsOf } from "~/identity/sign-in.server";
import { applicantRoles, isRecentlyVerified, listSubjects, readVerifiedForm, requireRecentVerification, requireUser } from "~/identity/auth.server";
import { agencyName } from "~/platform/agencies.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DataTable } from "~/components/data-table/data-table";
import { PasskeyRegister } from "~/components/passkey/passkey-register";
import { formatDateTime } from "~/platform/format";
import { getDb } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { deletePasskey, listPasskeys } from "../../db/queries/passkeys";
import { listSessionRows } from "../../db/queries/sessions";
import { getUserById } from "../../db/queries/users";
import { isLanguage } from "~/platform/i18n/config";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["auth"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const db = getDb();
  const locale = await i18nServer.getLocale(request);
  const user = getUserById(db, { userId: auth.user.id })!;
  return {
    title: await pageTitle(request, "account.title", "auth"),
    user: {
      displayName: auth.user.displayName,
      loginId: auth.user.loginId,
      role: auth.user.role,
      agency: auth.user.agencyId ? agencyName(auth.user.agencyId, isLanguage(locale) ? locale : "ja") : null,
    },
    actingFor: auth.actingFor?.name ?? null,
    isApplicant: applicantRoles.includes(auth.user.role),
    canChooseSubject: listSubjects(auth.user.id, db).length > 1,
    hasTotp: user.totpSecret !== null,
    failedSignIns: failedSignInsOf(db, user),
    recentlyVerified: isRecentlyVerified(auth),
    passkeys: listPasskeys(db, { userId: auth.user.id }).map((p) => ({ id: p.id, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt, backedUp: p.backedUp })),
    sessions: listSessionRows(db, { userId: auth.user.id })
      .filter((s) => s.stage === "active")
      .map((s) => ({ current: s.id === auth.session.id, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, userAgent: s.userAgent, method: s.method })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readVerifiedForm(request);
  const auth = await requireUser(request);
  if (form.get("intent") === "delete-passkey") {
    requireRecentVerification(auth, { returnTo: "/account" });
    const credentialId = String(form.get("passkeyId") ?? "");
    const db = getDb();
    const removed = db.transaction((tx) => {
      const count = deletePasskey(tx, { userId: auth.user.id, credentialId });
      if (count) appendAuditEntry(tx, { actor: auth.user.id, action: "account.passkey-removed", subjectType: "user", subjectId: auth.user.id });
      return count;
    });
    if (!removed) throw new Response("Not Found", { status: 404 });
    return redirect("/account?passkey=removed");
  }
  throw new Response("Bad Request", { status: 400 });
}

const notices = { passkey: ["added", "removed", "failed"], twoFactor: ["enrolled"] } as const;

export default function Account() {
  const { t, i18n } = useTranslation("auth");
  const { user, actingFor, isApplicant, canChooseSubject, hasTotp, failedSignIns, recentlyVerified, passkeys, sessions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = (Object.keys(notices) as (keyof typeof notices)[])
    .map((key) => ((notices[key] as readonly string[]).includes(params.get(key) ?? "") ? `account.notices.${key}.${params.get(key)}` : null))
    .find(Boolean);
  return (
    <>
      {notice ? (
        <div className="notice" role="status">
          <p>{t(notice)}</p>
        </div>
      ) : null}
      <h1>{t("account.title")}</h1>
      {failedSignIns.passwords > 0 || failedSignIns.codes > 0 ? (
        <div className="notice notice--warning" role="status">
          <h2>{t("account.failedSignIns.title")}</h2>
          {failedSignIns.passwords > 0 ? <p>{t("account.failedSignIns.passwords", { count: failedSignIns.passwords })}</p> : null}
          {failedSignIns.codes > 0 ? <p>{t("account.failedSignIns.codes", { count: failedSignIns.codes })}</p> : null}
          <p>{t("account.failedSignIns.advice")}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("account.name")}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("account.loginId")}</dt>
          <dd>{user.loginId}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("account.role")}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
        </div>
        {user.agency ? (
          <div className="summary-list__row">
            <dt>{t("account.agency")}</dt>
            <dd>{user.agency}</dd>
          </div>
        ) : null}
        {isApplicant ? (
          <div className="summary-list__row">
            <dt>{t("account.actingFor")}</dt>
            <dd>{actingFor ?? t("account.actingForSelf")}</dd>
          </div>
        ) : null}
      </dl>
      {isApplicant ? (
        <ul>
          {canChooseSubject ? (
            <li>
              <Link to="/act-for">{t("common:nav.chooseSubject")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/account/data-use">{t("dataUse.title")}</Link>
          </li>
        </ul>
      ) : null}
      <p>
        <Link to="/account/ideas">{t("account.ideasLink")}</Link>
      </p>

      <h2>{t("account.passkeysTitle")}</h2>
      <p>{t("account.passkeysLead")}</p>
      {passkeys.length === 0 ? (
        <p>{t("account.noPasskeys")}</p>
      ) : (
        <DataTable caption={t("account.passkeysTitle")}>
          <thead>
            <tr>
              <th scope="col">{t("account.passkeyCreated")}</th>
              <th scope="col">{t("account.passkeyLastUsed")}</th>
              <th scope="col">{t("account.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((p) => (
              <tr key={p.id}>
                <td>{formatDateTime(p.createdAt, i18n.language)}</td>
                <td>{p.lastUsedAt ? formatDateTime(p.lastUsedAt, i18n.language) : t("account.never")}</td>
                <td>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="passkeyId" value={p.id} />
                    <button type="submit" name="intent" value="delete-passkey" className="link-button">
                      {t("account.removePasskey", { date: formatDateTime(p.createdAt, i18n.language) })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {recentlyVerified ? (
        <PasskeyRegister />
      ) : (
        <>
          <p>{t("account.confirmToChange")}</p>
          <p>
            <Link to="/account/confirm?redirectTo=%2Faccount">{t("account.confirmLink")}</Link>
          </p>
        </>
      )}

      <h2>{t("account.twoFactorTitle")}</h2>
      <p>{t(hasTotp ? "account.twoFactorOn" : "account.twoFactorOff")}</p>
      <p>
        <Link to="/account/two-factor">{t(hasTotp ? "account.twoFactorReplace" : "account.twoFactorSetUp")}</Link>
      </p>

      <h2>{t("account.sessionsTitle")}</h2>
      <DataTable caption={t("account.sessionsTitle")}>
        <thead>
          <tr>
            <th scope="col">{t("account.sessionBrowser")}</th>
            <th scope="col">{t("account.sessionSignedIn")}</th>
            <th scope="col">{t("account.sessionLastSeen")}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.createdAt + s.lastSeenAt}>
              <td>
                {s.userAgent ?? t("account.unknownBrowser")}
                {s.current ? (
                  <>
                    {" "}
                    <strong>{t("account.thisSession")}</strong>
                  </>
                ) : null}
              </td>
              <td>{formatDateTime(s.createdAt, i18n.language)}</td>
              <td>{formatDateTime(s.lastSeenAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Form method="post" action="/sign-out">
        <CsrfField />
        <button type="submit" name="intent" value="everywhere" className="button button--secondary">
          {t("signOut.everywhere")}
        </button>
      </Form>
    </>
  );
}
