// Demo history: a repeatable (seeded) generator of past cases, so the evaluation dashboard and the yearly report
// have two fiscal years to show, with the March–April peak of moves. Each case is one of the life events' sample
// people's real selection (procedures, organisations, data items and the once-only count), dated, decided and
// rated at random from the seed. Rows carry the `h-` prefix; running it again replaces them.
import { getLifeEvent, getProcedure, selectProcedures, typedDataItems, listLifeEvents } from "../../flows";
import type { Db } from "../../db/client.server";
import { listPlanItems, listUnitCosts, insertPlanItem, setUnitCost } from "../../db/queries/evaluation-entries";
import { dataSubjects } from "../../db/schema";
import { fiscalYearMonths, monthInTokyo, monthsBetween } from "../evaluation/definitions";

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same history. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many moves a month has against an average month: people move in March and April, when school and work years start. */
export const monthWeights: Record<string, number> = { "01": 0.85, "02": 1.05, "03": 2.6, "04": 2.1, "05": 0.95, "06": 0.8, "07": 0.8, "08": 0.9, "09": 0.9, "10": 0.8, "11": 0.75, "12": 0.8 };

export type HistoryOptions = { cases?: number; seed?: number; fiscalYears?: number[]; now?: Date };
export type HistoryResult = { cases: number; requests: number; journeys: number; counterVolumes: number; from: string; to: string };

const HISTORY_ACTOR = "demo:history";
const HISTORY_SUBJECT = "h-people";

/** Removes every row an earlier run made. */
export function removeHistory(db: Db) {
  const run = (sql: string) => db.$client.prepare(sql).run();
  db.$client.transaction(() => {
    run("delete from procedure_events where procedure_request_id like 'h-%'");
    run("delete from outbox where id like 'h-%'");
    run("delete from satisfaction_responses where case_id like 'h-%'");
    run("delete from procedure_requests where id like 'h-%'");
    run("delete from cases where id like 'h-%'");
    run("delete from journeys where id like 'h-%'");
    run(`delete from counter_volumes where entered_by = '${HISTORY_ACTOR}'`);
  })();
}

type Template = { lifeEventId: string; version: number; requests: { procedureId: string; agencyId: string; items: string; needed: number; typed: number; hasDeadline: boolean; reasons: string[] }[]; questions: string[] };

function templates(): Template[] {
  return listLifeEvents().flatMap((lifeEvent) =>
    lifeEvent.samples.map((sample) => {
      const typed = typedDataItems({ lifeEvent, answers: sample.answers, record: sample.record });
      const selected = selectProcedures({ lifeEvent, answers: sample.answers, record: sample.record });
      return {
        lifeEventId: lifeEvent.id,
        version: lifeEvent.version,
        questions: lifeEvent.questions.map((q) => q.id),
        requests: selected.map((s) => ({
          procedureId: s.procedureId,
          agencyId: s.agencyId,
          items: JSON.stringify(s.dataItems),
          needed: s.dataItems.length,
          typed: s.dataItems.filter((item) => typed.has(item)).length,
          hasDeadline: s.deadline !== null,
          reasons: getProcedure(s.procedureId)?.rejectionReasons.map((r) => r.code) ?? [],
        })),
      };
    }),
  );
}

/**
 * Writes `cases` past cases (default 20,000) over the fiscal years given (default: last year and this one, up to
 * yesterday), with their procedure requests, status events, dead letters (closed), journeys (and the abandoned
 * ones), satisfaction ratings and the counter volumes that make digital take-up grow from about 35 % to 60 %.
 */
