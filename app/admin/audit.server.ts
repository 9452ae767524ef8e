// The administrators' audit search: entries by person, case reference, organisation, action and date, newest
// first, a page at a time by key; and audit:verify run from the page, in a process of its own (a long log takes
// seconds to check, and the portal must keep answering meanwhile). An entry is shown by references only: ids,
// the case reference, organisations' and staff members' names, never a citizen's name or data.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Db } from "../../db/client.server";
import { defaultDatabasePath } from "../../db/client.server";
import { appendAuditEntry, listAuditActions, searchAuditEntries, type AuditSearch } from "../../db/queries/audit";
import { findCaseByReference, listProcedureRequestsForCase } from "../../db/queries/cases";
import { getUserById, getUserByLoginId } from "../../db/queries/users";
import { getAgency, getProcedure } from "../../flows";
import { logger } from "../platform/logger.server";
import type { AuditCheck } from "./audit-verify.server";

export const AUDIT_PAGE_SIZE = 50;

export type AuditQuery = { person: string; reference: string; agency: string; action: string; from: string; to: string };

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The search form's fields from the address (a GET form, so a search can be bookmarked and paged). */
export function readAuditQuery(params: URLSearchParams): AuditQuery & { before?: number; after?: number; problems: string[] } {
  const field = (name: string) => (params.get(name) ?? "").trim().slice(0, 100);
  const query = { person: field("person"), reference: field("reference").toUpperCase(), agency: field("agency"), action: field("action"), from: field("from"), to: field("to") };
  const problems: string[] = [];
  if (query.from && !datePattern.test(query.from)) problems.push("from");
  if (query.to && !datePattern.test(query.to)) problems.push("to");
  const id = (name: string) => (/^\d{1,15}$/.test(params.get(name) ?? "") ? Number(params.get(name)) : undefined);
  return { ...query, before: id("before"), after: id("after"), problems };
}

/** The start of a day in Japan (the dates people type), as the log's ISO time. */
const tokyoDayStart = (date: string, plusDays = 0) => new Date(new Date(`${date}T00:00:00+09:00`).getTime() + plusDays * 86_400_000).toISOString();

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  /** Who acted, as the page names them: a staff member's name, an organisation, Madoguchi itself, a command, or an account id. */
  actor: { kind: "staff" | "account" | "agency" | "system" | "cli"; name: string };
  onBehalfOf: string | null;
  dataSubjectId: string | null;
  caseReference: string | null;
  /** A procedure's title, a staff member's or an organisation's name; else the subject's id. */
  subject: string;
  organisation: string | null;
};

type Lang = "ja" | "en";

function describeActor(db: Db, actor: string, lang: Lang): AuditRow["actor"] {
  if (actor.startsWith("system:")) return { kind: "system", name: actor.slice("system:".length) };
  if (actor.startsWith("cli:")) return { kind: "cli", name: actor.slice("cli:".length) };
  if (actor.startsWith("agency:")) return { kind: "agency", name: getAgency(actor.slice("agency:".length))?.name[lang] ?? actor };
  const user = getUserById(db, { userId: actor });
  // Staff are named (the administrator manages them); a citizen's account only by its id.
  if (user && user.role !== "citizen" && user.role !== "representative") return { kind: "staff", name: `${user.displayName} (${user.loginId})` };
  return { kind: "account", name: actor };
}

function describeSubject(db: Db, entry: { subjectType: string; subjectId: string; purpose: string | null }, lang: Lang, caseReference: string | null): string {
  if (entry.subjectType === "case" && caseReference) return caseReference;
  if (entry.subjectType === "agency") return getAgency(entry.subjectId)?.name[lang] ?? entry.subjectId;
  if (entry.subjectType === "user") {
    const user = getUserById(db, { userId: entry.subjectId });
    return user && user.role !== "citizen" && user.role !== "representative" ? `${user.displayName} (${user.loginId})` : entry.subjectId;
  }
  if (entry.subjectType === "procedureRequest" && entry.purpose) return getProcedure(entry.purpose)?.name[lang] ?? entry.subjectId;
  return entry.subjectId;
}

