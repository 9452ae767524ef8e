// The designers' texts pages in the page's language: the texts of a life event grouped by question, procedure
// and shared error messages, each with what citizens read now and what the draft changes; what blocks
// publishing; and every published version with who published it, when, and what it changed.
import type { TFunction } from "i18next";
import type { Db } from "../../db/client.server";
import type { BilingualText } from "../../db/queries/content";
import { getQuestion, type Lang, type LifeEvent } from "../../flows";
import type { TextEntry, TextProblem } from "../../flows/design/texts";
import { formatDateTime } from "~/platform/format";
import { contentHistoryOf, contentStateOf, type ContentState } from "./content.server";

export type TextEntryView = {
  key: string;
  label: string;
  /** The flow's own text in the page's language, for error messages and a group's field texts (which the label alone does not tell apart). */
  context: string | null;
  published: BilingualText;
  drafted: BilingualText;
  changed: boolean;
  problems: string[];
};

export type TextGroupView = { id: string; kind: TextEntry["groupKind"]; title: string; isQuestion: boolean; entries: TextEntryView[]; changed: boolean; problems: number };

function groupTitle(lifeEvent: LifeEvent, entry: TextEntry, state: ContentState, lang: Lang, t: TFunction): string {
  if (entry.groupKind === "errors") return t("design:texts.sharedErrors");
  if (entry.groupKind === "procedure") return lifeEvent.rules.find(({ procedure }) => procedure.id === entry.group)?.procedure.name[lang] ?? entry.group;
  const question = getQuestion(lifeEvent, entry.group);
  return (question && state.published[question.texts.title]?.[lang]) || entry.group;
}

function isFieldText(entry: TextEntry, lifeEvent: LifeEvent): boolean {
  return entry.groupKind === "question" && entry.key.startsWith(`${lifeEvent.id}:${entry.group}.fields.`);
}

export function problemText(problem: TextProblem, label: string, t: TFunction): string {
  const language = t(`design:texts.language.${problem.lang}`);
  return problem.kind === "missing"
    ? t("design:texts.problems.missing", { text: label, language })
    : t("design:texts.problems.placeholder", { text: label, language, placeholder: `{{${problem.placeholder}}}` });
}

function entryView(lifeEvent: LifeEvent, entry: TextEntry, state: ContentState, lang: Lang, t: TFunction): TextEntryView {
  const field = isFieldText(entry, lifeEvent);
  const label = t(`design:texts.kinds.${field ? `field_${entry.kind}` : entry.kind}`);
  const withContext = entry.kind === "error" || field;
  const fullLabel = withContext ? `${label}: ${entry.builtIn[lang] ?? ""}` : label;
  return {
    key: entry.key,
    label,
    context: withContext ? (entry.builtIn[lang] ?? null) : null,
    published: state.published[entry.key],
    drafted: state.drafted[entry.key],
    changed: entry.key in state.draft,
    problems: state.problems.filter((problem) => problem.key === entry.key).map((problem) => problemText(problem, fullLabel, t)),
  };
}

/** The texts grouped as the citizen meets them: each question, the shared error messages, each procedure. */
export function textGroupsView(lifeEvent: LifeEvent, state: ContentState, lang: Lang, t: TFunction): TextGroupView[] {
  const groups: TextGroupView[] = [];
  for (const entry of state.entries) {
    let group = groups.find((candidate) => candidate.id === entry.group);
    if (!group) {
      group = { id: entry.group, kind: entry.groupKind, title: groupTitle(lifeEvent, entry, state, lang, t), isQuestion: entry.groupKind === "question", entries: [], changed: false, problems: 0 };
      groups.push(group);
    }
    const view = entryView(lifeEvent, entry, state, lang, t);
    group.entries.push(view);
    group.changed ||= view.changed;
    group.problems += view.problems.length;
  }
  return groups;
}

/** A change's label: the group's title and the kind of text, as the texts page names them. */
function changeLabels(lifeEvent: LifeEvent, state: ContentState, lang: Lang, t: TFunction): Map<string, string> {
  return new Map(
    textGroupsView(lifeEvent, state, lang, t).flatMap((group) =>
      group.entries.map((entry): [string, string] => [entry.key, `${group.title} — ${entry.context ? `${entry.label}: ${entry.context}` : entry.label}`]),
    ),
  );
}

export function textsPageView(db: Db, lifeEvent: LifeEvent, lang: Lang, t: TFunction) {
  const state = contentStateOf(db, lifeEvent);
  const groups = textGroupsView(lifeEvent, state, lang, t);
  const labels = changeLabels(lifeEvent, state, lang, t);
  const history = contentHistoryOf(db, lifeEvent).map((version) => ({
    ...version,
    publishedAt: formatDateTime(version.publishedAt, lang),
    changes: version.changes.map((change) => ({ ...change, label: labels.get(change.key) ?? change.key })),
  }));
  return {
    version: state.version,
    draftCount: Object.keys(state.draft).length,
    problems: groups.flatMap((group) => group.entries.flatMap((entry) => entry.problems.map((message) => ({ message, group: group.id })))),
    groups,
    history,
  };
}
