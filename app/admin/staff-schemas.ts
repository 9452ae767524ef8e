// The staff forms' rules, shared by the console's pages and the server. Messages are keys in `admin`.
import { z } from "zod";
import { isHostileText } from "../platform/hostile-text";

export const staffRoles = ["officer", "designer", "evaluator", "administrator"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const MAX_DISPLAY_NAME = 100;

export const inviteSchema = z.object({
  role: z.enum(staffRoles, { errorMap: () => ({ message: "staff.errors.roleRequired" }) }),
  loginId: z
    .string({ required_error: "staff.errors.loginIdRequired" })
    .trim()
    .toLowerCase()
    .min(1, "staff.errors.loginIdRequired")
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, "staff.errors.loginIdFormat")),
  displayName: z
    .string({ required_error: "staff.errors.nameRequired" })
    .trim()
    .min(1, "staff.errors.nameRequired")
    .pipe(z.string().max(MAX_DISPLAY_NAME, "staff.errors.nameTooLong").pipe(z.string().refine((value) => !isHostileText(value), "staff.errors.unsafeText"))),
  agencyId: z.string().trim().optional(),
});
export type InviteInput = z.infer<typeof inviteSchema>;
