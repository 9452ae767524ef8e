// A life event's wording (issue 15): every text a designer may change, what citizens read now and what the
// draft changes, what blocks publishing, the publish button, and every published version with what it changed
// and a button to bring an earlier one back. Plain forms: works without JavaScript.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { BilingualText, TextChanges } from "~/components/bilingual-text/bilingual-text";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { discardDraft, publishDraft, revertContent } from "~/design/content.server";
import { requireLifeEvent } from "~/design/life-event.server";
import { requireDesigner } from "~/design/page.server";
import { textsPageView } from "~/design/texts-view.server";
import { readVerifiedForm } from "~/identity/auth.server";
import { titleMeta } from "~/platform/meta";
import designStyles from "~/styles/design.css?url";
import { getDb } from "../../db/client.server";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  return {
    title: `${t("design:texts.title", { title: lifeEvent.title[lang] })} | ${t("common:serviceName")}`,
    lifeEventId: lifeEvent.id,
    lifeEventTitle: lifeEvent.title[lang],
    done: done === "published" || done === "reverted" || done === "saved" || done === "discarded" ? done : null,
    ...textsPageView(getDb(), lifeEvent, lang, t),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const form = await readVerifiedForm(request);
  const intent = form.get("intent");
  const expectedVersion = Number(form.get("expectedVersion"));
  const base = `/design/life-events/${lifeEvent.id}/texts`;
  if (intent === "discard") {
    discardDraft(getDb(), lifeEvent);
    return redirect(`${base}?done=discarded`);
  }
  if (intent === "publish") {
    const result = publishDraft(getDb(), auth, lifeEvent, { expectedVersion });
    if (result.ok) return redirect(`${base}?done=published`);
    if (result.reason === "problems") {
      const { problems } = textsPageView(getDb(), lifeEvent, lang, t);
      return data({ errors: problems.map(({ message, group }) => ({ message, fieldId: `group-${group}` })) }, { status: 400 });
    }
    return data({ errors: [{ message: t(`design:texts.refused.${result.reason}`) }] }, { status: 409 });
  }
  if (intent === "revert") {
    const result = revertContent(getDb(), auth, lifeEvent, { toVersion: Number(form.get("toVersion")), expectedVersion });
    if (result.ok) return redirect(`${base}?done=reverted`);
    return data({ errors: [{ message: t(`design:texts.refused.${result.reason}`) }] }, { status: 409 });
  }
  return data({ errors: [{ message: t("design:texts.refused.unknown") }] }, { status: 400 });
}

export default function DesignTexts() {
  const { t } = useTranslation("design");
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Link className="back-link" to={`/design/life-events/${view.lifeEventId}`}>
        {view.lifeEventTitle}
      </Link>
      <ErrorSummary errors={actionData?.errors ?? []} />
      {view.done ? (
        <div className="notice" role="status">
          {t(`texts.done.${view.done}`, { version: view.version })}
        </div>
      ) : null}
      <h1>{t("texts.title", { title: view.lifeEventTitle })}</h1>
      <p className="lead">{t("texts.lead")}</p>
      <p>{view.version === 0 ? t("texts.builtInOnly") : t("texts.current", { version: view.version })}</p>

      <section aria-labelledby="texts-draft">
        <h2 id="texts-draft">{t("texts.draftHeading")}</h2>
        <p>{view.draftCount === 0 ? t("texts.noDraft") : t("texts.draftCount", { count: view.draftCount })}</p>
        {view.problems.length > 0 ? (
          <>
            <p>{t("texts.blocked")}</p>
            <ul>
              {view.problems.map((problem) => (
                <li key={problem.message}>
                  <a href={`#group-${problem.group}`}>{problem.message}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {view.draftCount > 0 ? (
          <div className="button-group">
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="expectedVersion" value={view.version} />
              <button className="button" type="submit" name="intent" value="publish">
                {t("texts.publish", { version: view.version + 1 })}
              </button>
            </Form>
            <Form method="post">
              <CsrfField />
              <button className="button button--secondary" type="submit" name="intent" value="discard">
                {t("texts.discard")}
              </button>
            </Form>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="texts-groups">
        <h2 id="texts-groups">{t("texts.groupsHeading")}</h2>
        <ul className="design-list">
          {view.groups.map((group) => (
            <li key={group.id} id={`group-${group.id}`} className="card">
              <h3 id={`group-${group.id}-title`}>{group.title}</h3>
              {group.changed ? <p className="notice">{t("texts.changedInDraft")}</p> : null}
              <dl className="summary-list">
                {group.entries.map((entry) => (
                  <div className="summary-list__row" key={entry.key}>
                    <dt>
                      {entry.label}
                      {entry.context ? <span className="summary-list__meta design-text">{entry.context}</span> : null}
                    </dt>
                    <dd>
                      <BilingualText text={entry.changed ? entry.drafted : entry.published} />
                      {entry.changed ? <span className="summary-list__meta design-text">{t("texts.draftValue")}</span> : null}
                      {entry.problems.map((problem) => (
                        <span className="field__error design-text" key={problem}>
                          {problem}
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
              <ul className="plain-list design-actions">
                <li>
                  <Link to={`/design/life-events/${view.lifeEventId}/texts/${group.id}`}>
                    {t("texts.edit")}
                    <span className="visually-hidden">: {group.title}</span>
                  </Link>
                </li>
                {group.isQuestion
                  ? (["ja", "en"] as const).map((lng) => (
                      <li key={lng}>
                        <Link to={`/design/life-events/${view.lifeEventId}/texts/${group.id}/preview?lng=${lng}`}>
                          {t(lng === "ja" ? "texts.previewJa" : "texts.previewEn")}
                          <span className="visually-hidden">: {group.title}</span>
                        </Link>
                      </li>
                    ))
                  : null}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="texts-history">
        <h2 id="texts-history">{t("texts.historyHeading")}</h2>
        <p>{t("texts.historyLead")}</p>
        {view.history.length === 0 ? <p>{t("texts.noHistory")}</p> : null}
        <ol className="design-list" reversed>
          {view.history.map((version) => (
            <li key={version.version} className="card">
              <h3>{t("texts.versionTitle", { version: version.version })}</h3>
              <p className="summary-list__meta">
                {t("texts.publishedBy", { at: version.publishedAt, name: version.publishedBy })}
                {version.revertedTo !== null ? ` ${t("texts.revertedTo", { version: version.revertedTo })}` : ""}
              </p>
              <TextChanges changes={version.changes} />
              {version.version < view.version ? (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="expectedVersion" value={view.version} />
                  <input type="hidden" name="toVersion" value={version.version} />
                  <button className="button button--secondary" type="submit" name="intent" value="revert">
                    {t("texts.revert", { version: version.version })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
        {view.version > 0 ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="expectedVersion" value={view.version} />
            <input type="hidden" name="toVersion" value={0} />
            <button className="button button--secondary" type="submit" name="intent" value="revert">
              {t("texts.revertToBuiltIn")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
