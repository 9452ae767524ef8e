// Simulation: a sample person, or a person the designer composes from a sample (record attributes from the
// simulated registers, household, vehicles, dogs and answers, addresses and lists among them, field by field, or as
// JSON), run through a life event page
// by page: what is asked and why, what is prefilled and from where, which procedures are selected and why,
// exactly what each organisation would receive (checked against its schema), deadlines and effort. A GET form,
// so it works without JavaScript and a run is a link; nothing is sent. A run can be saved as a scenario (POST),
// listed here to run again or delete, and run by coverage.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import type { Question } from "../../flows";
import { AnswerText } from "~/components/questions/answer-text";
import { RecordValue } from "~/components/record-value/record-value";
import { requireLifeEvent } from "~/design/life-event.server";
import { requireDesigner } from "~/design/page.server";
import { deleteScenario, maxScenarioNameLength, savedScenariosView, saveScenario, simulationHref } from "~/design/scenarios.server";
import { composePerson, readSimulationInput, simulationView, type ReadView } from "~/design/simulation.server";
import { personaErrorOrder, personaForm, personaValues, readPersonaForm } from "~/design/persona.server";
import { personaFieldId, type PersonaInput } from "~/design/persona-fields";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { FactRow, ProcedureFacts } from "~/components/procedure-facts/procedure-facts";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { readVerifiedForm } from "~/identity/auth.server";
import { getDb } from "../../db/client.server";
import { formatDate } from "~/platform/format";
import { issueText } from "~/platform/issue-message";
import { titleMeta } from "~/platform/meta";
import designStyles from "~/styles/design.css?url";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["design", ...journeyNamespaces] };

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: designStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const url = new URL(request.url);
  // The composing form (a GET): a person that reads well becomes its link; one that does not comes back with its errors.
  const composed = url.searchParams.has("compose") ? readPersonaForm(lifeEvent, url.searchParams) : null;
  if (url.searchParams.has("compose") && !composed) throw new Response("Bad Request", { status: 400 });
  if (composed?.ok) throw redirect(`${simulationHref(lifeEvent, composed.input)}#simulation-summary`);
  const input = composed ? null : readSimulationInput(url, lifeEvent);
  const samples = lifeEvent.samples.map((sample) => ({ id: sample.id, name: String(sample.record["name.kanji"] ?? sample.record["company.name"] ?? "") }));
  const scenarios = savedScenariosView(getDb(), lifeEvent);
  const saved = scenarios.find((scenario) => String(scenario.id) === url.searchParams.get("saved"));
  const sampleId = composed ? String(url.searchParams.get("sample")) : (input?.sampleId ?? samples[0]?.id ?? "");
  const errors = composed && !composed.ok ? composed.errors : {};
  const values = composed && !composed.ok ? composed.values : personaValues(lifeEvent, composePerson(lifeEvent, { sampleId, answersText: input?.answersText ?? null, recordText: input?.recordText ?? null }));
  const persona = personaForm(lifeEvent, values, errors, t, lang);
  const byName = new Map(persona.flatMap((group) => group.inputs.map((field) => [field.name, { legend: group.legend, label: field.label }] as const)));
  const composeErrors = [...personaErrorOrder(persona), "answers", "record"]
    .filter((name) => errors[name])
    .map((name) => {
      const place = byName.get(name);
      const message = issueText(t, lang, errors[name]);
      return { fieldId: personaFieldId(name), message: place ? t("design:persona.summaryError", { legend: place.legend, label: place.label, message }) : message };
    });
  return {
    title: `${t("design:simulation.title", { title: lifeEvent.title[lang] })} | ${t("common:serviceName")}`,
    lifeEventId: lifeEvent.id,
    lifeEventTitle: lifeEvent.title[lang],
    samples,
    sampleId,
    changes: input?.answersText ?? "",
    recordChanges: input?.recordText ?? "",
    persona,
    composeErrors,
    advanced: composed && !composed.ok ? { answers: values.answers ?? "", record: values.record ?? "", answersError: errors.answers ? t(errors.answers) : null, recordError: errors.record ? t(errors.record) : null } : null,
    self: input ? simulationHref(lifeEvent, input) : `/design/life-events/${lifeEvent.id}/simulate`,
    scenarios,
    maxNameLength: maxScenarioNameLength,
    notice: saved ? t("design:scenarios.saved", { name: saved.name }) : url.searchParams.has("deleted") ? t("design:scenarios.deleted") : null,
    run: input ? simulationView(lifeEvent, input, lang, t) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { auth } = await requireDesigner(request);
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const form = await readVerifiedForm(request);
  const field = (name: string) => String(form.get(name) ?? "");
  if (field("intent") === "delete") {
    if (!deleteScenario(getDb(), auth, lifeEvent, Number(field("scenario")))) throw new Response("Not Found", { status: 404 });
    return redirect(`/design/life-events/${lifeEvent.id}/simulate?deleted=1#saved-scenarios`);
  }
  const query = new URLSearchParams({ sample: field("sample"), answers: field("answers"), record: field("record") });
  const input = readSimulationInput(new URL(`http://portal/?${query.toString()}`), lifeEvent);
  if (!input) throw new Response("Bad Request", { status: 400 });
  const result = saveScenario(getDb(), auth, lifeEvent, { ...input, name: field("name") });
  if (!result.ok) return data({ errors: result.errors, name: field("name") }, { status: 400 });
  return redirect(`${simulationHref(lifeEvent, input)}&saved=${result.id}#saved-scenarios`);
}

