// One organisation: its channel, endpoint and delivery health, and the actions that connect an outside agency
// system: set the endpoint (a new secret is shown once), rotate the secret with an overlap, send a signed test
// delivery and read the answer, or switch the channel. A refused action says why and changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { overlapHours } from "~/admin/agency-options";
import { agencyOverview, AgencyRefusedError, rotateSecret, sendTestDelivery, setEndpoint, switchChannel, type TestDeliveryResult } from "~/admin/agencies.server";
import { adminLanguage, requireAdministrator } from "~/admin/page.server";
import { BackLink } from "~/components/admin-table/admin-table";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DeliveryError } from "~/components/delivery-error/delivery-error";
import { Backlog, HealthTable, OldestWaiting } from "~/components/delivery-health/delivery-health";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { readVerifiedForm } from "~/identity/auth.server";
import { formatDateTime } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["admin"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdministrator(request);
  const agency = agencyOverview(getDb(), { agencyId: params.agencyId ?? "", lang: await adminLanguage(request) });
  if (!agency) throw new Response("Not Found", { status: 404 });
  return { title: await pageTitle(request, "agency.title", "admin"), agency };
}

type ActionData = { refusal?: string; url?: string; secret?: { value: string; previousExpiresAt: string | null }; test?: TestDeliveryResult };

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request);
  const form = await readVerifiedForm(request);
  const agencyId = params.agencyId ?? "";
  const actor = auth.user.id;
  const db = getDb();
  const intent = String(form.get("intent") ?? "");
  try {
    switch (intent) {
      case "endpoint": {
        const url = String(form.get("url") ?? "");
        const { secret } = setEndpoint(db, { agencyId, url, actor });
        if (!secret) return redirect(`/admin/agencies/${agencyId}?done=endpoint`);
        return data<ActionData>({ secret: { value: secret, previousExpiresAt: null } });
      }
      case "rotate": {
        const rotated = rotateSecret(db, { agencyId, overlapHours: Number(form.get("overlapHours")), actor });
        return data<ActionData>({ secret: { value: rotated.secret, previousExpiresAt: rotated.previousSecretExpiresAt } });
      }
      case "test":
        return data<ActionData>({ test: await sendTestDelivery(db, { agencyId, actor }) });
      case "channel": {
        const channel = String(form.get("channel") ?? "");
        if (channel !== "inbox" && channel !== "http") return data<ActionData>({ refusal: "agencies.refused.unknownIntent" }, { status: 400 });
        switchChannel(db, { agencyId, channel, actor });
        return redirect(`/admin/agencies/${agencyId}?done=channel`);
      }
      default:
        return data<ActionData>({ refusal: "agencies.refused.unknownIntent" }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof AgencyRefusedError) {
      return data<ActionData>({ refusal: error.refusal, url: intent === "endpoint" ? String(form.get("url") ?? "") : undefined }, { status: 409 });
    }
    throw error;
  }
}

