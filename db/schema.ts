// The database tables, for Drizzle. Plural table names, snake_case columns, camelCase fields.
// Sections by aggregate; each later feature adds its own section.
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// ---------------------------------------------------------------------------
// Audit log: append-only, each entry chained to the one before by an HMAC-SHA-256 under a key kept outside
// the database, and anchored outside it (db/audit-seal.ts).
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
  (t) => [
    index("audit_entries_data_subject_idx").on(t.dataSubjectId, t.at),
    // The administrators' audit search (newest first, a page at a time by id): by actor, organisation,
    // action, subject (a case or its procedures) and date.
    index("audit_entries_actor_idx").on(t.actor, t.id),
    index("audit_entries_agency_idx").on(t.agencyId, t.id),
    index("audit_entries_action_idx").on(t.action, t.id),
    index("audit_entries_subject_idx").on(t.subjectId, t.id),
    index("audit_entries_at_idx").on(t.at),
  ],
);

// Tiny key/value table for facts about the installation itself (e.g. when the demo was seeded).
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

// ---------------------------------------------------------------------------
// Records: the once-only data of a person or company. One row per attribute value, with its source and
// time; a newer value supersedes the older one, which is kept for history.
// ---------------------------------------------------------------------------
export const dataSubjects = sqliteTable("data_subjects", {
  /** A person (p-…) or company (c-…) id. */
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["person", "company"] }).notNull(),
  createdAt: text("created_at").notNull(),
});

export const recordAttributes = sqliteTable(
  "record_attributes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectId: text("subject_id")
      .notNull()
      .references(() => dataSubjects.id),
    /** The attribute key, as flows name it (address, household, name.kanji, …). */
    key: text("key").notNull(),
    /** JSON of the value; sensitive items hold an encrypted envelope instead. */
    value: text("value").notNull(),
    /** Where the value came from: basicResidentRegister, corporateRegister, selfDeclared, case, organisation. */
    sourceKind: text("source_kind", { enum: ["basicResidentRegister", "corporateRegister", "selfDeclared", "case", "organisation"] }).notNull(),
    /** For sourceKind 'case', the case reference that changed it; for 'organisation', which organisation holds it. */
    sourceRef: text("source_ref"),
    recordedAt: text("recorded_at").notNull(),
    supersededAt: text("superseded_at"),
  },
  (t) => [index("record_attributes_subject_idx").on(t.subjectId, t.key, t.supersededAt)],
);

// ---------------------------------------------------------------------------
// Cases and their delivery: a submitted journey, one procedure request per selected procedure, every
// status change with its time, and the outbox the dispatcher works from. Written only by
// app/cases/cases.server.ts (submitCase, applyCaseEvent) and the dispatcher, each change in one transaction.
// ---------------------------------------------------------------------------
export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    /** Shown to citizens: MDG-2026-XXXX-XXXX. */
    reference: text("reference").notNull().unique(),
    lifeEventId: text("life_event_id").notNull(),
    /** The flow version whose case machine made the snapshot; a case is always restored with it. */
    flowVersion: integer("flow_version").notNull(),
    /** The person (p-…) or company (c-…) the case is about. */
    applicantId: text("applicant_id").notNull(),
    /** The signed-in user who submitted it. */
    actedBy: text("acted_by").notNull(),
    /** Set when the user acted for someone else (a household member, a company). */
    onBehalfOf: text("on_behalf_of"),
    status: text("status", { enum: ["submitted", "inProgress", "completed"] }).notNull(),
    answers: text("answers").notNull(),
    /** What the applicant agreed to share: per procedure, the agency, the data items, and when. */
    consent: text("consent").notNull(),
    /** The case machine's persisted snapshot (JSON). */
    snapshot: text("snapshot").notNull(),
    /** Bumped on every snapshot write, so two writers cannot both write from the same old snapshot. */
    snapshotVersion: integer("snapshot_version").notNull().default(0),
    /** The form's one-time token: a double submit finds the case the first submit made. */
    submissionToken: text("submission_token").notNull().unique(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("cases_applicant_idx").on(t.applicantId, t.createdAt),
    // The evaluation's period filter: cases submitted between two instants.
    index("cases_created_idx").on(t.createdAt),
  ],
);

