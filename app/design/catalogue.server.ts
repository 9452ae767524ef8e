// The designers' catalogue: life events, procedures and organisations in the page's language, with the
// legal bases, deadlines, channels and the life events that use each procedure, filtered by a search that
// looks at both languages (a designer may search "年金" on the English page).
import type { TFunction } from "i18next";
import { dataDictionary, getLifeEvent, listAgencies, listLifeEvents, listLifeEventVersions, listProcedures, type Agency, type Lang, type Procedure } from "../../flows";
import { isRoute } from "../../flows/lib/procedure";
import { lifeEventsByProcedure, matchesQuery, problemCount } from "../../flows/design/catalogue";
import { lifeEventProblems } from "./checks.server";
import { channelText, deadlineText, organisationText } from "./catalogue-text";

import { catalogueSections, organisationLimit, type CatalogueSection } from "./catalogue-sections";

export function readCatalogueQuery(url: URL): { q: string; show: CatalogueSection } {
  const q = (url.searchParams.get("q") ?? "").slice(0, 100).trim();
  const show = url.searchParams.get("show");
  return { q, show: (catalogueSections as readonly string[]).includes(show ?? "") ? (show as CatalogueSection) : "all" };
}

export type ProcedureEntry = {
  id: string;
  name: string;
  description: string | null;
  organisation: string;
  sector: string;
  channel: string;
  legalBasis: string;
  deadline: string;
  inPerson: boolean;
  dataItems: string[];
  prerequisites: string[];
  lifeEvents: { id: string; title: string }[];
};

export function procedureEntry(procedure: Procedure, lang: Lang, t: TFunction, usedBy: string[]): ProcedureEntry {
  const byId = new Map(listProcedures().map((candidate) => [candidate.id, candidate]));
  return {
    id: procedure.id,
    name: procedure.name[lang],
    description: procedure.description?.[lang] ?? null,
    organisation: organisationText(procedure, lang, t),
    sector: t(`journey:consent.sector.${procedure.sector}`),
    channel: channelText(procedure, t),
    legalBasis: procedure.legalBasis[lang],
    deadline: deadlineText(procedure, lang, t),
    inPerson: procedure.inPerson,
    dataItems: procedure.dataItems.map((item) => dataDictionary[item].label[lang]),
    prerequisites: procedure.prerequisites.map((id) => byId.get(id)?.name[lang] ?? id),
    lifeEvents: usedBy.map((id) => ({ id, title: getLifeEvent(id)?.title[lang] ?? id })),
  };
}

function procedureSearchTexts(procedure: Procedure, t: TFunction): (string | undefined)[] {
  const route = isRoute(procedure.handledBy)
    ? (["ja", "en"] as const).map((lng) => t(`journey:routing.${(procedure.handledBy as { kind: string }).kind.replace(":", ".")}`, { lng }))
    : [procedure.handledBy.name.ja, procedure.handledBy.name.en];
  return [
    procedure.id,
    procedure.name.ja,
    procedure.name.en,
    procedure.description?.ja,
    procedure.description?.en,
    procedure.legalBasis.ja,
    procedure.legalBasis.en,
    ...route,
    ...procedure.dataItems.flatMap((item) => [dataDictionary[item].label.ja, dataDictionary[item].label.en]),
  ];
}

export type OrganisationEntry = { id: string; name: string; kind: string; sector: string; channel: string; procedures: string[] };

function organisationEntry(agency: Agency, lang: Lang, t: TFunction, procedures: Procedure[]): OrganisationEntry {
  return {
    id: agency.id,
    name: agency.name[lang],
    kind: t(`design:agencyKind.${agency.kind}`),
    sector: agency.sector[lang],
    channel: t(`design:channel.${agency.channel}`),
    procedures: procedures.filter((procedure) => !isRoute(procedure.handledBy) && procedure.handledBy.id === agency.id).map((procedure) => procedure.name[lang]),
  };
}

export type LifeEventEntry = { id: string; title: string; description: string; version: number; versions: number; questions: number; procedures: number; problems: number };

export function lifeEventEntries(lang: Lang): LifeEventEntry[] {
  const versions = listLifeEventVersions();
  return listLifeEvents().map((lifeEvent) => ({
    id: lifeEvent.id,
    title: lifeEvent.title[lang],
    description: lifeEvent.description[lang],
    version: lifeEvent.version,
    versions: versions.filter((candidate) => candidate.id === lifeEvent.id).length,
    questions: lifeEvent.questions.length,
    procedures: lifeEvent.procedures.length,
    problems: versions.filter((candidate) => candidate.id === lifeEvent.id).reduce((sum, version) => sum + problemCount(lifeEventProblems(version)), 0),
  }));
}

export function catalogueView({ q, show, lang, t }: { q: string; show: CatalogueSection; lang: Lang; t: TFunction }) {
  const lifeEvents = listLifeEvents();
  const procedures = listProcedures();
  const usedBy = lifeEventsByProcedure(lifeEvents);
  const wants = (section: CatalogueSection) => show === "all" || show === section;

  const lifeEventMatches = wants("lifeEvents")
    ? lifeEventEntries(lang).filter((entry) => {
        const lifeEvent = lifeEvents.find((candidate) => candidate.id === entry.id)!;
        return matchesQuery([lifeEvent.id, lifeEvent.title.ja, lifeEvent.title.en, lifeEvent.description.ja, lifeEvent.description.en], q);
      })
    : [];
  const procedureMatches = wants("procedures")
    ? procedures.filter((procedure) => matchesQuery(procedureSearchTexts(procedure, t), q)).map((procedure) => procedureEntry(procedure, lang, t, usedBy.get(procedure.id) ?? []))
    : [];
  const agencies = wants("organisations")
    ? listAgencies().filter((agency) => matchesQuery([agency.id, agency.name.ja, agency.name.en, agency.sector.ja, agency.sector.en], q))
    : [];
  return {
    q,
    show,
    lifeEvents: lifeEventMatches,
    procedures: procedureMatches,
    organisations: {
      total: agencies.length,
      shown: agencies.slice(0, organisationLimit).map((agency) => organisationEntry(agency, lang, t, procedures)),
    },
  };
}
