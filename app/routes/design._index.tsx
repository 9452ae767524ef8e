// The design area's home, where people with the designer role land after signing in: the life events
// with their check results, and the catalogue.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { lifeEventEntries } from "~/design/catalogue.server";
import { requireDesigner } from "~/design/page.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import designStyles from "~/styles/design.css?url";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["design"] };

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang } = await requireDesigner(request);
  return { title: await pageTitle(request, "home.title", "design"), lifeEvents: lifeEventEntries(lang) };
}

export default function DesignHome() {
  const { t } = useTranslation("design");
  const { lifeEvents } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.lifeEvents")}</h2>
      <ul className="card-list">
        {lifeEvents.map((lifeEvent) => (
          <li key={lifeEvent.id} className="card">
            <h3>
              <Link to={`/design/life-events/${lifeEvent.id}`}>{lifeEvent.title}</Link>
            </h3>
            <p className="summary-list__meta">
              {t("lifeEvent.counts", { version: lifeEvent.version, questions: lifeEvent.questions, procedures: lifeEvent.procedures })}{" "}
              {lifeEvent.problems ? t("checks.problems", { count: lifeEvent.problems }) : t("checks.ok")}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t("home.tools")}</h2>
      <ul>
        <li>
          <Link to="/design/catalogue">{t("catalogue.title")}</Link>
        </li>
      </ul>
    </>
  );
}
