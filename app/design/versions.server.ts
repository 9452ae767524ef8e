// The designers' versions page: every published version of a life event's structure (flows/) with how many
// journeys and cases are on it, the difference between any two (questions, rules, procedures, payload items),
// and the wording's content versions with the texts that differ between any two. Figures only: no personal data.
import type { TFunction } from "i18next";
import type { Db } from "../../db/client.server";
import { countCasesByFlowVersion } from "../../db/queries/cases";
import { countJourneysByFlowVersion } from "../../db/queries/journeys";
import { dataDictionary, getProcedure, listLifeEventVersions, type Lang, type LifeEvent } from "../../flows";
import { diffVersions } from "../../flows/design/versions";
import { formatDateTime } from "~/platform/format";
import { changesBetween, contentHistoryOf, contentStateOf, textsAtVersion } from "./content.server";
import { changeLabels } from "./texts-view.server";

export type VersionsQuery = { from: number; to: number; textsFrom: number; textsTo: number };

const numberParam = (url: URL, name: string) => {
  const value = url.searchParams.get(name);
  return value !== null && /^\d{1,4}$/.test(value) ? Number(value) : null;
};

/** The versions to compare: from the address, else the one before the latest against the latest. */
export function readVersionsQuery(url: URL, structureVersions: number[], contentVersions: number[]): VersionsQuery {
  const pick = (name: string, known: number[], fallback: number) => {
    const value = numberParam(url, name);
    return value !== null && known.includes(value) ? value : fallback;
  };
  const latest = structureVersions.at(-1) ?? 1;
  const latestText = contentVersions.at(-1) ?? 0;
  return {
    from: pick("from", structureVersions, structureVersions.at(-2) ?? latest),
    to: pick("to", structureVersions, latest),
    textsFrom: pick("textsFrom", contentVersions, contentVersions.at(-2) ?? latestText),
    textsTo: pick("textsTo", contentVersions, latestText),
  };
}

export function versionsPageView(db: Db, lifeEvent: LifeEvent, url: URL, lang: Lang, t: TFunction) {
  const versions = listLifeEventVersions().filter((candidate) => candidate.id === lifeEvent.id);
  const journeys = countJourneysByFlowVersion(db, { lifeEventId: lifeEvent.id });
  const cases = countCasesByFlowVersion(db, { lifeEventId: lifeEvent.id });
  const journeysOf = (version: number, status: string) => journeys.find((row) => row.flowVersion === version && row.status === status)?.count ?? 0;
  const history = contentHistoryOf(db, lifeEvent);
  const contentVersions = [0, ...history.map((version) => version.version).sort((a, b) => a - b)];
  const query = readVersionsQuery(
    url,
    versions.map((version) => version.version),
    contentVersions,
  );

  const byVersion = new Map(versions.map((version) => [version.version, version]));
  const diff = diffVersions(byVersion.get(query.from)!, byVersion.get(query.to)!);
  const questionTitle = (id: string) => {
    const question = (byVersion.get(query.to)!.questions.find((q) => q.id === id) ?? byVersion.get(query.from)!.questions.find((q) => q.id === id))!;
    return t(question.texts.title);
  };
  const procedureName = (id: string) => getProcedure(id)?.name[lang] ?? id;
  const itemLabel = (key: string) => (key in dataDictionary ? dataDictionary[key as keyof typeof dataDictionary].label[lang] : key);

  const state = contentStateOf(db, lifeEvent);
  const labels = changeLabels(lifeEvent, state, lang, t);
  const before = textsAtVersion(db, lifeEvent, state.entries, query.textsFrom)!;
  const after = textsAtVersion(db, lifeEvent, state.entries, query.textsTo)!;
  const textChanges = changesBetween(state.entries, before, after).map((change) => ({ ...change, label: labels.get(change.key) ?? "" }));

  return {
    query,
    structure: versions.map((version) => ({
      version: version.version,
      latest: version === lifeEvent,
      questions: version.questions.length,
      procedures: version.procedures.length,
      journeysInProgress: journeysOf(version.version, "inProgress"),
      journeysSubmitted: journeysOf(version.version, "submitted"),
      cases: cases.find((row) => row.flowVersion === version.version)?.count ?? 0,
    })),
    diff: {
      questionsAdded: diff.questions.added.map(questionTitle),
      questionsRemoved: diff.questions.removed.map(questionTitle),
      questionsChanged: diff.questions.changed.map(({ id, changes }) => ({ title: questionTitle(id), changes: changes.map((change) => t(`design:versions.questionChanges.${change}`)) })),
      proceduresAdded: diff.procedures.added.map(procedureName),
      proceduresRemoved: diff.procedures.removed.map(procedureName),
      rules: diff.rules.map((rule) => ({ name: rule.kind === "question" ? questionTitle(rule.id) : procedureName(rule.id), kind: rule.kind, situations: rule.situations })),
      payloads: diff.payloads.map((payload) => ({ name: procedureName(payload.procedureId), added: payload.added.map(itemLabel), removed: payload.removed.map(itemLabel) })),
    },
    content: [
      ...history.map((version) => ({ version: version.version, publishedAt: formatDateTime(version.publishedAt, lang), publishedBy: version.publishedBy, revertedTo: version.revertedTo, changes: version.changes.length })),
    ],
    contentVersions,
    textChanges,
  };
}
