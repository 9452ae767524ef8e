// The officer's list of the day's counter visits: who comes when (by case reference) and, for each procedure
// of the visit, whether its data has already been received, with the way to open it, so the counter work is
// done before the person arrives. The list itself holds no personal data; opening a procedure is audited there.
import { getProcedure } from "../../flows";
import type { Db } from "../../db/client.server";
import { getCase, listProcedureRequestsForCase } from "../../db/queries/cases";
import { listActiveBookingsForDay } from "../../db/queries/counter-visits";
import { findInboxRequest } from "../../db/queries/office";
import { todayInJapan } from "../platform/today.server";
import type { Lang } from "../cases/case-pages.server";

/** A day as asked for (YYYY-MM-DD), else today in Japan. */
export function readDay(asked: string | null): string {
  return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : todayInJapan();
}

/** The day asked for (`?visitDay=YYYY-MM-DD`), else today in Japan. */
export function readVisitDay(url: URL): string {
  return readDay(url.searchParams.get("visitDay"));
}

export function dayBookingsView(db: Db, { agencyId, day, lang }: { agencyId: string; day: string; lang: Lang }) {
  return listActiveBookingsForDay(db, { agencyId, day }).map(({ booking, slot, office }) => {
    const kase = getCase(db, { caseId: booking.caseId });
    const requests = listProcedureRequestsForCase(db, { caseId: booking.caseId }).filter((request) => request.agencyId === agencyId);
    return {
      id: booking.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      office: lang === "en" ? office.nameEn : office.nameJa,
      caseReference: kase?.reference ?? "",
      procedures: requests.map((request) => ({
        id: request.id,
        name: getProcedure(request.procedureId)?.name[lang] ?? request.procedureId,
        status: request.status,
        // The data is the organisation's once it was delivered; before that the procedure waits for another.
        received: findInboxRequest(db, { agencyId, procedureRequestId: request.id }) !== undefined,
      })),
    };
  });
}
