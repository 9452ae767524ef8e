// The consent preview: for each organisation, exactly which data items it will receive, for which procedure,
// under which legal basis. Its hash binds the consent to exactly what was shown (and the data behind it).
import { createHash } from "node:crypto";
import { dataDictionary, getAgency, getProcedure, isIdentityNumberItem, selectProcedures, type Filing, type SelectedProcedure } from "../../flows";
import type { JourneyView } from "./journeys.server";

export type ConsentProcedure = {
  procedureId: string;
  name: string;
  legalBasis: string;
  /** identityNumber: an identity number, sent only because this procedure's law asks it (shown with that basis). */
  dataItems: { key: string; label: string; identityNumber: boolean }[];
  /** Private recipients may be unticked; public procedures follow from the law. */
  optional: boolean;
  inPerson: boolean;
  /** Someone must be present though no visit is needed (a gas reconnection), or null. */
  presenceNote: string | null;
  /** Why and how it goes by post or at the counter (a move-out without a My Number Card), or null. */
  offlineNote: string | null;
  deadline: string | null;
  /** The office within the organisation that decides it, routed from the data (the police station for the parking place), or null. */
  office: string | null;
};

export type ConsentOrganisation = { agencyId: string; name: string; sector: "public" | "private"; procedures: ConsentProcedure[] };

export type ConsentPreview = { organisations: ConsentOrganisation[]; hash: string; selected: SelectedProcedure[] };

/** Who files and when, as the forms say it (届出年月日・届出人): today in Japan, the person or their representative. */
export function filingOf(filer: { representative: string | null }, today: string): Filing {
  return { date: today, by: filer.representative ? { kind: "representative", name: filer.representative } : { kind: "self" } };
}

export function buildConsentPreview(journey: JourneyView, lang: "ja" | "en", filing?: Filing): ConsentPreview {
  const selected = selectProcedures({ lifeEvent: journey.lifeEvent, answers: journey.answers, record: journey.record, filing });
  const organisations = new Map<string, ConsentOrganisation>();
  for (const item of selected) {
    const procedure = getProcedure(item.procedureId)!;
    const agency = getAgency(item.agencyId);
    const organisation = organisations.get(item.agencyId) ?? {
      agencyId: item.agencyId,
      name: agency?.name[lang] ?? item.agencyId,
      sector: procedure.sector,
      procedures: [],
    };
    organisation.procedures.push({
      procedureId: item.procedureId,
      name: procedure.name[lang],
      legalBasis: procedure.legalBasis[lang],
      dataItems: item.dataItems.map((key) => ({
        key,
        label: dataDictionary[key as keyof typeof dataDictionary]?.label[lang] ?? key,
        identityNumber: isIdentityNumberItem(key),
      })),
      optional: procedure.sector === "private",
      inPerson: item.inPerson,
      presenceNote: procedure.presenceNote?.[lang] ?? null,
      offlineNote: item.offline ? (procedure.offlineNote?.[lang] ?? null) : null,
      deadline: item.deadline,
      office: officeOf(item.payload, lang),
    });
    organisations.set(item.agencyId, organisation);
  }
  const shown = [...organisations.values()];
  const hash = createHash("sha256")
    .update(JSON.stringify({ lang, shown, payloads: selected.map((s) => [s.procedureId, s.agencyId, s.payload]) }))
    .digest("hex");
  return { organisations: shown, hash, selected };
}

/** The station with jurisdiction that a parking certificate or notification goes to, from the payload that names it. */
function officeOf(payload: unknown, lang: "ja" | "en"): string | null {
  const station = (payload as { policeStation?: { name?: Record<"ja" | "en", string> } } | null)?.policeStation;
  return station?.name?.[lang] ?? null;
}

/** The private procedures the person unticked: offered ones that were not ticked. */
export function readOptOut(preview: ConsentPreview, form: FormData): string[] {
  const ticked = new Set(form.getAll("share").map(String));
  return preview.organisations
    .flatMap((o) => o.procedures)
    .filter((p) => p.optional && !ticked.has(p.procedureId))
    .map((p) => p.procedureId);
}
