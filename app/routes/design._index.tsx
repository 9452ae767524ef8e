// The design area's home, where people with the designer role land after signing in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/identity/auth.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["design"] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["designer"] });
  return { title: await pageTitle(request, "home.title", "design") };
}

export default function DesignHome() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("design:home.title")}</h1>
      <p className="lead">{t("design:home.lead")}</p>
    </>
  );
}
