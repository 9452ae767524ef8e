// An organisation's counter slots for its officers: pick a day, see each office's slots with their places and
// bookings, change a slot's capacity or close it, add a slot. A capacity below the bookings made is refused.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { readVerifiedForm, requireOfficer } from "~/identity/auth.server";
import { BackLink } from "~/components/admin-table/admin-table";
import { CsrfField } from "~/components/csrf-field/csrf-field";
import { DataTable } from "~/components/data-table/data-table";
import { ErrorSummary } from "~/components/error-summary/error-summary";
import { addCounterSlot, addSlotSchema, capacitySchema, changeCounterSlotCapacity, counterSlotsView, SlotRefusedError } from "~/office/counter-slots.server";
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

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireOfficer(request);
  const lang = await pageLanguage(request);
  const url = new URL(request.url);
  const day = readDay(url.searchParams.get("day"));
  return {
    title: await pageTitle(request, "counterSlots.title", "office"),
    day,
    ...counterSlotsView(getDb(), { agencyId: auth.agencyId, day, lang }),
    done: url.searchParams.get("done"),
  };
}

type Fields = Record<string, string>;
type ActionData = { errors?: Record<string, string>; refusal?: string; values?: Fields };

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireOfficer(request);
  const form = await readVerifiedForm(request);
  const values: Fields = Object.fromEntries(["intent", "slotId", "capacity", "officeId", "day", "startsAt", "endsAt"].map((key) => [key, String(form.get(key) ?? "")]));
  const day = readDay(values.day);
  const back = (done: string) => redirect(`/office/counter-slots?day=${day}&done=${done}`);
  try {
    if (values.intent === "capacity" || values.intent === "close") {
      const parsed = capacitySchema.safeParse({ slotId: values.slotId, capacity: values.intent === "close" ? "0" : values.capacity });
      if (!parsed.success) return data<ActionData>({ errors: { [`capacity-${values.slotId}`]: parsed.error.issues[0].message }, values }, { status: 400 });
      changeCounterSlotCapacity(getDb(), { agencyId: auth.agencyId, slotId: parsed.data.slotId, capacity: parsed.data.capacity, actor: auth.user.id });
      return back(parsed.data.capacity === 0 ? "closed" : "changed");
    }
    if (values.intent === "add") {
      const parsed = addSlotSchema.safeParse(values);
      if (!parsed.success) {
        const errors = Object.fromEntries(parsed.error.issues.map((issue) => [`add-${String(issue.path[0])}`, issue.message]).reverse());
        return data<ActionData>({ errors, values }, { status: 400 });
      }
      addCounterSlot(getDb(), { agencyId: auth.agencyId, input: parsed.data, actor: auth.user.id, today: todayInJapan() });
      return back("added");
    }
    return data<ActionData>({ refusal: "counterSlots.refused.unknownIntent", values }, { status: 400 });
  } catch (error) {
    if (error instanceof SlotRefusedError) return data<ActionData>({ refusal: error.refusal, values }, { status: 409 });
    throw error;
  }
}

