// Ministries' medium-to-long-term plan items: an action with a target on one figure (for one procedure or all of
// the ministry's) by a date, and its progress read from the live figures, the same as the dashboard's.
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { getProcedure, listProcedures, type Lang } from "../../flows";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { deletePlanItem, insertPlanItem, listPlanItems, type PlanItemRow } from "../../db/queries/evaluation-entries";
import { planFigures, type PlanFigure } from "../../db/schema";
import { isHostileText } from "../platform/hostile-text";
import { todayInJapan } from "../platform/today.server";
import { planStatus } from "./definitions";
import { figuresView } from "./dashboard.server";
import { computeFigures, lastTwelveMonths, ministryOptions, type EvaluationFilter, type Figures } from "./figures.server";

/** How each figure is counted: a share (entered in %, stored as a fraction), hours, or yen. */
export const figureUnits: Record<PlanFigure, "share" | "hours" | "yen"> = {
  digitalTakeUp: "share",
  completionRate: "share",
  satisfiedShare: "share",
  onceOnlyShare: "share",
  afterDeadlineShare: "share",
  p90Hours: "hours",
  costPerTransaction: "yen",
};

/** The live value of a plan's figure in a set of figures. */
export function figureValue(figures: Figures, figure: PlanFigure): number | null {
  switch (figure) {
    case "digitalTakeUp":
      return figures.digitalTakeUp.share;
    case "completionRate":
      return figures.completion.rate;
    case "satisfiedShare":
      return figures.satisfaction.satisfiedShare;
    case "onceOnlyShare":
      return figures.onceOnly.share;
    case "afterDeadlineShare":
      return figures.afterDeadline.share;
    case "p90Hours":
      return figures.timeToDecision.p90Hours;
    case "costPerTransaction":
      return figures.costPerTransaction.perTransaction;
  }
}

export const MAX_TITLE = 200;

function planSchema(ministryIds: string[]) {
  return z
    .object({
      ministry: z.string({ required_error: "plans.errors.ministry" }).refine((id) => ministryIds.includes(id), "plans.errors.ministry"),
      title: z
        .string({ required_error: "plans.errors.title" })
        .trim()
        .min(1, "plans.errors.title")
        .max(MAX_TITLE, "plans.errors.titleTooLong")
        .refine((value) => !isHostileText(value), "errors.unsafeText"),
      procedure: z
        .string()
        .optional()
        .refine((id) => !id || !!getProcedure(id), "plans.errors.procedure"),
      figure: z.enum(planFigures, { errorMap: () => ({ message: "plans.errors.figure" }) }),
      comparison: z.enum(["atLeast", "atMost"], { errorMap: () => ({ message: "plans.errors.comparison" }) }),
      target: z.coerce
        .number({ required_error: "plans.errors.target", invalid_type_error: "plans.errors.target" })
        .min(0, "plans.errors.target")
        .max(100_000_000, "plans.errors.target"),
      dueDate: z
        .string({ required_error: "plans.errors.dueDate" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, "plans.errors.dueDate")
        .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "plans.errors.dueDate"),
    })
    .refine((plan) => figureUnits[plan.figure] !== "share" || plan.target <= 100, { path: ["target"], message: "plans.errors.targetShare" });
}

export type PlanOutcome = { kind: "saved" } | { kind: "invalid"; result: SubmissionResult<string[]> } | { kind: "notFound" };

export function changePlanItem(db: Db, { actor, form }: { actor: string; form: FormData }): PlanOutcome {
  const at = new Date();
  if (form.get("intent") === "remove") {
    const id = Number(form.get("id"));
    if (!Number.isInteger(id)) return { kind: "notFound" };
    const removed = db.transaction((tx) => {
      const done = deletePlanItem(tx, { id });
      if (done) appendAuditEntry(tx, { at, actor, action: "planItem.removed", subjectType: "planItem", subjectId: String(id) });
      return done;
    });
    return removed ? { kind: "saved" } : { kind: "notFound" };
  }
  const submission = parseWithZod(form, { schema: planSchema(ministryOptions("en").map((m) => m.id)) });
  if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
  const plan = submission.value;
  db.transaction((tx) => {
    const id = insertPlanItem(tx, {
      ministryId: plan.ministry,
      title: plan.title,
      procedureId: plan.procedure || null,
      figure: plan.figure,
      comparison: plan.comparison,
      target: figureUnits[plan.figure] === "share" ? plan.target / 100 : plan.target,
      dueDate: plan.dueDate,
      createdBy: actor,
      createdAt: at.toISOString(),
    });
    appendAuditEntry(tx, { at, actor, action: "planItem.added", subjectType: "planItem", subjectId: String(id), details: { ministryId: plan.ministry, figure: plan.figure } });
  });
  return { kind: "saved" };
}

/**
 * Each plan item with its figure's value over the period given (for its ministry, and its procedure if it names
 * one) and its status. Items sharing a scope share one computation.
 */
export function planProgress(db: Db, items: PlanItemRow[], period: { from: string; to: string }, lang: Lang) {
  const cache = new Map<string, Figures>();
  const ministries = new Map(ministryOptions(lang).map((m) => [m.id, m.name]));
  const today = todayInJapan();
  return items.map((item) => {
    const filter: EvaluationFilter = { ...period, ministryId: item.ministryId, procedureId: item.procedureId ?? undefined };
    const key = `${item.ministryId}|${item.procedureId ?? ""}`;
    if (!cache.has(key)) cache.set(key, computeFigures(db, filter));
    const value = figureValue(cache.get(key)!, item.figure);
    return {
      id: item.id,
      ministryId: item.ministryId,
      ministry: ministries.get(item.ministryId) ?? "",
      title: item.title,
      procedureId: item.procedureId,
      procedure: item.procedureId ? (getProcedure(item.procedureId)?.name[lang] ?? "") : null,
      figure: item.figure,
      unit: figureUnits[item.figure],
      comparison: item.comparison,
      target: item.target,
      dueDate: item.dueDate,
      value,
      status: planStatus(value, item.comparison, item.target, item.dueDate, today),
    };
  });
}
export type PlanProgress = ReturnType<typeof planProgress>[number];

export function listPlans(db: Db, { ministryId }: { ministryId?: string } = {}) {
  return listPlanItems(db, { ministryId });
}

/** The plans page: every plan item with its progress over the last twelve months, and the reform ranking over them. */
export function plansPageView(db: Db, lang: Lang, now = new Date()) {
  const period = lastTwelveMonths(now);
  return {
    period,
    ministries: ministryOptions(lang),
    procedures: listProcedures().map((p) => ({ id: p.id, name: p.name[lang] })),
    figures: planFigures,
    plans: planProgress(db, listPlanItems(db), period, lang),
    ranking: figuresView(computeFigures(db, period), lang).reformRanking,
  };
}
