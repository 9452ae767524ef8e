// Book, change or cancel the counter visit the law still requires (the move-in notification): the days with a
// free place between the move and the deadline, then the times of the chosen day at each office.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { requireCaseForApplicant } from "~/cases/case-pages.server";
import { bookVisit, cancelVisit, requireCaseVisit, visitSlots } from "~/cases/counter-visits.server";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { auditActorOf, readVerifiedForm, requireApplicant } from "~/identity/auth.server";
import { languageOf } from "~/platform/i18n/i18n.server";
import { formatDate } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";
import { journeyNamespaces } from "~/journeys/namespaces";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: journeyNamespaces };

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireApplicant(request);
  const db = getDb();
  const lang = await languageOf(request);
  const kase = requireCaseForApplicant(db, auth, params.reference);
  const visit = requireCaseVisit(db, { kase, agencyId: params.agencyId, lang });
  const day = new URL(request.url).searchParams.get("day");
  return {
    title: await pageTitle(request, "visit.title", "journey"),
    reference: kase.reference,
    visit,
    ...visitSlots(db, { visit, day, lang }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireApplicant(request);
  const form = await readVerifiedForm(request);
  const db = getDb();
  const lang = await languageOf(request);
  const kase = requireCaseForApplicant(db, auth, params.reference);
  const visit = requireCaseVisit(db, { kase, agencyId: params.agencyId, lang });
  const { actor, onBehalfOf } = auditActorOf(auth);
  const back = `/cases/${kase.reference}`;
  if (form.get("intent") === "cancel") {
    cancelVisit(db, { kase, visit, actor: `user:${actor}`, onBehalfOf });
    return redirect(`${back}?visitCancelled=1#to-do-heading`);
  }
  const slotId = String(form.get("slotId") ?? "");
  if (!slotId) return data({ error: "journey:visit.errors.chooseTime" }, { status: 400 });
  const outcome = bookVisit(db, { kase, visit, slotId, actor: `user:${actor}`, onBehalfOf });
  if (outcome.kind === "full") return data({ error: "journey:visit.errors.full" }, { status: 409 });
  if (outcome.kind === "unavailable") return data({ error: "journey:visit.errors.unavailable" }, { status: 400 });
  return redirect(`${back}?booked=${visit.agencyId}#visit-${visit.agencyId}`);
}

export default function BookVisit() {
  const { t, i18n } = useTranslation();
  const { reference, visit, days, day, slots } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ? t(actionData.error) : null;
  const firstSlot = slots.find((slot) => slot.free > 0);
  return (
    <>
      {error ? <ErrorSummary errors={[{ message: error, fieldId: firstSlot ? `slot-${firstSlot.id}` : undefined }]} /> : null}
      <span className="caption">{visit.organisation}</span>
      <h1>{t(visit.booking ? "journey:visit.changeHeading" : "journey:visit.heading", { organisation: visit.organisation })}</h1>
      <p className="lead">{t("journey:visit.lead", { procedures: visit.procedures.map((p) => p.name).join(t("journey:toDo.and")) })}</p>
      <p>{t("journey:visit.window", { from: formatDate(visit.window.from, i18n.language), to: formatDate(visit.window.to, i18n.language) })}</p>
      {visit.booking ? (
        <section aria-labelledby="current-booking-heading" className="notice">
          <h2 id="current-booking-heading">{t("journey:visit.currentHeading")}</h2>
          <p data-testid="visit-booking">
            <strong>{t("journey:visit.bookedFor", { day: formatDate(visit.booking.day, i18n.language), start: visit.booking.startsAt, end: visit.booking.endsAt })}</strong>
            <br />
            {visit.booking.office}
            <br />
            {visit.booking.address}
          </p>
          <Form method="post">
            <CsrfField />
            <button className="button button--secondary" type="submit" name="intent" value="cancel">
              {t("journey:visit.cancel")}
            </button>
          </Form>
        </section>
      ) : null}
      {days.length === 0 ? (
        <p>{t("journey:visit.noDays", { organisation: visit.organisation })}</p>
      ) : (
        <>
          <nav aria-labelledby="days-heading">
            <h2 id="days-heading">{t("journey:visit.daysHeading")}</h2>
            <ul className="day-list">
              {days.map((entry) => (
                <li key={entry.day}>
                  <Link to={`?day=${entry.day}`} aria-current={entry.day === day ? "date" : undefined} className={entry.day === day ? "day-list__current" : undefined}>
                    {formatDate(entry.day, i18n.language)}
                  </Link>{" "}
                  <span className="day-list__free">{t("journey:visit.freePlaces", { count: entry.free })}</span>
                </li>
              ))}
            </ul>
          </nav>
          {day ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="book" />
              <fieldset className={`field${error ? " field--error" : ""}`}>
                <legend className="field__label">
                  <h2 className="legend-heading">{t("journey:visit.timesHeading", { day: formatDate(day, i18n.language) })}</h2>
                </legend>
                {error ? <span className="field__error">{error}</span> : null}
                {slots.map((slot) => (
                  <div className="radio" key={slot.id}>
                    <input type="radio" id={`slot-${slot.id}`} name="slotId" value={slot.id} disabled={slot.free === 0} defaultChecked={visit.booking?.slotId === slot.id} />
                    <label htmlFor={`slot-${slot.id}`}>
                      {t("journey:visit.slot", { start: slot.startsAt, end: slot.endsAt, office: slot.office })}{" "}
                      {slot.free === 0 ? t("journey:visit.slotFull") : t("journey:visit.freePlaces", { count: slot.free })}
                    </label>
                  </div>
                ))}
              </fieldset>
              <button className="button" type="submit">
                {t(visit.booking ? "journey:visit.change" : "journey:visit.book")}
              </button>
            </Form>
          ) : null}
        </>
      )}
      <p>
        <Link to={`/cases/${reference}`}>{t("journey:correction.back")}</Link>
      </p>
    </>
  );
}
