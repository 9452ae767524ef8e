// The life events the portal offers and who may start them: a person moves house or acquires a car; a company
// is incorporated by its representative. Their definitions live in flows/.
import { getAgency, getLifeEvent, getProcedure, listLifeEvents, type LifeEvent } from "../../flows";
import { descriptionKey } from "../../flows/design/texts";
import type { FlowTexts } from "./texts.server";

const subjectTypes: Record<string, "person" | "company"> = {
  relocation: "person",
  incorporation: "company",
  "car-ownership": "person",
};

export function listLifeEventSummaries(): { id: string }[] {
  return listLifeEvents().map((lifeEvent) => ({ id: lifeEvent.id }));
}

/** The life event of a URL, or a thrown 404. */
export function requireLifeEvent(id: string | undefined): LifeEvent {
  const lifeEvent = id ? getLifeEvent(id) : undefined;
  if (!lifeEvent) throw new Response("Not Found", { status: 404 });
  return lifeEvent;
}

export function subjectTypeOf(lifeEvent: LifeEvent): "person" | "company" {
  return subjectTypes[lifeEvent.id] ?? "person";
}

/**
 * What a life event can take care of, for its start page: each procedure, its description (the published wording
 * first) and the kind of organisation.
 */
export function describeProcedures(lifeEvent: LifeEvent, lang: "ja" | "en", texts: FlowTexts = {}) {
  return lifeEvent.procedures.map((procedureId) => {
    const procedure = getProcedure(procedureId)!;
    const handledBy = procedure.handledBy;
    const organisation = "resolve" in handledBy ? null : (getAgency(handledBy.id)?.name[lang] ?? null);
    return {
      id: procedure.id,
      name: procedure.name[lang],
      description: texts[descriptionKey(lifeEvent, procedure.id)] ?? procedure.description?.[lang] ?? null,
      organisation,
      routedTo: "resolve" in handledBy ? handledBy.kind : null,
      sector: procedure.sector,
      inPerson: procedure.inPerson,
      presence: Boolean(procedure.presenceNote),
    };
  });
}
