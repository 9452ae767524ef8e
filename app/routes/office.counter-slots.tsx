// An organisation's counter slots, for its officers and for administrators (who choose the organisation among
// those offering counter visits): pick a day, read each office's slots as one short table (time, places, booked),
// change one slot only when asked (its "Change" link opens one form), add one slot or a whole day of them.
// A capacity below the bookings made is refused. Every form is a plain GET or POST, so it works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm, requireUser } from "~/identity/auth.server";
import { BackLink } from "~/components/admin-table/admin-table";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DataTable } from "~/components/data-table/data-table";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import {
  addCounterSlot,
  addDayOfSlots,
  addSlotSchema,
  capacitySchema,
  changeCounterSlotCapacity,
  counterAgencies,
  counterSlotsView,
  daySlotsSchema,
  slotAgencyFor,
  slotLengths,
  SlotRefusedError,
} from "~/office/counter-slots.server";
import { pageLanguage } from "~/office/office.server";
import { formatDate } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { todayInJapan } from "~/platform/today.server";
import { readDay } from "~/office/counter-bookings.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["office"] };

export const meta = titleMeta;

/** Officers manage their own organisation's slots; administrators any organisation's that offers counter visits. */
const managers = ["officer", "administrator"] as const;

/** The page's address for one organisation (administrators only) and day, with more query values. */
function slotsHref({ agencyId, asAdministrator, day }: { agencyId: string; asAdministrator: boolean; day: string }, more: Record<string, string> = {}) {
  const query = new URLSearchParams({ ...(asAdministrator ? { agency: agencyId } : {}), day, ...more });
  return `/office/counter-slots?${query.toString()}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request, { roles: managers });
  const lang = await pageLanguage(request);
  const url = new URL(request.url);
  const db = getDb();
  const agencyId = slotAgencyFor(db, auth, url.searchParams.get("agency"));
  if (!agencyId) throw new Response("Forbidden", { status: 403 });
  const day = readDay(url.searchParams.get("day"));
  const asAdministrator = auth.user.role === "administrator";
  const view = counterSlotsView(db, { agencyId, day, lang });
  const slotId = url.searchParams.get("slot");
  const editing = view.offices.flatMap((office) => office.slots).find((slot) => slot.id === slotId) ?? null;
  return {
    title: await pageTitle(request, "counterSlots.title", "office"),
    day,
    agencyId,
    asAdministrator,
    agencies: asAdministrator ? counterAgencies(db, lang) : [],
    ...view,
    editing,
    slotLengths: [...slotLengths],
    done: url.searchParams.get("done"),
  };
}

type Fields = Record<string, string>;
type ActionData = { errors?: Record<string, string>; refusal?: string; values?: Fields };

const fieldNames = ["intent", "slotId", "capacity", "officeId", "day", "startsAt", "endsAt", "from", "until", "length", "agency"];

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request, { roles: managers });
  const form = await readVerifiedForm(request);
  const values: Fields = Object.fromEntries(fieldNames.map((key) => [key, String(form.get(key) ?? "")]));
  const db = getDb();
  const agencyId = slotAgencyFor(db, auth, values.agency);
  if (!agencyId) throw new Response("Forbidden", { status: 403 });
  const asAdministrator = auth.user.role === "administrator";
  const day = readDay(values.day);
  const back = (done: string, more: Record<string, string> = {}) => redirect(slotsHref({ agencyId, asAdministrator, day }, { done, ...more }));
  const invalid = (issues: { path: PropertyKey[]; message: string }[], prefix: string) =>
    data<ActionData>({ errors: Object.fromEntries(issues.map((issue) => [`${prefix}-${String(issue.path[0])}`, issue.message]).reverse()), values }, { status: 400 });
  try {
    if (values.intent === "capacity" || values.intent === "close") {
      const parsed = capacitySchema.safeParse({ slotId: values.slotId, capacity: values.intent === "close" ? "0" : values.capacity });
      if (!parsed.success) return data<ActionData>({ errors: { "change-capacity": parsed.error.issues[0].message }, values }, { status: 400 });
      changeCounterSlotCapacity(db, { agencyId, slotId: parsed.data.slotId, capacity: parsed.data.capacity, actor: auth.user.id });
      return back(parsed.data.capacity === 0 ? "closed" : "changed");
    }
    if (values.intent === "add") {
      const parsed = addSlotSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error.issues, "add");
      addCounterSlot(db, { agencyId, input: parsed.data, actor: auth.user.id, today: todayInJapan() });
      return back("added");
    }
    if (values.intent === "day") {
      const parsed = daySlotsSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error.issues, "day");
      const added = addDayOfSlots(db, { agencyId, input: parsed.data, actor: auth.user.id, today: todayInJapan() });
      return back("dayAdded", { added: String(added) });
    }
    return data<ActionData>({ refusal: "counterSlots.refused.unknownIntent", values }, { status: 400 });
  } catch (error) {
    if (error instanceof SlotRefusedError) return data<ActionData>({ refusal: error.refusal, values }, { status: 409 });
    throw error;
  }
}

const doneNotices = ["added", "changed", "closed", "dayAdded"];

export default function CounterSlots() {
  const { t, i18n } = useTranslation("office");
  const { agency, agencyId, asAdministrator, agencies, day, offices, editing, slotLengths, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const dayText = formatDate(day, i18n.language);
  const href = (more: Record<string, string> = {}) => slotsHref({ agencyId, asAdministrator, day }, more);
  const field = (id: string, label: string, input: (describedBy: string | undefined) => JSX.Element, hint?: string) => (
    <div className={`field${errors[id] ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors[id] ? (
        <span className="field__error" id={`${id}-error`}>
          {t(errors[id])}
        </span>
      ) : null}
      {input([hint ? `${id}-hint` : "", errors[id] ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined)}
    </div>
  );
  /** The hidden values every form of the page sends: the day, and the organisation an administrator chose. */
  const context = (
    <>
      <CsrfField />
      <input type="hidden" name="day" value={day} />
      {asAdministrator ? <input type="hidden" name="agency" value={agencyId} /> : null}
    </>
  );
  const officeSelect = (id: string) =>
    field(id, t("counterSlots.add.office"), (describedBy) => (
      <select className="input input--address" id={id} name="officeId" defaultValue={values.officeId || offices[0]?.id} aria-describedby={describedBy}>
        {offices.map((office) => (
          <option key={office.id} value={office.id}>
            {office.name}
          </option>
        ))}
      </select>
    ));
  const timeInput = (id: string, name: string, label: string, fallback: string) =>
    field(id, label, (describedBy) => <input className="input input--postal-code" type="time" id={id} name={name} defaultValue={values[name] || fallback} aria-describedby={describedBy} />);
  const placesInput = (id: string, intent: string, fallback: string) =>
    field(id, t("counterSlots.add.capacity"), (describedBy) => (
      <input className="input input--postal-code" id={id} name="capacity" inputMode="numeric" defaultValue={values.intent === intent ? values.capacity : fallback} aria-describedby={describedBy} />
    ));
  return (
    <>
      <BackLink to={asAdministrator ? "/admin" : "/office"} label={asAdministrator ? t("counterSlots.backToConsole") : t("request.back")} />
      <ErrorSummary
        errors={[
          ...(actionData?.refusal ? [{ message: t(actionData.refusal) }] : []),
          ...Object.entries(errors).map(([id, message]) => ({ message: t(message), fieldId: id })),
        ]}
      />
      {done && doneNotices.includes(done) && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`counterSlots.done.${done}`)}</p>
        </div>
      ) : null}
      <span className="caption">{agency}</span>
      <h1>{t("counterSlots.title")}</h1>
      <p className="lead">{t("counterSlots.lead")}</p>

      <Form method="get" className="office-filters">
        {asAdministrator ? (
          <div className="field">
            <label className="field__label" htmlFor="slots-agency">
              {t("counterSlots.organisation")}
            </label>
            <select className="input input--address" id="slots-agency" name="agency" defaultValue={agencyId}>
              {agencies.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="slots-day">
            {t("counterSlots.day")}
          </label>
          <input className="input" type="date" id="slots-day" name="day" defaultValue={day} />
        </div>
        <button className="button button--secondary" type="submit">
          {t("counterSlots.show")}
        </button>
      </Form>

      {editing ? (
        <div className="card-stack">
          <section aria-labelledby="change-slot-heading" className="card" id="change-slot">
            <h2 id="change-slot-heading">{t("counterSlots.edit.heading", { office: editing.officeName, day: dayText, start: editing.startsAt, end: editing.endsAt })}</h2>
            <p>{t("counterSlots.edit.booked", { count: editing.booked })}</p>
            <Form method="post">
              {context}
              <input type="hidden" name="slotId" value={editing.id} />
              {field(
                "change-capacity",
                t("counterSlots.add.capacity"),
                (describedBy) => (
                  <input
                    className="input input--postal-code"
                    id="change-capacity"
                    name="capacity"
                    inputMode="numeric"
                    defaultValue={values.slotId === editing.id ? values.capacity : String(editing.capacity)}
                    aria-describedby={describedBy}
                  />
                ),
                t("counterSlots.edit.hint", { count: editing.booked }),
              )}
              <div className="button-group">
                <button className="button" type="submit" name="intent" value="capacity">
                  {t("counterSlots.edit.change")}
                </button>
                {editing.capacity > 0 ? (
                  <button className="button button--secondary" type="submit" name="intent" value="close">
                    {t("counterSlots.edit.close")}
                  </button>
                ) : null}
                <Link to={href()}>{t("counterSlots.edit.cancel")}</Link>
              </div>
            </Form>
          </section>
        </div>
      ) : null}

      {offices.length === 0 ? <p>{t("counterSlots.noOffices")}</p> : null}
      {offices.map((office) => (
        <section key={office.id} aria-labelledby={`office-${office.id}`}>
          <h2 id={`office-${office.id}`}>{t("counterSlots.officeDay", { office: office.name, day: dayText })}</h2>
          {office.slots.length === 0 ? (
            <p>{t("counterSlots.none")}</p>
          ) : (
            <DataTable caption={t("counterSlots.officeDay", { office: office.name, day: dayText })}>
              <thead>
                <tr>
                  <th scope="col">{t("counterSlots.columns.time")}</th>
                  <th scope="col" className="figure-number">
                    {t("counterSlots.columns.capacity")}
                  </th>
                  <th scope="col" className="figure-number">
                    {t("counterSlots.columns.booked")}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t("counterSlots.columns.action")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {office.slots.map((slot) => (
                  <tr key={slot.id} data-testid="counter-slot" aria-current={editing?.id === slot.id ? "true" : undefined}>
                    <td>{t("counterSlots.time", { start: slot.startsAt, end: slot.endsAt })}</td>
                    <td className="figure-number">{slot.capacity === 0 ? t("counterSlots.closed") : slot.capacity}</td>
                    <td className="figure-number">{slot.booked}</td>
                    <td>
                      <Link to={`${href({ slot: slot.id })}#change-slot`}>
                        {t("counterSlots.changeLink")}
                        <span className="visually-hidden"> {t("counterSlots.changeLinkHidden", { start: slot.startsAt, end: slot.endsAt, office: office.name })}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </section>
      ))}

      {offices.length > 0 ? (
        <div className="card-stack">
          <section aria-labelledby="add-slot-heading" className="card">
            <h2 id="add-slot-heading">{t("counterSlots.add.heading", { day: dayText })}</h2>
            <Form method="post">
              {context}
              {officeSelect("add-officeId")}
              {timeInput("add-startsAt", "startsAt", t("counterSlots.add.startsAt"), "")}
              {timeInput("add-endsAt", "endsAt", t("counterSlots.add.endsAt"), "")}
              {placesInput("add-capacity", "add", "1")}
              <button className="button" type="submit" name="intent" value="add">
                {t("counterSlots.add.submit")}
              </button>
            </Form>
          </section>

          <section aria-labelledby="day-slots-heading" className="card">
            <h2 id="day-slots-heading">{t("counterSlots.wholeDay.heading", { day: dayText })}</h2>
            <p>{t("counterSlots.wholeDay.lead")}</p>
            <Form method="post">
              {context}
              {officeSelect("day-officeId")}
              {timeInput("day-from", "from", t("counterSlots.wholeDay.from"), "09:00")}
              {timeInput("day-until", "until", t("counterSlots.wholeDay.until"), "17:00")}
              {field("day-length", t("counterSlots.wholeDay.length"), (describedBy) => (
                <select className="input input--postal-code" id="day-length" name="length" defaultValue={values.length || "30"} aria-describedby={describedBy}>
                  {slotLengths.map((minutes) => (
                    <option key={minutes} value={String(minutes)}>
                      {t("counterSlots.wholeDay.minutes", { count: minutes })}
                    </option>
                  ))}
                </select>
              ))}
              {placesInput("day-capacity", "day", "2")}
              <button className="button" type="submit" name="intent" value="day">
                {t("counterSlots.wholeDay.submit")}
              </button>
            </Form>
          </section>
        </div>
      ) : null}
    </>
  );
}
