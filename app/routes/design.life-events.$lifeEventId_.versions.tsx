// Every published version of a life event: its structure versions with the journeys and cases on each, what
// changed between any two (questions, rules, procedures, payload items), and the wording's versions with the texts
// that differ between any two. GET forms: works without JavaScript, and a comparison is a link.
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { TextChanges } from "~/components/bilingual-text/bilingual-text";
import { DataTable } from "~/components/data-table/data-table";
import { requireLifeEvent } from "~/design/life-event.server";
import { requireDesigner } from "~/design/page.server";
import { versionsPageView } from "~/design/versions.server";
import { titleMeta } from "~/platform/meta";
import designStyles from "~/styles/design.css?url";
import { getDb } from "../../db/client.server";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  return {
    title: `${t("design:versions.title", { title: lifeEvent.title[lang] })} | ${t("common:serviceName")}`,
    lifeEventId: lifeEvent.id,
    lifeEventTitle: lifeEvent.title[lang],
    ...versionsPageView(getDb(), lifeEvent, new URL(request.url), lang, t),
  };
}

function Names({ heading, names }: { heading: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </>
  );
}

function VersionSelect({ name, label, value, versions, builtIn }: { name: string; label: string; value: number; versions: number[]; builtIn?: string }) {
  const { t } = useTranslation("design");
  return (
    <div className="field">
      <label className="field__label" htmlFor={`versions-${name}`}>
        {label}
      </label>
      <select className="input" id={`versions-${name}`} name={name} defaultValue={value}>
        {versions.map((version) => (
          <option key={version} value={version}>
            {version === 0 && builtIn ? builtIn : t("versions.version", { version })}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function DesignVersions() {
  const { t } = useTranslation("design");
  const view = useLoaderData<typeof loader>();
  const { diff, query } = view;
  const structureVersions = view.structure.map((row) => row.version);
  const nothingChanged =
    diff.questionsAdded.length + diff.questionsRemoved.length + diff.questionsChanged.length + diff.proceduresAdded.length + diff.proceduresRemoved.length + diff.rules.length + diff.payloads.length === 0;
  return (
    <>
      <Link className="back-link" to={`/design/life-events/${view.lifeEventId}`}>
        {view.lifeEventTitle}
      </Link>
      <h1>{t("versions.title", { title: view.lifeEventTitle })}</h1>
      <p className="lead">{t("versions.lead")}</p>

      <section aria-labelledby="versions-structure">
        <h2 id="versions-structure">{t("versions.structureHeading")}</h2>
        <DataTable caption={t("versions.structureCaption")}>
          <thead>
            <tr>
              <th scope="col">{t("versions.columns.version")}</th>
              <th scope="col">{t("versions.columns.questions")}</th>
              <th scope="col">{t("versions.columns.procedures")}</th>
              <th scope="col">{t("versions.columns.journeysInProgress")}</th>
              <th scope="col">{t("versions.columns.journeysSubmitted")}</th>
              <th scope="col">{t("versions.columns.cases")}</th>
            </tr>
          </thead>
          <tbody>
            {view.structure.map((row) => (
              <tr key={row.version}>
                <th scope="row">
                  {t("versions.version", { version: row.version })}
                  {row.latest ? ` ${t("versions.latest")}` : ""}
                </th>
                <td>{row.questions}</td>
                <td>{row.procedures}</td>
                <td>{row.journeysInProgress}</td>
                <td>{row.journeysSubmitted}</td>
                <td>{row.cases}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <p>{t("versions.pinned")}</p>

        <h3 id="versions-compare">{t("versions.compareHeading")}</h3>
        <Form method="get" className="inline-form" aria-labelledby="versions-compare">
          <input type="hidden" name="textsFrom" value={query.textsFrom} />
          <input type="hidden" name="textsTo" value={query.textsTo} />
          <VersionSelect name="from" label={t("versions.from")} value={query.from} versions={structureVersions} />
          <VersionSelect name="to" label={t("versions.to")} value={query.to} versions={structureVersions} />
          <button className="button button--secondary" type="submit">
            {t("versions.compare")}
          </button>
        </Form>
        <div aria-live="polite">
          <p>{t("versions.comparing", { from: query.from, to: query.to })}</p>
          {nothingChanged ? <p>{t("versions.noDifference")}</p> : null}
          <Names heading={t("versions.questionsAdded")} names={diff.questionsAdded} />
          <Names heading={t("versions.questionsRemoved")} names={diff.questionsRemoved} />
          <Names heading={t("versions.questionsChanged")} names={diff.questionsChanged.map((change) => `${change.title}: ${change.changes.join(t("list.separator"))}`)} />
          <Names heading={t("versions.proceduresAdded")} names={diff.proceduresAdded} />
          <Names heading={t("versions.proceduresRemoved")} names={diff.proceduresRemoved} />
          <Names heading={t("versions.rulesChanged")} names={diff.rules.map((rule) => t(`versions.ruleChanged.${rule.kind}`, { name: rule.name, count: rule.situations }))} />
          <Names
            heading={t("versions.payloadsChanged")}
            names={diff.payloads.map((payload) =>
              `${payload.name} — ${[payload.added.length ? t("versions.itemsAdded", { items: payload.added.join(t("list.separator")) }) : null, payload.removed.length ? t("versions.itemsRemoved", { items: payload.removed.join(t("list.separator")) }) : null]
                .filter(Boolean)
                .join(" ")}`,
            )}
          />
        </div>
      </section>

      <section aria-labelledby="versions-content">
        <h2 id="versions-content">{t("versions.contentHeading")}</h2>
        <p>{t("versions.contentLead")}</p>
        {view.content.length === 0 ? (
          <p>{t("texts.noHistory")}</p>
        ) : (
          <ul>
            {view.content.map((version) => (
              <li key={version.version}>
                {t("texts.versionTitle", { version: version.version })}: {t("texts.publishedBy", { at: version.publishedAt, name: version.publishedBy })}
                {version.revertedTo !== null ? ` ${t("texts.revertedTo", { version: version.revertedTo })}` : ""}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/design/life-events/${view.lifeEventId}/texts`}>{t("texts.open")}</Link>
        </p>
        {view.contentVersions.length > 1 ? (
          <>
            <h3 id="versions-compare-texts">{t("versions.compareTextsHeading")}</h3>
            <Form method="get" className="inline-form" aria-labelledby="versions-compare-texts">
              <input type="hidden" name="from" value={query.from} />
              <input type="hidden" name="to" value={query.to} />
              <VersionSelect name="textsFrom" label={t("versions.from")} value={query.textsFrom} versions={view.contentVersions} builtIn={t("versions.builtIn")} />
              <VersionSelect name="textsTo" label={t("versions.to")} value={query.textsTo} versions={view.contentVersions} builtIn={t("versions.builtIn")} />
              <button className="button button--secondary" type="submit">
                {t("versions.compare")}
              </button>
            </Form>
            {view.textChanges.length === 0 ? (
              <p>{t("versions.noTextDifference")}</p>
            ) : (
              <TextChanges changes={view.textChanges} />
            )}
          </>
        ) : null}
      </section>
    </>
  );
}
