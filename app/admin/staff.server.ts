// Staff accounts: invitations by a one-time link that expires (officers bound to one organisation,
// designers, evaluators, administrators), deactivation and reactivation, an officer's organisation, a
// role, and a reset second factor (a new invitation). Every change is audited; every refusal says why
// and changes nothing. Also the first administrator of a fresh database (`npm run admin -- create-admin`).
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import { deletePasskeysOfUser } from "../../db/queries/passkeys";
import { deleteSessionRowsOfUser } from "../../db/queries/sessions";
import { countActiveAdministrators, createUser, getUserById, getUserByLoginId, listStaffUsers, updateUser, type User } from "../../db/queries/users";
import { getAgency } from "../../flows";
import { createInvitation } from "../identity/invitations.server";
import { inviteSchema, staffRoles, type InviteInput, type StaffRole } from "./staff-schemas";

export type Lang = "ja" | "en";

export type StaffRefusal =
  | "staff.refused.notFound"
  | "staff.refused.loginIdTaken"
  | "staff.refused.agencyRequired"
  | "staff.refused.agencyUnknown"
  | "staff.refused.lastAdministrator"
  | "staff.refused.ownAccount"
  | "staff.refused.notOfficer"
  | "staff.refused.alreadyDeactivated"
  | "staff.refused.notDeactivated"
  | "staff.refused.administratorExists";

export class StaffRefusedError extends Error {
  constructor(readonly refusal: StaffRefusal) {
    super(refusal);
    this.name = "StaffRefusedError";
  }
}

export function invitationLink(origin: string, token: string) {
  return `${origin.replace(/\/$/, "")}/invitations/${token}`;
}

function staffView(user: User, lang: Lang) {
  return {
    id: user.id,
    loginId: user.loginId,
    displayName: user.displayName,
    role: user.role,
    agencyId: user.agencyId,
    organisation: user.agencyId ? (getAgency(user.agencyId)?.name[lang] ?? user.agencyId) : null,
    state: user.deactivatedAt ? ("deactivated" as const) : user.passwordHash ? ("active" as const) : ("invited" as const),
    hasSecondFactor: user.totpSecret !== null,
  };
}

export function listStaff(db: Db, { lang }: { lang: Lang }) {
  return listStaffUsers(db).map((user) => staffView(user, lang));
}

export function staffMember(db: Db, { userId, lang }: { userId: string; lang: Lang }) {
  const user = getUserById(db, { userId });
  if (!user || !(staffRoles as readonly string[]).includes(user.role)) return undefined;
  return staffView(user, lang);
}

function staffOrRefuse(db: Tx, userId: string): User {
  const user = getUserById(db, { userId });
  if (!user || !(staffRoles as readonly string[]).includes(user.role)) throw new StaffRefusedError("staff.refused.notFound");
  return user;
}

function checkAgency(role: StaffRole, agencyId: string | undefined): string | null {
  if (role !== "officer") return null;
  if (!agencyId) throw new StaffRefusedError("staff.refused.agencyRequired");
  if (!getAgency(agencyId)) throw new StaffRefusedError("staff.refused.agencyUnknown");
  return agencyId;
}

/** Creates the account (no password, no second factor) and its invitation; returns the token, shown once. */
export function inviteStaff(db: Db, { input, actor, now = new Date() }: { input: InviteInput; actor: string; now?: Date }) {
  const { role, loginId, displayName } = inviteSchema.parse(input);
  const agencyId = checkAgency(role, input.agencyId || undefined);
  return db.transaction(
    (tx) => {
      if (getUserByLoginId(tx, { loginId })) throw new StaffRefusedError("staff.refused.loginIdTaken");
      const user = createUser(tx, { id: `u-${randomUUID()}`, loginId, displayName, role, agencyId, createdAt: now.toISOString() });
      const invitation = createInvitation(tx, { userId: user.id, kind: "account", createdBy: actor, now });
      appendAuditEntry(tx, { at: now, actor, action: "staff.invited", subjectType: "user", subjectId: user.id, agencyId, details: { role, expiresAt: invitation.expiresAt.toISOString() } });
      return { userId: user.id, ...invitation };
    },
    { behavior: "immediate" },
  );
}

/** The first administrator of a database that has none: an account and its invitation (npm run admin -- create-admin). */
export function createFirstAdministrator(db: Db, { loginId, displayName, actor, now = new Date() }: { loginId: string; displayName: string; actor: string; now?: Date }) {
  if (countActiveAdministrators(db) > 0) throw new StaffRefusedError("staff.refused.administratorExists");
  return inviteStaff(db, { input: { role: "administrator", loginId, displayName }, actor, now });
}

