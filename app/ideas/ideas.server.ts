// The IDEA BOX: people's ideas and complaints about a life event, a procedure or one question page, the
// supports they gather, and the public answers of the organisation that owns the procedure or of a service
// designer. Every change is an idea event with its time, so authors follow their ideas and evaluators count them.
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { getLifeEvent, getProcedure, getQuestion, listLifeEventVersions, type Lang } from "../../flows";
import type { Db, Tx } from "../../db/client.server";
import { appendAuditEntry } from "../../db/queries/audit";
import {
  agencyHasHandled,
  authorNameOf,
  getIdea,
  hasSupported,
  insertIdea,
  insertIdeaEvent,
  insertSupport,
  listIdeaEvents,
  listIdeasOfAuthor,
  listMergedInto,
  listPublicIdeas,
  listRecentIdeaEvents,
  countSupports,
  moveSupports,
  updateIdea,
  type IdeaEventRow,
  type IdeaListFilter,
  type IdeaRow,
} from "../../db/queries/ideas";
import { ideaStatuses, type IdeaStatus } from "../../db/schema";
import type { AuthContext } from "../identity/auth.server";
import { hitRateLimit, type RateLimitPolicy } from "../identity/security/rate-limit.server";
import { agencyName } from "../platform/agencies.server";
import { i18nServer } from "../platform/i18n/i18n.server";
import { answerIdeaSchema, hideIdeaSchema, mergeIdeaSchema, postIdeaSchema } from "./idea-schemas";
import { findPersonalData, maskPersonalData, type Finding } from "./personal-data";

/** Ideas one account may post: enough for a real conversation, too few for a flood. */
export const ideasPerAccount: RateLimitPolicy = { limit: 5, windowMs: 60 * 60_000 };

export async function requestLanguage(request: Request): Promise<Lang> {
  return (await i18nServer.getLocale(request)) === "en" ? "en" : "ja";
}

// ---------------------------------------------------------------------------------------------------
// Context: what an idea is about. Only ids the flows know are kept, so a link cannot carry made-up text.
// ---------------------------------------------------------------------------------------------------
export type IdeaContext = { lifeEventId: string | null; procedureId: string | null; questionId: string | null };

export function cleanContext(input: { lifeEventId?: string | null; procedureId?: string | null; questionId?: string | null }): IdeaContext {
  const lifeEvent = input.lifeEventId ? getLifeEvent(input.lifeEventId) : undefined;
  const question = lifeEvent && input.questionId ? getQuestion(lifeEvent, input.questionId) : undefined;
  const procedure = input.procedureId ? getProcedure(input.procedureId) : undefined;
  return { lifeEventId: lifeEvent?.id ?? null, procedureId: procedure?.id ?? null, questionId: question?.id ?? null };
}