export const procedureRequests = sqliteTable(
  "procedure_requests",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    procedureId: text("procedure_id").notNull(),
    agencyId: text("agency_id").notNull(),
    status: text("status").notNull(),
    /** Only the procedure's data items (JSON), as the agency receives them. */
    payload: text("payload").notNull(),
    /** The data item keys the payload carries (JSON array), for the consent and "who has my data" pages. */
    dataItems: text("data_items").notNull(),
    deadline: text("deadline"),
    inPerson: integer("in_person", { mode: "boolean" }).notNull(),
    /** The agency's acknowledgement of the delivery. */
    agencyReference: text("agency_reference"),
    /** The agency's reference for its decision (e.g. a corporate number on registration). */
    decisionReference: text("decision_reference"),
    informationQuestion: text("information_question"),
    informationAnswer: text("information_answer"),
    rejectionReason: text("rejection_reason"),
    /** Why an operator closed a failed delivery as handled outside Madoguchi; shown to the citizen. */
    closingReason: text("closing_reason"),
    /**
     * Of `data_items`, how many the person typed or changed (the rest came from the record, a prerequisite or
     * the submission itself): the once-only effect. A count, never which items; null for cases from before it.
     */
    itemsTyped: integer("items_typed"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("procedure_requests_case_procedure_idx").on(t.caseId, t.procedureId),
    // The inbox: one agency's requests in a list of statuses, by deadline (the list, the counts, the overdue count).
    index("procedure_requests_agency_status_deadline_idx").on(t.agencyId, t.status, t.deadline, t.createdAt),
  ],
);

/** Every status change of every procedure request, with its time: what evaluators measure. */
export const procedureEvents = sqliteTable(
  "procedure_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    procedureRequestId: text("procedure_request_id")
      .notNull()
      .references(() => procedureRequests.id),
    caseId: text("case_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    /** JSON: the event type and ids (never personal data values). */
    detail: text("detail").notNull().default("{}"),
  },
  (t) => [
    index("procedure_events_at_idx").on(t.at),
    // A request's events, and "was it ever delivered?", asked for every row an agency's inbox reads. One index
    // serves both (SQLite ends every index with the rowid, so a request's events come back in id order within
    // each status): a second one on (procedure_request_id, id) cost every status event another page of log.
    index("procedure_events_request_status_idx").on(t.procedureRequestId, t.toStatus),
  ],
);

// ---------------------------------------------------------------------------
// Counter visits: where the law still requires a visit (the move-in notification), the organisation offers
// time slots per office and day and the person books one for their case; the officer sees the day's bookings.
// The database enforces both rules: a slot never holds more bookings than its capacity (a CHECK on its count,
// raised only by a conditional UPDATE), and a case has at most one active booking per organisation (a partial
// unique index), so two tabs or two servers cannot double-book.
// ---------------------------------------------------------------------------
export const counterOffices = sqliteTable(
  "counter_offices",
  {
    id: text("id").primaryKey(),
    /** The organisation (flows/agencies) the office belongs to. */
    agencyId: text("agency_id").notNull(),
    nameJa: text("name_ja").notNull(),
    nameEn: text("name_en").notNull(),
    addressJa: text("address_ja").notNull(),
    addressEn: text("address_en").notNull(),
  },
  (t) => [index("counter_offices_agency_idx").on(t.agencyId)],
);

export const counterSlots = sqliteTable(
  "counter_slots",
  {
    id: text("id").primaryKey(),
    officeId: text("office_id")
      .notNull()
      .references(() => counterOffices.id),
    /** The day and times in Japan: YYYY-MM-DD, HH:MM. */
    day: text("day").notNull(),
    startsAt: text("starts_at").notNull(),
    endsAt: text("ends_at").notNull(),
    capacity: integer("capacity").notNull(),
    /** Active bookings; kept with them in one transaction. */
    booked: integer("booked").notNull().default(0),
  },
  (t) => [
    uniqueIndex("counter_slots_office_day_time_idx").on(t.officeId, t.day, t.startsAt),
    check("counter_slots_capacity_check", sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
  ],
);

export const counterBookings = sqliteTable(
  "counter_bookings",
  {
    id: text("id").primaryKey(),
    slotId: text("slot_id")
      .notNull()
      .references(() => counterSlots.id),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    agencyId: text("agency_id").notNull(),
    /** The signed-in user who booked (or last changed) it. */
    bookedBy: text("booked_by").notNull(),
    createdAt: text("created_at").notNull(),
    /** Set when the person cancels it or books another time instead. */
    cancelledAt: text("cancelled_at"),
  },
  (t) => [
    uniqueIndex("counter_bookings_case_agency_active_idx").on(t.caseId, t.agencyId).where(sql`${t.cancelledAt} IS NULL`),
    index("counter_bookings_slot_idx").on(t.slotId),
  ],
);

/** Deliveries to make. A row is written in the transaction that makes a procedure due, so none is lost. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    procedureRequestId: text("procedure_request_id")
      .notNull()
      .references(() => procedureRequests.id),
    kind: text("kind", { enum: ["deliver"] }).notNull(),
    /** The n-th delivery of this procedure request (after the citizen answers a question, the next one). */
    delivery: integer("delivery").notNull(),
    /** Stable for one delivery of one procedure request across every retry: the agency applies it once. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /** closed: a dead letter an operator closed as handled outside Madoguchi. */
    status: text("status", { enum: ["pending", "delivered", "dead", "closed"] }).notNull(),
    /** Claims so far (a claim that crashed counts). */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: text("lease_expires_at"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    uniqueIndex("outbox_request_delivery_idx").on(t.procedureRequestId, t.delivery),
    // Delivery health: the deliveries that became due in the last hour.
    index("outbox_created_idx").on(t.createdAt),
  ],
);

