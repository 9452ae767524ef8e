// The IDEA BOX: every published idea and complaint, newest first, with its status and supports; filtered by
// status and by what it is about (the context a "suggest an improvement" link carries). Public.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { IdeaStatusTag } from "~/components/ideas/idea-forms";
import { getOptionalUser } from "~/identity/auth.server";
import { contextLabels, ideaListView, readListFilter, requestLanguage } from "~/ideas/ideas.server";
import { formatDate } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { ideaStatuses } from "../../db/schema";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["ideas", ...journeyNamespaces] };

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getOptionalUser(request);
  const lang = await requestLanguage(request);
  const filter = readListFilter(new URL(request.url));
  const context = { lifeEventId: filter.lifeEventId ?? null, procedureId: filter.procedureId ?? null, questionId: filter.questionId ?? null };
  const query = new URLSearchParams();
  if (context.lifeEventId) query.set("lifeEvent", context.lifeEventId);
  if (context.procedureId) query.set("procedure", context.procedureId);
  if (context.questionId) query.set("question", context.questionId);
  return {
    title: await pageTitle(request, "list.title", "ideas"),
    signedIn: !!auth,
    filter: { status: filter.status ?? "", ...context },
    about: contextLabels(context, lang),
    contextQuery: query.toString(),
    ideas: ideaListView(getDb(), filter, lang),
  };
}

export default function Ideas() {
  const { t, i18n } = useTranslation("ideas");
  const { signedIn, filter, about, contextQuery, ideas } = useLoaderData<typeof loader>();
  const newHref = `/ideas/new${contextQuery ? `?${contextQuery}` : ""}`;
  const aboutText = [about.lifeEvent, about.procedure, about.questionTitleKey ? t(about.questionTitleKey) : null].filter(Boolean).join(" › ");
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.lead")}</p>
      <p className="button-group">
        <Link className="button" to={signedIn ? newHref : `/sign-in?redirectTo=${encodeURIComponent(newHref)}`}>
          {signedIn ? t("list.post") : t("list.signInToPost")}
        </Link>
        {signedIn ? <Link to="/account/ideas">{t("list.mine")}</Link> : null}
      </p>
      <p>
        <a href="/ideas/feed.xml" type="application/atom+xml">
          {t("list.feed")}
        </a>
      </p>
      {aboutText ? (
        <p>
          {t("list.aboutFilter", { about: aboutText })} <Link to="/ideas">{t("list.clearFilter")}</Link>
        </p>
      ) : null}
      <Form method="get" className="office-filters" aria-label={t("list.filters")}>
        {filter.lifeEventId ? <input type="hidden" name="lifeEvent" value={filter.lifeEventId} /> : null}
        {filter.procedureId ? <input type="hidden" name="procedure" value={filter.procedureId} /> : null}
        {filter.questionId ? <input type="hidden" name="question" value={filter.questionId} /> : null}
        <div className="field">
          <label className="field__label" htmlFor="ideas-status">
            {t("list.status")}
          </label>
          <select id="ideas-status" name="status" className="input" defaultValue={filter.status}>
            <option value="">{t("list.anyStatus")}</option>
            {ideaStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("list.apply")}
        </button>
      </Form>
      <h2>{t("list.heading")}</h2>
      <p role="status">{t("list.showing", { count: ideas.length })}</p>
      {ideas.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ul className="card-list">
          {ideas.map((idea) => (
            <li key={idea.id} className="card" data-testid="idea-row">
              <span className="caption">
                {t("idea.ideaNumber", { id: idea.id })} · {t(`kinds.${idea.kind}`)}
                {idea.context.lifeEvent ? ` · ${idea.context.lifeEvent}` : ""}
                {idea.context.procedure ? ` · ${idea.context.procedure}` : ""}
              </span>
              <h3>
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
              </h3>
              <p>
                <IdeaStatusTag status={idea.status} /> {t("list.supports", { count: idea.supports })} · {t("list.posted", { date: formatDate(idea.createdAt, i18n.language) })}
                {idea.authorName ? ` · ${idea.authorName}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
