// Unit costs per channel that evaluators set (yen per transaction online and at the counter, by default and for
// a procedure), from which the dashboard and report compute cost per transaction.
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { getProcedure, listProcedures, type Lang } from "../../flows";
import type { Db } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { deleteUnitCost, listUnitCosts, setUnitCost } from "../../db/queries/evaluation-entries";
import { costChannels } from "../../db/schema";

export const MAX_YEN = 10_000_000;

const procedureField = z
  .string()
  .optional()
  .transform((id) => id ?? "")
  .refine((id) => id === "" || !!getProcedure(id), "unitCosts.errors.procedure");

const setSchema = z.object({
  channel: z.enum(costChannels, { errorMap: () => ({ message: "unitCosts.errors.channel" }) }),
  procedure: procedureField,
  yen: z.coerce
    .number({ required_error: "unitCosts.errors.yen", invalid_type_error: "unitCosts.errors.yen" })
    .int("unitCosts.errors.yen")
    .min(0, "unitCosts.errors.yen")
    .max(MAX_YEN, "unitCosts.errors.yen"),
});
const removeSchema = z.object({ channel: z.enum(costChannels), procedure: procedureField });

export function unitCostsView(db: Db, lang: Lang) {
  return {
    procedures: listProcedures().map((p) => ({ id: p.id, name: p.name[lang] })),
    costs: listUnitCosts(db).map((cost) => ({ ...cost, procedure: cost.procedureId ? (getProcedure(cost.procedureId)?.name[lang] ?? "") : null })),
  };
}

export type UnitCostOutcome = { kind: "saved" } | { kind: "invalid"; result: SubmissionResult<string[]> };

export function changeUnitCost(db: Db, { actor, form }: { actor: string; form: FormData }): UnitCostOutcome {
  const remove = form.get("intent") === "remove";
  const at = new Date();
  if (remove) {
    const submission = parseWithZod(form, { schema: removeSchema });
    if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
    db.transaction((tx) => {
      deleteUnitCost(tx, { channel: submission.value.channel, procedureId: submission.value.procedure });
      appendAuditEntry(tx, { at, actor, action: "unitCost.removed", subjectType: "unitCost", subjectId: `${submission.value.channel}:${submission.value.procedure}` });
    });
    return { kind: "saved" };
  }
  const submission = parseWithZod(form, { schema: setSchema });
  if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
  const { channel, procedure, yen } = submission.value;
  db.transaction((tx) => {
    setUnitCost(tx, { channel, procedureId: procedure, yen, setBy: actor, updatedAt: at.toISOString() });
    appendAuditEntry(tx, { at, actor, action: "unitCost.set", subjectType: "unitCost", subjectId: `${channel}:${procedure}`, details: { yen } });
  });
  return { kind: "saved" };
}