const scenarioFieldId = (name: string) => (name === "name" ? "scenario-name" : personaFieldId(name));

function Reads({ reads }: { reads: ReadView[] }) {
  const { t } = useTranslation("design");
  if (reads.length === 0) return <>{t("simulation.readsNothing")}</>;
  return (
    <ul className="plain-list">
      {reads.map((read) => (
        <li key={read.key}>
          {read.label}
          {t("simulation.is")}
          {read.question ? <AnswerText question={read.question as unknown as Question} value={read.value} /> : <RecordValue attributeKey={read.key} value={read.value} />}
        </li>
      ))}
    </ul>
  );
}

/** A JSON object of changes to the sample (its answers or its record), with what it takes. */
function ChangesField({ name, label, hint, rows, value, error }: { name: "answers" | "record"; label: string; hint: string; rows: number; value: string; error: string | null }) {
  const id = scenarioFieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__hint" id={`${id}-hint`}>
        {hint}
      </span>
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <textarea
        className={`input design-simulation__answers${error ? " input--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

/** A multiple choice of the composing form: boxes to tick, and a hidden field saying they were shown (none ticked is an answer). */
function PersonaBoxes({ field }: { field: PersonaInput }) {
  const describedBy = [field.hint ? `${field.id}-hint` : null, field.error ? `${field.id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`field design-persona__wide design-persona__boxes${field.error ? " field--error" : ""}`} aria-describedby={describedBy}>
      <legend className="field__label">{field.label}</legend>
      {field.error ? (
        <span className="field__error" id={`${field.id}-error`}>
          {field.error}
        </span>
      ) : null}
      {field.shownName ? <input type="hidden" name={field.shownName} value="1" /> : null}
      <div className="checkboxes">
        {(field.options ?? []).map((option, index) => {
          const optionId = index === 0 ? field.id : `${field.id}-${index}`;
          return (
            <div className="choice" key={option.value}>
              <input id={optionId} type="checkbox" name={field.name} value={option.value} defaultChecked={field.checked?.includes(option.value)} />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** One field of the composing form: a text input or a list to choose from, with its hint and error. */
function PersonaField({ field }: { field: PersonaInput }) {
  if (field.checked) return <PersonaBoxes field={field} />;
  const describedBy = [field.hint ? `${field.id}-hint` : null, field.error ? `${field.id}-error` : null].filter(Boolean).join(" ") || undefined;
  const width = field.width === "short" ? " input--postal-code" : field.width === "long" ? " input--long" : "";
  const common = {
    id: field.id,
    name: field.name,
    defaultValue: field.value,
    "aria-describedby": describedBy,
    "aria-invalid": field.error ? true : undefined,
  };
  return (
    <div className={`field${field.rows ? " design-persona__wide" : ""}${field.error ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={field.id}>
        {field.label}
      </label>
      {field.hint ? (
        <span className="field__hint" id={`${field.id}-hint`}>
          {field.hint}
        </span>
      ) : null}
      {field.error ? (
        <span className="field__error" id={`${field.id}-error`}>
          {field.error}
        </span>
      ) : null}
      {field.rows ? (
        <textarea className={`input design-persona__list${field.error ? " input--error" : ""}`} rows={field.rows} {...common} />
      ) : field.options ? (
        <select className={`input design-persona__select${field.error ? " input--error" : ""}`} {...common}>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input className={`input${width}${field.error ? " input--error" : ""}`} type="text" {...common} />
      )}
    </div>
  );
}

export default function DesignSimulation() {
  const { t, i18n } = useTranslation("design");
  const { lifeEventId, lifeEventTitle, samples, sampleId, changes, recordChanges, persona, composeErrors, advanced, self, scenarios, maxNameLength, notice, run } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string[]> = actionData?.errors ?? {};
  const summary = [
    ...composeErrors,
    ...Object.entries(errors).flatMap(([name, messages]) => messages.map((message) => ({ message: t(message), fieldId: scenarioFieldId(name) }))),
  ];
  return (
    <>
      <Link className="back-link" to={`/design/life-events/${lifeEventId}`}>
        {lifeEventTitle}
      </Link>
      <ErrorSummary errors={summary} />
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>{t("simulation.title", { title: lifeEventTitle })}</h1>
      <p>{t("simulation.lead")}</p>
      <Form method="get" aria-labelledby="simulation-form-heading">
        <h2 id="simulation-form-heading">{t("simulation.formHeading")}</h2>
        <div className="field">
          <label className="field__label" htmlFor="simulation-sample">
            {t("simulation.sample")}
          </label>
          <span className="field__hint" id="simulation-sample-hint">
            {t("persona.sampleHint")}
          </span>
          <select className="input" id="simulation-sample" name="sample" defaultValue={sampleId} aria-describedby="simulation-sample-hint">
            {samples.map((sample) => (
              <option key={sample.id} value={sample.id}>
                {sample.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("persona.choose")}
        </button>
      </Form>

      <Form key={`${sampleId}:${recordChanges}:${changes}`} method="get" noValidate aria-labelledby="persona-heading" className="design-persona">
        <h2 id="persona-heading">{t("persona.heading", { name: samples.find((sample) => sample.id === sampleId)?.name ?? "" })}</h2>
        <p>{t("persona.lead")}</p>
        <input type="hidden" name="compose" value="1" />
        <input type="hidden" name="sample" value={sampleId} />
        {persona.map((group) => (
          <fieldset key={group.id} className="design-persona__group" id={group.id} aria-describedby={group.hint ? `${group.id}-hint` : undefined}>
            <legend className="design-persona__legend">{group.legend}</legend>
            {group.hint ? (
              <p className="field__hint" id={`${group.id}-hint`}>
                {group.hint}
              </p>
            ) : null}
            <div className="design-persona__fields">
              {group.inputs.map((field) => (
                <PersonaField key={field.name} field={field} />
              ))}
            </div>
          </fieldset>
        ))}
        <details className="design-persona__advanced" open={advanced?.answersError || advanced?.recordError ? true : undefined}>
          <summary>{t("persona.advanced")}</summary>
          <p>{t("persona.advancedLead")}</p>
          <ChangesField name="answers" label={t("simulation.changes")} hint={t("simulation.changesHint")} rows={6} value={advanced ? advanced.answers : changes} error={advanced?.answersError ?? null} />
          <ChangesField
            name="record"
            label={t("simulation.recordChanges")}
            hint={t("simulation.recordChangesHint")}
            rows={4}
            value={advanced ? advanced.record : recordChanges}
            error={advanced?.recordError ?? null}
          />
        </details>
        <button type="submit" className="button">
          {t("simulation.run")}
        </button>
      </Form>

      {run ? (
        <>
          {run.answersError ? (
            <div className="notice notice--warning" role="alert">
              {t("simulation.answersError")}
            </div>
          ) : null}
          {run.recordError ? (
            <div className="notice notice--warning" role="alert">
              {t("simulation.recordError")}
            </div>
          ) : null}
          <section aria-labelledby="simulation-summary">
            <h2 id="simulation-summary">{t("simulation.summary")}</h2>
            <p data-testid="simulation-effort">
              {t("simulation.effort", { entered: run.effort.itemsEntered, needed: run.effort.itemsNeeded, percent: (run.effort.ratio * 100).toFixed(1) })}
            </p>
            <p>{t("simulation.counts", { pages: run.pages.length, procedures: run.selected.length })}</p>
            {run.unanswered ? <p className="notice notice--warning">{t("simulation.unanswered", { question: run.unanswered })}</p> : null}
          </section>

          <section aria-labelledby="simulation-pages">
            <h2 id="simulation-pages">{t("simulation.pages")}</h2>
            <ol className="design-list">
              {run.pages.map((page) => (
                <li key={page.number} className="card">
                  <h3>{t("simulation.page", { number: page.number, title: page.title })}</h3>
                  <dl className="summary-list">
                    <div className="summary-list__row">
                      <dt>{t("simulation.askedBecause")}</dt>
                      <dd>{page.askedBecause ? <Reads reads={page.askedBecause} /> : t("question.always")}</dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("question.prefill")}</dt>
                      <dd>
                        {page.prefillFrom
                          ? t(page.confirmedPrefill ? "simulation.prefillConfirmed" : "simulation.prefillChanged", { source: page.prefillFrom })
                          : t("question.noPrefill")}
                      </dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("simulation.answer")}</dt>
                      <dd>
                        <AnswerText question={page.question as unknown as Question} value={page.answer} />
                        {page.valid ? null : <strong className="field__error">{t("simulation.invalid")}</strong>}
                      </dd>
                    </div>
                    <div className="summary-list__row">
                      <dt>{t("simulation.itemsEntered")}</dt>
                      <dd>{page.itemsEntered}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ol>
            {run.skipped.length ? (
              <>
                <h3>{t("simulation.skipped")}</h3>
                <ul>
                  {run.skipped.map((skip) => (
                    <li key={skip.title}>
                      {skip.title}
                      <Reads reads={skip.reads} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          <section aria-labelledby="simulation-procedures">
            <h2 id="simulation-procedures">{t("simulation.selected")}</h2>
            <ul className="design-list">
              {run.selected.map((procedure) => (
                <li key={procedure.id} className="card" data-testid="simulated-procedure">
                  <h3>{procedure.name}</h3>
                  <ProcedureFacts
                    procedure={{ ...procedure, deadline: procedure.deadline ? formatDate(procedure.deadline, i18n.language) : t("deadline.none") }}
                    first={
                      <FactRow term={t("simulation.why")}>
                        <Reads reads={procedure.why} />
                      </FactRow>
                    }
                  >
                    <FactRow term={t("simulation.schema")}>
                      {procedure.schemaIssues.length === 0 && !procedure.routeError ? (
                        t("simulation.schemaOk")
                      ) : (
                        <strong className="field__error">{t("simulation.schemaFails", { items: procedure.schemaIssues.join(t("list.separator")) })}</strong>
                      )}
                    </FactRow>
                  </ProcedureFacts>
                  <h4>{t("simulation.payload", { organisation: procedure.organisation })}</h4>
                  <dl className="summary-list">
                    {procedure.payload.map((entry) => (
                      <div className="summary-list__row" key={entry.key}>
                        <dt>{entry.label}</dt>
                        <dd>
                          {entry.question ? <AnswerText question={entry.question as unknown as Question} value={entry.value} /> : <RecordValue attributeKey={entry.key} value={entry.value} />}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
            {run.notSelected.length ? (
              <>
                <h3>{t("simulation.notSelected")}</h3>
                <ul>
                  {run.notSelected.map((procedure) => (
                    <li key={procedure.id}>
                      {procedure.name}
                      <Reads reads={procedure.why} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>

          {run.answersError || run.recordError ? null : (
            <Form key={scenarios.length} method="post" action={self} noValidate aria-labelledby="scenario-save-heading" className="card">
              <h2 id="scenario-save-heading">{t("scenarios.saveHeading")}</h2>
              <p>{t("scenarios.saveLead")}</p>
              <CsrfField />
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="sample" value={sampleId} />
              <input type="hidden" name="answers" value={changes} />
              <input type="hidden" name="record" value={recordChanges} />
              <div className={`field${errors.name ? " field--error" : ""}`}>
                <label className="field__label" htmlFor="scenario-name">
                  {t("scenarios.name")}
                </label>
                <span className="field__hint" id="scenario-name-hint">
                  {t("scenarios.nameHint")}
                </span>
                {errors.name ? (
                  <span className="field__error" id="scenario-name-error">
                    {errors.name.map((message) => t(message)).join(" ")}
                  </span>
                ) : null}
                <input
                  className={`input input--full${errors.name ? " input--error" : ""}`}
                  id="scenario-name"
                  name="name"
                  maxLength={maxNameLength}
                  defaultValue={actionData?.name ?? ""}
                  aria-describedby={errors.name ? "scenario-name-hint scenario-name-error" : "scenario-name-hint"}
                  aria-invalid={errors.name ? true : undefined}
                />
              </div>
              <button type="submit" className="button">
                {t("scenarios.save")}
              </button>
            </Form>
          )}
        </>
      ) : null}

      <section aria-labelledby="saved-scenarios-heading" id="saved-scenarios">
        <h2 id="saved-scenarios-heading">{t("scenarios.heading")}</h2>
        <p>{t("scenarios.lead")}</p>
        {scenarios.length === 0 ? (
          <p>{t("scenarios.none")}</p>
        ) : (
          <ul className="design-list">
            {scenarios.map((scenario) => (
              <li key={scenario.id} className="card design-scenario" data-testid="saved-scenario">
                <Link className="design-scenario__link" to={scenario.href}>
                  {t("scenarios.run", { name: scenario.name })}
                </Link>
                <Form method="post" action={self} className="design-scenario__delete">
                  <CsrfField />
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="scenario" value={scenario.id} />
                  {/* The visible word is part of the name a screen reader hears (WCAG 2.5.3), which says which scenario. */}
                  <button type="submit" className="button button--secondary" aria-label={t("scenarios.delete", { name: scenario.name })}>
                    {t("scenarios.deleteShort")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
