// Counter volumes: how many of a procedure an organisation handled outside Madoguchi (at the counter, on paper)
// in a month, entered one month at a time or imported as CSV by its officers. The other side of digital
// take-up. Figures only: no person's data is entered.
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { csvParse } from "d3-dsv";
import { z } from "zod";
import { getAgency, listProcedures, type Lang } from "../../flows";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { listAgencyCounterVolumes, upsertCounterVolume } from "../../db/queries/evaluation-entries";
import { agencyHasHandled } from "../../db/queries/ideas";
import { todayInJapan } from "../platform/today.server";

export const MAX_COUNT = 10_000_000;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The procedures an organisation may count: those it handles by name in the catalogue, those routed to its
 * kind of organisation (a municipality for `municipality:new-address`), and any it has been sent.
 */
export function countableProcedures(db: Db, agencyId: string, lang: Lang) {
  const prefix = agencyId.split("-")[0];
  return listProcedures()
    .filter((procedure) => {
      const by = procedure.handledBy;
      if ("channel" in by) return by.id === agencyId;
      return by.kind.split(":")[0] === prefix || agencyHasHandled(db, { agencyId, procedureId: procedure.id });
    })
    .map((procedure) => ({ id: procedure.id, name: procedure.name[lang], names: [procedure.id, procedure.name.ja, procedure.name.en] }));
}

function entrySchema(procedureIds: string[], thisMonth: string) {
  return z.object({
    procedure: z.string({ required_error: "counter.errors.procedure" }).refine((id) => procedureIds.includes(id), "counter.errors.procedure"),
    month: z
      .string({ required_error: "counter.errors.month" })
      .trim()
      .regex(monthPattern, "counter.errors.month")
      .refine((month) => !monthPattern.test(month) || month <= thisMonth, "counter.errors.futureMonth"),
    count: z.coerce
      .number({ required_error: "counter.errors.count", invalid_type_error: "counter.errors.count" })
      .int("counter.errors.count")
      .min(0, "counter.errors.count")
      .max(MAX_COUNT, "counter.errors.count"),
  });
}

export function counterVolumesView(db: Db, agencyId: string, lang: Lang) {
  const procedures = countableProcedures(db, agencyId, lang);
  const names = new Map(procedures.map((p) => [p.id, p.name]));
  return {
    agency: getAgency(agencyId)?.name[lang] ?? "",
    procedures: procedures.map(({ id, name }) => ({ id, name })),
    thisMonth: todayInJapan().slice(0, 7),
    entries: listAgencyCounterVolumes(db, { agencyId }).map((entry) => ({ ...entry, procedure: names.get(entry.procedureId) ?? "" })),
  };
}

export type CounterOutcome =
  | { kind: "saved"; count: number }
  | { kind: "invalid"; result: SubmissionResult<string[]> }
  | { kind: "importRefused"; problems: { line: number; message: string }[] };

function save(db: Db, { agencyId, actor, rows, via }: { agencyId: string; actor: string; rows: { procedure: string; month: string; count: number }[]; via: "form" | "csv" }) {
  const at = new Date();
  db.transaction(
    (tx) => {
      for (const row of rows) upsertCounterVolume(tx, { agencyId, procedureId: row.procedure, month: row.month, count: row.count, enteredBy: actor, updatedAt: at.toISOString() });
      appendAuditEntry(tx, { at, actor, action: "counterVolumes.set", subjectType: "agency", subjectId: agencyId, agencyId, details: { via, rows: rows.length } });
    },
    { behavior: "immediate" },
  );
}

/** One month of one procedure from the form; a second entry for the same month replaces the first. */
export function enterCounterVolume(db: Db, { agencyId, actor, form }: { agencyId: string; actor: string; form: FormData }): CounterOutcome {
  const procedureIds = countableProcedures(db, agencyId, "en").map((p) => p.id);
  const submission = parseWithZod(form, { schema: entrySchema(procedureIds, todayInJapan().slice(0, 7)) });
  if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
  save(db, { agencyId, actor, rows: [submission.value], via: "form" });
  return { kind: "saved", count: 1 };
}

/**
 * A CSV file with a header `procedure,month,count` (the procedure's name in Japanese or English, or its id;
 * YYYY-MM; whole numbers): every line is
 * checked, and either all are stored (in one transaction) or none, with the problems by line.
 */
export function importCounterVolumes(db: Db, { agencyId, actor, csv }: { agencyId: string; actor: string; csv: string }): CounterOutcome {
  const procedureIds = countableProcedures(db, agencyId, "en").map((p) => p.id);
  const schema = entrySchema(procedureIds, todayInJapan().slice(0, 7));
  const countable = countableProcedures(db, agencyId, "en");
  // A line names its procedure by its name (Japanese or English, as the form lists it) or its id.
  const idOf = (value: string | undefined) => countable.find((p) => p.names.some((name) => name.toLowerCase() === (value ?? "").trim().toLowerCase()))?.id ?? value;
  const text = csv.replace(/^\uFEFF/, "");
  const rows = csvParse(text);
  const problems: { line: number; message: string }[] = [];
  if (!["procedure", "month", "count"].every((column) => rows.columns.includes(column))) return { kind: "importRefused", problems: [{ line: 1, message: "counter.errors.header" }] };
  if (rows.length === 0) return { kind: "importRefused", problems: [{ line: 2, message: "counter.errors.empty" }] };
  const parsed: { procedure: string; month: string; count: number }[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const result = schema.safeParse({ procedure: idOf(row.procedure), month: row.month, count: row.count?.trim() === "" ? undefined : row.count });
    if (!result.success) {
      for (const message of new Set(result.error.issues.map((issue) => issue.message))) problems.push({ line, message });
      return;
    }
    const key = `${result.data.procedure}|${result.data.month}`;
    if (seen.has(key)) problems.push({ line, message: "counter.errors.duplicate" });
    seen.add(key);
    parsed.push(result.data);
  });
  if (problems.length) return { kind: "importRefused", problems: problems.slice(0, 20) };
  save(db, { agencyId, actor, rows: parsed, via: "csv" });
  return { kind: "saved", count: parsed.length };
}
