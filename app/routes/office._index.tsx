// The back office inbox: an officer's own organisation's procedure requests, filtered by status and
// deadline, sorted by deadline, overdue ones marked, with a count per status; and the day's counter visits.
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ReactElement } from "react";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/platform/i18n/texts";
import { requireOfficer } from "~/identity/auth.server";
import { DataTable } from "~/components/data-table/data-table";
import { OfficeInboxFilters } from "~/components/office-inbox-filters/office-inbox-filters";
import { OfficeStatus, statusTag } from "~/components/office-status/office-status";
import { useClientLinks } from "~/components/client-links/client-links";
import { deadlineFilters, statusFilters } from "~/office/inbox-filters";
import { packInboxItems, unpackInboxItems } from "~/office/inbox-items";
import { inboxView, pageLanguage, readInboxFilters } from "~/office/office.server";
import { dayBookingsView, readVisitDay } from "~/office/counter-bookings.server";
import { formatDate, formatDateTime, formatList } from "~/platform/format";
import { titleMeta } from "~/platform/meta";
import { pageTitle } from "~/platform/page.server";
import { getDb } from "../../db/client.server";

/** The translations this page needs besides the layout's (README, "Translations per page"). */
export const handle = { i18n: ["office"] };

export const meta = titleMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireOfficer(request, { context });
  const url = new URL(request.url);
  const filters = readInboxFilters(url);
  const lang = await pageLanguage(request);
  const { items, ...view } = inboxView(getDb(), { agencyId: auth.agencyId, filters, lang });
  const visitDay = readVisitDay(url);
  return {
    title: await pageTitle(request, "inbox.title", "office"),
    filters,
    ...view,
    // One array per row (app/office/inbox-items.ts): the rows are most of this page's loader data.
    items: packInboxItems(items),
    visitDay,
    bookings: dayBookingsView(getDb(), { agencyId: auth.agencyId, day: visitDay, lang }),
  };
}

export default function OfficeInbox() {
  const { t, i18n } = useTranslation("office");
  const { agency, filters, items: packedItems, counts, overdueCount, visitDay, bookings } = useLoaderData<typeof loader>();
  const items = unpackInboxItems(packedItems);
  const clientLinks = useClientLinks<HTMLTableSectionElement>();
  // The same words on many rows: built once for the page.
  const noDeadline = t("noDeadline");
  const overdueTag = (
    <>
      {" "}
      {statusTag("overdue", t, t("overdue"))}
    </>
  );
  // One tag element per status for the whole list (the same words on many rows; an element can be shown many times).
  const statusTags = new Map<string, ReactElement>();
  const statusTagOf = (status: string) => {
    let tag = statusTags.get(status);
    if (!tag) statusTags.set(status, (tag = statusTag(status, t)));
    return tag;
  };
  const answerReceived = (
    <>
      {" "}
      <span className="status">{t("inbox.list.answerReceived")}</span>
    </>
  );
  return (
    <>
      <span className="caption">{agency}</span>
      <h1>{t("inbox.title")}</h1>
      <p>{t("inbox.lead")}</p>
      <p>
        <Link to="/office/counter-volumes">{t("counter.link")}</Link>
      </p>

      <section aria-labelledby="office-counts-heading">
        <h2 id="office-counts-heading">{t("inbox.counts.heading")}</h2>
        {counts.length === 0 ? (
          <p>{t("inbox.counts.none")}</p>
        ) : (
          <ul className="office-counts">
            {counts.map(({ status, count }) => (
              <li key={status}>
                <Link to={`?status=${status}`}>
                  {t(`statuses.${status}`)}
                  {t("inbox.counts.separator")}
                  <span data-testid={`count-${status}`}>{count}</span>
                </Link>
              </li>
            ))}
            <li>
              <Link to="?status=open&deadline=overdue">
                {t("overdue")}
                {t("inbox.counts.separator")}
                <span data-testid="count-overdue">{overdueCount}</span>
              </Link>
            </li>
          </ul>
        )}
      </section>

      <section aria-labelledby="office-visits-heading" className="office-visits">
        <h2 id="office-visits-heading">{t("inbox.visits.heading", { day: formatDate(visitDay, i18n.language) })}</h2>
        <p>{t("inbox.visits.lead")}</p>
        <p>
          <Link to={`/office/counter-slots?day=${visitDay}`}>{t("counterSlots.manage")}</Link>
        </p>
        <Form method="get" className="office-filters">
          {filters.status !== "open" ? <input type="hidden" name="status" value={filters.status} /> : null}
          {filters.deadline !== "any" ? <input type="hidden" name="deadline" value={filters.deadline} /> : null}
          <div className="field">
            <label className="field__label" htmlFor="visit-day">
              {t("inbox.visits.day")}
            </label>
            <input className="input" type="date" id="visit-day" name="visitDay" defaultValue={visitDay} />
          </div>
          <button className="button button--secondary" type="submit">
            {t("inbox.visits.show")}
          </button>
        </Form>
        {bookings.length === 0 ? (
          <p>{t("inbox.visits.none")}</p>
        ) : (
          <ol className="card-list">
            {bookings.map((booking) => (
              <li key={booking.id} className="card" data-testid="visit-booking">
                <h3>{t("inbox.visits.time", { start: booking.startsAt, end: booking.endsAt })}</h3>
                <p>
                  {booking.office}
                  <br />
                  {t("inbox.list.reference")}
                  {t("inbox.counts.separator")}
                  {booking.caseReference}
                </p>
                <ul>
                  {booking.procedures.map((procedure) => (
                    <li key={procedure.id}>
                      {procedure.received ? <Link to={`/office/requests/${procedure.id}`}>{procedure.name}</Link> : procedure.name}{" "}
                      <OfficeStatus status={procedure.status} /> {procedure.received ? t("inbox.visits.received") : t("inbox.visits.notYetReceived")}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      <OfficeInboxFilters statuses={statusFilters} deadlines={deadlineFilters} current={filters} />

      <h2 id="office-list-heading">{t("inbox.list.heading")}</h2>
      <p role="status">{t("inbox.list.showing", { count: items.length })}</p>
      {items.length === 0 ? (
        <p>{t("inbox.list.empty")}</p>
      ) : (
        <DataTable caption={t("inbox.list.heading")}>
          <thead>
            <tr>
              <th scope="col">{t("inbox.list.deadline")}</th>
              <th scope="col">{t("inbox.list.procedure")}</th>
              <th scope="col">{t("inbox.list.reference")}</th>
              <th scope="col">{t("inbox.list.status")}</th>
              <th scope="col">{t("inbox.list.submitted")}</th>
            </tr>
          </thead>
          <tbody ref={clientLinks}>
            {/* Plain links, the status words from the page's t and no hooks per row: the rows are most of the page's render (issue 12). */}
            {items.map((item) => (
              <tr key={item.id} data-testid="inbox-row">
                <td>
                  {item.deadline ? formatDate(item.deadline, i18n.language) : noDeadline}
                  {item.overdue ? overdueTag : null}
                </td>
                <td>
                  <a href={`/office/requests/${item.id}`}>{item.procedureName}</a>
                </td>
                <td>{item.caseReference}</td>
                <td>
                  {statusTagOf(item.status)}
                  {item.answerReceived ? answerReceived : null}
                  {item.corrected ? (
                    <>
                      {" "}
                      <span className="status">{t("inbox.list.corrected", { items: formatList(item.corrected, i18n.language) })}</span>
                    </>
                  ) : null}
                </td>
                <td>{formatDateTime(item.receivedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
