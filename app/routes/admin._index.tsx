// The admin area's home, where people with the administrator role land after signing in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { requireUser } from "~/identity/auth.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["administrator"] });
  return { title: await pageTitle(request, "home.title", "admin") };
}

export default function AdminHome() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin:home.title")}</h1>
      <p className="lead">{t("admin:home.lead")}</p>
      <nav aria-labelledby="admin-sections-heading">
        <h2 id="admin-sections-heading">{t("admin:home.sections")}</h2>
        <ul className="card-list">
          <li className="card">
            <h3>
              <Link to="/admin/agencies">{t("admin:home.agencies")}</Link>
            </h3>
            <p>{t("admin:home.agenciesHint")}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/admin/dead-letters">{t("admin:home.deadLetters")}</Link>
            </h3>
            <p>{t("admin:home.deadLettersHint")}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/admin/staff">{t("admin:home.staff")}</Link>
            </h3>
            <p>{t("admin:home.staffHint")}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/office/counter-slots">{t("admin:home.counterSlots")}</Link>
            </h3>
            <p>{t("admin:home.counterSlotsHint")}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/admin/audit">{t("admin:home.audit")}</Link>
            </h3>
            <p>{t("admin:home.auditHint")}</p>
          </li>
        </ul>
      </nav>
    </>
  );
}