function caseReferenceOf(details: string): string | null {
  try {
    const parsed = JSON.parse(details) as { reference?: unknown; caseReference?: unknown };
    const reference = parsed.caseReference ?? parsed.reference;
    return typeof reference === "string" ? reference : null;
  } catch {
    return null;
  }
}

/**
 * One page of entries for the query. A person is matched by login ID (their account, and the person or
 * company they are) or by an account, person or company id; a case reference by the case and each of its
 * procedures. An unknown login ID or reference finds nothing (it is not an error: the log may be older).
 */
export function searchAudit(db: Db, { query, before, after, lang }: { query: AuditQuery; before?: number; after?: number; lang: Lang }) {
  const search: AuditSearch = {};
  let caseOf: { reference: string; ids: Set<string> } | undefined;
  if (query.person) {
    const user = getUserByLoginId(db, { loginId: query.person.toLowerCase() });
    search.people = [...new Set([query.person, ...(user ? [user.id, ...(user.personId ? [user.personId] : [])] : [])])];
  }
  if (query.reference) {
    const kase = findCaseByReference(db, { reference: query.reference });
    search.subjectIds = kase ? [kase.id, ...listProcedureRequestsForCase(db, { caseId: kase.id }).map((request) => request.id)] : ["-"];
    if (kase) caseOf = { reference: kase.reference, ids: new Set(search.subjectIds) };
  }
  if (query.agency) search.agencyId = query.agency;
  if (query.action) search.action = query.action;
  if (query.from && datePattern.test(query.from)) search.from = tokyoDayStart(query.from);
  if (query.to && datePattern.test(query.to)) search.until = tokyoDayStart(query.to, 1);
  const { entries, more } = searchAuditEntries(db, { search, before, after, limit: AUDIT_PAGE_SIZE });
  const rows: AuditRow[] = entries.map((entry) => {
    const caseReference = caseOf?.ids.has(entry.subjectId) ? caseOf.reference : caseReferenceOf(entry.details);
    return {
      id: entry.id,
      at: entry.at,
      action: entry.action,
      actor: describeActor(db, entry.actor, lang),
      onBehalfOf: entry.onBehalfOf,
      dataSubjectId: entry.dataSubjectId,
      caseReference,
      subject: describeSubject(db, entry, lang, caseReference),
      organisation: entry.agencyId ? (getAgency(entry.agencyId)?.name[lang] ?? entry.agencyId) : null,
    };
  });
  // Newer entries exist when this page was reached by paging (or a later page is asked for), older ones when
  // the query read more than a page going back.
  const newest = rows[0]?.id;
  const oldest = rows.at(-1)?.id;
  return {
    rows,
    newer: newest !== undefined && (before !== undefined || (after !== undefined && more)) ? newest : null,
    older: oldest !== undefined && (after !== undefined || more) ? oldest : null,
  };
}

export const auditActions = (db: Db) => listAuditActions(db);

const execFileAsync = promisify(execFile);

/**
 * Runs `npm run audit:verify -- --json` on the portal's database in a child process (the same code as the
 * command, and the portal's event loop stays free), records that an administrator ran it, and returns what it
 * found. A verification that could not run at all is answered as such.
 */
export async function runAuditVerification(db: Db, { actor, now = new Date() }: { actor: string; now?: Date }): Promise<AuditCheck | { ok: false; problem: "notRun" }> {
  let check: AuditCheck | { ok: false; problem: "notRun" };
  try {
    const tsx = path.resolve(process.cwd(), "node_modules/tsx/dist/cli.mjs");
    const { stdout } = await execFileAsync(process.execPath, [tsx, "app/cli/audit-verify.ts", "--json", defaultDatabasePath()], {
      cwd: process.cwd(),
      env: process.env,
      timeout: 10 * 60_000,
      maxBuffer: 1 << 16,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    check = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as AuditCheck;
  } catch (error) {
    logger.error("audit verification could not run", { error: (error as Error).name });
    check = { ok: false, problem: "notRun" };
  }
  db.transaction((tx) => {
    appendAuditEntry(tx, { at: now, actor, action: "audit.verified", subjectType: "audit-log", subjectId: "audit_entries", details: { ...check } });
  });
  return check;
}
