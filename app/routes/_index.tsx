// The start page: what Madoguchi does, and the life events a person can start.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { listLifeEventSummaries } from "~/journeys/life-events.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: [] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: await pageTitle(request, "start.title"), lifeEvents: listLifeEventSummaries() };
}

export default function StartPage() {
  const { t } = useTranslation("common");
  const { lifeEvents } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("start.title")}</h1>
      <p className="lead">{t("start.lead")}</p>
      <h2>{t("start.lifeEventsHeading")}</h2>
      <ul className="card-list">
        {lifeEvents.map((event) => (
          <li key={event.id} className="card">
            <h3>
              <Link to={`/life-events/${event.id}`}>{t(`lifeEvents.${event.id}.title`)}</Link>
            </h3>
            <p>{t(`lifeEvents.${event.id}.summary`)}</p>
          </li>
        ))}
      </ul>
      <h2>{t("start.principlesHeading")}</h2>
      <ul>
        <li>{t("start.principles.digitalFirst")}</li>
        <li>{t("start.principles.onceOnly")}</li>
        <li>{t("start.principles.oneStop")}</li>
      </ul>
    </>
  );
}
