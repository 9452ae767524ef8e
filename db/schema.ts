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
    /** Where the value came from: basicResidentRegister, corporateRegister, selfDeclared, case. */
    sourceKind: text("source_kind", { enum: ["basicResidentRegister", "corporateRegister", "selfDeclared", "case"] }).notNull(),
    /** For sourceKind 'case', the case reference that changed it. */
    sourceRef: text("source_ref"),
    recordedAt: text("recorded_at").notNull(),
    supersededAt: text("superseded_at"),
  },
  (t) => [index("record_attributes_subject_idx").on(t.subjectId, t.key, t.supersededAt)],
);