/**
 * Every delivery attempt's outcome, for operators judging a dead letter: when, the HTTP status, how it was
 * classified, and the first 2 KB of the agency's answer with personal data redacted before it is stored.
 */
export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outboxId: text("outbox_id")
      .notNull()
      .references(() => outbox.id),
    procedureRequestId: text("procedure_request_id").notNull(),
    agencyId: text("agency_id").notNull(),
    attempt: integer("attempt").notNull(),
    at: text("at").notNull(),
    /** delivered, retry (temporary failure) or permanent. */
    outcome: text("outcome", { enum: ["delivered", "retry", "permanent"] }).notNull(),
    /** The agency's HTTP status; null when no answer came (timeout, connection) or for the inbox channel. */
    httpStatus: integer("http_status"),
    /** Data-free: "HTTP 400", "timeout after 5000 ms", "connection failed (ECONNREFUSED)". */
    error: text("error"),
    /** The first 2 KB of the answer body, personal data redacted. */
    responseExcerpt: text("response_excerpt"),
  },
  (t) => [
    index("delivery_attempts_outbox_idx").on(t.outboxId, t.id),
    index("delivery_attempts_agency_at_idx").on(t.agencyId, t.at),
    // Delivery health: the successful deliveries of the last day.
    index("delivery_attempts_outcome_at_idx").on(t.outcome, t.at),
  ],
);

/** Where an http-channel agency receives deliveries, and the secret both sides sign with. */
export const agencyEndpoints = sqliteTable("agency_endpoints", {
  agencyId: text("agency_id").primaryKey(),
  url: text("url").notNull(),
  /** The signing secret, encrypted (app/identity/security/field-encryption.server.ts), never plain text. */
  secret: text("secret").notNull(),
  /** The secret before the last rotation, encrypted: still signed with and accepted until it expires. */
  previousSecret: text("previous_secret"),
  previousSecretExpiresAt: text("previous_secret_expires_at"),
  updatedAt: text("updated_at").notNull(),
});

/** An administrator's switch of an organisation's channel, which overrides the catalogue's (flows/agencies). */
export const agencyChannels = sqliteTable("agency_channels", {
  agencyId: text("agency_id").primaryKey(),
  channel: text("channel", { enum: ["inbox", "http"] }).notNull(),
  changedBy: text("changed_by").notNull(),
  changedAt: text("changed_at").notNull(),
});

/** Callbacks already applied: a replayed event id or signature is refused. */
export const callbackReceipts = sqliteTable(
  "callback_receipts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: text("agency_id").notNull(),
    eventId: text("event_id").notNull(),
    signature: text("signature").notNull().unique(),
    procedureRequestId: text("procedure_request_id").notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [uniqueIndex("callback_receipts_agency_event_idx").on(t.agencyId, t.eventId)],
);

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
  /** Set while an administrator has deactivated the account: it cannot sign in and has no sessions. */
  deactivatedAt: text("deactivated_at"),
});

/**
 * One-time links an administrator hands to a new member of staff (or to one whose second factor was reset):
 * the invitee sets a password and enrols a second factor before anything else. Only the token's SHA-256 is
 * stored, so a copy of the database holds no usable link.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** account: a new account; second-factor: a reset second factor (and password). */
    kind: text("kind", { enum: ["account", "second-factor"] }).notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    /** Who invited: a user id, or cli:<operating-system user> for create-admin. */
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("invitations_user_idx").on(t.userId)],
);

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
    /** When the person last proved who they are (sign-in or confirmation); null until they have. */
    verifiedAt: text("verified_at"),
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