/** What the page says the idea is about: translation keys and names, in the page's language. */
export function contextLabels(context: IdeaContext, lang: Lang) {
  const lifeEvent = context.lifeEventId ? getLifeEvent(context.lifeEventId) : undefined;
  const question = lifeEvent && context.questionId ? getQuestion(lifeEvent, context.questionId) : undefined;
  const procedure = context.procedureId ? getProcedure(context.procedureId) : undefined;
  return {
    lifeEvent: lifeEvent ? lifeEvent.title[lang] : null,
    /** The question's title key, in the life event's namespace. */
    questionTitleKey: question ? question.texts.title : null,
    procedure: procedure ? procedure.name[lang] : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Posting
// ---------------------------------------------------------------------------------------------------
export type PostOutcome =
  | { kind: "invalid"; result: SubmissionResult<string[]> }
  | { kind: "review"; findings: { kind: Finding["kind"]; field: "title" | "body"; text: string }[]; masked: { title: string; body: string }; values: Record<string, string> }
  | { kind: "rateLimited"; retryAt: Date }
  | { kind: "posted"; id: number };

export function postIdea(db: Db, auth: AuthContext, form: FormData, now = new Date()): PostOutcome {
  const submission = parseWithZod(form, { schema: postIdeaSchema });
  if (submission.status !== "success") return { kind: "invalid", result: submission.reply() };
  const value = submission.value;
  const findings = [
    ...findPersonalData(value.title).map((f) => ({ kind: f.kind, field: "title" as const, text: f.text })),
    ...findPersonalData(value.body).map((f) => ({ kind: f.kind, field: "body" as const, text: f.text })),
  ];
  const masked = { title: maskPersonalData(value.title), body: maskPersonalData(value.body) };
  if (findings.length > 0 && value.confirmMasked !== "yes") {
    const values: Record<string, string> = { kind: value.kind, title: value.title, body: value.body };
    if (value.showName) values.showName = "yes";
    return { kind: "review", findings, masked, values };
  }
  const context = cleanContext(value);
  return db.transaction((tx) => {
    const limit = hitRateLimit(tx, `ideas:account:${auth.user.id}`, ideasPerAccount, now);
    if (!limit.allowed) return { kind: "rateLimited", retryAt: limit.retryAt } as const;
    const at = now.toISOString();
    const idea = insertIdea(tx, {
      kind: value.kind,
      title: masked.title,
      body: masked.body,
      ...context,
      authorId: auth.user.id,
      showAuthorName: value.showName === "yes",
      status: "received",
      createdAt: at,
      updatedAt: at,
    });
    insertIdeaEvent(tx, { ideaId: idea.id, kind: "received", toStatus: "received", actor: auth.user.id, at });
    return { kind: "posted", id: idea.id } as const;
  });
}

// ---------------------------------------------------------------------------------------------------
// Who may do what
// ---------------------------------------------------------------------------------------------------

/** The organisation that owns the procedure an idea is about: its fixed agency, or any it is routed to. */
function ownsProcedure(tx: Tx, agencyId: string, procedureId: string | null): boolean {
  if (!procedureId) return false;
  const procedure = getProcedure(procedureId);
  if (!procedure) return false;
  if ("channel" in procedure.handledBy) return procedure.handledBy.id === agencyId;
  return agencyHasHandled(tx, { agencyId, procedureId });
}

/** Designers answer any idea; an officer answers ideas about a procedure their organisation handles. */
export function canAnswer(tx: Tx, auth: AuthContext | null, idea: IdeaRow): boolean {
  if (!auth) return false;
  if (auth.user.role === "designer") return true;
  if (auth.user.role === "officer" && auth.user.agencyId) return ownsProcedure(tx, auth.user.agencyId, idea.procedureId);
  return false;
}

export function canHide(auth: AuthContext | null): boolean {
  return auth?.user.role === "designer" || auth?.user.role === "evaluator";
}

const finalStatuses: IdeaStatus[] = ["done", "declined", "merged"];
export const isFinal = (status: IdeaStatus) => finalStatuses.includes(status);

/** The moves an answer may make: forward through the steps, or declined; a final idea stays as it is. */
export function allowedMoves(from: IdeaStatus): IdeaStatus[] {
  switch (from) {
    case "received":
      return ["received", "underReview", "planned", "done", "declined"];
    case "underReview":
      return ["underReview", "planned", "done", "declined"];
    case "planned":
      return ["planned", "underReview", "done", "declined"];
    default:
      return [];
  }
}

/** The life event versions an idea can be marked done with: every version of its life event, or of any. */
export function versionChoices(idea: Pick<IdeaRow, "lifeEventId">, lang: Lang) {
  return listLifeEventVersions()
    .filter((lifeEvent) => !idea.lifeEventId || lifeEvent.id === idea.lifeEventId)
    .map((lifeEvent) => ({ value: `${lifeEvent.id}@${lifeEvent.version}`, lifeEventId: lifeEvent.id, version: lifeEvent.version, title: lifeEvent.title[lang] }));
}

// ---------------------------------------------------------------------------------------------------
// Actions on one idea
// ---------------------------------------------------------------------------------------------------
export type IdeaActionOutcome =
  | { kind: "done"; notice: "supported" | "alreadySupported" | "answered" | "merged" | "hidden" }
  | { kind: "invalid"; intent: string; result: SubmissionResult<string[]> }
  | { kind: "refused"; message: string }
  | { kind: "forbidden" }
  | { kind: "notFound" };

function answeredAs(auth: AuthContext): string {
  return auth.user.role === "officer" && auth.user.agencyId ? auth.user.agencyId : auth.user.role;
}

export function actOnIdea(db: Db, auth: AuthContext, ideaId: number, form: FormData, now = new Date()): IdeaActionOutcome {
  const intent = String(form.get("intent") ?? "");
  const at = now.toISOString();
  return db.transaction((tx): IdeaActionOutcome => {
    const idea = getIdea(tx, { id: ideaId });
    if (!idea || (idea.hiddenAt && !canHide(auth))) return { kind: "notFound" };
    switch (intent) {
      case "support": {
        if (idea.hiddenAt || isFinal(idea.status)) return { kind: "refused", message: "errors.supportClosed" };
        if (idea.authorId === auth.user.id) return { kind: "refused", message: "errors.supportOwn" };
        return { kind: "done", notice: insertSupport(tx, { ideaId, userId: auth.user.id, at }) ? "supported" : "alreadySupported" };
      }
      case "answer": {
        if (!canAnswer(tx, auth, idea)) return { kind: "forbidden" };
        const submission = parseWithZod(form, { schema: answerIdeaSchema });
        if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
        const { status, message, version } = submission.value;
        const to = status as IdeaStatus;
        if (!allowedMoves(idea.status).includes(to)) return { kind: "refused", message: "errors.moveRefused" };
        let done: { lifeEventId: string; version: number } | null = null;
        if (to === "done") {
          const [lifeEventId, number] = version!.split("@");
          const known = versionChoices(idea, "ja").find((choice) => choice.lifeEventId === lifeEventId && choice.version === Number(number));
          if (!known) return { kind: "invalid", intent, result: submission.reply({ fieldErrors: { version: ["errors.versionRequired"] } }) };
          done = { lifeEventId: known.lifeEventId, version: known.version };
        }
        if (to === idea.status && !message) return { kind: "invalid", intent, result: submission.reply({ fieldErrors: { message: ["errors.answerRequired"] } }) };
        updateIdea(tx, {
          id: ideaId,
          values: { status: to, updatedAt: at, ...(done ? { doneLifeEventId: done.lifeEventId, doneVersion: done.version } : {}) },
        });
        insertIdeaEvent(tx, {
          ideaId,
          kind: "answered",
          fromStatus: idea.status,
          toStatus: to,
          message: message || null,
          lifeEventId: done?.lifeEventId ?? null,
          version: done?.version ?? null,
          actor: auth.user.id,
          answeredAs: answeredAs(auth),
          at,
        });
        return { kind: "done", notice: "answered" };
      }
      case "merge": {
        if (!canAnswer(tx, auth, idea)) return { kind: "forbidden" };
        const submission = parseWithZod(form, { schema: mergeIdeaSchema });
        if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
        const target = getIdea(tx, { id: submission.value.targetId });
        if (!target || target.id === idea.id || target.hiddenAt || target.status === "merged" || isFinal(idea.status)) {
          return { kind: "invalid", intent, result: submission.reply({ fieldErrors: { targetId: ["errors.targetInvalid"] } }) };
        }
        moveSupports(tx, { fromIdeaId: idea.id, toIdeaId: target.id });
        // The author of the merged idea supports what their idea became.
        if (target.authorId !== idea.authorId) insertSupport(tx, { ideaId: target.id, userId: idea.authorId, at });
        updateIdea(tx, { id: idea.id, values: { status: "merged", mergedIntoId: target.id, updatedAt: at } });
        updateIdea(tx, { id: target.id, values: { updatedAt: at } });
        const who = { actor: auth.user.id, answeredAs: answeredAs(auth), at };
        insertIdeaEvent(tx, { ideaId: idea.id, kind: "mergedInto", fromStatus: idea.status, toStatus: "merged", relatedIdeaId: target.id, ...who });
        insertIdeaEvent(tx, { ideaId: target.id, kind: "mergedFrom", relatedIdeaId: idea.id, ...who });
        return { kind: "done", notice: "merged" };
      }
      case "hide": {
        if (!canHide(auth)) return { kind: "forbidden" };
        const submission = parseWithZod(form, { schema: hideIdeaSchema });
        if (submission.status !== "success") return { kind: "invalid", intent, result: submission.reply() };
        if (idea.hiddenAt) return { kind: "refused", message: "errors.alreadyHidden" };
        updateIdea(tx, { id: idea.id, values: { hiddenAt: at, hiddenReason: submission.value.reason, updatedAt: at } });
        insertIdeaEvent(tx, { ideaId: idea.id, kind: "hidden", message: submission.value.reason, actor: auth.user.id, answeredAs: auth.user.role, at });
        appendAuditEntry(tx, { actor: auth.user.id, action: "idea.hidden", subjectType: "idea", subjectId: String(idea.id), at: now });
        return { kind: "done", notice: "hidden" };
      }
      default:
        return { kind: "refused", message: "errors.unknownAction" };
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------

/** An event as anyone may read it: who answered is an organisation or a role, never a person's name. */
function publicEvent(event: IdeaEventRow, lang: Lang, { withHiddenReason }: { withHiddenReason: boolean }) {
  const by = event.answeredAs ? (event.answeredAs === "designer" || event.answeredAs === "evaluator" ? null : agencyName(event.answeredAs, lang)) : null;
  return {
    id: event.id,
    kind: event.kind,
    fromStatus: event.fromStatus as IdeaStatus | null,
    toStatus: event.toStatus as IdeaStatus | null,
    message: event.kind === "hidden" && !withHiddenReason ? null : event.message,
    relatedIdeaId: event.relatedIdeaId,
    lifeEvent: event.lifeEventId ? (getLifeEvent(event.lifeEventId)?.title[lang] ?? event.lifeEventId) : null,
    version: event.version,
    /** An organisation's name, or null with `role` for designers and evaluators. */
    by,
    role: event.answeredAs === "designer" || event.answeredAs === "evaluator" ? event.answeredAs : null,
    at: event.at,
  };
}
export type PublicIdeaEvent = ReturnType<typeof publicEvent>;

export function readListFilter(url: URL): IdeaListFilter {
  const status = url.searchParams.get("status");
  const context = cleanContext({
    lifeEventId: url.searchParams.get("lifeEvent"),
    procedureId: url.searchParams.get("procedure"),
    questionId: url.searchParams.get("question"),
  });
  return {
    status: ideaStatuses.includes(status as IdeaStatus) ? (status as IdeaStatus) : undefined,
    lifeEventId: context.lifeEventId ?? undefined,
    procedureId: context.procedureId ?? undefined,
    questionId: context.questionId ?? undefined,
  };
}

export function ideaListView(db: Db, filter: IdeaListFilter, lang: Lang) {
  return listPublicIdeas(db, filter).map(({ idea, supports, authorName }) => ({
    id: idea.id,
    kind: idea.kind,
    title: idea.title,
    status: idea.status,
    supports,
    authorName,
    createdAt: idea.createdAt,
    context: contextLabels(idea, lang),
    contextIds: { lifeEventId: idea.lifeEventId },
  }));
}

export function ideaPageView(db: Db, auth: AuthContext | null, ideaId: number, lang: Lang) {
  const idea = Number.isInteger(ideaId) ? getIdea(db, { id: ideaId }) : undefined;
  const isAuthor = !!auth && idea?.authorId === auth.user.id;
  if (!idea || (idea.hiddenAt && !isAuthor && !canHide(auth))) return null;
  const events = listIdeaEvents(db, { ideaIds: [idea.id] }).map((event) => publicEvent(event, lang, { withHiddenReason: isAuthor || canHide(auth) }));
  const mayAnswer = canAnswer(db, auth, idea);
  return {
    id: idea.id,
    kind: idea.kind,
    title: idea.title,
    body: idea.body,
    status: idea.status,
    hidden: idea.hiddenAt ? { at: idea.hiddenAt, reason: idea.hiddenReason } : null,
    done: idea.doneLifeEventId ? { lifeEvent: getLifeEvent(idea.doneLifeEventId)?.title[lang] ?? idea.doneLifeEventId, version: idea.doneVersion } : null,
    mergedIntoId: idea.mergedIntoId,
    mergedFrom: listMergedInto(db, { ideaId: idea.id }).map((merged) => ({ id: merged.id, title: merged.title })),
    authorName: authorNameOf(db, idea),
    isAuthor,
    supports: countSupports(db, { ideaId: idea.id }),
    supported: auth ? hasSupported(db, { ideaId: idea.id, userId: auth.user.id }) : false,
    createdAt: idea.createdAt,
    context: contextLabels(idea, lang),
    contextIds: { lifeEventId: idea.lifeEventId, procedureId: idea.procedureId, questionId: idea.questionId },
    events,
    may: {
      support: !!auth && !isAuthor && !idea.hiddenAt && !isFinal(idea.status),
      answer: mayAnswer && !isFinal(idea.status),
      merge: mayAnswer && !isFinal(idea.status),
      hide: canHide(auth) && !idea.hiddenAt,
    },
    moves: allowedMoves(idea.status),
    versions: mayAnswer ? versionChoices(idea, lang) : [],
  };
}

/** The author's own ideas with every change, hidden ones and the reason included. */
export function myIdeasView(db: Db, auth: AuthContext, lang: Lang) {
  const mine = listIdeasOfAuthor(db, { authorId: auth.user.id });
  const events = listIdeaEvents(db, { ideaIds: mine.map((idea) => idea.id) });
  return mine.map((idea) => ({
    id: idea.id,
    title: idea.title,
    status: idea.status,
    hidden: idea.hiddenAt ? { at: idea.hiddenAt, reason: idea.hiddenReason } : null,
    events: events.filter((event) => event.ideaId === idea.id).map((event) => publicEvent(event, lang, { withHiddenReason: true })),
  }));
}

// ---------------------------------------------------------------------------------------------------
// The Atom feed (RFC 4287): new ideas and answers, so ministries' social media accounts can follow them.
// ---------------------------------------------------------------------------------------------------
const xml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

export function ideasAtomFeed(db: Db, { origin, t }: { origin: string; t: (key: string, options?: Record<string, unknown>) => string }): string {
  const rows = listRecentIdeaEvents(db, { limit: 50 });
  const updated = rows[0]?.event.at ?? new Date(0).toISOString();
  const entries = rows.map(({ event, idea }) => {
    const link = `${origin}/ideas/${idea.id}`;
    const title =
      event.kind === "received"
        ? t("feed.newIdea", { title: idea.title })
        : event.kind === "mergedInto"
          ? t("feed.merged", { title: idea.title, target: event.relatedIdeaId })
          : t("feed.answered", { title: idea.title, status: t(`statuses.${event.toStatus}`) });
    const content = event.kind === "received" ? idea.body : (event.message ?? t(`statuses.${event.toStatus}`));
    return [
      "  <entry>",
      `    <id>${xml(`${origin}/ideas/${idea.id}#event-${event.id}`)}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <link rel="alternate" href="${xml(link)}"/>`,
      `    <updated>${event.at}</updated>`,
      `    <content type="text">${xml(content)}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(`${origin}/ideas/feed.xml`)}</id>`,
    `  <title>${xml(t("feed.title"))}</title>`,
    `  <link rel="self" href="${xml(`${origin}/ideas/feed.xml`)}"/>`,
    `  <link rel="alternate" href="${xml(`${origin}/ideas`)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(t("feed.author"))}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