export default function Agency() {
  const { t, i18n } = useTranslation("admin");
  const { agency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const done = params.get("done");
  const endpointError = actionData?.refusal && actionData.url !== undefined ? actionData.refusal : undefined;
  const other = agency.channel === "http" ? "inbox" : "http";
  return (
    <>
      <BackLink to="/admin/agencies" label={t("agency.back")} />
      <ErrorSummary errors={actionData?.refusal ? [{ message: t(actionData.refusal), ...(endpointError ? { fieldId: "endpoint-url" } : {}) }] : []} />
      {done && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`agency.done.${done === "channel" ? "channel" : "endpoint"}`)}</p>
        </div>
      ) : null}
      {actionData?.secret ? (
        <div className="notice" role="status">
          <h2>{t("agency.secret.shownOnce")}</h2>
          <p>{t("agency.secret.give")}</p>
          <p className="secret" data-testid="agency-secret">
            {actionData.secret.value}
          </p>
          {actionData.secret.previousExpiresAt ? <p>{t("agency.secret.overlap", { at: formatDateTime(actionData.secret.previousExpiresAt, i18n.language) })}</p> : null}
        </div>
      ) : null}
      {actionData?.test ? (
        <div className="notice" role="status" data-testid="test-result">
          <h2>{t(actionData.test.ok ? "agency.test.ok" : "agency.test.failed")}</h2>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t("deadLetter.columns.status")}</dt>
              <dd>{actionData.test.httpStatus ?? t("deadLetter.noStatus")}</dd>
            </div>
            {actionData.test.problem ? (
              <div className="summary-list__row">
                <dt>{t("deadLetters.columns.reason")}</dt>
                <dd>
                  <DeliveryError message={actionData.test.problem} />
                </dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt>{t("deadLetter.columns.answer")}</dt>
              <dd>{actionData.test.answer ? <pre className="answer-excerpt">{actionData.test.answer}</pre> : t("deadLetter.noAnswer")}</dd>
            </div>
          </dl>
        </div>
      ) : null}

      <span className="caption">{t("agency.caption")}</span>
      <h1>{agency.name}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("agencies.columns.channel")}</dt>
          <dd>
            {t(`agencies.channels.${agency.channel}`)}
            {agency.switched ? ` ${t("agency.switched")}` : null}
          </dd>
        </div>
        {agency.channel === "http" ? (
          <>
            <div className="summary-list__row">
              <dt>{t("agencies.columns.endpoint")}</dt>
              <dd className="agency-endpoint">{agency.url ?? t("agencies.noEndpoint")}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t("agency.secretRow")}</dt>
              <dd>
                {agency.hasSecret ? t("agency.secretStored") : t("agency.noSecret")}
                {agency.rotationEndsAt ? ` ${t("agency.rotating", { at: formatDateTime(agency.rotationEndsAt, i18n.language) })}` : null}
              </dd>
            </div>
          </>
        ) : null}
        <div className="summary-list__row">
          <dt>{t("agencies.columns.queued")}</dt>
          <dd>{agency.health.queued}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("agencies.columns.failing")}</dt>
          <dd>{agency.health.failing}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("agencies.columns.oldestWaiting")}</dt>
          <dd>
            <OldestWaiting since={agency.health.oldestWaitingSince} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("agencies.columns.backlog")}</dt>
          <dd>
            <Backlog change={agency.health.backlogChange} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("agencies.columns.deadLetters")}</dt>
          <dd>
            {agency.health.deadLetters > 0 ? (
              <Link to={`/admin/dead-letters?agency=${encodeURIComponent(agency.id)}`}>{agency.health.deadLetters}</Link>
            ) : (
              0
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("agencies.columns.lastSuccess")}</dt>
          <dd>{agency.health.lastSuccessAt ? formatDateTime(agency.health.lastSuccessAt, i18n.language) : t("agencies.never")}</dd>
        </div>
      </dl>
      <HealthTable health={agency.health} />

      <h2>{t("agency.actionsHeading")}</h2>
      <div className="card-list">
        {agency.channel === "http" ? (
          <>
            <section aria-labelledby="endpoint-heading" className="card">
              <h3 id="endpoint-heading">{t("agency.endpoint.heading")}</h3>
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="endpoint" />
                <div className={`field${endpointError ? " field--error" : ""}`}>
                  <label className="field__label" htmlFor="endpoint-url">
                    {t("agency.endpoint.label")}
                  </label>
                  <span className="field__hint agency-endpoint" id="endpoint-url-hint">
                    {t(agency.hasSecret ? "agency.endpoint.hintChange" : "agency.endpoint.hintNew")}
                  </span>
                  {endpointError ? (
                    <span className="field__error" id="endpoint-url-error">
                      {t(endpointError)}
                    </span>
                  ) : null}
                  <input
                    id="endpoint-url"
                    name="url"
                    type="url"
                    className="input input--full"
                    autoComplete="off"
                    defaultValue={actionData?.url ?? agency.url ?? ""}
                    aria-describedby={endpointError ? "endpoint-url-hint endpoint-url-error" : "endpoint-url-hint"}
                    aria-invalid={endpointError ? true : undefined}
                  />
                </div>
                <button type="submit" className="button">
                  {t("agency.endpoint.submit")}
                </button>
              </Form>
            </section>
            {agency.hasSecret ? (
              <>
                <section aria-labelledby="rotate-heading" className="card">
                  <h3 id="rotate-heading">{t("agency.rotate.heading")}</h3>
                  <p>{t("agency.rotate.body")}</p>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="rotate" />
                    <div className="field">
                      <label className="field__label" htmlFor="overlap-hours">
                        {t("agency.rotate.overlap")}
                      </label>
                      <select id="overlap-hours" name="overlapHours" className="input" defaultValue="24">
                        {overlapHours.map((hours) => (
                          <option key={hours} value={hours}>
                            {t("agency.rotate.hours", { count: hours })}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" className="button button--secondary">
                      {t("agency.rotate.submit")}
                    </button>
                  </Form>
                </section>
                <section aria-labelledby="test-heading" className="card">
                  <h3 id="test-heading">{t("agency.test.heading")}</h3>
                  <p>{t("agency.test.body")}</p>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="test" />
                    <button type="submit" className="button button--secondary">
                      {t("agency.test.submit")}
                    </button>
                  </Form>
                </section>
              </>
            ) : null}
          </>
        ) : null}
        <section aria-labelledby="channel-heading" className="card">
          <h3 id="channel-heading">{t("agency.channel.heading")}</h3>
          <p>{t(`agency.channel.inFlight.${other}`)}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="channel" />
            <input type="hidden" name="channel" value={other} />
            <button type="submit" className="button button--secondary">
              {t(`agency.channel.submit.${other}`)}
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}
