// One idea: what it is about, its text, supports, every public answer and change of status, and where it
// was merged from or into. People support it; the owning organisation or a designer answers, moves or merges
// it; designers and evaluators hide abuse. A hidden idea is a 404 for everyone but its author and moderators.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { AnswerForm, HideForm, IdeaEventTitle, IdeaStatusTag, MergeForm, SupportForm } from "~/components/ideas/idea-forms";
import { getOptionalUser, readVerifiedForm, requireUser } from "~/identity/auth.server";
import { actOnIdea, ideaPageView, requestLanguage } from "~/ideas/ideas.server";
import { formatDate, formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["ideas", ...journeyNamespaces] };

export const meta = titleMeta;

const notFound = () => new Response("Not Found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await getOptionalUser(request);
  const view = ideaPageView(getDb(), auth, Number(params.ideaId), await requestLanguage(request));
  if (!view) throw notFound();
  return { title: `${view.title} | ${await pageTitle(request, "list.title", "ideas")}`, signedIn: !!auth, idea: view };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const form = await readVerifiedForm(request);
  const outcome = actOnIdea(getDb(), auth, Number(params.ideaId), form);
  switch (outcome.kind) {
    case "done":
      return redirect(`/ideas/${params.ideaId}?notice=${outcome.notice}`);
    case "notFound":
      throw notFound();
    case "forbidden":
      throw new Response("Forbidden", { status: 403 });
    case "invalid":
      return data({ intent: outcome.intent, result: outcome.result, refusal: null }, { status: 400 });
    case "refused":
      return data({ intent: null, result: undefined, refusal: outcome.message }, { status: 409 });
  }
}

const notices = ["posted", "supported", "alreadySupported", "answered", "merged", "hidden"];

export default function IdeaPage() {
  const { t, i18n } = useTranslation("ideas");
  const { signedIn, idea } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const aboutParts = [
    idea.context.lifeEvent ? `${t("about.lifeEvent")}: ${idea.context.lifeEvent}` : null,
    idea.context.procedure ? `${t("about.procedure")}: ${idea.context.procedure}` : null,
    idea.context.questionTitleKey ? `${t("about.question")}: ${t(idea.context.questionTitleKey)}` : null,
  ].filter(Boolean);
  const who = (event: (typeof idea.events)[number]) => event.by ?? (event.role ? t(`idea.roles.${event.role}`) : null);
  return (
    <>
      <p>
        <Link to="/ideas" className="back-link">
          {t("idea.back")}
        </Link>
      </p>
      {actionData?.refusal ? <ErrorSummary errors={[{ message: t(actionData.refusal) }]} /> : null}
      {notice && notices.includes(notice) && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`notices.${notice}`)}</p>
        </div>
      ) : null}
      <span className="caption">
        {t("idea.ideaNumber", { id: idea.id })} · {t(`kinds.${idea.kind}`)}
      </span>
      <h1>{idea.title}</h1>
      {idea.hidden ? (
        <div className="notice notice--warning">
          <p>{t("idea.hidden", { reason: idea.hidden.reason })}</p>
        </div>
      ) : null}
      {idea.mergedIntoId ? (
        <div className="notice">
          <p>{t("idea.mergedInto", { id: idea.mergedIntoId })}</p>
          <p>
            <Link to={`/ideas/${idea.mergedIntoId}`}>{t("idea.mergedIntoLink", { id: idea.mergedIntoId })}</Link>
          </p>
        </div>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("idea.status")}</dt>
          <dd data-testid="idea-status">
            <IdeaStatusTag status={idea.status} />
            {idea.done ? <> {t("idea.doneIn", { lifeEvent: idea.done.lifeEvent, version: idea.done.version })}</> : null}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("about.heading")}</dt>
          <dd>{aboutParts.length ? aboutParts.join(" › ") : t("about.general")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("idea.posted")}</dt>
          <dd>{formatDate(idea.createdAt, i18n.language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("idea.author")}</dt>
          <dd>{idea.authorName ?? t("idea.noName")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("idea.supports")}</dt>
          <dd data-testid="idea-supports">{idea.supports}</dd>
        </div>
      </dl>
      <p className="office-text">{idea.body}</p>

      {idea.may.support ? idea.supported ? <p>{t("idea.supported")}</p> : <SupportForm /> : null}
      {!signedIn && !idea.hidden && idea.status !== "merged" ? (
        <p>
          <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/ideas/${idea.id}`)}`}>{t("idea.signInToSupport")}</Link>
        </p>
      ) : null}

      {idea.mergedFrom.length ? (
        <>
          <h2>{t("idea.mergedFrom")}</h2>
          <ul>
            {idea.mergedFrom.map((merged) => (
              <li key={merged.id}>
                <Link to={`/ideas/${merged.id}`}>
                  {t("idea.ideaNumber", { id: merged.id })}: {merged.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("idea.history")}</h2>
      <ol className="plain-list" data-testid="idea-history">
        {idea.events.map((event) => (
          <li key={event.id} id={`event-${event.id}`} className="group-item">
            <IdeaEventTitle event={event} />{" "}
            <span className="summary-list__meta">
              {formatDateTime(event.at, i18n.language)}
              {who(event) ? ` · ${t("idea.by", { who: who(event) })}` : ""}
            </span>
            {event.version ? <p>{t("idea.doneIn", { lifeEvent: event.lifeEvent, version: event.version })}</p> : null}
            {event.message ? <p className="office-text">{event.message}</p> : null}
          </li>
        ))}
      </ol>

      {idea.may.answer ? <AnswerForm key={`answer-${idea.events.length}`} result={resultFor("answer")} moves={idea.moves} versions={idea.versions} /> : null}
      {idea.may.merge ? <MergeForm key={`merge-${idea.events.length}`} result={resultFor("merge")} /> : null}
      {idea.may.hide ? <HideForm result={resultFor("hide")} /> : null}
    </>
  );
}