// ---------------------------------------------------------------------------
// Journeys: one person's answers to one life event, saved after each page, resumable.
// The journey machine's persisted snapshot is the state; answers are inside it.
// ---------------------------------------------------------------------------
export const journeys = sqliteTable(
  "journeys",
  {
    id: text("id").primaryKey(),
    /** Whose journey it is (the person or company the answers are about). */
    subjectId: text("subject_id")
      .notNull()
      .references(() => dataSubjects.id),
    /** The signed-in user who answers (may act for the subject). */
    actorId: text("actor_id").notNull(),
    lifeEventId: text("life_event_id").notNull(),
    flowVersion: integer("flow_version").notNull(),
    status: text("status", { enum: ["inProgress", "submitted", "abandoned"] }).notNull(),
    snapshot: text("snapshot").notNull(),
    /** Set when check answers is shown: the token that makes the submission happen once. */
    submissionToken: text("submission_token"),
    caseId: text("case_id"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("journeys_subject_idx").on(t.subjectId, t.lifeEventId, t.status)],
);

// ---------------------------------------------------------------------------
// IDEA BOX: ideas and complaints about a life event, a procedure or a question page; who supports them;
// and every public answer and status change, which the author follows on their account.
// ---------------------------------------------------------------------------
export const ideaStatuses = ["received", "underReview", "planned", "done", "declined", "merged"] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

export const ideas = sqliteTable(
  "ideas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["idea", "complaint"] }).notNull(),
    /** Title and text as published: personal data already masked. */
    title: text("title").notNull(),
    body: text("body").notNull(),
    lifeEventId: text("life_event_id"),
    procedureId: text("procedure_id"),
    questionId: text("question_id"),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    /** Whether the author chose to show their name; otherwise none is shown. */
    showAuthorName: integer("show_author_name", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: ideaStatuses }).notNull(),
    /** For done: the life event version that made the change. */
    doneLifeEventId: text("done_life_event_id"),
    doneVersion: integer("done_version"),
    /** For merged: the idea it now lives in. */
    mergedIntoId: integer("merged_into_id"),
    hiddenAt: text("hidden_at"),
    hiddenReason: text("hidden_reason"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("ideas_status_idx").on(t.status, t.createdAt), index("ideas_author_idx").on(t.authorId)],
);

export const ideaSupports = sqliteTable(
  "idea_supports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("idea_supports_idea_user_idx").on(t.ideaId, t.userId)],
);

/** Every answer, status change, merge and hiding of an idea, with its time and who did it. */
export const ideaEvents = sqliteTable(
  "idea_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    kind: text("kind", { enum: ["received", "answered", "mergedInto", "mergedFrom", "hidden"] }).notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    /** The public answer, the reason for declining, or the reason for hiding (which only the author sees). */
    message: text("message"),
    /** The other idea of a merge. */
    relatedIdeaId: integer("related_idea_id"),
    lifeEventId: text("life_event_id"),
    version: integer("version"),
    actor: text("actor").notNull(),
    /** Who answered, as the public sees it: the organisation's id, or "designer" / "evaluator". */
    answeredAs: text("answered_as"),
    at: text("at").notNull(),
  },
  (t) => [index("idea_events_idea_idx").on(t.ideaId, t.id), index("idea_events_at_idx").on(t.at)],
);

/** The one optional question after submitting and when a case ends: a rating of 1–5 and a comment (masked). */
export const satisfactionResponses = sqliteTable(
  "satisfaction_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id),
    moment: text("moment", { enum: ["submitted", "ended"] }).notNull(),
    rating: integer("rating").notNull(),
    /** Personal data in it masked before it is stored. */
    comment: text("comment"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("satisfaction_case_moment_idx").on(t.caseId, t.moment), index("satisfaction_created_idx").on(t.createdAt)],
);

// ---------------------------------------------------------------------------
// Evaluation: what evaluators and officers enter beside the live figures. Transactions handled outside
// Madoguchi (at the counter, on paper), per organisation, procedure and month, for digital take-up; unit
// costs per channel, for cost per transaction; ministries' plan items with a target on one figure.
// ---------------------------------------------------------------------------
export const counterVolumes = sqliteTable(
  "counter_volumes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: text("agency_id").notNull(),
    procedureId: text("procedure_id").notNull(),
    /** The calendar month in Japan, YYYY-MM. */
    month: text("month").notNull(),
    count: integer("count").notNull(),
    enteredBy: text("entered_by").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("counter_volumes_agency_procedure_month_idx").on(t.agencyId, t.procedureId, t.month), index("counter_volumes_month_idx").on(t.month)],
);

