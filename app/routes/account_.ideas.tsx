// The author's own ideas, with every answer and change of status (and, for a hidden one, the reason).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { IdeaEventTitle, IdeaStatusTag } from "~/components/ideas/idea-forms";
import { requireUser } from "~/identity/auth.server";
import { myIdeasView, requestLanguage } from "~/ideas/ideas.server";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["ideas", ...journeyNamespaces] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  return { title: await pageTitle(request, "mine.title", "ideas"), ideas: myIdeasView(getDb(), auth, await requestLanguage(request)) };
}

export default function MyIdeas() {
  const { t, i18n } = useTranslation("ideas");
  const { ideas } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("mine.title")}</h1>
      <p className="lead">{t("mine.lead")}</p>
      <p>
        <Link to="/ideas">{t("idea.back")}</Link>
      </p>
      {ideas.length === 0 ? <p>{t("mine.empty")}</p> : null}
      {ideas.map((idea) => (
        <section key={idea.id} className="card" aria-labelledby={`my-idea-${idea.id}`} data-testid="my-idea">
          <h2 id={`my-idea-${idea.id}`}>{idea.hidden ? idea.title : <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>}</h2>
          <p>
            <IdeaStatusTag status={idea.status} />
          </p>
          {idea.hidden ? <p className="notice notice--warning">{t("mine.hiddenBy", { reason: idea.hidden.reason })}</p> : null}
          <ol className="plain-list">
            {idea.events.map((event) => (
              <li key={event.id} className="group-item">
                <IdeaEventTitle event={event} />{" "}
                <span className="summary-list__meta">{formatDateTime(event.at, i18n.language)}</span>
                {event.version ? <p>{t("idea.doneIn", { lifeEvent: event.lifeEvent, version: event.version })}</p> : null}
                {event.message ? <p className="office-text">{event.message}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