function refuseLastAdministrator(db: Tx, user: User) {
  if (user.role === "administrator" && !user.deactivatedAt && countActiveAdministrators(db) <= 1) throw new StaffRefusedError("staff.refused.lastAdministrator");
}

/** Deactivates an account: it cannot sign in and its sessions end. Not one's own, not the last administrator. */
export function deactivateStaff(db: Db, { userId, actor, now = new Date() }: { userId: string; actor: string; now?: Date }) {
  db.transaction(
    (tx) => {
      const user = staffOrRefuse(tx, userId);
      if (user.id === actor) throw new StaffRefusedError("staff.refused.ownAccount");
      if (user.deactivatedAt) throw new StaffRefusedError("staff.refused.alreadyDeactivated");
      refuseLastAdministrator(tx, user);
      updateUser(tx, { userId, changes: { deactivatedAt: now.toISOString() } });
      deleteSessionRowsOfUser(tx, { userId });
      appendAuditEntry(tx, { at: now, actor, action: "staff.deactivated", subjectType: "user", subjectId: userId });
    },
    { behavior: "immediate" },
  );
}

export function reactivateStaff(db: Db, { userId, actor, now = new Date() }: { userId: string; actor: string; now?: Date }) {
  db.transaction(
    (tx) => {
      const user = staffOrRefuse(tx, userId);
      if (!user.deactivatedAt) throw new StaffRefusedError("staff.refused.notDeactivated");
      updateUser(tx, { userId, changes: { deactivatedAt: null } });
      appendAuditEntry(tx, { at: now, actor, action: "staff.reactivated", subjectType: "user", subjectId: userId });
    },
    { behavior: "immediate" },
  );
}

/** Moves an officer to another organisation: from the next request they see only its inbox. */
export function changeOrganisation(db: Db, { userId, agencyId, actor, now = new Date() }: { userId: string; agencyId: string; actor: string; now?: Date }) {
  db.transaction(
    (tx) => {
      const user = staffOrRefuse(tx, userId);
      if (user.role !== "officer") throw new StaffRefusedError("staff.refused.notOfficer");
      checkAgency("officer", agencyId || undefined);
      updateUser(tx, { userId, changes: { agencyId } });
      appendAuditEntry(tx, { at: now, actor, action: "staff.organisation-changed", subjectType: "user", subjectId: userId, agencyId, details: { from: user.agencyId, to: agencyId } });
    },
    { behavior: "immediate" },
  );
}

/** Changes another person's role. Never one's own (so nobody raises their own role), never the last administrator's. */
export function changeRole(db: Db, { userId, role, agencyId, actor, now = new Date() }: { userId: string; role: StaffRole; agencyId?: string; actor: string; now?: Date }) {
  db.transaction(
    (tx) => {
      const user = staffOrRefuse(tx, userId);
      if (user.id === actor) throw new StaffRefusedError("staff.refused.ownAccount");
      if (user.role === "administrator" && role !== "administrator") refuseLastAdministrator(tx, user);
      const organisation = checkAgency(role, agencyId || user.agencyId || undefined);
      updateUser(tx, { userId, changes: { role, agencyId: organisation } });
      deleteSessionRowsOfUser(tx, { userId });
      appendAuditEntry(tx, { at: now, actor, action: "staff.role-changed", subjectType: "user", subjectId: userId, details: { from: user.role, to: role } });
    },
    { behavior: "immediate" },
  );
}

/**
 * Resets a second factor: the authenticator app, every passkey, the password and every session go, and a
 * new invitation lets the person set a password and enrol again. Not for one's own account.
 */
export function resetSecondFactor(db: Db, { userId, actor, now = new Date() }: { userId: string; actor: string; now?: Date }) {
  return db.transaction(
    (tx) => {
      const user = staffOrRefuse(tx, userId);
      if (user.id === actor) throw new StaffRefusedError("staff.refused.ownAccount");
      updateUser(tx, { userId, changes: { passwordHash: null, totpSecret: null, totpLastStep: null } });
      deletePasskeysOfUser(tx, { userId });
      deleteSessionRowsOfUser(tx, { userId });
      const invitation = createInvitation(tx, { userId, kind: "second-factor", createdBy: actor, now });
      appendAuditEntry(tx, { at: now, actor, action: "staff.second-factor-reset", subjectType: "user", subjectId: userId, details: { expiresAt: invitation.expiresAt.toISOString() } });
      return invitation;
    },
    { behavior: "immediate" },
  );
}
