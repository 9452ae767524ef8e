// A life event's start page: what it takes care of, which organisations it reaches, what you need,
// how long it takes, and the button that starts (or resumes) the journey.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { getOptionalUser, readVerifiedForm, requireApplicant } from "~/identity/auth.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { i18nServer } from "~/platform/i18n/i18n.server";
import { journeyPath, startJourneyFor, startOfferFor, type StartOffer } from "~/journeys/journey-pages.server";
import { describeProcedures, requireLifeEvent } from "~/journeys/life-events.server";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { publishedTexts } from "~/journeys/texts.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["journey", ":lifeEventId"] };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const lang = (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
  return {
    id: lifeEvent.id,
    title: await pageTitle(request, `lifeEvents.${lifeEvent.id}.title`),
    procedures: describeProcedures(lifeEvent, lang, publishedTexts(getDb(), lifeEvent.id, lang)),
    offer: startOfferFor(await getOptionalUser(request), lifeEvent),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lifeEvent = requireLifeEvent(params.lifeEventId);
  const auth = await requireApplicant(request);
  await readVerifiedForm(request);
  const journey = startJourneyFor(auth, lifeEvent);
  return redirect(journeyPath(journey));
}

export default function LifeEventStart() {
  const { t } = useTranslation(["common"]);
  const { id, procedures, offer } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t(`lifeEvents.${id}.title`)}</h1>
      <p className="lead">{t(`lifeEvents.${id}.summary`)}</p>
      <h2>{t("journey:lifeEventStart.proceduresHeading")}</h2>
      <p>{t("journey:lifeEventStart.proceduresLead")}</p>
      <ul>
        {procedures.map((procedure) => (
          <li key={procedure.id}>
            {procedure.name}
            {" — "}
            {procedure.organisation ?? t(`journey:routing.${procedure.routedTo?.replace(":", ".")}`)}
            {procedure.sector === "private" ? ` ${t("journey:lifeEventStart.private")}` : ""}
            {procedure.inPerson ? ` ${t("journey:lifeEventStart.inPerson")}` : ""}
            {procedure.presence ? ` ${t("journey:lifeEventStart.presence")}` : ""}
            {procedure.description ? <span className="field__hint">{procedure.description}</span> : null}
          </li>
        ))}
      </ul>
      <h2>{t("journey:lifeEventStart.needHeading")}</h2>
      <p>{t(`journey:start.${id}.need`)}</p>
      <h2>{t("journey:lifeEventStart.timeHeading")}</h2>
      <p>{t(`journey:start.${id}.time`)}</p>
      <p>{t("journey:lifeEventStart.onceOnly")}</p>
      <StartActions offer={offer} lifeEventId={id} />
    </>
  );
}

/** The button or link the page offers this person (see startOfferFor): never one that would refuse them. */
function StartActions({ offer, lifeEventId }: { offer: StartOffer; lifeEventId: string }) {
  const { t } = useTranslation("journey");
  const startButton = (label: string, secondary = false) => (
    <Form method="post">
      <CsrfField />
      <button className={secondary ? "button button--secondary" : "button"} type="submit">
        {label}
      </button>
    </Form>
  );
  switch (offer.kind) {
    case "start":
      return startButton(t("lifeEventStart.start"));
    case "continue":
      return (
        <>
          <p>{t("lifeEventStart.inProgress")}</p>
          {startButton(t("lifeEventStart.continue"))}
        </>
      );
    case "submitted":
      return (
        <>
          <p>{t("lifeEventStart.submitted", { reference: offer.reference })}</p>
          <p>
            <Link className="button" to={`/cases/${offer.reference}`}>
              {t("lifeEventStart.viewApplication")}
            </Link>
          </p>
          {startButton(t("lifeEventStart.startAnother"), true)}
        </>
      );
    case "actFor":
      return (
        <p>
          {t(`lifeEventStart.actForFirst.${offer.subjectType}`)}{" "}
          <Link to={`/act-for?${new URLSearchParams({ redirectTo: `/life-events/${lifeEventId}` })}`}>{t("lifeEventStart.chooseWho")}</Link>
        </p>
      );
    case "notForYou":
      return <p className="notice">{t(`lifeEventStart.notForYou.${offer.subjectType}`)}</p>;
  }
}