export const costChannels = ["online", "counter"] as const;
export type CostChannel = (typeof costChannels)[number];

/** Yen per transaction by channel: a default (procedure_id '') and, where set, a procedure's own. */
export const unitCosts = sqliteTable(
  "unit_costs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channel: text("channel", { enum: costChannels }).notNull(),
    procedureId: text("procedure_id").notNull().default(""),
    yen: integer("yen").notNull(),
    setBy: text("set_by").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("unit_costs_channel_procedure_idx").on(t.channel, t.procedureId)],
);

/** The figures a plan item may set a target on (app/evaluation/plans.server.ts reads each from the live figures). */
export const planFigures = ["digitalTakeUp", "completionRate", "satisfiedShare", "onceOnlyShare", "afterDeadlineShare", "p90Hours", "costPerTransaction"] as const;
export type PlanFigure = (typeof planFigures)[number];

/** A ministry's medium-to-long-term plan item: a target on one figure (for one procedure, or all of the ministry's) by a date. */
export const planItems = sqliteTable(
  "plan_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ministryId: text("ministry_id").notNull(),
    /** The action, as the evaluator wrote it (the ministry's own words). */
    title: text("title").notNull(),
    procedureId: text("procedure_id"),
    figure: text("figure", { enum: planFigures }).notNull(),
    comparison: text("comparison", { enum: ["atLeast", "atMost"] }).notNull(),
    /** A share as a fraction (0.6 for 60 %), hours, or yen, as the figure is counted. */
    target: real("target").notNull(),
    /** YYYY-MM-DD: the target is to be met by the end of this day. */
    dueDate: text("due_date").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("plan_items_ministry_idx").on(t.ministryId, t.dueDate)],
);

// ---------------------------------------------------------------------------
// Designers' wording: the texts of a life event (question titles, hints, error messages, procedure
// descriptions) edited without a deploy. A draft per life event, and every published content version with
// the whole set of texts that replace the flow's built-in ones. The citizen's pages read the latest version.
// ---------------------------------------------------------------------------

/** One text of a life event's draft, in both languages (an empty language blocks publishing). */
export const contentDrafts = sqliteTable(
  "content_drafts",
  {
    lifeEventId: text("life_event_id").notNull(),
    /** The i18n key the text replaces: `relocation:moveDate.hint`, or `relocation:procedures.<id>.description`. */
    key: text("key").notNull(),
    ja: text("ja").notNull(),
    en: text("en").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("content_drafts_key_idx").on(t.lifeEventId, t.key)],
);

/** A published content version: every text that replaces a built-in one, and what changed from the version before. */
export const contentVersions = sqliteTable(
  "content_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lifeEventId: text("life_event_id").notNull(),
    /** 1, 2, … per life event; version 0 is the flow's built-in texts and has no row. */
    version: integer("version").notNull(),
    /** JSON: { [key]: { ja, en } }, the texts in effect beside the built-in ones. */
    texts: text("texts").notNull(),
    /** JSON: [{ key, before: { ja, en }, after: { ja, en } }]. */
    changes: text("changes").notNull(),
    /** Set when this version brought back an earlier one's texts. */
    revertedTo: integer("reverted_to"),
    publishedBy: text("published_by").notNull(),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [uniqueIndex("content_versions_version_idx").on(t.lifeEventId, t.version)],
);

// ---------------------------------------------------------------------------
// Designers' saved scenarios: a sample person of a life event with some answers and record attributes replaced,
// saved from the simulation page to be run again and counted by coverage. Synthetic only: built on the flows'
// sample people, never on a person's record.
// ---------------------------------------------------------------------------
export const designScenarios = sqliteTable(
  "design_scenarios",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lifeEventId: text("life_event_id").notNull(),
    /** The designer's name for it ("foreign resident with a child and a car"). */
    name: text("name").notNull(),
    /** The sample it starts from. */
    sampleId: text("sample_id").notNull(),
    /** JSON object: answers that replace the sample's, or null. */
    answers: text("answers"),
    /** JSON object: record attributes (household, vehicles, nationality…) that replace the sample's, or null. */
    record: text("record"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("design_scenarios_life_event_idx").on(t.lifeEventId)],
);