export function generateHistory(db: Db, options: HistoryOptions = {}): HistoryResult {
  const now = options.now ?? new Date();
  const thisMonth = monthInTokyo(now.toISOString());
  const [y, m] = thisMonth.split("-").map(Number);
  const thisFiscalYear = m >= 4 ? y : y - 1;
  const fiscalYears = options.fiscalYears ?? [thisFiscalYear - 1, thisFiscalYear];
  const total = options.cases ?? 20_000;
  const random = seededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

  const months = fiscalYears.flatMap((fy) => monthsBetween(fiscalYearMonths(fy).from, fiscalYearMonths(fy).to)).filter((month) => month < thisMonth || (month === thisMonth && now.getTime() > Date.parse(`${month}-02T00:00:00+09:00`)));
  if (months.length === 0) throw new Error("no month of those fiscal years has begun");
  const weights = months.map((month) => monthWeights[month.slice(5)]);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const perMonth = weights.map((w) => Math.floor((w / weightSum) * total));
  perMonth[perMonth.length - 1] += total - perMonth.reduce((a, b) => a + b, 0);

  const all = templates();
  const relocation = all.filter((t) => t.lifeEventId === "relocation");
  const incorporation = all.filter((t) => t.lifeEventId === "incorporation");
  const end = Math.min(now.getTime() - 24 * 3600_000, Date.now());

  removeHistory(db);
  const c = db.$client;
  const insertCase = c.prepare(
    "insert into cases (id, reference, life_event_id, flow_version, applicant_id, acted_by, status, answers, consent, snapshot, submission_token, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'completed', '{}', '{}', '{}', ?, ?, ?)",
  );
  const insertRequest = c.prepare(
    "insert into procedure_requests (id, case_id, procedure_id, agency_id, status, payload, data_items, deadline, in_person, rejection_reason, items_typed, created_at, updated_at) values (?, ?, ?, ?, ?, '{}', ?, ?, 0, ?, ?, ?, ?)",
  );
  const insertEvent = c.prepare("insert into procedure_events (procedure_request_id, case_id, from_status, to_status, at, actor, detail) values (?, ?, ?, ?, ?, ?, '{}')");
  const insertOutbox = c.prepare(
    "insert into outbox (id, procedure_request_id, kind, delivery, idempotency_key, status, attempts, next_attempt_at, created_at, updated_at) values (?, ?, 'deliver', 1, ?, ?, ?, ?, ?, ?)",
  );
  const insertJourney = c.prepare(
    "insert into journeys (id, subject_id, actor_id, life_event_id, flow_version, status, snapshot, case_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertRating = c.prepare("insert into satisfaction_responses (case_id, moment, rating, created_at) values (?, ?, ?, ?)");
  const insertCounter = c.prepare("insert into counter_volumes (agency_id, procedure_id, month, count, entered_by, updated_at) values (?, ?, ?, ?, ?, ?)");

  let requests = 0;
  let journeys = 0;
  const online = new Map<string, number>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const dateOf = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);

  c.transaction(() => {
    db.insert(dataSubjects).values({ id: HISTORY_SUBJECT, kind: "person", createdAt: iso(Date.parse("2020-01-01T00:00:00Z")) }).onConflictDoNothing().run();
    let n = 0;
    months.forEach((month, index) => {
      const start = Date.parse(`${month}-01T00:00:00+09:00`);
      const next = index + 1 < months.length ? Date.parse(`${months[index + 1]}-01T00:00:00+09:00`) : Math.min(end, start + 31 * 86400_000);
      const monthEnd = Math.min(next, end);
      // Digital take-up grows over the months: about 35 % at the start, 60 % at the end.
      const takeUp = 0.35 + 0.25 * (index / Math.max(1, months.length - 1));
      for (let i = 0; i < perMonth[index]; i++, n++) {
        const template = random() < 0.9 ? pick(relocation) : pick(incorporation);
        const at = start + random() * (monthEnd - start);
        const id = `h-${String(n).padStart(6, "0")}`;
        insertCase.run(id, `MDG-H${String(n).padStart(6, "0")}`, template.lifeEventId, template.version, `${HISTORY_SUBJECT}-${n}`, HISTORY_ACTOR, `h-token-${n}`, iso(at), iso(at));
        for (const [k, r] of template.requests.entries()) {
          const requestId = `${id}-${k}`;
          const deadline = r.hasDeadline ? dateOf(at + 14 * 86400_000) : null;
          // Decided after a log-normal time: median about a day and a half, a long tail of weeks.
          const hours = Math.exp(Math.log(36) + 1.1 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
          const roll = random();
          const dead = roll < 0.01;
          const status = dead ? "closedOutside" : roll < 0.09 && r.reasons.length ? "rejected" : "accepted";
          const decidedAt = at + Math.max(0.2, hours) * 3600_000;
          const reason = status === "rejected" ? `${pick(r.reasons)}|` : null;
          insertRequest.run(requestId, id, r.procedureId, r.agencyId, status, r.items, deadline, reason, r.typed, iso(at), iso(decidedAt));
          insertEvent.run(requestId, id, null, "queued", iso(at), HISTORY_ACTOR);
          if (dead) {
            insertEvent.run(requestId, id, "queued", "deadLettered", iso(at + 3600_000), "system:dispatcher");
            insertEvent.run(requestId, id, "deadLettered", "closedOutside", iso(decidedAt), HISTORY_ACTOR);
            insertOutbox.run(`${requestId}-o`, requestId, `${requestId}-1`, "closed", 8, iso(at), iso(at), iso(decidedAt));
          } else {
            insertEvent.run(requestId, id, "queued", "delivered", iso(at + 60_000), "system:dispatcher");
            insertEvent.run(requestId, id, "delivered", status, iso(decidedAt), `agency:${r.agencyId}`);
            insertOutbox.run(`${requestId}-o`, requestId, `${requestId}-1`, "delivered", 1, iso(at), iso(at), iso(at + 60_000));
          }
          requests++;
          const key = `${month}|${r.agencyId}|${r.procedureId}`;
          online.set(key, (online.get(key) ?? 0) + 1);
        }
        insertJourney.run(`h-j-${n}`, HISTORY_SUBJECT, HISTORY_ACTOR, template.lifeEventId, template.version, "submitted", "{}", id, iso(at - 600_000), iso(at));
        journeys++;
        // About one journey in five is left unfinished, most often at the first pages.
        if (random() < 0.22) {
          const stop = template.questions[Math.min(template.questions.length - 1, Math.floor(-Math.log(1 - random()) * 2))];
          insertJourney.run(`h-j-${n}-a`, HISTORY_SUBJECT, HISTORY_ACTOR, template.lifeEventId, template.version, "abandoned", JSON.stringify({ value: stop }), null, iso(at - 900_000), iso(at - 600_000));
          journeys++;
        }
        // About a third rate the service after submitting, a fifth again when it ends.
        if (random() < 0.33) insertRating.run(id, "submitted", pick([5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1]), iso(at + 60_000));
        if (random() < 0.2) insertRating.run(id, "ended", pick([5, 5, 4, 4, 4, 3, 3, 2, 1]), iso(at + 7 * 86400_000));
      }
      for (const [key, count] of online) {
        const [keyMonth, agencyId, procedureId] = key.split("|");
        if (keyMonth !== month) continue;
        insertCounter.run(agencyId, procedureId, month, Math.round((count * (1 - takeUp)) / takeUp), HISTORY_ACTOR, iso(monthEnd));
      }
    });
  })();

  // Unit costs and a plan item, if the evaluators have not set any: what the demo's dashboard and report show.
  const at = now.toISOString();
  if (listUnitCosts(db).length === 0) {
    setUnitCost(db, { channel: "online", procedureId: "", yen: 420, setBy: HISTORY_ACTOR, updatedAt: at });
    setUnitCost(db, { channel: "counter", procedureId: "", yen: 1850, setBy: HISTORY_ACTOR, updatedAt: at });
  }
  if (listPlanItems(db).length === 0 && getLifeEvent("relocation")) {
    insertPlanItem(db, {
      ministryId: "local-government-municipality",
      title: "転出届をマイナンバーカードでオンラインに",
      procedureId: "move-out-notification",
      figure: "digitalTakeUp",
      comparison: "atLeast",
      target: 0.6,
      dueDate: `${thisFiscalYear + 2}-03-31`,
      createdBy: HISTORY_ACTOR,
      createdAt: at,
    });
  }
  return { cases: total, requests, journeys, counterVolumes: [...online.keys()].length, from: months[0], to: months[months.length - 1] };
}
