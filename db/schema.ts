// The database tables, for Drizzle. Plural table names, snake_case columns, camelCase fields.
// Sections by aggregate; each later feature adds its own section.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// ---------------------------------------------------------------------------
// Audit log: append-only, each entry chained to the one before by a SHA-256 hash.
// Written in the same transaction as what it records (see db/queries/audit.ts).
// ---------------------------------------------------------------------------
export const auditEntries = sqliteTable(
  "audit_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    /** Who acted: a user id, an agency id (agency:<id>), or system:<component>. */
    actor: text("actor").notNull(),
    /** For whom the actor acted, when not for themselves (a household member, a company). */
    onBehalfOf: text("on_behalf_of"),
    /** dot.case verb: case.submitted, record.read, procedure.delivered, … */
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** The person or company whose data this entry concerns, for their "who used my data" page. */
    dataSubjectId: text("data_subject_id"),
    /** The organisation that received or read the data, if any. */
    agencyId: text("agency_id"),
    purpose: text("purpose"),
    /** JSON details; never personal data values, only references to them. */
    details: text("details").notNull().default("{}"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_entries_data_subject_idx").on(t.dataSubjectId, t.at)],
);

// Tiny key/value table for facts about the installation itself (e.g. when the demo was seeded).
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

// ---------------------------------------------------------------------------
// Identity: accounts, who may act for whom, server-side sessions, passkeys, one-time challenges and
// rate-limit counters. Kept in the database (not server memory) because several servers will run.
// ---------------------------------------------------------------------------
export const roles = ["citizen", "representative", "officer", "designer", "evaluator", "administrator"] as const;
export type Role = (typeof roles)[number];

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  /** What the person types to sign in. */
  loginId: text("login_id").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: roles }).notNull(),
  /** The person of the Basic Resident Register this account belongs to (citizens and representatives). */
  personId: text("person_id"),
  /** The one organisation an officer works for (an agency id from flows/agencies). */
  agencyId: text("agency_id"),
  /** scrypt$<logN>$<r>$<p>$<salt>$<hash>; null for passkey-only accounts. */
  passwordHash: text("password_hash"),
  /** The TOTP secret, encrypted with encryptField; null until enrolled. */
  totpSecret: text("totp_secret"),
  /** The last TOTP time step accepted, so a code cannot be used twice. */
  totpLastStep: integer("totp_last_step"),
  createdAt: text("created_at").notNull(),
});

/** Who may act for whom: a parent for a household member, a representative for a company. */
export const authorisations = sqliteTable(
  "authorisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subjectType: text("subject_type", { enum: ["person", "company"] }).notNull(),
    /** A person id (p-…) or a company id (c-…). */
    subjectId: text("subject_id").notNull(),
    /** The name shown on the choose-who page and in the header. */
    subjectName: text("subject_name").notNull(),
    relationship: text("relationship", { enum: ["spouse", "child", "representative"] }).notNull(),
    grantedAt: text("granted_at").notNull(),
  },
  (t) => [index("authorisations_user_idx").on(t.userId, t.subjectId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie's random token: a copy of the database does not hand out live sessions. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "second-factor" after a correct password for a role that needs TOTP; "active" once fully signed in. */
    stage: text("stage", { enum: ["second-factor", "active"] }).notNull(),
    /** The person or company the user currently acts for; null when acting for themselves. */
    actingFor: text("acting_for"),
    /** How the person signed in: password, password+totp, passkey, demo. */
    method: text("method").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    /** The absolute end (12 hours after sign-in), whatever the activity. */
    expiresAt: text("expires_at").notNull(),
    /** A short description of the browser, for the account page's list of sessions. */
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const passkeys = sqliteTable(
  "passkeys",
  {
    /** The credential id, base64url. */
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull().default(0),
    transports: text("transports").notNull().default("[]"),
    deviceType: text("device_type").notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [index("passkeys_user_idx").on(t.userId)],
);

/** One-time ceremony state (WebAuthn challenges, a TOTP secret being enrolled): single use and short-lived, so it cannot be replayed. */
export const authChallenges = sqliteTable("auth_challenges", {
  id: text("id").primaryKey(),
  purpose: text("purpose", { enum: ["passkey-registration", "passkey-sign-in", "totp-enrolment"] }).notNull(),
  challenge: text("challenge").notNull(),
  userId: text("user_id"),
  expiresAt: text("expires_at").notNull(),
});

/** Fixed-window counters for rate limits and lockouts, keyed like "sign-in:account:<loginId>". */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: text("window_started_at").notNull(),
  lockedUntil: text("locked_until"),
});