export default function CounterSlots() {
  const { t, i18n } = useTranslation("office");
  const { agency, day, offices, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const errorOf = (id: string) =>
    errors[id] ? (
      <span className="field__error" id={`${id}-error`}>
        {t(errors[id])}
      </span>
    ) : null;
  const field = (id: string, label: string, input: JSX.Element) => (
    <div className={`field${errors[id] ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {errorOf(id)}
      {input}
    </div>
  );
  return (
    <>
      <BackLink to="/office" label={t("request.back")} />
      <ErrorSummary
        errors={[
          ...(actionData?.refusal ? [{ message: t(actionData.refusal) }] : []),
          ...Object.entries(errors).map(([id, message]) => ({ message: t(message), fieldId: id })),
        ]}
      />
      {done && !actionData ? (
        <div className="notice" role="status">
          <p>{t(`counterSlots.done.${done === "added" || done === "closed" ? done : "changed"}`)}</p>
        </div>
      ) : null}
      <span className="caption">{agency}</span>
      <h1>{t("counterSlots.title")}</h1>
      <p className="lead">{t("counterSlots.lead")}</p>

      <Form method="get" className="office-filters">
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

      {offices.length === 0 ? <p>{t("counterSlots.noOffices")}</p> : null}
      {offices.map((office) => (
        <section key={office.id} aria-labelledby={`office-${office.id}`}>
          <h2 id={`office-${office.id}`}>{t("counterSlots.officeDay", { office: office.name, day: formatDate(day, i18n.language) })}</h2>
          {office.slots.length === 0 ? (
            <p>{t("counterSlots.none")}</p>
          ) : (
            <DataTable caption={t("counterSlots.officeDay", { office: office.name, day: formatDate(day, i18n.language) })}>
              <thead>
                <tr>
                  <th scope="col">{t("counterSlots.columns.time")}</th>
                  <th scope="col" className="figure-number">{t("counterSlots.columns.booked")}</th>
                  <th scope="col">{t("counterSlots.columns.capacity")}</th>
                </tr>
              </thead>
              <tbody>
                {office.slots.map((slot) => {
                  const id = `capacity-${slot.id}`;
                  return (
                    <tr key={slot.id} data-testid="counter-slot">
                      <td>{t("counterSlots.time", { start: slot.startsAt, end: slot.endsAt })}</td>
                      <td className="figure-number">{slot.booked}</td>
                      <td>
                        {slot.capacity === 0 ? <p>{t("counterSlots.closed")}</p> : null}
                        <Form method="post" className="inline-form">
                          <CsrfField />
                          <input type="hidden" name="slotId" value={slot.id} />
                          <input type="hidden" name="day" value={day} />
                          {field(
                            id,
                            t("counterSlots.capacityLabel", { start: slot.startsAt }),
                            <input
                              className="input input--postal-code"
                              id={id}
                              name="capacity"
                              inputMode="numeric"
                              defaultValue={values.slotId === slot.id ? values.capacity : String(slot.capacity)}
                              aria-describedby={errors[id] ? `${id}-error` : undefined}
                            />,
                          )}
                          <button className="button button--secondary" type="submit" name="intent" value="capacity">
                            {t("counterSlots.change", { start: slot.startsAt })}
                          </button>{" "}
                          {slot.capacity > 0 ? (
                            <button className="button button--secondary" type="submit" name="intent" value="close">
                              {t("counterSlots.close", { start: slot.startsAt })}
                            </button>
                          ) : null}
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          )}
        </section>
      ))}

      {offices.length > 0 ? (
        <section aria-labelledby="add-slot-heading" className="card">
          <h2 id="add-slot-heading">{t("counterSlots.add.heading", { day: formatDate(day, i18n.language) })}</h2>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="day" value={day} />
            {field(
              "add-officeId",
              t("counterSlots.add.office"),
              <select className="input input--address" id="add-officeId" name="officeId" defaultValue={values.officeId ?? offices[0].id}>
                {offices.map((office) => (
                  <option key={office.id} value={office.id}>
                    {office.name}
                  </option>
                ))}
              </select>,
            )}
            {field("add-startsAt", t("counterSlots.add.startsAt"), <input className="input input--postal-code" type="time" id="add-startsAt" name="startsAt" defaultValue={values.startsAt ?? ""} aria-describedby={errors["add-startsAt"] ? "add-startsAt-error" : undefined} />)}
            {field("add-endsAt", t("counterSlots.add.endsAt"), <input className="input input--postal-code" type="time" id="add-endsAt" name="endsAt" defaultValue={values.endsAt ?? ""} aria-describedby={errors["add-endsAt"] ? "add-endsAt-error" : undefined} />)}
            {field("add-capacity", t("counterSlots.add.capacity"), <input className="input input--postal-code" id="add-capacity" name="capacity" inputMode="numeric" defaultValue={values.intent === "add" ? values.capacity : "1"} aria-describedby={errors["add-capacity"] ? "add-capacity-error" : undefined} />)}
            <button className="button" type="submit" name="intent" value="add">
              {t("counterSlots.add.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
