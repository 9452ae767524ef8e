// Dead letters: deliveries that ended without success, with what an administrator needs to judge them
// (organisation, procedure, case reference, every attempt and the agency's redacted answer), and the three
// ways out: retry one, retry all of an organisation after its outage, or close one as handled outside
// Madoguchi with a reason the citizen reads. Used by the /admin pages and by `npm run admin`.
import type { Db } from "../../db/client.server";
import { getCase, getProcedureRequest } from "../../db/queries/cases";
import { listDeliveryAttempts } from "../../db/queries/delivery-attempts";
import { countDeadLettersByAgency, listDeadLetterPage, sqlOutbox } from "../../db/queries/outbox";
import { getAgency, getProcedure } from "../../flows";
import { applyCaseEventInTx, CaseError } from "../cases/cases.server";
import { describeDeliveryError } from "../delivery/delivery-errors";
import { retryDeadLetter } from "../delivery/dispatcher.server";
import { closeSchema, MAX_CLOSING_REASON } from "./dead-letter-schemas";
import { pageFrom, pageWindow, type Page } from "./paging";

export { closeSchema, MAX_CLOSING_REASON };

export type Lang = "ja" | "en";

/** Why a refused action changed nothing, as a key in the `admin` namespace. */
export type DeadLetterRefusal = "deadLetters.refused.notFound" | "deadLetters.refused.notDeadLettered" | "deadLetters.refused.machineRefused";

export class DeadLetterRefusedError extends Error {
  constructor(readonly refusal: DeadLetterRefusal) {
    super(refusal);
    this.name = "DeadLetterRefusedError";
  }
}

function summaryOf(db: Db, row: ReturnType<typeof sqlOutbox.listDead>[number], lang: Lang) {
  const request = getProcedureRequest(db, { procedureRequestId: row.procedureRequestId })!;
  const kase = getCase(db, { caseId: request.caseId })!;
  return {
    outboxId: row.id,
    procedureRequestId: request.id,
    caseReference: kase.reference,
    agencyId: request.agencyId,
    organisation: getAgency(request.agencyId)?.name[lang] ?? request.agencyId,
    procedure: getProcedure(request.procedureId)?.name[lang] ?? request.procedureId,
    requestStatus: request.status,
    attempts: row.attempts,
    /** The dispatcher's note, for scripts and logs; pages show `reasonMessage`. */
    reason: row.lastError,
    reasonMessage: describeDeliveryError(row.lastError),
    deadSince: row.updatedAt,
  };
}

export type DeadLetterSummary = ReturnType<typeof summaryOf>;

/** Every dead letter, oldest first, optionally of one organisation. */
export function listDeadLetterSummaries(db: Db, { lang, agencyId }: { lang: Lang; agencyId?: string }): DeadLetterSummary[] {
  return sqlOutbox
    .listDead(db)
    .map((row) => summaryOf(db, row, lang))
    .filter((summary) => !agencyId || summary.agencyId === agencyId);
}

/**
 * The console's list: one page (20, `?page=`) of dead letters, oldest first, optionally of one organisation, and
 * every organisation with its count. The database counts and cuts the page, so only its rows are read in full.
 */
export function pageDeadLetters(db: Db, { lang, agencyId, page }: { lang: Lang; agencyId?: string; page: string | null }) {
  const organisations = countDeadLettersByAgency(db).map(({ agencyId: id, count }) => ({ id, name: getAgency(id)?.name[lang] ?? id, count }));
  const total = agencyId ? (organisations.find((organisation) => organisation.id === agencyId)?.count ?? 0) : organisations.reduce((sum, organisation) => sum + organisation.count, 0);
  const window = pageWindow(total, page);
  const rows = listDeadLetterPage(db, { agencyId, limit: window.limit, offset: window.offset }).map((row) => summaryOf(db, row, lang));
  const deadLetters: Page<DeadLetterSummary> = pageFrom(rows, window, total);
  return { organisations, deadLetters };
}

/** One dead letter with each attempt: time, status, outcome and the stored (redacted, 2 KB) answer. */
export function deadLetterDetail(db: Db, { outboxId, lang }: { outboxId: string; lang: Lang }) {
  const row = sqlOutbox.get(db, { id: outboxId });
  if (!row || row.status !== "dead") return undefined;
  return {
    ...summaryOf(db, row, lang),
    canRetry: getProcedureRequest(db, { procedureRequestId: row.procedureRequestId })?.status === "deadLettered",
    attemptsLog: listDeliveryAttempts(db, { outboxId }).map((attempt) => ({
      attempt: attempt.attempt,
      at: attempt.at,
      outcome: attempt.outcome,
      httpStatus: attempt.httpStatus,
      errorMessage: attempt.error ? describeDeliveryError(attempt.error, attempt.httpStatus) : null,
      responseExcerpt: attempt.responseExcerpt,
    })),
  };
}

function deadRowOrRefuse(db: Db, outboxId: string) {
  const row = sqlOutbox.get(db, { id: outboxId });
  if (!row) throw new DeadLetterRefusedError("deadLetters.refused.notFound");
  if (row.status !== "dead") throw new DeadLetterRefusedError("deadLetters.refused.notDeadLettered");
  return row;
}

/** Retries one dead letter (same idempotency key, attempts from zero); audited as procedure.operator.retried. */
export function retryOne(db: Db, { outboxId, actor, now = new Date() }: { outboxId: string; actor: string; now?: Date }) {
  deadRowOrRefuse(db, outboxId);
  try {
    return retryDeadLetter(db, { outboxId, actor, now });
  } catch (error) {
    if (error instanceof CaseError) throw new DeadLetterRefusedError("deadLetters.refused.machineRefused");
    throw error;
  }
}

/** Retries every dead letter of one organisation (after its outage). Those the case no longer wants are counted, not retried. */
export function retryAllForAgency(db: Db, { agencyId, actor, now = new Date() }: { agencyId: string; actor: string; now?: Date }) {
  let retried = 0;
  let refused = 0;
  for (const dead of listDeadLetterSummaries(db, { lang: "en", agencyId })) {
    try {
      retryOne(db, { outboxId: dead.outboxId, actor, now });
      retried++;
    } catch (error) {
      if (!(error instanceof DeadLetterRefusedError)) throw error;
      refused++;
    }
  }
  return { retried, refused };
}


/**
 * Closes a dead letter as handled outside Madoguchi: 'operator.closed' to the case machine (the procedure
 * becomes closedOutside, the citizen reads the reason on their status page) and the outbox row leaves the
 * dead letters, in one transaction, audited as procedure.operator.closed.
 */
export function closeOne(db: Db, { outboxId, reason, actor, now = new Date() }: { outboxId: string; reason: string; actor: string; now?: Date }) {
  const row = deadRowOrRefuse(db, outboxId);
  try {
    return db.transaction(
      (tx) => {
        const applied = applyCaseEventInTx(tx, { procedureRequestId: row.procedureRequestId, event: { type: "operator.closed", reason }, actor, now });
        sqlOutbox.close(tx, { id: outboxId, now });
        return applied;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof CaseError) throw new DeadLetterRefusedError("deadLetters.refused.machineRefused");
    throw error;
  }
}
