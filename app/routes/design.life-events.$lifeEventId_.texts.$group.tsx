// Edit the texts of one question, one procedure, or the shared error messages, in Japanese and English, into the
// life event's draft. Nothing reaches citizens until the draft is published on the texts page.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { contentStateOf, maxTextLength, saveDraftTexts } from "~/design/content.server";
import { requireLifeEvent } from "~/design/life-event.server";
import { requireDesigner } from "~/design/page.server";
import { textGroupsView } from "~/design/texts-view.server";
import { readVerifiedForm } from "~/identity/auth.server";
import { titleMeta } from "~/platform/meta";
import designStyles from "~/styles/design.css?url";
import { getDb } from "../../db/client.server";
import type { Lang, LifeEvent } from "../../flows";
import type { TFunction } from "i18next";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

function requireGroup(lifeEvent: LifeEvent, groupId: string | undefined, lang: Lang, t: TFunction) {
  const group = textGroupsView(lifeEvent, contentStateOf(getDb(), lifeEvent), lang, t).find((candidate) => candidate.id === groupId);
  if (!group) throw new Response("Not Found", { status: 404 });
  return group;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const group = requireGroup(lifeEvent, params.group, lang, t);
  return {
    title: `${t("design:texts.editTitle", { title: group.title })} | ${t("common:serviceName")}`,
    lifeEventId: lifeEvent.id,
    lifeEventTitle: lifeEvent.title[lang],
    group,
    maxLength: maxTextLength,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth, lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const group = requireGroup(lifeEvent, params.group, lang, t);
  const form = await readVerifiedForm(request);
  const texts = Object.fromEntries(
    group.entries.map((entry) => [entry.key, { ja: String(form.get(`${entry.key}|ja`) ?? ""), en: String(form.get(`${entry.key}|en`) ?? "") }]),
  );
  const result = saveDraftTexts(getDb(), auth, lifeEvent, { group: group.id, texts });
  if (!result.ok) return data({ errors: result.errors, values: texts }, { status: 400 });
  return redirect(`/design/life-events/${lifeEvent.id}/texts?done=saved#group-${group.id}`);
}

const inputId = (name: string) => `text-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`;

export default function DesignTextsEdit() {
  const { t } = useTranslation("design");
  const { lifeEventId, group, maxLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const summary = Object.entries(errors).flatMap(([name, messages]) => messages.map((message) => ({ message: t(message), fieldId: inputId(name) })));
  return (
    <>
      <Link className="back-link" to={`/design/life-events/${lifeEventId}/texts#group-${group.id}`}>
        {t("texts.back")}
      </Link>
      <ErrorSummary errors={summary} />
      <span className="caption">{t("texts.caption")}</span>
      <h1>{t("texts.editTitle", { title: group.title })}</h1>
      <p>{t("texts.editLead", { example: "{{date}}" })}</p>
      {group.isQuestion ? (
        <ul className="plain-list design-actions">
          <li>
            <Link to={`/design/life-events/${lifeEventId}/texts/${group.id}/preview?lng=ja`}>{t("texts.previewJa")}</Link>
          </li>
          <li>
            <Link to={`/design/life-events/${lifeEventId}/texts/${group.id}/preview?lng=en`}>{t("texts.previewEn")}</Link>
          </li>
        </ul>
      ) : null}
      <Form method="post" noValidate className="design-texts-form">
        <CsrfField />
        {group.entries.map((entry) => (
          <fieldset className="card field" key={entry.key}>
            <legend className="field__label">
              {entry.label}
              {entry.context ? <span className="summary-list__meta design-text">{entry.context}</span> : null}
            </legend>
            {(["ja", "en"] as const).map((lang) => {
              const name = `${entry.key}|${lang}`;
              const id = inputId(name);
              const messages = errors[name] ?? [];
              const value = actionData?.values?.[entry.key]?.[lang] ?? entry.drafted[lang];
              return (
                <div className={`field${messages.length ? " field--error" : ""}`} key={lang}>
                  <label className="field__label" htmlFor={id}>
                    {t(`texts.language.${lang}`)}
                  </label>
                  {messages.length ? (
                    <span className="field__error" id={`${id}-error`}>
                      {messages.map((message) => t(message, { max: maxLength })).join(" ")}
                    </span>
                  ) : null}
                  <textarea
                    id={id}
                    name={name}
                    lang={lang}
                    className={`textarea${messages.length ? " textarea--error" : ""}`}
                    rows={entry.label === t("texts.kinds.title") ? 2 : 3}
                    defaultValue={value}
                    aria-invalid={messages.length ? true : undefined}
                    aria-describedby={messages.length ? `${id}-error` : undefined}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
        <button className="button" type="submit">
          {t("texts.saveDraft")}
        </button>
      </Form>
    </>
  );
}
